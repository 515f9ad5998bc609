/**
 * Word-formation rules relating a word to the word it is derived from (lib/text/derive.ts), so a
 * query of one word also finds the other:
 *
 * - a place's adjective and the place (кавказский → Кавказ, одесский → Одесса, российский → Россия);
 * - a feminine noun of a person and its masculine (журналистка → журналист, певица → певец).
 *
 * Each rule rewrites the end of a lemma; a result counts only when the OpenCorpora dictionary
 * confirms it (a place name for the first kind, a masculine animate noun for the second), so a rule
 * that over-generates costs a dictionary lookup, not a wrong match. Plain data, edit freely: applied
 * at query time, no reindex needed.
 */

/** [ending of the word, endings of the word it comes from]. */
export type EndingRule = readonly [string, readonly string[]];

/**
 * Adjective lemma → place noun. The stem before the ending may also lose a linking suffix
 * (PLACE_LINKS: африканский → Африка, европейский → Европа, московский → Москва).
 */
export const PLACE_ADJECTIVE_RULES: readonly EndingRule[] = [
  ["ийский", ["ия", "и"]],
  ["ский", ["", "а", "я", "ия", "ь", "о", "ы", "и", "с", "са", "ва", "ск"]],
  ["ской", ["", "а", "ь", "о"]],
  ["цкий", ["цк"]],
  ["жский", ["га", "г"]],
];

/**
 * Linking suffixes an adjective may add to a place's stem (америк-ан-ский, европ-ей-ский,
 * моск-ов-ский), each with the place endings that may follow the bare stem.
 */
export const PLACE_LINKS: Readonly<Record<string, readonly string[]>> = {
  ан: ["а", "я", "ия", ""],
  ян: ["а", "я", "ия"],
  ей: ["а", "я"],
  ов: ["ва", "а"],
  ев: ["ва", "а"],
  ат: ["я"],
};

/** Feminine noun of a person → its masculine, longest ending first. */
export const FEMININE_RULES: readonly EndingRule[] = [
  ["тельница", ["тель"]],
  ["ница", ["ник", "ь"]],
  ["янка", ["янин", "янец"]],
  ["анка", ["анин", "анец"]],
  ["риса", ["ёр", "ер", "ор"]],
  ["ева", ["ь"]],
  ["есса", ["", "ь"]],
  ["ица", ["ец", "ь", ""]],
  ["иня", ["", "й"]],
  ["ка", ["", "ец", "ин"]],
];

/**
 * Pairs the rules and the dictionary accept that are not one word derived from the other
 * (братский «brotherly», not «of Bratsk»), by the derived word's lemma.
 */
export const DERIVATION_EXCEPTIONS: ReadonlySet<string> = new Set(["братский"]);
