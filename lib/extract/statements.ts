import { parse } from "./morph";
import { HOMONYM_SURNAMES, NON_PERSON_SPEAKERS, NOT_NAME, ORG_HEADS, PRONOUNS, REPORTING_VERBS, reportingVerb, ROLE_HEADS, type Gender } from "./lexicon";
import { isCapitalisedWord, normaliseName, type Case, type PersonName } from "./names";
import { governedByNoun, isAbbr, isRoleWord, joinTokens, leftDescriptor, parseDescriptor, parseInstitution, type InstitutionMention } from "./describe";
import { nameBlocks, nameCases, type NameBlock } from "./name-blocks";
import { tokens, type Tok } from "./tokens";

/**
 * Who says something in a sentence: the reporting verb, and the speaker it names — a person, a
 * role alone («подчеркнул директор ИМЭП») or a pronoun. Quotes are collapsed to one token so that
 * names inside them are never taken for speakers.
 */

export interface Attribution {
  person?: PersonName;
  role?: string;
  institution?: InstitutionMention;
  /** «– отметил он»: the speaker is someone already introduced. */
  pronoun?: Gender;
  /** A body or a medium that speaks: «сообщает РБК», «по данным Forbes», «МЧС России сообщило». */
  organisation?: string;
  /** The organisation is a news medium (РБК, Reuters, газета «…»): it reports, it does not say a quote. */
  medium?: boolean;
  gender?: Gender;
}

export interface Statement {
  verb: string;
  /** Token index of the reporting verb (or of «словам» in «по словам»). */
  verbIndex: number;
  attribution: Attribution;
  /** Where the attribution sits relative to the verb: inverted «– отметил Х», or Х before it. */
  kind: "after" | "before" | "po-slovam" | "colon";
}

export interface QTok extends Tok {
  /** Index of the quote this token stands for. */
  quote?: number;
}

/** Tokens of `text` with every range in `quotes` (absolute offsets) collapsed to one token. */
export function maskedTokens(text: string, offset: number, quotes: { start: number; end: number; id: number }[]): QTok[] {
  const out: QTok[] = [];
  const inside = (pos: number) => quotes.find((q) => pos >= q.start && pos < q.end);
  const seen = new Set<number>();
  for (const t of tokens(text, offset)) {
    const q = inside(t.start);
    if (q) {
      if (!seen.has(q.id)) {
        seen.add(q.id);
        out.push({ text: "«»", start: q.start, end: q.end, word: false, quote: q.id });
      }
      continue;
    }
    out.push(t);
  }
  return out;
}

const PO_SLOVAM = new Set(["словам", "мнению", "оценке", "убеждению", "заявлению", "утверждению", "признанию", "данным", "сообщению", "версии", "информации", "сведениям"]);
const FILLER_PREP = /^(в|во|на|при|после|перед|по|с|со|для|за)$/u;
const LEAD_PARTICLES = new Set(["и", "также", "тоже", "же", "еще", "ещё", "вчера", "сегодня", "позже", "позднее", "ранее", "затем", "потом", "тогда", "уже", "впоследствии", "недавно", "однако"]);

