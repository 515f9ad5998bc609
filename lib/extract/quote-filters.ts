import { parse, normalForm } from "./morph";
import { reportingVerb, TITLE_HEADS } from "./lexicon";
import type { QuoteSpan } from "./quotes";
/** Which «…» spans of a document are statements: titles and names are not, a short quote counts when a reporting verb or a colon stands beside it. */

/** «…», – добавил эксперт: a reporting verb right after the quote. */
export function verbAfter(paragraphs: readonly string[], q: QuoteSpan): boolean {
  const m = /^\s*[,.!?…]?\s*[–—-]\s*([а-яё]+)/u.exec(paragraphs[q.endPara]!.slice(q.end));
  return Boolean(m && reportingVerb(m[1]!));
}

/** A short quote still counts when a reporting verb follows it («…», – сказал Х) or a colon precedes it. */
export function attributedNextTo(paragraphs: readonly string[], q: QuoteSpan): boolean {
  const after = paragraphs[q.endPara]!.slice(q.end);
  const m = /^\s*[,.!?…]?\s*[–—-]\s*([а-яё]+)/u.exec(after);
  if (m && reportingVerb(m[1]!)) return true;
  const before = paragraphs[q.startPara]!.slice(0, q.start);
  return /:\s*$/u.test(before);
}

export function quoteRangesIn(spans: QuoteSpan[], para: number, length: number): { start: number; end: number; id: number }[] {
  const out: { start: number; end: number; id: number }[] = [];
  for (const q of spans) {
    if (para < q.startPara || para > q.endPara) continue;
    out.push({ start: para === q.startPara ? q.start : 0, end: para === q.endPara ? q.end : length, id: q.id });
  }
  return out;
}

/** A «…» right after «закон», «орден», «фильм» …, a law title «О …» or an award «За …»: a name, not a statement. */
/**
 * «такие картины, как «Мимино», «Афоня» и «Я шагаю по Москве»»: a short «…» next to another,
 * with only a comma or «и» between them, is one of a list of titles. People's words do not come
 * in such lists.
 */
function inTitleList(paragraphs: readonly string[], q: QuoteSpan, words: number): boolean {
  // Titles open with a capital; words quoted in a row («они делают …», «они пытаются …») do not.
  if (words > 8 || q.startPara !== q.endPara || !/^[«„"“]?\s*[А-ЯЁA-Z0-9]/u.test(q.text.trim())) return false;
  const p = paragraphs[q.startPara]!;
  const before = p.slice(Math.max(0, q.start - 8), q.start);
  const after = p.slice(q.end, q.end + 8);
  // A title may be followed by its author («Люблю тебя, люблю» Алена Рене, «Сияние» …).
  const afterAuthor = p.slice(q.end, q.end + 60);
  return /[»“"]\s*(,|и)\s*$/u.test(before) || /^\s*(,|и)\s*[«„"]/u.test(after) || /^\s+[А-ЯЁ][а-яё]+(\s+[А-ЯЁ][а-яё]+)?\s*,\s*[«„"]/u.test(afterAuthor);
}

export function isTitle(paragraphs: readonly string[], q: QuoteSpan): boolean {
  if (q.dialogue || q.interruptions.length > 0) return false;
  const before = paragraphs[q.startPara]!.slice(Math.max(0, q.start - 40), q.start);
  const m = /([А-Яа-яЁё-]+)\s*$/u.exec(before);
  if (m) {
    const w = m[1]!.toLowerCase();
    if (TITLE_HEADS.has(w) || parse(w).some((p) => p.tag.POS === "NOUN" && TITLE_HEADS.has(normalForm(p, w).replace(/ё/g, "е")))) return true;
  }
  const t = q.text.trim();
  const words = t.split(/\s+/);
  if (inTitleList(paragraphs, q, words.length)) return true;
  const inner = t.replace(/[.…]+$/u, "");
  const law = /^(О|Об|Обо)$/u.test(words[0] ?? "") && !/[.!?…]/u.test(inner) && words.length <= 30;
  const award = /^за$/iu.test(words[0] ?? "") && words.length <= 25 && !/[.!?…]/u.test(inner);
  if (!law && !award) return false;
  // «О внесении дополнений и изменений в некоторые законы» is a law's title, «За заслуги перед
  // Отечеством» an award; «О чём вы говорите» is a question.
  return !words.some((w) => {
    const bare = w.toLowerCase().replace(/[^а-яё-]/gu, "");
    return bare.length > 0 && parse(bare)[0]?.tag.POS === "VERB";
  });
}

const SPEECH_PRONOUN = /(?<![а-яё])(я|мы|ты|вы|мне|меня|мной|нам|нас|нами|вам|вас|вами|тебе|тебя|мой|моя|моё|мое|мои|моих|наш|наша|наше|наши|наших|ваш|ваша|ваше|ваши)(?![а-яё])/iu;

/** Words that read as something said: a finite verb, a first- or second-person pronoun, or more than one sentence. */
export function speechLike(q: QuoteSpan): boolean {
  if (q.dialogue || q.interruptions.length > 0) return true;
  const t = q.text;
  if (SPEECH_PRONOUN.test(t) || /[а-яёa-z]{2}[.!?…]\s+[А-ЯЁA-Z«"„]/u.test(t)) return true;
  for (const w of t.toLowerCase().match(/[а-яё]+(?:-[а-яё]+)*/gu) ?? []) {
    // Only words with a verb's ending are looked up: most of a title is nouns and adjectives.
    if (w.length < 3 || !/(ть|ти|л|ла|ли|ло|ет|ёт|ут|ют|ит|ат|ят|ем|ём|им|ешь|ишь|ете|ите|ся|сь|й|йте|но|жно|льзя)$/u.test(w)) continue;
    const top = parse(w)[0];
    if (top && (top.tag.POS === "VERB" || top.tag.POS === "PRED") && top.score >= 0.3) return true;
  }
  return false;
}
