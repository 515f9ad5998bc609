/**
 * Long articles in parts (issue 11, item 1): an article page sends at most about `budget`
 * characters of text, whole paragraphs only (a paragraph longer than the budget is a part of its
 * own, and import bounds it by MAX_PARAGRAPH_CHARS). Pure, so it is unit-tested.
 */
export interface ArticlePart {
  /** 1-based, as in ?part=N */
  number: number;
  /** paragraph indices [from, to) */
  from: number;
  to: number;
}

export function articleParts(paragraphs: readonly string[], budget: number): ArticlePart[] {
  const parts: ArticlePart[] = [];
  let from = 0;
  let size = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const len = paragraphs[i]!.length;
    if (i > from && size + len > budget) {
      parts.push({ number: parts.length + 1, from, to: i });
      from = i;
      size = 0;
    }
    size += len;
  }
  parts.push({ number: parts.length + 1, from, to: Math.max(paragraphs.length, from) });
  return parts;
}

/** The part a ?part= value names: the first for anything missing or malformed, the last past the end. */
export function partFromParam(value: string | string[] | undefined, count: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = raw && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), count);
}
