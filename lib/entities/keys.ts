import { parse, normalForm } from "@/lib/extract/morph";

/**
 * Keys that decide when two written names are the same entity. They fold what writers vary
 * without meaning anything (case, ё/е, the kind of dash or quote, old orthography's final ъ) and
 * keep what distinguishes people (a different first name is a different person).
 */

export type Gender = "masc" | "femn";

/** The dictionary tags first names and surnames only on capitalised words: «Дмитрием», not «дмитрием». */
export function nameParse(word: string) {
  const lower = word.toLowerCase();
  return parse(lower.replace(/(^|-)([а-яё])/gu, (_, d: string, c: string) => d + c.toUpperCase()));
}

/** Readings from the dictionary itself: for a word it does not know, az guesses from the suffix, and those guesses are noise for names. */
export function dictionaryNameParse(word: string) {
  return nameParse(word).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
}

const folded = new Map<string, string>();

/** Lowercase, ё→е, one kind of dash, no quotation marks or dots, single spaces. */
export function foldKey(s: string): string {
  let out = folded.get(s);
  if (out === undefined) {
    out = fold(s);
    // Registry rebuilds fold the same few thousand names over and over; bounded like the other caches.
    if (folded.size > 100_000) folded.clear();
    folded.set(s, out);
  }
  return out;
}

function fold(s: string): string {
  return s
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[‐‑‒–—−]/g, "-")
    .replace(/\s*-\s*/g, "-")
    .replace(/[«»"„“”'’.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const INITIAL = /^[А-ЯЁA-Z]\.?$/u;
const INITIALS = /^(?:[А-ЯЁA-Z]\.){1,2}$/u;

export interface NameParts {
  /** First name as written; absent for a surname alone or initials. */
  first?: string;
  /** First-name initial, from «И. Фамилия», «А Кержаев» or the first name itself. */
  initial?: string;
  surname: string;
  /** Words as written. */
  words: string[];
}

/** «Владимир Владимирович Путин», «В. В. Путин», «А Кержаев», «Путин». */
export function nameParts(name: string): NameParts | undefined {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const surname = words[words.length - 1]!;
  if (words.length === 1) return { surname, words };
  const head = words[0]!;
  if (INITIAL.test(head) || INITIALS.test(head)) return { initial: head[0]!.toUpperCase(), surname, words };
  return { first: head, initial: head[0]!.toUpperCase(), surname, words };
}

const cache = new Map<string, string>();

/**
 * Spellings Russian text gives one foreign first name: «Бриджит»/«Брижит», «Мэттью»/«Мэтью»,
 * «Хиллари»/«Хилари», «Мэри»/«Мери». Used in the full-name key only, where the surname must
 * match too.
 */
function spellingFold(name: string): string {
  return name.replace(/э/gu, "е").replace(/дж/gu, "ж").replace(/([а-яa-z])\1+/gu, "$1");
}

/** A first name's dictionary form: «Дмитрием» → «дмитрий»; unknown names are only folded. */
export function firstNameKey(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const readings = dictionaryNameParse(word).filter((p) => p.tag.Name);
  const out = foldKey(readings.length > 0 ? normalForm(readings[0]!, word) : word);
  if (cache.size > 20_000) cache.clear();
  cache.set(word, out);
  return out;
}

/**
 * A surname's key. Extraction already brings names to the nominative, so the key only folds
 * spelling; masculine oblique endings are taken off where the dictionary says the word is a
 * surname in an oblique case («Путина» as a genitive of «Путин»), because a stored value may
 * still carry one. A feminine nominative («Салтыбаева») keeps its -а: she is someone else.
 */
export function surnameKey(word: string, gender?: Gender): string {
  const folded = foldKey(word);
  if (gender === "femn") return folded;
  const readings = dictionaryNameParse(word).filter((p) => p.tag.Surn && p.tag.GNdr === "masc");
  if (readings.length > 0 && readings.every((p) => p.tag.CAse !== "nomn")) return foldKey(normalForm(readings[0]!, word));
  return folded;
}

/** Gender from the first name's reading, else from a Russian surname's ending. */
export function genderOfName(parts: NameParts): Gender | undefined {
  if (parts.first) {
    const gs = new Set(dictionaryNameParse(parts.first).filter((p) => p.tag.Name).map((p) => p.tag.GNdr));
    if (gs.size === 1) {
      const g = [...gs][0];
      if (g === "masc" || g === "femn") return g;
    }
  }
  const s = parts.surname.toLowerCase();
  if (/(ова|ева|ёва|ина|ына|ская|цкая)$/u.test(s)) return "femn";
  if (/(ов|ев|ёв|ин|ын|ский|цкий)$/u.test(s)) return "masc";
  return undefined;
}

/**
 * A full name's key as written: first name and surname, patronymic ignored. A person's id is made
 * from it (the least of their names'), so the spelling fold below changed the id of nobody written
 * only one way.
 */
export function writtenNameKey(parts: NameParts, gender?: Gender): string | undefined {
  if (!parts.first) return undefined;
  return `${firstNameKey(parts.first)}|${surnameKey(parts.surname, gender)}`;
}

/** The key under which full names merge across documents: a written key with its first name's spelling folded. */
export function mergeKeyOf(written: string): string {
  const bar = written.indexOf("|");
  return `${spellingFold(written.slice(0, bar))}${written.slice(bar)}`;
}

/**
 * An institution's key: every word in its dictionary form, abbreviations as written, a generic
 * head before a quoted name dropped («радиостанция «Эхо Москвы»» = «Эхо Москвы»), the final ъ of
 * old orthography dropped («Коммерсантъ» = «Коммерсант»).
 */
const institutionKeys = new Map<string, string>();

export function institutionKey(name: string): string {
  let out = institutionKeys.get(name);
  if (out === undefined) {
    out = computeInstitutionKey(name);
    if (institutionKeys.size > 50_000) institutionKeys.clear();
    institutionKeys.set(name, out);
  }
  return out;
}

function computeInstitutionKey(name: string): string {
  const quoted = /^([а-яё-]+)\s+[«"„](.+?)[»"“]$/iu.exec(name.trim());
  const base = quoted && GENERIC_HEADS.has(quoted[1]!.toLowerCase()) ? quoted[2]! : name;
  const words = foldKey(base).split(" ").filter(Boolean);
  return words
    .map((w, i) => {
      const original = base.replace(/[«»"„“”]/g, " ").trim().split(/\s+/)[i] ?? w;
      if (/^[А-ЯЁA-Z0-9-]{2,}$/u.test(original)) return w;
      const stem = w.replace(/ъ$/u, "");
      const p = parse(stem)[0];
      return p ? foldKey(normalForm(p, stem)) : stem;
    })
    .join(" ");
}

/** Kinds of body that precede a proper name in quotes and are not part of it. */
const GENERIC_HEADS = new Set([
  "радиостанция",
  "радио",
  "газета",
  "телеканал",
  "агентство",
  "издание",
  "журнал",
  "компания",
  "партия",
  "движение",
  "холдинг",
  "концерн",
  "банк",
  "группа",
  "организация",
]);

/** «ИМЭП», «ЦК КПК»: every word an abbreviation. */
export function isAbbreviation(s: string): boolean {
  return s.split(/\s+/).every((w) => /^[A-ZА-ЯЁ0-9-]{2,}$/u.test(w));
}
