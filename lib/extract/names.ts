import { parse, normalForm, type AzParse } from "./morph";
import { memoByString } from "./memo";
import { EAST_ASIAN_FAMILY, NOT_NAME, ROLE_HEADS, ORG_HEADS, type Gender } from "./lexicon";
import { patronymicKey } from "@/lib/text/lemma";

/**
 * Person names: recognising them among capitalised words and bringing them to the nominative.
 * az supplies Name/Surn/Patr readings; surnames it does not know fall back to the -ов/-ев/-ин and
 * -ский declension rules, and foreign surnames that do not decline are left as they are.
 */

export type Case = "nomn" | "gent" | "datv" | "accs" | "ablt" | "loct";

const CAPITALISED = /^[А-ЯЁ][а-яё]*(?:[’'][А-ЯЁ]?[а-яё]+)?[а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*$/u;

export function isCapitalisedWord(w: string): boolean {
  return CAPITALISED.test(w);
}

function personReadings(word: string): AzParse[] {
  return parse(word).filter((p) => p.tag.Name || p.tag.Surn || p.tag.Patr);
}

/** A reading that is a common word (not a name, place or organisation) and dominates the parse. */
function commonWordScore(word: string): number {
  let s = 0;
  for (const p of parse(word.toLowerCase())) {
    if (!(p.tag.Name || p.tag.Surn || p.tag.Patr)) s += p.score;
  }
  return s;
}

const SURNAME_SHAPE = /(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ёва|ина|ына|ская|цкая|енко|ук|юк|швили|дзе|ян|янц)(а|у|ым|ой|ом|е|ого|ому|им)?$/u;

/** A capitalised word after a first name: any surname, unless it is a place or organisation. */
export function surnameAfterFirst(word: string): boolean {
  if (!isCapitalisedWord(word)) return false;
  const lower = word.toLowerCase();
  if (NOT_NAME.has(lower) || ROLE_HEADS.has(lower) || ORG_HEADS.has(lower)) return false;
  const rs = parse(word);
  const geo = rs.filter((p) => p.tag.Geox || p.tag.Orgn).reduce((s, p) => s + p.score, 0);
  const person = rs.filter((p) => p.tag.Name || p.tag.Surn || p.tag.Patr).reduce((s, p) => s + p.score, 0);
  return geo <= person || geo < 0.3;
}

export type NameKind = "first" | "surname" | "patronymic";

/**
 * Whether a capitalised word can be part of a person's name, and as what. Places, organisations
 * and common nouns that happen to be capitalised are rejected; foreign surnames unknown to the
 * dictionary are accepted only as surnames and only when they are not common words.
 */
/** Memoised per word (and whether it starts a sentence): it runs for most tokens of a document, often twice. */
const nameKindInside = memoByString((word: string) => nameKindOf(word, false));
const nameKindAtStart = memoByString((word: string) => nameKindOf(word, true));

export function nameKind(word: string, opts: { sentenceStart?: boolean } = {}): NameKind | undefined {
  return opts.sentenceStart ? nameKindAtStart(word) : nameKindInside(word);
}

function nameKindOf(word: string, sentenceStart: boolean): NameKind | undefined {
  const opts = { sentenceStart };
  if (!isCapitalisedWord(word)) return undefined;
  const lower = word.toLowerCase();
  if (NOT_NAME.has(lower) || ROLE_HEADS.has(lower) || ORG_HEADS.has(lower)) return undefined;
  const all = parse(word);
  const known = all.filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
  if (known.length === 0) {
    // Unknown to the dictionary, capitalised: in news that is mostly a foreign surname (Кэбл,
    // Киир). az's guesses for such words are suffix noise, so they are not consulted.
    if (/[аеиоуыэюя]{3}/u.test(lower)) return undefined;
    // Adjective-shaped unknown words are names of places and bodies (Северо-Кавказский).
    if (/(ый|ий|ой|ая|ое|ые|ие|ого|ому|ыми|ими)$/u.test(lower)) return undefined;
    // Hyphenated names are accepted when they start with a known first name (Жан-Клод).
    if (lower.includes("-") && !parse(word.split("-")[0]!).some((p) => p.tag.Name)) return undefined;
    return "surname";
  }
  const names = known.filter((p) => p.tag.Name || p.tag.Surn || p.tag.Patr);
  if (names.length === 0) {
    // Колосков is in the dictionary only as «колосков» (колосок): a surname-shaped capitalised
    // word inside a sentence is still a surname, unless it names a place or an organisation.
    const place = known.some((p) => p.tag.Geox || p.tag.Orgn);
    if (!opts.sentenceStart && !place && SURNAME_SHAPE.test(word)) return "surname";
    return undefined;
  }
  const nameScore = names.reduce((s, p) => s + p.score, 0);
  const geoScore = known.filter((p) => p.tag.Geox || p.tag.Orgn).reduce((s, p) => s + p.score, 0);
  if (geoScore >= nameScore) return undefined;
  if (opts.sentenceStart && commonWordScore(word) > nameScore * 2) return undefined;
  const top = [...names].sort((a, b) => b.score - a.score)[0]!;
  if (top.tag.Patr) return "patronymic";
  // «Борисов» reads as a plural of «Борис»: a first name in the plural with a surname's shape is a surname.
  if (names.filter((p) => p.tag.Name).every((p) => p.tag.NMbr === "plur") && (names.some((p) => p.tag.Surn) || SURNAME_SHAPE.test(word))) return "surname";
  if (names.some((p) => p.tag.Surn) && !names.some((p) => p.tag.Name && p.score >= 0.3)) return "surname";
  return names.some((p) => p.tag.Name) ? "first" : "surname";
}

function capitalise(w: string): string {
  return w
    .split("-")
    .map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : p))
    .join("-");
}

