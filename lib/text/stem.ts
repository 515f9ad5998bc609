import { stemmer } from "@orama/stemmers/russian";
import { stemmer as englishStemmer } from "@orama/stemmers/english";

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

const english = new Map<string, string>();

/** Snowball English stem of a lowercase Latin word (sanctions → sanction). */
export function englishStem(word: string): string {
  let stem = english.get(word);
  if (stem === undefined) {
    stem = englishStemmer(word);
    if (english.size >= CACHE_LIMIT) english.clear();
    english.set(word, stem);
  }
  return stem;
}

/** Snowball Russian stem of an already normalised (lowercase, ё→е) word. */
export function snowballStem(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = /[а-я]/.test(word) ? stemmer(word) : word;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
