/** Latin letters that look like Cyrillic ones, written inside Russian words by OCR and careless typing («Католичеcкой» with a Latin c). */
const LOOKALIKES: Record<string, string> = { a: "а", c: "с", e: "е", o: "о", p: "р", x: "х", y: "у", k: "к", A: "А", B: "В", C: "С", E: "Е", H: "Н", K: "К", M: "М", O: "О", P: "Р", T: "Т", X: "Х", Y: "У" };

/** A word mixing scripts with more Cyrillic than Latin letters, its Latin lookalikes made Cyrillic. */
export function foldLookalikes(word: string): string {
  if (!/[a-z]/i.test(word) || !/[\u0400-\u04ff]/.test(word)) return word;
  const cyr = (word.match(/[\u0400-\u04ff]/g) ?? []).length;
  const lat = (word.match(/[a-z]/gi) ?? []).length;
  if (cyr <= lat) return word;
  return word.replace(/[a-zA-Z]/g, (ch) => LOOKALIKES[ch] ?? ch);
}

/** Lowercase with ё as е: how a lemma or a dictionary form is written as a key. */
export function foldYo(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е");
}

/** Lowercase and fold ё into е (and Latin lookalikes inside a Russian word): what every analyzer variant, and Meilisearch on its own, agrees on. */
export function normalizeWord(word: string): string {
  return foldYo(foldLookalikes(word));
}

/** Fold typographic hyphens and apostrophes so «Алма‑Ата» and «Алма-Ата» are the same token. */
const TYPOGRAPHIC = /[\u2010\u2011\u00ad’ʼ`]/;

export function normalizePunctuation(word: string): string {
  // Nearly every word has none of them: one test instead of two replacements (it runs for every token).
  if (!TYPOGRAPHIC.test(word)) return word;
  return word.replace(/[\u2010\u2011\u00ad]/g, "-").replace(/[’ʼ`]/g, "'");
}

/**
 * BGN/PCGN writes a middle dot inside a romanised word where letters would otherwise read as one
 * (Geyt·s: Гейтс, not Гейц); it joins the word, it does not split it. Queries only: Russian text does
 * not have it, so the index is untouched.
 */
export function foldMiddleDots(text: string): string {
  return text.includes("\u00b7") ? text.replace(/(\p{L})\u00b7(?=\p{L})/gu, "$1") : text;
}
