import { dictionaryParses } from "./az";
import { foldYo } from "./normalize";


export type NamePart = "given" | "patronymic" | "surname" | "other";

/**
 * What part of a person's name a capitalised word can be, by the dictionary (OpenCorpora's Name,
 * Patr and Surn readings): a given name (Барак, Дмитрий), a patronymic, or a surname, which is also
 * what a capitalised word the dictionary does not know is taken for (Салтыбаев). Lowercase words
 * and words with only common readings are "other".
 */
export function namePart(surface: string): NamePart {
  if (!/^\p{Lu}\p{Ll}/u.test(surface) || !/^[\p{Script=Cyrillic}-]+$/u.test(surface)) return "other";
  const parses = dictionaryParses(foldYo(surface));
  if (parses.length === 0) return "surname";
  // The likeliest reading decides: «Ангела» is a given name before it is a form of «ангел».
  const best = [...parses].sort((a, b) => b.score - a.score)[0]!;
  if (best.tag.Name) return "given";
  if (best.tag.Patr) return "patronymic";
  if (parses.some((p) => p.tag.Surn)) return "surname";
  return "other";
}

const VOWELS = "аеёиоуыэюя";
/** Consonants a foreign name doubles or not by the translator's taste (Хиллари/Хилари, Мэттью/Мэтью). */
const DOUBLING = "бгдклмнпрстфз";

/** One change of spelling: э ↔ е after a consonant, a doubled consonant single, a single one between vowels (or before ь) doubled. */
function oneChange(key: string, doubling: boolean): string[] {
  const out: string[] = [];
  for (let i = 1; i < key.length; i++) {
    const c = key[i]!;
    const prev = key[i - 1]!;
    if ((c === "э" || c === "е") && !VOWELS.includes(prev)) out.push(key.slice(0, i) + (c === "э" ? "е" : "э") + key.slice(i + 1));
    if (!doubling || !DOUBLING.includes(c)) continue;
    if (prev === c) out.push(key.slice(0, i) + key.slice(i + 1));
    else if (VOWELS.includes(prev) && (i + 1 === key.length || VOWELS.includes(key[i + 1]!) || key[i + 1] === "ь")) out.push(key.slice(0, i) + c + key.slice(i));
  }
  return out;
}

/**
 * Other spellings of a foreign name's key that Russian writing wavers between: э or е after a
 * consonant (Мэри/Мери), a consonant doubled or not (Хиллари/Хилари, Мэттью/Мэтью, Ассад/Асад).
 * Candidates, not words: the caller keeps those its archive has. One change first, then two, at
 * most `limit`. Without `doubling` only э/е: a given name the dictionary knows has other names one
 * doubled letter away (Гарри and Гари are Harry and Gary: NEREL «Гарри» lost 0.17 nDCG@10 with them).
 */
export function spellingVariants(key: string, doubling = true, limit = 24): string[] {
  if (!/^[а-я]{3,}$/.test(key)) return [];
  const first = oneChange(key, doubling).filter((v) => v !== key);
  const out = [...new Set(first)];
  for (const v of first) for (const w of oneChange(v, doubling)) if (w !== key && !out.includes(w)) out.push(w);
  return out.slice(0, limit);
}
