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