function isBoundary(t: Tok): boolean {
  return !t.word && /^[,.;:!?«»"„“]$/u.test(t.text);
}


function fromDictionary(p: { parser?: string }): boolean {
  return p.parser === "Dictionary";
}

/**
 * A capitalised word standing in a speaker's slot that the name rules pass over: a surname az
 * knows only as a common noun (Трамп, Рен, Макрон), or a -ский surname az does not know
 * (Марчевский). Mid-sentence capitalisation is evidence enough; at a sentence start only the
 * listed homonyms and the -ский shape count. Places, bodies and media are never people.
 */
export function slotSurname(t: Tok | undefined, atStart: boolean): boolean {
  if (!t?.word || !isCapitalisedWord(t.text)) return false;
  const lower = t.text.toLowerCase();
  if (NOT_NAME.has(lower) || NON_PERSON_SPEAKERS.has(lower) || ROLE_HEADS.has(lower) || ORG_HEADS.has(lower) || isRoleWord(t)) return false;
  const dict = parse(t.text).filter((p) => fromDictionary(p as unknown as { parser?: string }));
  if (dict.length === 0) return /^[А-ЯЁ][а-яё]{2,}(?:ск|цк)(?:ий|ая)$/u.test(t.text) && !t.text.includes("-");
  if (dict.some((p) => p.tag.Geox || p.tag.Orgn || p.tag.Abbr || p.tag.Name || p.tag.Surn || p.tag.Patr)) return false;
  if (!dict.every((p) => p.tag.POS === "NOUN") || !dict.some((p) => p.tag.CAse === "nomn" && p.tag.NMbr !== "plur")) return false;
  if (parse(lower).some((p) => p.tag.POS !== "NOUN")) return false;
  return !atStart || HOMONYM_SURNAMES.has(lower);
}


function isFirstName(t: Tok | undefined): boolean {
  if (!t?.word || !isCapitalisedWord(t.text)) return false;
  const rs = parse(t.text).filter((p) => fromDictionary(p as unknown as { parser?: string }));
  // «Израиль» is also a first name: a word that names a place is no first name here.
  if (rs.some((p) => p.tag.Geox || p.tag.Orgn)) return false;
  return rs.some((p) => p.tag.Name && p.tag.CAse === "nomn" && p.tag.NMbr !== "plur");
}

/**
 * The name that ends at token `end` (exclusive) in a speaker's slot: a run of capitalised words
 * opened by a first name («Альфонс Ори», «Франц Йозеф Юнг»), even where the later words also
 * read as places or common nouns; or a first name alone («Марк отметил»).
 */
function slotBlock(ts: Tok[], end: number): NameBlock | undefined {
  let from = end;
  while (from > 0 && end - from < 3 && ts[from - 1]!.word && isCapitalisedWord(ts[from - 1]!.text) && !isRoleWord(ts[from - 1]!)) from--;
  for (let r = from; r < end; r++) {
    if (!isFirstName(ts[r])) continue;
    const words = ts.slice(r, end).map((t) => t.text);
    if (words.some((w) => NON_PERSON_SPEAKERS.has(w.toLowerCase()) || NOT_NAME.has(w.toLowerCase()))) return undefined;
    return { from: r, to: end, words };
  }
  return undefined;
}

function startsSentence(ts: Tok[], i: number): boolean {
  return i === 0 || /^[.!?…:«"„–—]$/u.test(ts[i - 1]!.text);
}

/**
 * The noun before a name governs it only when the name can be in an oblique case: «отец Андерса
 * Брейвика заявил» (genitive), but not «по итогам совещания Сурков заверил» (nominative only).
 */
function governed(ts: Tok[], block: NameBlock): boolean {
  if (!governedByNoun(ts, block)) return false;
  const last = block.words[block.words.length - 1]!;
  const cs = nameCases(last);
  if (cs) return [...cs].some((c) => c !== "nomn");
  return /[аяуюеио]$/u.test(last);
}


/** Nouns a medium or a body is named after («газета «Известия»», «пресс-служба МВД»), dropped from its name. */
const MEDIA_NOUN = /^(газет[аыеу]|издани[еяю]|агентств[оау]|информагентств[оау]|портал[аеу]?|сайт[аеу]?|телеканал[аеу]?|канал[аеу]?|телеграм-канал[аеу]?|радиостанци[яиюей]|журнал[аеу]?|телекомпани[яиюей]|таблоид[аеу]?|еженедельник[аеу]?|ежедневник[аеу]?|газете|газетой|изданием|агентством)$/u;
const BODY_HEAD = /^(пресс-служб[аыеу]|министерств[оау]|ведомств[оау]|полици[яиюей]|прокуратур[аыеу]|управлени[еяю]|департамент[аеу]?|служб[аыеу]|комитет[аеу]?|штаб[аеу]?|посольств[оау]|правительств[оау]|администраци[яиюей]|власти|властей|мэри[яиюей]|суд[аеу]?|пресс-центр[аеу]?|канцеляри[яиюей])$/u;
const PREP = /^(с|со|к|ко|у|о|об|от|для|без|при|про|через|между|перед|над|под|за|по|из|на|после|против|согласно)$/u;
const LATIN_WORD = /^[A-Za-z0-9][A-Za-z0-9&.'’-]*$/u;

/**
 * The body or medium a clause names, as the text names it: «РБК», «Associated Press», «газета
 * «Известия»» → «Известия», «пресс-служба МВД Киргизии». Undefined when the clause names none.
 */
export function organisationIn(body: Tok[], asSubject = false): string | undefined {
  if (!body.some((t) => /^[A-ZА-ЯЁ0-9«"„]/u.test(t.text) || BODY_HEAD.test(t.text.toLowerCase()))) return undefined;
  let i = 0;
  while (i < body.length && body[i]!.word && /^[а-яёА-ЯЁ][а-яё-]+$/u.test(body[i]!.text) && !MEDIA_NOUN.test(body[i]!.text) && !BODY_HEAD.test(body[i]!.text) && i < 2 && parse(body[i]!.text).some((p) => p.tag.POS === "ADJF")) i++;
  const media = i < body.length && MEDIA_NOUN.test(body[i]!.text.toLowerCase());
  if (media) i++;
  const rest = body.slice(i);
  if (rest.length === 0) return undefined;
  if (rest[rest.length - 1]!.text === ")" ) {
    const open = rest.findIndex((t) => t.text === "(");
    if (open > 0) rest.splice(open);
  }
  // «фирма «Спейс адвентчерс»»: a company's head noun before its quoted name.
  if (!media && rest.length > 2 && /^(фирм|компани|корпораци|концерн|холдинг|банк|фонд|организаци|группировк|движени|парти)/u.test(rest[0]!.text.toLowerCase()) && /^[«"„]$/u.test(rest[1]!.text)) rest.shift();
  // «Известия», ''The Washington Post''.
  if (/^[«"„]$/u.test(rest[0]!.text)) {
    const close = rest.findIndex((t, k) => k > 0 && /^[»"“]$/u.test(t.text));
    if (close > 1 && close <= 6 && close === rest.length - 1) return joinTokens(rest.slice(1, close));
    return undefined;
  }
  // Associated Press, NEWSru.com, CNN, Reuters.
  const latin = rest.every((t) => LATIN_WORD.test(t.text) || t.text === "." || t.text === "&");
  if (latin && rest.some((t) => /^[A-Z]/u.test(t.text)) && rest.length <= 6) return joinTokens(rest);
  // РБК, ТАСС, МЧС России, РИА Новости, ФБР.
  if (isAbbr(rest[0]!.text) && rest.length <= 3 && rest.slice(1).every((t) => t.word && /^[А-ЯЁA-Z]/u.test(t.text))) {
    if (NON_PERSON_SPEAKERS.has(rest[0]!.text.toLowerCase()) && rest.length === 1 && !media) return rest[0]!.text;
    return joinTokens(rest);
  }
  if (media && rest.length <= 3 && rest.every((t) => t.word && /^[А-ЯЁ0-9]/u.test(t.text))) return joinTokens(rest);
  // «в сообщении Букингемского дворца»: a capitalised name of a body in the genitive.
  if (!asSubject && /^[А-ЯЁ][а-яё]/u.test(rest[0]!.text) && rest.length <= 4 && parse(rest[0]!.text.toLowerCase()).some((p) => p.tag.POS === "ADJF")) {
    const inst = parseInstitution(rest);
    if (inst && inst.name.split(/\s+/).length === rest.length) return inst.name;
  }
  // пресс-служба МВД Киргизии, Министерство обороны США, афганские власти.
  if (BODY_HEAD.test(rest[0]!.text.toLowerCase()) && rest.length <= 6 && (i > 0 || asSubject || rest.slice(1).some((t) => /^[А-ЯЁA-Z]/u.test(t.text)))) {
    // As the subject the text names it in the nominative already: kept as written.
    if (asSubject) return joinTokens(body);
    const inst = parseInstitution(rest);
    if (inst) return inst.name;
  }
  return undefined;
}


/** Tokens from `from` to the next comma or sentence mark; with `skipLead`, leading «во вторник», «сегодня» are dropped. */
function untilBoundary(ts: QTok[], from: number, skipLead = false): QTok[] {
  let i = from;
  if (skipLead) {
    for (let n = 0; n < 3 && i < ts.length; n++) {
      const w = ts[i]!.text.toLowerCase();
      if (LEAD_PARTICLES.has(w) || /^(сегодня|вчера|накануне)$/u.test(w)) i++;
      else if (/^(во|в)$/u.test(w) && /^(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)$/u.test(ts[i + 1]?.text ?? "")) i += 2;
      else break;
    }
  }
  let e = i;
  const domainDot = (k: number) => ts[k]!.text === "." && ts[k + 1] && ts[k + 1]!.start === ts[k]!.end && /^[a-z]{2,6}$/u.test(ts[k + 1]!.text);
  while (e < ts.length && (!/^[,.;!?:()]$/u.test(ts[e]!.text) || domainDot(e)) && !/^(со|с)$/u.test(ts[e]!.text) && ts[e]!.quote === undefined) e++;
  return ts.slice(i, e);
}

/** The body standing as the subject at the start of the sentence: «МЧС России сообщило», «Forbes пишет». */
function organisationBefore(ts: Tok[], v: number): Attribution | undefined {
  let from = 0;
  if (ts[0] && /^[–—]$/u.test(ts[0].text)) from = 1;
  while (from < v && LEAD_PARTICLES.has(ts[from]!.text.toLowerCase())) from++;
  // «В МВД сообщили, что …»: where the words come from (named in the locative, brought to the nominative).
  let located = false;
  if (/^(в|во)$/iu.test(ts[from]?.text ?? "") && /(ли)$/u.test(ts[v]!.text)) {
    from++;
    located = true;
  }
  if (v - from < 1) return undefined;
  // Cheap test first: a body's name has a capital, a Latin word or a body's head noun in it.
  const near = ts.slice(Math.max(from, v - 6), v);
  if (!near.some((t) => /^[A-ZА-ЯЁ«"]/u.test(t.text) || BODY_HEAD.test(t.text.toLowerCase()))) return undefined;
  // «20 октября рейтинговое агентство Fitch сообщило»: the longest name ending at the verb.
  for (let k = Math.max(from, v - 6); k < v; k++) {
    if (k > from && PREP.test(ts[k - 1]!.text.toLowerCase())) continue;
    if (k > from && !/^[\d.,]+$|^(года|году|г)$/u.test(ts[k - 1]!.text) && ts[k - 1]!.word && !/^(в|во)$/iu.test(ts[k - 1]!.text)) {
      // Only dates and the sentence start may stand before the name.
      const all = ts.slice(from, k).every((t) => /^[\d.,]+$/u.test(t.text) || /^(года|году|г|январ[яе]|феврал[яе]|март[аеу]?|апрел[яе]|ма[яе]|июн[яе]|июл[яе]|август[аеу]?|сентябр[яе]|октябр[яе]|ноябр[яе]|декабр[яе]|в|во|тот|же|день|этот|это|тем|временем)$/iu.test(t.text));
      if (!all) continue;
    }
    if (located && k !== from) continue;
    const o = orgAttribution(ts.slice(k, v), !located);
    if (o) return o;
  }
  return undefined;
}

const AGENCY = /^(тасс|интерфакс|риа|рбк|рейтер|рейтерс|синьхуа|блумберг|би-би-си|ап|афп|итар-тасс|регнум|ria|bbc|cnn|reuters|bloomberg|afp|ap)$/iu;

/** An organisation attribution, marked as a medium when it is a news outlet. */
function orgAttribution(ts: Tok[], asSubject = false): Attribution | undefined {
  // «его правительство», «Пресс-служба отмечает»: a body named by a common noun alone refers back
  // to one named before; which one is not said here.
  if (/^(его|её|ее|их|этот|эта|это|та|тот)$/iu.test(ts[0]?.text ?? "")) return undefined;
  const name = organisationIn(ts, asSubject);
  if (!name) return undefined;
  const words = name.split(/\s+/);
  // «Министерство морских дел и рыболовства»: a head noun with a name after it is specific enough.
  const specific = words.length >= 3 && BODY_HEAD.test(words[0]!.toLowerCase());
  if (!specific && !words.some((w, i) => (i > 0 && /^[А-ЯЁA-Z«"]/u.test(w)) || /^[A-Z]/u.test(w) || isAbbr(w.replace(/[«»"]/gu, "")) || (i === 0 && /^[А-ЯЁ]/u.test(w) && !BODY_HEAD.test(w.toLowerCase()) && !parse(w.toLowerCase()).some((p) => p.tag.POS === "ADJF")))) return undefined;
  const media = ts.some((t) => MEDIA_NOUN.test(t.text.toLowerCase())) || /^[A-Za-z]/u.test(name) || AGENCY.test(name.split(/\s+/)[0]!) || /^[«"]/u.test(ts[0]?.text ?? "");
  return { organisation: name, ...(media ? { medium: true } : {}) };
}

/** Neuter and plural past forms («сообщило», «заявили»): only a body speaks so. */
function bodyVerb(word: string): boolean {
  const w = word.toLowerCase();
  const m = /^(.+л)(о|и)$/u.exec(w);
  return Boolean(m && REPORTING_VERBS.get(m[1]!) === "masc");
}

/** Gender a name's reading implies when the verb does not say. */
function blockWords(ts: Tok[], b: NameBlock): string[] {
  return ts.slice(b.from, b.to).map((t) => t.text);
}

function canBeNominative(words: string[]): boolean {
  for (const w of words) {
    const cs = nameCases(w);
    if (cs && !cs.has("nomn")) return false;
  }
  return true;
}

/**
 * The subject agrees with a past-tense verb: «заявил» cannot have «Дадашева» (a feminine
 * nominative, or a genitive) as its subject, and an unknown word in -а after «заявил» is most
 * likely a genitive (Адвокат Маркива заявил).
 */
function agreesWithVerb(words: string[], gender: Gender | undefined): boolean {
  if (!gender) return true;
  const last = words[words.length - 1]!;
  const rs = parse(last).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary" && (p.tag.Surn || p.tag.Name));
  if (rs.length > 0) return rs.some((p) => p.tag.CAse === "nomn" && (p.tag.GNdr === gender || p.tag.GNdr === "ms-f" || p.tag.Fixd));
  if (gender === "masc" && words.length === 1 && /[бвгджзклмнпрстфхцчшщ]а$/u.test(last)) return false;
  return true;
}

/** The clause after an inverted verb: [filler] [role [institution]] [Name] | [role institution] | pronoun. */
function clauseAfter(ts: Tok[], from: number, gender: Gender | undefined, c: Case): Attribution | undefined {
  // «сообщил «Интерфаксу» координатор движения …»: a quoted addressee before the speaker.
  if (/^[«"„]$/u.test(ts[from]?.text ?? "")) {
    const close = ts.findIndex((t, k) => k > from && k - from <= 4 && /^[»"“]$/u.test(t.text));
    if (close > from + 1 && ts[close + 1]?.word && /^[а-яё]/u.test(ts[close + 1]!.text)) from = close + 1;
  }
  let end = from;
  let depth = 0;
  while (end < ts.length) {
    const t = ts[end]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    // «уточнил А. Кержаев»: the period of an initial does not end the clause.
    const initial = t.text === "." && /^[А-ЯЁ]$/u.test(ts[end - 1]?.text ?? "") && /^[А-ЯЁ]/u.test(ts[end + 1]?.text ?? "");
    if (depth <= 0 && !initial && (isBoundary(t) || (t.text !== "–" && t.text !== "—" ? false : end > from && !/^[А-ЯЁ]/u.test(ts[end + 1]?.text ?? "") ))) break;
    if (t.word && end > from && reportingVerb(t.text)) break;
    // «заявил Мёрдок и спустя год реализовал …»: «и» before lowercase words starts the subject's
    // next predicate; «Трамп и Путин» stays one clause.
    if (t.word && end > from && /^(и|а|но)$/u.test(t.text) && /^[а-яё]/u.test(ts[end + 1]?.text ?? "") && /^[А-ЯЁA-Z]/u.test(ts[end - 1]?.text ?? "") && nameBlocks(ts.slice(from, end), -1).length === 1) break;
    end++;
  }
  // Dashes inside an institution name («РК – Лидера Нации») are kept; a dash followed by
  // lowercase text ends the clause.
  const clause = ts.slice(from, end);
  if (clause.length === 0) return undefined;
  const first = clause[0]!;
  if (first.word && PRONOUNS.has(first.text.toLowerCase())) return { pronoun: PRONOUNS.get(first.text.toLowerCase())!, ...(gender ? { gender } : {}) };
  let start = 0;
  // «указывает и руководитель ЛДПР …», «заявил также министр …»: particles before the speaker.
  while (start < clause.length - 1 && LEAD_PARTICLES.has(clause[start]!.text.toLowerCase())) start++;
  if (start > 0 && clause[start]!.word && PRONOUNS.has(clause[start]!.text.toLowerCase())) return { pronoun: PRONOUNS.get(clause[start]!.text.toLowerCase())!, ...(gender ? { gender } : {}) };
  if (FILLER_PREP.test(clause[start]!.text.toLowerCase())) {
    // «в своем выступлении», «в интервью агентству» — skip to the first role word or name.
    const rest = clause.slice(start);
    const blocks = nameBlocks(rest);
    const role = rest.findIndex((t) => isRoleWord(t));
    const firstName = blocks[0]?.from ?? -1;
    const homonym = rest.findIndex((t, i) => i > 0 && slotSurname(t, false));
    const candidates = [role, firstName, homonym].filter((x) => x >= 0);
    if (candidates.length === 0) return undefined;
    start += Math.min(...candidates);
  }
  const body = clause.slice(start);
  const blocks = nameBlocks(body, -1);
  {
    const endAt = body.findIndex((t) => t.text === "(");
    const slot = slotBlock(body, endAt >= 0 ? endAt : body.length);
    const last = blocks[blocks.length - 1];
    if (slot && (!last || (slot.to === last.to && slot.from < last.from) || last.to <= slot.from)) {
      if (last && slot.to === last.to) blocks.pop();
      blocks.push(slot);
    }
  }
  // «– заявил Трамп», «– сказал президент Франции Макрон»: a surname az reads as a common noun.
  if (blocks.length === 0) {
    const h = body.findIndex((t, i) => slotSurname(t, false) && (i === body.length - 1 || body[i + 1]!.text === "(" || (body[i + 1]!.word && /^[а-яё]/u.test(body[i + 1]!.text))));
    if (h >= 0) blocks.push({ from: h, to: h + 1, words: [body[h]!.text] });
  }
  // The name closes the descriptor («директор … Московского центра … Игорь Левашов»): take the
  // first block that can be nominative, so a genitive name inside an institution is passed over.
  const fits = blocks.filter((b) => c !== "nomn" || canBeNominative(blockWords(body, b)));
  const block = fits.find((b) => b.to === body.length || body[b.to]!.text === "(") ?? fits[0];
  if (block) {
    const words = blockWords(body, block);
    if (c === "nomn" && (!canBeNominative(words) || !agreesWithVerb(words, gender))) return undefined;
    const desc = block.from > 0 ? parseDescriptor(body.slice(0, block.from), c) : {};
    // Text between the role and the name that is not a descriptor (журналистам) is fine; a name
    // far from the verb with no role in between is too loose to trust.
    if (block.from > 0 && !desc.role && block.from > 2) return undefined;
    const person = normaliseName(words, c, gender);
    if (!person) return undefined;
    return { person, ...(desc.role ? { role: desc.role } : {}), ...(desc.institution ? { institution: desc.institution } : {}), ...(gender ?? person.gender ? { gender: gender ?? person.gender } : {}) };
  }
  const desc = parseDescriptor(body, c);
  if (desc.role && isRoleWord(body[0]!)) return { ...desc, ...(gender ? { gender } : {}) };
  return undefined;
}

/** The subject before a verb: [role [institution]] Name | role | pronoun. */
/** Parentheticals of a few words: «Х, в частности, заявил», «Х, в свою очередь, отметил». */
const PARENTHETICAL = /^(в частности|в свою очередь|кроме того|тем не менее|по-видимому|по всей видимости|как правило|в том числе|со своей стороны|по сути|в целом|к тому же|между тем|при этом|в итоге|как и прежде|в ответ)$/u;

const PLACE_HEAD = /^(города|городка|посёлка|поселка|села|деревни|области|района|округа|края|провинции|штата|острова|улицы|станицы|республики|префектуры|графства|княжества|эмирата|аэропорта|порта)$/u;

const ONE_WORD_ASIDE = /^(однако|впрочем|кстати|например|вероятно|видимо|правда|также|же|конечно|безусловно)$/u;

/** Does the comma at `close` end a parenthetical («, в частности,», «, однако,», «, 12 мая,»)? */
function closesAside(ts: Tok[], close: number): boolean {
  if (dateAside(ts, close) >= 0) return true;
  for (let k = close - 1; k >= 0 && close - k <= 5; k--) {
    if (ts[k]!.text !== ",") continue;
    const words = ts.slice(k + 1, close).map((x) => x.text.toLowerCase());
    return PARENTHETICAL.test(words.join(" ")) || (words.length === 1 && ONE_WORD_ASIDE.test(words[0]!));
  }
  return false;
}

const MONTH_GENITIVE = /^(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)$/u;

/**
 * «Борис Джонсон во вторник, 31 марта, заявил»: a date between commas ending at the comma `close`;
 * the index of its opening comma, or -1.
 */
function dateAside(ts: Tok[], close: number): number {
  let k = close - 1;
  let day = false;
  let month = false;
  while (k >= 0 && close - k <= 5) {
    const w = ts[k]!.text.toLowerCase();
    if (/^\d{1,2}$/u.test(w)) day = true;
    else if (MONTH_GENITIVE.test(w)) month = true;
    else if (!/^(\d{4}|года|г|\.)$/u.test(w)) break;
    k--;
  }
  return day && month && ts[k]?.text === "," ? k : -1;
}

/**
 * «Евгений Кисин, говоря о Геноциде армян, отметил», «Эрдоган, который поддерживал отношения с
 * Мурси, выразил»: a gerund phrase or a «который» clause between commas ending at the comma
 * `close`, names inside it being its objects; the index of its opening comma, or -1.
 */
function clauseAside(ts: Tok[], close: number): number {
  let k = close - 1;
  while (k >= 0 && close - k <= 14 && (ts[k]!.word || /^[()–—-]$/u.test(ts[k]!.text))) k--;
  const first = ts[k + 1];
  if (k < 1 || ts[k]!.text !== "," || !first || k + 1 >= close) return -1;
  const w = first.text.toLowerCase();
  const opens = /^котор(ый|ая|ое|ые)$/u.test(w) || (/^[а-яё]+$/u.test(w) && parse(w).some((p) => p.tag.POS === "GRND" && p.score >= 0.3));
  return opens ? k : -1;
}

/** Can a name's word stand in case `c`? As the dictionary says, else by its ending («Джеймсон» is no instrumental). */
function nameCanBe(word: string, c: Case): boolean {
  const cs = nameCases(word);
  // A reading in every case (a woman's foreign surname, «Джексон») says nothing: the ending decides.
  if (cs && cs.size < 6) return cs.has(c);
  // Endings a Russian-declined name takes in that case; «Пендерецкая», «Джеймсон» have none of them.
  const w = word.toLowerCase();
  if (/(ая|яя|ий|ый)$/u.test(w)) return false;
  return OBLIQUE_ENDINGS[c]?.test(w) ?? false;
}

const OBLIQUE_ENDINGS: Partial<Record<Case, RegExp>> = {
  gent: /([^аеиоуыэюя][ая]|ой|ей|ого|его)$/u,
  datv: /([уюе]|ой|ей|ому|ему)$/u,
  accs: /([^аеиоуыэюя][аяую]|ого|его)$/u,
  ablt: /(ом|ем|ым|им|ой|ей|ою|ею)$/u,
  loct: /(е|ом|ой|ей)$/u,
};

/** A preposition among the (at most four) lowercase words before token `at`: «после известия о смерти …». */
function inPrepositionalPhrase(ts: Tok[], at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 4; k--) {
    const t = ts[k]!;
    if (!t.word || !/^[а-яё-]+$/u.test(t.text)) return false;
    if (PREP.test(t.text) || /^(в|во)$/u.test(t.text)) return true;
  }
  return false;
}

const WEB_SUFFIX = /^(ру|ru|com|net|org|рф|info|ua|by|kz)$/iu;

/** The index just after a medium's name at `from` («NEWSru.com», «Лента.ру», «РБК», «Вести»), or -1. */
function mediumEnd(ts: Tok[], from: number): number {
  const t = ts[from];
  if (!t) return -1;
  if ((t as QTok).quote !== undefined) return from + 1;
  if (/^[«"„]$/u.test(t.text)) {
    const close = ts.findIndex((x, k) => k > from + 1 && k - from <= 5 && /^[»"“]$/u.test(x.text));
    return close > 0 ? close + 1 : -1;
  }
  if (!t.word) return -1;
  let k = from + 1;
  while (ts[k]?.text === "." && ts[k + 1]?.word && WEB_SUFFIX.test(ts[k + 1]!.text)) k += 2;
  if (k > from + 1 && /^[A-Za-zА-ЯЁ]/u.test(t.text)) return k;
  if (!(LATIN_WORD.test(t.text) || AGENCY.test(t.text) || isAbbr(t.text))) return -1;
  // «РИА «Новости»», «РИА Новости»: an agency's name in two parts.
  const rest = mediumEnd(ts, k);
  return rest > k && ((ts[k] as QTok).quote !== undefined || /^[«"„]$/u.test(ts[k]!.text)) ? rest : /^Новости$/u.test(ts[k]?.text ?? "") ? k + 1 : k;
}

/**
 * «— цитирует NEWSru.com Нарышкина», «— цитирует РБК президента «Сколково» Виктора Вексельберга»,
 * «— цитирует Лента.ру обращение председателя КНР Си Цзиньпина»: after a quoting verb and the
 * medium (which ends before `m`), the speaker in the accusative, or in the genitive after the
 * statement's noun.
 */
function quotedAfterMedium(ts: Tok[], m: number): Attribution | undefined {
  const what = ts[m]?.text.toLowerCase() ?? "";
  const a = /^(обращение|заявление|слова|выступление|сообщение|письмо|интервью|мнение)$/u.test(what) ? clauseAfter(ts, m + 1, undefined, "gent") : clauseAfter(ts, m, undefined, "accs");
  return a?.person || a?.role ? a : undefined;
}

function subjectBefore(ts: Tok[], v: number, gender: Gender | undefined): Attribution | undefined {
  let j = v - 1;
  // Skip a short adverbial between subject and verb: «Ренн, однако, отметил», «… 30 апреля заявил».
  let skipped = 0;
  // A comma right before the verb is crossed only as part of a parenthetical («Ренн, однако,
  // отметил»); otherwise the name before it belongs to another clause («…взорвать Шакирьянов, заявил»).
  if (ts[j]?.text === ",") {
    const inner = ts[j - 1];
    const open = ts[j - 2];
    const dated = dateAside(ts, j);
    if (inner?.word && /^[а-яё]+$/u.test(inner.text) && open?.text === ",") j -= 3;
    else if (dated >= 0) j = dated - 1;
    else {
      // «Бардо, известная также как активистка, заявила»: an apposition or a participle phrase
      // between commas, opened by a participle, an adjective or «который».
      let k = j - 1;
      while (k >= 0 && ts[k]!.text !== "," && j - k <= 14 && (ts[k]!.word ? /^[а-яё-]+$/u.test(ts[k]!.text) : /^[()–—-]$/u.test(ts[k]!.text))) k--;
      // Names may stand inside a gerund phrase or a «который» clause, as their objects.
      const clause = k < 1 || ts[k]!.text !== "," ? clauseAside(ts, j) : -1;
      if (clause >= 0) k = clause;
      const first = ts[k + 1];
      if (k < 1 || ts[k]!.text !== "," || !first || k + 1 >= j) return undefined;
      const opener = clause >= 0 || PARENTHETICAL.test(ts.slice(k + 1, j).map((x) => x.text.toLowerCase()).join(" ")) || parse(first.text).some((p) => (p.tag.POS === "PRTF" || p.tag.POS === "ADJF" || p.tag.POS === "GRND") && p.score >= 0.3) || /^(котор(ый|ая)|ранее|бывший|бывшая)$/u.test(first.text);
      const body = ts.slice(k + 1, j);
      const verbInside = body.some((x) => x.word && reportingVerb(x.text)) && !/^котор/u.test(first.text);
      if (!opener || verbInside) return undefined;
      j = k - 1;
    }
  }
  // «Х после известия о смерти Y заявил»: a name governed by a noun of the adverbial is passed over
  // with it, once, and the search for the subject goes on before it.
  for (let pass = 0; ; pass++) {
    while (j >= 0 && skipped < 8) {
      const t = ts[j]!;
      if (t.word && /^[а-яё0-9-]+$/u.test(t.text) && !isRoleWord(t) && !PRONOUNS.has(t.text)) {
        const top = parse(t.text)[0];
        if (top && top.tag.POS === "VERB") return undefined;
        j--;
        skipped++;
        continue;
      }
      // «в своём Telegram-канале», «в Twitter»: a Latin word inside the adverbial.
      if (t.word && /^[A-Za-z][A-Za-z0-9]*(?:-[а-яё]+)?$/u.test(t.text) && /^[а-яё]/u.test(ts[j - 1]?.text ?? "")) {
        j--;
        skipped++;
        continue;
      }
      // «Джон Говард (John Howard) сказал»: a bracketed aside.
      if (t.text === ")") {
        let k = j - 1;
        while (k >= 0 && ts[k]!.text !== "(" && ts[k]!.text !== ")" && j - k < 10) k--;
        if (k >= 0 && ts[k]!.text === "(") {
          j = k - 1;
          continue;
        }
      }
      break;
    }
    if (j < 0) return undefined;
    const t = ts[j]!;
    if (t.word && PRONOUNS.has(t.text.toLowerCase())) return { pronoun: PRONOUNS.get(t.text.toLowerCase())!, ...(gender ? { gender } : {}) };
    if (t.word && /^[А-ЯЁа-яё]/u.test(t.text) && isRoleWord(t) && ROLE_HEADS.has(t.text.toLowerCase())) {
      // Role alone as subject: «Политолог говорит», «сенатор подчеркнул».
      let k = j;
      while (k > 0 && ts[k - 1]!.word && isRoleWord(ts[k - 1]!)) k--;
      // «глава государства подчеркнул»: a genitive complement standing right before the verb is the role's.
      let e = j + 1;
      while (e < v && ts[e]!.word && /^[а-яё-]+$/u.test(ts[e]!.text) && parse(ts[e]!.text).some((p) => (p.tag.POS === "NOUN" || p.tag.POS === "ADJF") && p.tag.CAse === "gent")) e++;
      const desc = parseDescriptor(ts.slice(k, e === v ? v : j + 1).map((x) => ({ ...x, text: k === 0 || x !== ts[k] ? x.text : x.text.toLowerCase() })));
      return desc.role ? { ...desc, ...(gender ? { gender } : {}) } : undefined;
    }
    const sentenceBlocks = nameBlocks(ts.slice(0, j + 1), 0);
    let block = sentenceBlocks.find((b) => b.to === j + 1);
    const slot = slotBlock(ts, j + 1);
    if (slot && (!block || slot.from < block.from)) {
      block = slot;
      sentenceBlocks.push(slot);
    }
    if (!block && slotSurname(t, startsSentence(ts, j))) {
      block = { from: j, to: j + 1, words: [t.text] };
      sentenceBlocks.push(block);
    }
    if (!block) return undefined;
    const left = leftDescriptor(ts, block, sentenceBlocks);
    // «с послом Ласточкиной»: a post in an oblique case is the name's, and neither is the subject,
    // when the name can stand in that case too. «Исполняющий обязанности представителя Х» opens
    // in the nominative; «с агентом Джеймсон говорил» has a name that cannot be instrumental.
    const oblique = left !== undefined && left.c !== undefined && left.c !== "nomn" && !parse(ts[left.from]!.text.toLowerCase()).some((p) => p.tag.CAse === "nomn") && nameCanBe(block.words[block.words.length - 1]!, left.c);
    if ((!left && governed(ts, block)) || oblique) {
      const from = oblique ? left!.from : block.from;
      if (pass > 0 || !inPrepositionalPhrase(ts, from) || skipped + (block.to - from) > 8) return undefined;
      skipped += block.to - from;
      j = from - 1;
      continue;
    }
    const words = blockWords(ts, block);
    if (!canBeNominative(words) || !agreesWithVerb(words, gender)) return undefined;
    // «Мэр города Немуро отметил»: the name after «города» is the place's, and its mayor is unnamed.
    // «губернатор Калужской области Алексей Орлов» names a person: the place there has its own adjective.
    if (block.words.length === 1 && PLACE_HEAD.test(ts[block.from - 1]?.text.toLowerCase() ?? "") && !parse(ts[block.from - 2]?.text.toLowerCase() ?? "").some((p) => p.tag.POS === "ADJF")) return undefined;
    const person = normaliseName(words, "nomn", gender);
    if (!person) return undefined;
    return {
      person,
      ...(left?.desc.role ? { role: left.desc.role } : {}),
      ...(left?.desc.institution ? { institution: left.desc.institution } : {}),
      ...(gender ?? person.gender ? { gender: gender ?? person.gender } : {}),
    };
  }
}

/** Statements in one sentence's tokens (quotes already collapsed). */
export function findStatements(ts: QTok[]): Statement[] {
  const out: Statement[] = [];
  for (let v = 0; v < ts.length; v++) {
    const t = ts[v]!;
    if (!t.word) continue;
    const lower = t.text.toLowerCase();
    // «По его словам, …»: the possessive stands between «по» and the noun.
    if (PO_SLOVAM.has(lower) && ts[v - 2]?.text.toLowerCase() === "по" && pronounFromPossessive(ts[v - 1])) {
      out.push({ verb: `по ${lower}`, verbIndex: v, attribution: pronounFromPossessive(ts[v - 1])!, kind: "po-slovam" });
      continue;
    }
    // «Об этом говорится в сообщении Букингемского дворца», «…», — говорится в заявлении МВД.
    if (lower === "говорится" && /^(в|во)$/u.test(ts[v + 1]?.text ?? "") && /^(сообщени|заявлени|пресс-релиз|документ|докладе|письме|обращени|публикаци|статье|интервью|коммюнике|ответе)/u.test(ts[v + 2]?.text.toLowerCase() ?? "")) {
      const a = clauseAfter(ts, v + 3, undefined, "gent");
      const o = a?.person ? undefined : orgAttribution(untilBoundary(ts, v + 3));
      const prev = ts[v - 1];
      const kind = prev && (/^[,–—-]$/u.test(prev.text) || prev.quote !== undefined) ? "after" : "before";
      if (a?.person) out.push({ verb: lower, verbIndex: v, attribution: a, kind });
      else if (o) out.push({ verb: lower, verbIndex: v, attribution: o, kind });
      continue;
    }
    // «Со слов чемпиона, …» reports as «по словам» does.
    if ((PO_SLOVAM.has(lower) && ts[v - 1]?.text.toLowerCase() === "по") || (lower === "слов" && ts[v - 1]?.text.toLowerCase() === "со")) {
      const a = clauseAfter(ts, v + 1, undefined, "gent");
      if (a) out.push({ verb: `по ${lower}`, verbIndex: v, attribution: pronounFromPossessive(ts[v + 1]) ?? a, kind: "po-slovam" });
      else {
        const p = pronounFromPossessive(ts[v + 1]);
        const o = p ? undefined : orgAttribution(untilBoundary(ts, v + 1));
        if (p) out.push({ verb: `по ${lower}`, verbIndex: v, attribution: p, kind: "po-slovam" });
        else if (o) out.push({ verb: `по ${lower}`, verbIndex: v, attribution: o, kind: "po-slovam" });
      }
      continue;
    }
    // «Согласно данным Forbes, …», «Согласно сообщению МЧС, …».
    if (lower === "согласно" && /^(данным|сообщению|информации|сведениям|заявлению)$/u.test(ts[v + 1]?.text.toLowerCase() ?? "")) {
      const o = orgAttribution(untilBoundary(ts, v + 2));
      if (o) out.push({ verb: `по ${ts[v + 1]!.text.toLowerCase()}`, verbIndex: v + 1, attribution: o, kind: "po-slovam" });
      continue;
    }
    if (bodyVerb(t.text)) {
      // «МЧС России сообщило, что …», «…, сообщили в пресс-службе МВД».
      const before = organisationBefore(ts, v);
      // «…», — заявили в СБУ: the body is named after «в».
      const inBody = /^(в|во)$/u.test(ts[v + 1]?.text ?? "") && /ли$/u.test(lower) ? 2 : 1;
      const o = before ?? (ts[v - 1] && (/^[,–—-]$/u.test(ts[v - 1]!.text) || ts[v - 1]!.quote !== undefined || /^об$/iu.test(ts[0]?.text ?? "")) ? orgAttribution(untilBoundary(ts, v + inBody, true), inBody === 1) : undefined);
      if (o) out.push({ verb: lower, verbIndex: v, attribution: o, kind: before ? "before" : "after" });
      continue;
    }
    const rv = reportingVerb(t.text);
    if (!rv) continue;
    // «признал себя виновным», «ответил на сообщения»: the verb reports no statement here.
    const next = ts[v + 1]?.text.toLowerCase();
    if (next && /^(себя|свое|своё|свою|свои|свой|своего|своей|на)$/u.test(next)) continue;
    const prev = ts[v - 1];
    // «Как позднее сообщил Х, …»: an adverb may stand between «как» and the verb.
    const asAdverb = prev?.word && /^[а-яё]+$/u.test(prev.text) && ts[v - 2]?.text.toLowerCase() === "как" && parse(prev.text).some((p) => p.tag.POS === "ADVB");
    // «Х, в частности, заявил»: the comma closes an aside after the subject, not a quote.
    const aside = prev?.text === "," && closesAside(ts, v - 1);
    const inverted = !prev || (/^[,–—-]$/u.test(prev.text) && !aside) || prev.quote !== undefined || prev.text.toLowerCase() === "как" || prev.text.toLowerCase() === "считает" || Boolean(asAdverb);
    // «признал вину», «заметил возгорание»: before their subject's words these verbs report speech
    // only when what was said follows («признал, что …», «заметил: …»).
    if (!inverted && /^(признал|признала|признает|признаёт|заметил|заметила|замечает)$/u.test(lower) && !(next === undefined || /^(что|[,:–—-])$/u.test(next) || ts[v + 1]?.quote !== undefined)) continue;
    if (inverted) {
      // «– цитирует Салтыбаева агентство»: after «цитировать» the speaker is the object.
      const quoting = /^(цитирует|цитируют|процитировал|процитировала|процитировали)$/u.test(lower);
      // Once a medium is named after the verb, its name is never read as the speaker's.
      const medium = quoting ? mediumEnd(ts, v + 1) : -1;
      const a = medium >= 0 ? quotedAfterMedium(ts, medium) : clauseAfter(ts, v + 1, quoting ? undefined : rv.gender, quoting ? "accs" : "nomn");
      if (a) {
        out.push({ verb: lower, verbIndex: v, attribution: a, kind: "after" });
        continue;
      }
    }
    if (inverted && prev?.text.toLowerCase() !== "считает") {
      // «…, сообщает РБК», «…, пишет «Гардиан»», «Как сообщила пресс-служба МВД, …».
      const o = orgAttribution(untilBoundary(ts, v + 1, true), true);
      if (o) {
        out.push({ verb: lower, verbIndex: v, attribution: o, kind: "after" });
        continue;
      }
    }
    // «Он прокомментировал отставку Ласточкиной и заявил, что …»: a verb joined by «и» shares the
    // subject of the one before it; the name right before «и» is that verb's object.
    // «позвонил брат Пётр и сказал», «выступил Валерий Щесных и рассказал»: an inverted subject of
    // the verb before stands there too, after a verb or a post, not after a preposition or a noun.
    const joined = prev?.text.toLowerCase() === "и";
    if (joined) {
      const last = out[out.length - 1];
      if (last && last.kind === "before") {
        out.push({ verb: lower, verbIndex: v, attribution: last.attribution, kind: "before" });
        continue;
      }
      let k = v - 2;
      while (k >= 0 && ts[k]!.word && /^[А-ЯЁ]/u.test(ts[k]!.text)) k--;
      const left = ts[k];
      // «отставку Ласточкиной»: a noun in an oblique case governs the name; «брат Пётр» is in apposition.
      const readings = parse(left?.text.toLowerCase() ?? "");
      const object = !left || !left.word || PREP.test(left.text.toLowerCase()) || (!isRoleWord(left) && readings.some((p) => p.tag.POS === "NOUN") && !readings.some((p) => p.tag.POS === "NOUN" && p.tag.CAse === "nomn"));
      if (k === v - 2 || object) continue;
    }
    const b = subjectBefore(ts, v, rv.gender);
    if (b) {
      out.push({ verb: lower, verbIndex: v, attribution: b, kind: "before" });
      continue;
    }
    {
      const o = organisationBefore(ts, v);
      if (o) {
        out.push({ verb: lower, verbIndex: v, attribution: o, kind: "before" });
        continue;
      }
    }
    // «Об этом сообщил министр …», «Об успехах указывает и руководитель ЛДПР …»: the subject
    // follows the verb after a fronted object; only a named person counts here.
    if (!inverted && prev?.word && /^[а-яё]+$/u.test(prev.text)) {
      const a = clauseAfter(ts, v + 1, rv.gender, "nomn");
      const o = a?.person || !/^об$/iu.test(ts[0]?.text ?? "") ? undefined : orgAttribution(untilBoundary(ts, v + 1, true), true);
      if (a?.person) out.push({ verb: lower, verbIndex: v, attribution: a, kind: "after" });
      else if (o) out.push({ verb: lower, verbIndex: v, attribution: o, kind: "after" });
    }
  }
  // «Салтыбаев: «…»» — a name, a colon and a quote.
  for (let i = 0; i + 2 < ts.length; i++) {
    if (ts[i + 1]!.text === ":" && ts[i + 2]!.quote !== undefined && ts[i]!.word && !reportingVerb(ts[i]!.text)) {
      const blocks = nameBlocks(ts.slice(0, i + 1), 0);
      const block = blocks.find((b) => b.to === i + 1);
      if (!block) continue;
      // «Вице-президент Российской академии образования Виктор Болотов: «…»»: the noun before the
      // name ends the post that describes it, it does not govern it (as «отец Брейвика» does).
      const left = leftDescriptor(ts, block, blocks);
      if (!left && governedByNoun(ts, block)) continue;
      // «Петров рассказал Шибутову: «…»» — the addressee before the colon is not the speaker.
      if (!canBeNominative(blockWords(ts, block)) || ts.slice(0, block.from).some((t) => t.word && reportingVerb(t.text))) continue;
      const person = normaliseName(blockWords(ts, block), "nomn");
      if (!person) continue;
      out.push({ verb: ":", verbIndex: i + 1, attribution: { person, ...(left?.desc.role ? { role: left.desc.role } : {}), ...(left?.desc.institution ? { institution: left.desc.institution } : {}) }, kind: "colon" });
    }
  }
  // «Алишер Усманов опровергал все сведения журналистов: «…»», «Мэтт Хэнкок поздравил пару через
  // Twitter: «…»»: the subject opening the sentence, a verb of its own, a colon and the quote.
  for (let i = 1; i + 1 < ts.length; i++) {
    if (ts[i]!.text !== ":" || ts[i + 1]!.quote === undefined || out.some((st) => st.verbIndex <= i)) continue;
    let from = 0;
    while (from < i && ts[from]!.word && (LEAD_PARTICLES.has(ts[from]!.text.toLowerCase()) || isRoleWord(ts[from]!) || /^(год|назад|позже|после|этого)$/iu.test(ts[from]!.text))) from++;
    const blocks = nameBlocks(ts.slice(0, i), from);
    const block = blocks[0];
    if (!block || block.from > from + 4 || governedByNoun(ts, block)) continue;
    const words = blockWords(ts, block);
    if (!canBeNominative(words)) continue;
    const between = ts.slice(block.to, i);
    // Only one person: another name in the nominative before the colon could be the speaker too.
    if (blocks.slice(1).some((b) => canBeNominative(blockWords(ts, b)) && !governedByNoun(ts, b))) continue;
    // The verb follows the name at once («Усманов опровергал», «Хэнкок поздравил»): no relative clause between.
    const verb = between.slice(0, 2).find((t) => t.word && /^[а-яё]+$/u.test(t.text) && parse(t.text).some((p) => p.tag.POS === "VERB" && p.score >= 0.4 && /past|pres|futr/u.test(String(p.tag))));
    if (!verb || between.some((t) => /^котор/iu.test(t.text))) continue;
    const g = parse(verb.text).find((p) => p.tag.POS === "VERB")?.tag.GNdr as Gender | undefined;
    if (!agreesWithVerb(words, g === "masc" || g === "femn" ? g : undefined)) continue;
    const person = normaliseName(words, "nomn", g === "masc" || g === "femn" ? g : undefined);
    if (!person) continue;
    const left = leftDescriptor(ts, block, blocks);
    out.push({ verb: ":", verbIndex: i, attribution: { person, ...(left?.desc.role ? { role: left.desc.role } : {}), ...(left?.desc.institution ? { institution: left.desc.institution } : {}) }, kind: "colon" });
  }
  return out.sort((a, b) => a.verbIndex - b.verbIndex);
}

function pronounFromPossessive(t: Tok | undefined): Attribution | undefined {
  if (!t || !t.word) return undefined;
  const w = t.text.toLowerCase();
  if (w === "его") return { pronoun: "masc" };
  if (w === "ее" || w === "её") return { pronoun: "femn" };
  return undefined;
}

/** Speakers named in a single sentence (no document context: pronouns and bare roles are dropped). */
export function sentenceSpeakers(sentence: string): { statement: Statement; name: string }[] {
  const ts = maskedTokens(sentence, 0, quoteRanges(sentence));
  return findStatements(ts)
    .filter((s) => s.attribution.person)
    .map((s) => ({ statement: s, name: s.attribution.person!.name }));
}

/** Top-level quotation ranges of one string, any of «…», „…“, "…". */
export function quoteRanges(text: string): { start: number; end: number; id: number }[] {
  const out: { start: number; end: number; id: number }[] = [];
  let depth = 0;
  let start = -1;
  let ascii = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "«" || c === "„") {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === "»" || c === "“") && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1, id: out.length });
    } else if (c === '"' && depth === 0) {
      if (ascii < 0) ascii = i;
      else {
        out.push({ start: ascii, end: i + 1, id: out.length });
        ascii = -1;
      }
    }
  }
  return out;
}
