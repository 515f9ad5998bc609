/** Tokens with offsets, and sentence boundaries, for the attribution rules. */

export interface Tok {
  text: string;
  start: number;
  end: number;
  /** A word (letters/digits, hyphenated), or a single punctuation character. */
  word: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-‐‑’'][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokens(text: string, offset = 0): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ text: m[0], start: m.index + offset, end: m.index + offset + m[0].length, word: /[\p{L}\p{N}]/u.test(m[0]) });
  }
  return out;
}

export const DASHES = new Set(["-", "–", "—", "―"]);
export const OPEN_QUOTES = new Set(["«", "„", "“", '"']);
export const CLOSE_QUOTES = new Set(["»", "“", "”", '"']);

/** Short words after which a period does not end a sentence (initials and common abbreviations). */
const NO_BREAK_BEFORE = /(?:^|[\s(])(?:[А-ЯЁA-Z]|т\.е|т\.к|т\.н|г|гг|им|др|пр|ст|ул|млн|млрд|тыс|руб|долл|проф|акад|св|см|напр)\.$/u;

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentence spans of a paragraph. A period inside an open quotation does not end the sentence
 * the quote belongs to, so a multi-sentence quote and its attribution stay together.
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      // A line break ends a sentence: headlines and captions carry no final period.
      if (text.slice(start, i).trim()) out.push({ start, end: i });
      start = i + 1;
      depth = 0;
      continue;
    }
    if (c === "«" || c === "„") depth++;
    else if ((c === "»" || c === "“") && depth > 0) depth--;
    if (depth > 0) continue;
    if (c === "." || c === "!" || c === "?" || c === "…") {
      let j = i + 1;
      while (j < text.length && /[.!?…»"”)]/u.test(text[j]!)) j++;
      if (j < text.length && !/\s/u.test(text[j]!)) continue;
      let k = j;
      while (k < text.length && /\s/u.test(text[k]!)) k++;
      if (k >= text.length) break;
      if (!/[А-ЯЁA-Z0-9«"„“–—-]/u.test(text[k]!)) continue;
      if (c === "." && NO_BREAK_BEFORE.test(text.slice(Math.max(0, i - 6), i + 1))) continue;
      out.push({ start, end: j });
      start = k;
      i = k - 1;
    }
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim().length > 0);
}