/** Feminine nominative of a surname whose masculine lemma is known: Салтыбаев → Салтыбаева. */
function feminineSurname(masc: string): string {
  if (/(ов|ев|ёв|ин|ын)$/u.test(masc)) return `${masc}а`;
  if (/ский$/u.test(masc)) return masc.replace(/ский$/u, "ская");
  if (/цкий$/u.test(masc)) return masc.replace(/цкий$/u, "цкая");
  if (/ой$/u.test(masc)) return masc.replace(/ой$/u, "ая");
  return masc;
}

/** Rule-based nominative for a surname az does not know, given the case it stands in. */
function surnameByRule(word: string, c: Case | undefined, g: Gender | undefined): string {
  const w = word;
  if (!c || c === "nomn") return w;
  if (g === "femn") {
    if (/(ов|ев|ёв|ин|ын)(ой|у)$/u.test(w)) return w.replace(/(ой|у)$/u, "а");
    if (/(ск|цк)(ой|ую)$/u.test(w)) return w.replace(/(ой|ую)$/u, "ая");
    return w;
  }
  if (/(ов|ев|ёв|ин|ын)(а|у|ым|е)$/u.test(w)) return w.replace(/(а|у|ым|е)$/u, "");
  if (/(ск|цк)(ого|ому|им|ом)$/u.test(w)) return w.replace(/(ого|ому|им|ом)$/u, "ий");
  const ending: Partial<Record<Case, RegExp>> = { gent: /а$/u, accs: /а$/u, datv: /у$/u, ablt: /ом$/u, loct: /е$/u };
  const re = ending[c];
  if (re && new RegExp(`[бвгджзклмнпрстфхцчшщ]${re.source}`, "u").test(w)) return w.replace(re, "");
  return w;
}

const CASE_OF: Record<Case, string> = { nomn: "nomn", gent: "gent", datv: "datv", accs: "accs", ablt: "ablt", loct: "loct" };

function pickReading(word: string, kind: NameKind, c: Case | undefined, g: Gender | undefined): AzParse | undefined {
  const tag = kind === "first" ? "Name" : kind === "surname" ? "Surn" : "Patr";
  let rs = parse(word).filter((p) => p.tag[tag]);
  if (c) rs = rs.filter((p) => p.tag.CAse === CASE_OF[c] || (c === "accs" && p.tag.CAse === "gent"));
  if (g) {
    const same = rs.filter((p) => p.tag.GNdr === g || p.tag.GNdr === "ms-f");
    if (same.length > 0) rs = same;
  }
  // Prefer singular readings: a name in the plural is almost never what a text means.
  const sing = rs.filter((p) => p.tag.NMbr !== "plur");
  if (sing.length > 0) rs = sing;
  return rs.sort((a, b) => b.score - a.score)[0];
}

/** Nominative of one name part. */
export function nominativePart(word: string, kind: NameKind, c?: Case, g?: Gender): string {
  if (c === "nomn") return word;
  // OpenCorpora files a patronymic under the father's first name («Фёдоровича» → «фёдор»), so its
  // dictionary form would turn «Иван Фёдорович» into «Иван Фёдор»; the endings are regular.
  if (kind === "patronymic") return patronymicKey(word);
  // «Михнова-Вайтенко»: each part of a double surname declines on its own.
  if (kind === "surname" && /^[А-ЯЁ][а-яё]+-[А-ЯЁ][а-яё]+$/u.test(word)) return word.split("-").map((w) => nominativePart(w, "surname", c, g)).join("-");
  const r = pickReading(word, kind, c, g);
  if (!r) return kind === "surname" ? surnameByRule(word, c, g) : word;
  // «Фань» reads only as a plural of «Фаня»: a person's name is never plural, so it is as written.
  if (kind === "first" && r.tag.NMbr === "plur") return word;
  const gender = (r.tag.GNdr as Gender | undefined) ?? g;
  let lemma = normalForm(r, word);
  if (kind === "surname" && gender === "femn" && !r.tag.Fixd) lemma = feminineSurname(lemma);
  if (kind === "first" && /ля$/u.test(lemma)) {
    // OpenCorpora lists Айгуля beside Айгуль; the indeclinable -ль form is the one people write.
    const soft = `${lemma.slice(0, -1)}ь`;
    if (parse(capitalise(soft)).some((p) => p.tag.Name && p.tag.CAse === "nomn")) lemma = soft;
  }
  return capitalise(lemma);
}

