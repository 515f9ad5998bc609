import { parse, normalForm } from "./morph";
import { ORG_HEADS, ROLE_HEADS, ROLE_MODIFIERS, reportingVerb } from "./lexicon";
import { isCapitalisedWord, type Case } from "./names";
import { tokens, type Tok } from "./tokens";
import { memoByString } from "./memo";
import type { NameBlock } from "./name-blocks";

/**
 * Roles and institutions written around a person's name: «директор Института мировой экономики
 * и политики (ИМЭП) при Фонде Первого Президента РК – Лидера Нации Ержан Салтыбаев»,
 * «посол США в Казахстане», «эксперт «Астана клуба»», «Ван Цзюнь, бывший председатель корпорации CITIC».
 */

export interface InstitutionMention {
  /** Nominative name without the abbreviation: «Институт мировой экономики и политики». */
  name: string;
  aliases: string[];
  /** The body it belongs to («при Фонде …» → «Фонд …»). */
  parent?: string;
  surface: string;
}

export interface Description {
  role?: string;
  institution?: InstitutionMention;
  /** Further workplaces joined to the first by «и» («тренер сборной … и клуба …»). */
  also?: InstitutionMention[];
  /** Further posts in a chain of appositions («Х, журналист, корреспондент газеты …»). */
  more?: Description[];
}

const ABBR = /^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]*[A-ZА-ЯЁ0-9]$|^[A-ZА-ЯЁ]{2,}$/u;
const LATIN = /^[A-Za-z][A-Za-z0-9&.-]*$/u;

export function isAbbr(w: string): boolean {
  // Roman numerals (Елизавета II) are regnal numbers, not abbreviations.
  return w.length >= 2 && ABBR.test(w) && !/^[А-ЯЁ][а-яё]/u.test(w) && !/^[IVXLC]+$/u.test(w);
}

// The word-level predicates below are pure functions of the word and run for every token of every
// sentence, most of them many times: they are memoised across documents (lib/extract/memo.ts).
const lemmaOf = memoByString((word: string): string => {
  const rs = parse(word.toLowerCase());
  const noun = rs.find((p) => p.tag.POS === "NOUN") ?? rs[0];
  return (noun ? normalForm(noun, word) : word.toLowerCase()).replace(/ё/g, "е");
});

/** Shared sets: read, never change them. */
const lemmas = memoByString((word: string): ReadonlySet<string> => new Set(parse(word.toLowerCase()).map((p) => normalForm(p, word).replace(/ё/g, "е"))));

const roleWord = memoByString((text: string): boolean => {
  // Capitalised only as the first word of a sentence or heading («Представитель талибов …»).
  if (!/^[а-яёА-ЯЁ][а-яё-]*$/u.test(text)) return false;
  const rs = parse(text.toLowerCase());
  // «после» is also a case form of «посол»; a function word is never a role.
  if (rs[0] && (rs[0].tag.POS === "PREP" || rs[0].tag.POS === "CONJ" || rs[0].tag.POS === "PRCL")) return false;
  // «адвокаты Берлускони», «представители партии»: a plural role describes a group, not the person named.
  const nouns = rs.filter((p) => p.tag.POS === "NOUN" && ROLE_HEADS.has(normalForm(p, text)));
  if (nouns.length > 0 && nouns.every((p) => p.tag.NMbr === "plur") && !rs.some((p) => p.tag.POS === "ADJF")) return false;
  for (const l of lemmas(text)) if (ROLE_HEADS.has(l) || ROLE_MODIFIERS.has(l)) return true;
  return ROLE_HEADS.has(text.toLowerCase());
});

export function isRoleWord(t: Tok): boolean {
  return t.word && roleWord(t.text);
}

export const isOrgHeadWord = memoByString((w: string): boolean => {
  for (const l of lemmas(w)) if (ORG_HEADS.has(l)) return true;
  return false;
});

export function isFiniteVerb(t: Tok): boolean {
  if (!t.word || !/^[а-яё]+$/u.test(t.text)) return false;
  if (reportingVerb(t.text)) return true;
  const rs = parse(t.text);
  const top = rs[0];
  if (!top) return false;
  const verbScore = rs.filter((p) => p.tag.POS === "VERB").reduce((s, p) => s + p.score, 0);
  return verbScore > 0.5;
}

