import { stemmer } from "@orama/stemmers/russian";

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

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