/** The gender a name part points to, if it is unambiguous. */
export function genderOf(word: string, kind: NameKind): Gender | undefined {
  const tag = kind === "first" ? "Name" : kind === "surname" ? "Surn" : "Patr";
  const gs = new Set(parse(word).filter((p) => p.tag[tag]).map((p) => p.tag.GNdr as string));
  if (gs.size === 1) {
    const g = [...gs][0];
    if (g === "masc" || g === "femn") return g;
  }
  return undefined;
}

/** The case shared by every part of a name, when the parts agree on exactly one. */
export function sharedCase(parts: { word: string; kind: NameKind }[], g?: Gender): Case | undefined {
  let common: Set<string> | undefined;
  for (const p of parts) {
    const tag = p.kind === "first" ? "Name" : p.kind === "surname" ? "Surn" : "Patr";
    let rs = parse(p.word).filter((r) => r.tag[tag] && (!g || r.tag.GNdr === g || r.tag.GNdr === "ms-f"));
    // «Мамуки» is a genitive singular or a nominative plural: a person's name is singular.
    const sing = rs.filter((r) => r.tag.NMbr !== "plur");
    if (sing.length > 0) rs = sing;
    if (rs.length === 0) continue;
    const cs = new Set(rs.map((r) => r.tag.CAse as string));
    common = common ? new Set([...common].filter((x) => cs.has(x))) : cs;
  }
  if (!common || common.size === 0) return undefined;
  if (common.has("nomn")) return "nomn";
  for (const c of ["gent", "datv", "ablt", "loct", "accs"] as const) if (common.has(c)) return c;
  return undefined;
}

export interface PersonName {
  /** Canonical nominative: "Имя Фамилия" or "Фамилия". */
  name: string;
  first?: string;
  surname: string;
  gender?: Gender;
  /** The words as they appeared. */
  surface: string;
}

/**
 * Nominative form of a name found in the text. `c` is the case the context demands (after «по
 * словам» it is genitive; as the subject of a verb, nominative); `g` comes from the verb.
 */
/** Lowercase particles inside foreign names: Висенте дель Боске, Абдулла бин Хамад. */
export const NAME_PARTICLES = new Set(["дель", "де", "ди", "да", "дос", "фон", "ван", "дер", "ибн", "бин", "бен", "ле", "ла"]);

export function normaliseName(words: string[], c?: Case, g?: Gender): PersonName | undefined {
  if (words.some((w) => NAME_PARTICLES.has(w))) {
    // Names with particles are foreign and rarely declined in Russian text: kept as written.
    const surname = words[words.length - 1]!;
    return { name: words.join(" "), first: words[0]!, surname, ...(g ? { gender: g } : {}), surface: words.join(" ") };
  }
  if (words.length === 0 || words.length > 3) return undefined;
  const kinds: NameKind[] = words.map((w, i) => {
    const k = nameKind(w) ?? (i === 0 && words.length > 1 ? "first" : "surname");
    // In «Имя Фамилия» the last word is the surname even when az also knows it as a first name.
    if (words.length > 1 && i === words.length - 1 && k !== "patronymic") return "surname";
    if (words.length > 1 && i === 0 && k === "surname") return "first";
    return k;
  });
  let gender = g;
  if (!gender) {
    const firstIdx = kinds.indexOf("first");
    gender = firstIdx >= 0 ? genderOf(words[firstIdx]!, "first") : undefined;
  }
  const parts = words.map((w, i) => ({ word: w, kind: kinds[i]! }));
  const caseUsed = c ?? sharedCase(parts, gender);
  const nominative = parts.map((p) => nominativePart(p.word, p.kind, caseUsed, gender));
  const firstIdx = kinds.indexOf("first");
  const surname = nominative[nominative.length - 1]!;
  const first = firstIdx >= 0 && firstIdx < nominative.length - 1 ? nominative[firstIdx] : undefined;
  // «Ким Чен Ын»: a Korean name's middle part is no patronymic to drop.
  const korean = words.length === 3 && EAST_ASIAN_FAMILY.has(words[0]!);
  const name = korean ? nominative.join(" ") : first ? `${first} ${surname}` : surname;
  return { name, ...(first ? { first } : {}), surname, ...(gender ? { gender } : {}), surface: words.join(" ") };
}

/** Key for comparing names regardless of ё and letter case. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/ё/g, "е").replace(/\s+/g, " ").trim();
}

/** az knows the word as a surname and never as a first name: a name cannot go on after it. */
export function isKnownSurnameOnly(word: string): boolean {
  const rs = parse(word).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
  return rs.some((p) => p.tag.Surn) && !rs.some((p) => p.tag.Name || p.tag.Patr);
}