function capitaliseLike(src: string, out: string | undefined): string {
  if (!out) return src;
  if (src === src.toUpperCase() && src.length > 1) return out.toUpperCase();
  return /^[А-ЯЁA-Z]/u.test(src) ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/**
 * Nominative of a noun phrase whose head is inflected: the words up to the head (an organisation
 * head such as «институт», else the first noun) go to the nominative; genitive complements stay.
 */
export function nominativePhrase(words: string[]): string {
  if (words.length === 0) return "";
  let head = words.findIndex((w, i) => i < 4 && /^[а-яёА-ЯЁ-]+$/u.test(w) && isOrgHeadWord(w) && !(i === 0 && false));
  if (head < 0) {
    head = words.findIndex((w) => {
      if (isAbbr(w) || LATIN.test(w)) return true;
      return parse(w).some((p) => p.tag.POS === "NOUN");
    });
  }
  if (head < 0) return words.join(" ");
  const headWord = words[head]!;
  if (isAbbr(headWord) || LATIN.test(headWord)) return words.join(" ");
  const headReading = parse(headWord).filter((p) => p.tag.POS === "NOUN").sort((a, b) => b.score - a.score)[0];
  if (!headReading) return words.join(" ");
  const number = headReading.tag.NMbr === "plur" && !parse(headWord).some((p) => p.tag.POS === "NOUN" && p.tag.NMbr === "sing") ? "plur" : "sing";
  const nomHead = headReading.tag.CAse === "nomn" && headReading.tag.NMbr === number ? headWord : (headReading.inflect(["nomn", number]) || null)?.word ?? normalForm(headReading, headWord);
  const gender = headReading.tag.GNdr as string | undefined;
  const out = words.slice();
  out[head] = capitaliseLike(headWord, nomHead);
  for (let i = 0; i < head; i++) {
    const w = words[i]!;
    const adj = parse(w).find((p) => p.tag.POS === "ADJF" && p.tag.CAse !== "nomn") ?? parse(w).find((p) => p.tag.POS === "ADJF");
    if (!adj || adj.tag.CAse === "nomn") continue;
    const grams = number === "plur" ? ["nomn", "plur"] : ["nomn", "sing", gender && gender !== "GNdr" ? gender : "masc"];
    const inf = adj.inflect(grams);
    if (inf) out[i] = capitaliseLike(w, inf.word);
  }
  return out.join(" ");
}

/** Role phrase in the nominative: «старшего научного сотрудника» → «старший научный сотрудник». */
function roleNominative(words: string[], c: Case | undefined): string {
  if (!c || c === "nomn") return words.join(" ");
  const head = words.findIndex((w) => ROLE_HEADS.has(lemmaOf(w)) && !ROLE_MODIFIERS.has(lemmaOf(w)) && parse(w).some((p) => p.tag.POS === "NOUN"));
  if (head < 0) return words.join(" ");
  return nominativePhrase(words.slice(0, head + 1)) + (head + 1 < words.length ? ` ${words.slice(head + 1).join(" ")}` : "");
}

/** Rebuild text from tokens, keeping original spacing conventions for punctuation. */
export function joinTokens(ts: Tok[]): string {
  let s = "";
  let prev: Tok | undefined;
  for (const t of ts) {
    if (prev && t.start > prev.end) s += " ";
    s += t.text;
    prev = t;
  }
  return s.trim();
}

/** Movements named by their members, in lowercase: «представитель талибов». */
const MOVEMENTS = /^(талибов|хуситов)$/u;

/** Military and police ranks stand between a post and the name, never inside an institution. */
const RANK = /^(генерал|адмирал|вице-адмирал|контр-адмирал|маршал|полковник|подполковник|майор|капитан|лейтенант|старший-лейтенант|сержант|ефрейтор|рядовой)/u;

const canContinueName = memoByString((w: string): boolean => {
  if (isOrgHeadWord(w)) return true;
  return parse(w).some((p) => (p.tag.POS === "NOUN" || p.tag.POS === "ADJF" || p.tag.POS === "NUMR") && (p.tag.CAse === "gent" || p.tag.CAse === "nomn"));
});

/**
 * Something that names an organisation or a state: an organisation head word, an abbreviation,
 * a Latin name, a place. A bare capitalised word (Рами, Пан) is more likely part of a name.
 */
function looksLikeOrganisation(words: string[]): boolean {
  return words.some((w) => {
    if (MOVEMENTS.test(w)) return true;
    if (isAbbr(w) || LATIN.test(w)) return true;
    if (/^[а-яё-]+$/u.test(w)) return isOrgHeadWord(w);
    const rs = parse(w).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
    if (rs.some((p) => p.tag.Geox || p.tag.Orgn)) return true;
    // Compound agency names: Минздрав, Роснефть, Газпром, Сбербанк, Россельхознадзор.
    if (/^(мин|гос|рос|газ|сбер|внеш|транс|евро|нефт|энерго|пром|аэро|генштаб|генпрокуратур)/u.test(w.toLowerCase()) && !rs.some((p) => p.tag.Name || p.tag.Surn)) return true;
    if (/(банк|газ|нефть|пром|надзор|трест|строй|энерго|холдинг|союз|фонд|центр|инвест|транс|авиа|телеком|ком|сервис)[а-я]{0,3}$/u.test(w.toLowerCase()) && !rs.some((p) => p.tag.Name || p.tag.Surn)) return true;
    return isOrgHeadWord(w);
  });
}

/** An institution phrase: abbreviation in parentheses → alias, «при X» → parent, quotes removed. */
export function parseInstitution(ts: Tok[]): InstitutionMention | undefined {
  let body = ts.slice();
  const aliases: string[] = [];
  let parent: string | undefined;
  const surface = joinTokens(ts);
  const pri = body.findIndex((t, i) => i > 0 && t.text === "при");
  if (pri > 0) {
    const p = parseInstitution(body.slice(pri + 1));
    if (p) parent = p.name;
    body = body.slice(0, pri);
  }
  // A trailing location («посол США в Казахстане») says where, not who employs.
  // «Госсовета Китая в 1988—1998 годах»: a date after «в» ends the name too.
  const loc = body.findIndex((t, i) => i > 0 && /^(в|во|от|из|на)$/u.test(t.text) && body[i + 1] && (isCapitalisedWord(body[i + 1]!.text) || /^[0-9]/u.test(body[i + 1]!.text)));
  if (loc > 0) body = body.slice(0, loc);
  const open = body.findIndex((t) => t.text === "(");
  if (open >= 0) {
    const close = body.findIndex((t, i) => i > open && t.text === ")");
    const inside = body.slice(open + 1, close < 0 ? undefined : close);
    if (inside.length === 1 && isAbbr(inside[0]!.text)) aliases.push(inside[0]!.text);
    body = [...body.slice(0, open), ...(close < 0 ? [] : body.slice(close + 1))];
  }
  const quoted = body.some((t) => /^[«"„]$/u.test(t.text));
  body = body.filter((t) => !/^[«»"„“”]$/u.test(t.text));
  // The name ends at the first lowercase word that cannot continue a genitive chain
  // («ФСБ по получению…», «Детройт избран…»).
  // Words up to the head noun agree with it in any case («в одесском предвыборном штабе»);
  // only after the head must the chain be genitive.
  const headIdx = Math.max(0, body.findIndex((t) => t.word && (isOrgHeadWord(t.text) || isAbbr(t.text) || parse(t.text).some((p) => p.tag.POS === "NOUN"))));
  const endsName = (t: Tok, i: number): boolean => {
    if (i <= headIdx || !t.word) return false;
    // «IKEA в 37», «Партия регионов 54-летний»: numbers after the head belong to the sentence.
    if (/^[0-9]/u.test(t.text)) return true;
    // «Россия и СССР»: «и» before a capitalised word joins two names, not one.
    if (t.text === "и") return /^[А-ЯЁA-Z]/u.test(body[i + 1]?.text ?? "");
    if (/^(о|об|с|со|до|после|у|для|за|через)$/u.test(t.text)) return true;
    // «… администрацию год назад»: time words end the name.
    if (/^(год|года|году|лет|месяц|месяца|неделю|назад|время|день|дня|раз|числе)$/u.test(t.text)) return true;
    if (/^[а-яё-]+$/u.test(t.text)) return !canContinueName(t.text) || RANK.test(t.text) || (isRoleWord(t) && !isOrgHeadWord(t.text) && !parse(t.text).some((p) => p.tag.CAse === "gent"));
    return false;
  };
  const cut = body.findIndex((t, i) => endsName(t, i));
  if (cut > 0) body = body.slice(0, cut);
  while (body.length > 0 && !body[body.length - 1]!.word) body.pop();
  while (body.length > 0 && !body[0]!.word) body.shift();
  if (body.length === 0) return undefined;
  const words: string[] = [];
  for (const t of body) {
    if (t.word) words.push(t.text);
    else if (words.length > 0) words[words.length - 1] += t.text === "–" || t.text === "—" ? "" : "";
    if (t.text === "–" || t.text === "—") words.push(t.text);
  }
  const name = nominativePhrase(words).replace(/\s+/g, " ").trim();
  if (!name) return undefined;
  if (!quoted && aliases.length === 0 && !looksLikeOrganisation(words)) return undefined;
  return { name, aliases, ...(parent ? { parent } : {}), surface };
}

/**
 * Split a descriptor (the words between a reporting verb and a name, or before a name) into a
 * role and an institution. `c` is the case the phrase stands in (genitive after «по словам»).
 */
export function parseDescriptor(ts: Tok[], c?: Case): Description {
  let i = 0;
  // Skip leading circumstance: «в своем выступлении», «в интервью …», «на пресс-конференции».
  const firstRole = ts.findIndex((t) => isRoleWord(t));
  if (firstRole < 0) return {};
  i = firstRole;
  const roleStart = i;
  let seenNoun = false;
  while (i < ts.length && isRoleWord(ts[i]!)) {
    const isNoun = parse(ts[i]!.text).some((p) => p.tag.POS === "NOUN");
    // After the head noun only another role noun continues the chain (заместитель министра);
    // an adjective there already describes the institution (член исполнительного комитета).
    if (seenNoun && !isNoun) break;
    if (isNoun) seenNoun = true;
    i++;
  }
  const headEnd = i;
  // Lowercase genitive complements belong to the role («член экспертного совета»), until an
  // institution starts: a capitalised word, an abbreviation, a quoted name, or a lowercase
  // organisation head followed by a proper name («корпорации CITIC»).
  let instStart = -1;
  for (let j = i; j < ts.length; j++) {
    const t = ts[j]!;
    if (!t.word) {
      // «главой федерации северной (скандинавской) ходьбы»: a lowercase aside does not start a name.
      if (t.text === "(" && /^[а-яё-]+$/u.test(ts[j + 1]?.text ?? "") && ts[j + 2]?.text === ")") {
        j += 2;
        continue;
      }
      if (/[«"„(]/u.test(t.text)) {
        instStart = j;
        break;
      }
      continue;
    }
    if ((/^[А-ЯЁA-Z]/u.test(t.text) || MOVEMENTS.test(t.text)) && j > roleStart) {
      instStart = j;
      break;
    }
    if (isOrgHeadWord(t.text)) {
      const next = ts[j + 1];
      if (next && (LATIN.test(next.text) || isAbbr(next.text) || /[«"„]/u.test(next.text))) {
        let k = j;
        while (k > headEnd && parse(ts[k - 1]!.text).some((p) => p.tag.POS === "ADJF")) k--;
        instStart = k;
        break;
      }
    }
    if (/^(в|во|от|из|на|с|со|при)$/u.test(t.text)) {
      instStart = -1;
      i = j;
      break;
    }
    i = j + 1;
  }
  if (instStart < 0) {
    // «судья федерального апелляционного суда»: a lowercase organisation with adjectives in the
    // complement is a workplace even without a proper name.
    const h = ts.findIndex((t, k) => k >= headEnd && k < i && t.word && /^[а-яё-]+$/u.test(t.text) && isOrgHeadWord(t.text) && parse(t.text).some((p) => p.tag.POS === "NOUN" && p.tag.CAse === "gent"));
    if (h > headEnd && parse(ts[h - 1]!.text).some((p) => p.tag.POS === "ADJF" && p.tag.CAse === "gent")) {
      let k = h;
      while (k > headEnd && parse(ts[k - 1]!.text).some((p) => p.tag.POS === "ADJF" && p.tag.CAse === "gent")) k--;
      instStart = k;
    } else if (h === headEnd && h + 1 < i && ts[h + 1]!.word && /^[а-яё-]+$/u.test(ts[h + 1]!.text)) {
      // «директор департамента здравоохранения», «представитель правительства провинции»: an
      // organisation head right after the post, with its own complement, is the workplace.
      instStart = h;
    }
  }
  const roleEnd = instStart >= 0 ? instStart : i;
  const roleWords = ts.slice(roleStart, roleEnd).filter((t) => t.word).map((t, n) => (n === 0 ? t.text.toLowerCase() : t.text));
  // Modifiers alone («Официальный Нур-Султан») are no role.
  if (!ts.slice(roleStart, headEnd).some((t) => parse(t.text.toLowerCase()).some((p) => p.tag.POS === "NOUN" && ROLE_HEADS.has(normalForm(p, t.text))))) return {};
  const out: Description = {};
  if (roleWords.length > 0) out.role = roleNominative(roleWords, c);
  if (instStart >= 0) {
    // «тренер сборной Свердловской области и Клуба самбо УГМК»: two workplaces joined by «и».
    const and = conjoinedInstitution(ts, instStart);
    const inst = parseInstitution(and >= 0 ? ts.slice(instStart, and) : ts.slice(instStart));
    if (inst) out.institution = inst;
    const second = and >= 0 ? parseInstitution(ts.slice(and + 1)) : undefined;
    if (inst && second) out.also = [second];
  }
  return out;
}

/**
 * Index of an «и» that joins a second genitive organisation to the one starting at `from`
 * («сборной Хорватии и клуба «Реал»»), or -1. A role word after «и» starts a second post
 * («президент Египта и бывший лидер …»), which is not a workplace of the first.
 */
export function conjoinedInstitution(ts: Tok[], from: number): number {
  let depth = 0;
  for (let k = from + 1; k < ts.length - 1; k++) {
    const t = ts[k]!;
    if (/^[«„(]$/u.test(t.text)) depth++;
    if (/^[»“)]$/u.test(t.text)) depth = Math.max(0, depth - 1);
    if (depth > 0 || t.text !== "и") continue;
    const next = ts[k + 1]!;
    if (!next.word) return /^[«„"]$/u.test(next.text) ? k : -1;
    if (isRoleWord(next) && !isOrgHeadWord(next.text)) return -1;
    // A bare place («артистка России и Мордовии») is an honour's scope more often than a workplace.
    if (!/^[а-яё-]+$/u.test(next.text)) return isAbbr(next.text) || LATIN.test(next.text) || isOrgHeadWord(next.text) ? k : -1;
    return isOrgHeadWord(next.text) && parse(next.text).some((p) => p.tag.CAse === "gent") ? k : -1;
  }
  return -1;
}

/** Tokens allowed between a role and the name it describes. */
export function describable(t: Tok): boolean {
  if (!t.word) return /^[()«»"„“–—-]$/u.test(t.text);
  if (isRoleWord(t)) return true;
  if (isFiniteVerb(t)) return false;
  // Participles and gerunds start a new predicate (назначен, избран, возглавляющий).
  if (/^[а-яё]+$/u.test(t.text)) {
    const rs = parse(t.text);
    const pred = rs.filter((p) => p.tag.POS === "PRTS" || p.tag.POS === "PRTF" || p.tag.POS === "GRND" || p.tag.POS === "INFN").reduce((a, p) => a + p.score, 0);
    if (pred > 0.5) return false;
  }
  return true;
}

/** The descriptor to the left of a name, back to the nearest role word («директор … Ержан Салтыбаев»). */
export function leftDescriptor(ts: Tok[], block: NameBlock, others: NameBlock[] = []): { from: number; desc: Description; c?: Case } | undefined {
  let j = block.from - 1;
  let leftmostRole = -1;
  let depth = 0;
  const limit = Math.max(0, block.from - 20);
  const inOther = (idx: number) => others.some((b) => b !== block && idx >= b.from && idx < b.to);
  while (j >= limit) {
    const t = ts[j]!;
    if (t.text === ")") depth++;
    if (t.text === "(") depth--;
    if (depth <= 0 && (t.text === "," || t.text === ":" || t.text === ";" || t.text === ".")) break;
    // «уволила двух чиновников — директора департамента …»: a dash before a found post opens the apposition.
    // «мероприятия с участием президента Литвы Х»: a preposition before a found post ends the descriptor.
    if (depth <= 0 && leftmostRole >= 0 && /^(с|со|к|ко|у|о|об|для|через|перед|между)$/u.test(t.text)) break;
    if (depth <= 0 && leftmostRole >= 0 && /^[—–]$/u.test(t.text) && /^[а-яё]/u.test(ts[j - 1]?.text ?? "") && /^[а-яё]/u.test(ts[j + 1]?.text ?? "")) break;
    if (!describable(t) || inOther(j)) break;
    if (isRoleWord(t)) leftmostRole = j;
    j--;
  }
  if (leftmostRole < 0) return undefined;
  const c = roleCase(ts.slice(leftmostRole, block.from));
  const desc = parseDescriptor(ts.slice(leftmostRole, block.from), c);
  return desc.role ? { from: leftmostRole, desc, ...(c ? { c } : {}) } : undefined;
}

/** The case of the role head noun, which an apposed name shares (с министром … Логаром). */
export function roleCase(ts: Tok[]): Case | undefined {
  const head = ts.find((t) => isRoleWord(t) && parse(t.text).some((p) => p.tag.POS === "NOUN"));
  if (!head) return undefined;
  const cases = new Set(parse(head.text).filter((p) => p.tag.POS === "NOUN" && p.tag.NMbr === "sing").map((p) => p.tag.CAse as string));
  if (cases.size === 0 || cases.has("nomn")) return undefined;
  for (const c of ["gent", "datv", "ablt", "loct", "accs"] as const) if (cases.has(c)) return c;
  return undefined;
}

/** Index of the role word after up to three lowercase adjectives starting at `from`, or -1. */
export function skipAdjectives(ts: Tok[], from: number): number {
  for (let k = from; k < ts.length && k - from <= 3; k++) {
    const t = ts[k]!;
    if (isRoleWord(t)) return k;
    if (!t.word || !/^[а-яё-]+$/u.test(t.text) || !parse(t.text).some((p) => p.tag.POS === "ADJF")) return -1;
  }
  return -1;
}

/** «Имя Фамилия, должность организации,» — an apposition after the name. */
export function rightDescriptor(ts: Tok[], block: NameBlock): Description | undefined {
  // «Гордона Брауна – лидера Лейбористской партии» works like a comma apposition.
  if (ts[block.to]?.text !== "," && !/^[–—-]$/u.test(ts[block.to]?.text ?? "")) return undefined;
  // «Ван Цзюнь, бывший председатель …», «Мадонна — американская певица»: adjectives may precede the role word.
  let startIdx = skipAdjectives(ts, block.to + 1);
  // «Ли Пэн, соратник Цзян Цзэминя, премьер Госсовета …»: a first apposition that names no post
  // («соратник», «уроженец») is stepped over when a post follows it.
  if (startIdx < 0 && ts[block.to + 1]?.word && /^[а-яё]+$/u.test(ts[block.to + 1]!.text) && parse(ts[block.to + 1]!.text)[0]?.tag.POS === "NOUN") {
    let k = block.to + 1;
    while (k < ts.length && k - block.to < 6 && ts[k]!.text !== "," && describable(ts[k]!)) k++;
    if (ts[k]?.text === ",") startIdx = skipAdjectives(ts, k + 1);
  }
  if (startIdx < 0) return undefined;
  let j = startIdx;
  let depth = 0;
  while (j < ts.length && j - startIdx < 16) {
    const t = ts[j]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (depth <= 0 && /^[,.;:!?]$/u.test(t.text)) break;
    if (!describable(t)) return undefined;
    j++;
  }
  const desc = parseDescriptor(ts.slice(startIdx, j));
  if (!desc.role) return undefined;
  // «Ли Пэн, соратник …, премьер Госсовета Китая …, председатель Постоянного комитета …»: further
  // comma-separated posts describe the same person.
  const more: Description[] = [];
  while (ts[j]?.text === "," && more.length < 3) {
    const s2 = skipAdjectives(ts, j + 1);
    if (s2 < 0) break;
    let e = s2;
    let ok = true;
    depth = 0;
    while (e < ts.length && e - s2 < 16) {
      const t = ts[e]!;
      if (t.text === "(") depth++;
      if (t.text === ")") depth--;
      if (depth <= 0 && /^[,.;:!?]$/u.test(t.text)) break;
      if (!describable(t)) {
        ok = false;
        break;
      }
      e++;
    }
    if (!ok) break;
    const d2 = parseDescriptor(ts.slice(s2, e));
    if (!d2.role) break;
    if (d2.institution) more.push(d2);
    j = e;
  }
  return more.length > 0 ? { ...desc, more } : desc;
}

/** Does a lowercase non-role noun stand right before the block (отец Андерса Брейвика)? */
export function governedByNoun(ts: Tok[], block: NameBlock): boolean {
  const prev = ts[block.from - 1];
  if (!prev || !prev.word || !/^[а-яё-]+$/u.test(prev.text) || isRoleWord(prev)) return false;
  return parse(prev.text)[0]?.tag.POS === "NOUN";
}
