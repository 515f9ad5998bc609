import { normalizePunctuation } from "./normalize";

export interface RawToken {
  /** Text exactly as it appears in the source. */
  surface: string;
  /** Offsets into the source string, in UTF-16 code units (what JS slicing uses). */
  start: number;
  end: number;
}

/**
 * Words joined by hyphens stay one token (экспертно-аналитический, Алма-Ата, 25-летию);
 * numbers keep their decimal part (2,5 or 3.14). Everything else separates tokens.
 */
const TOKEN = /\p{N}+(?:[.,]\p{N}+)*(?:[-\u2010\u2011][\p{L}\p{N}]+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)?(?:[-\u2010\u2011][\p{L}\p{M}\p{N}]+)*/gu;

export function tokenize(text: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    out.push({ surface: normalizePunctuation(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** True for all-capital abbreviations such as ИМЭП, США, ЕАЭС. */
export function isAbbreviation(surface: string): boolean {
  return surface.length >= 2 && /^[\p{Lu}\p{N}-]+$/u.test(surface) && /\p{Lu}/u.test(surface);
}
