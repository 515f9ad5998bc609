/** Lowercase and fold ё into е: what every analyzer variant, and Meilisearch on its own, agrees on. */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/ё/g, "е");
}

/** Fold typographic hyphens and apostrophes so «Алма‑Ата» and «Алма-Ата» are the same token. */
export function normalizePunctuation(word: string): string {
  return word.replace(/[\u2010\u2011\u00ad]/g, "-").replace(/[’ʼ`]/g, "'");
}
