/**
 * Analysed text as Meilisearch reads it, on both sides: what a record's searchable strings hold
 * (documents and statements) and how a query word or phrase is written in `q` to match them.
 *
 * A record holds, per title and body, each token's main term (its first analysed term, the query
 * key of that form) in text order, stop words as written, so Meilisearch's positions are the text's
 * and a quoted phrase of keys means those words adjacent, stop words counted, as in the exact text
 * the embedded engine checks phrases against. The other terms of ambiguous tokens (13% of tokens on
 * the bench archive) and the parts of compounds go to `alt`, each apart from the next (a hard
 * separator puts 8 positions between them): a query key matches them, a phrase never does.
 */
import { createHash } from "node:crypto";
import type { AnalyzedToken, Analyzer } from "@/lib/text/analyzer";

/**
 * Meilisearch indexes at most 65,536 positions per field and leaves later words out of search;
 * a hyphenated key takes one per part, so chunks stay far below that.
 */
export const CHUNK_TOKENS = 20_000;
/** `alt` words stand 8 positions apart, so fewer fit in one field. */
export const ALT_CHUNK_WORDS = 6_000;
/** Between `alt` words: a hard separator, so no two of them ever form a phrase. */
const ALT_SEPARATOR = ". ";
/** Meilisearch drops tokens over 255 bytes; longer keys are sent as a hash on both sides. */
export const MAX_TOKEN_BYTES = 200;

/**
 * Every word is sent with a leading «ъ», which no Russian word starts with. Meilisearch also tries
 * a query word split in two (вишняв → «вишня в») and neighbouring query words joined (на то →
 * нато), with typo tolerance off too; with the mark, neither a half nor a join is ever an indexed
 * word, so a word matches only itself, as on the embedded engine.
 */
const MARK = "ъ";
const CYRILLIC = /^\p{Script=Cyrillic}+$/u;
const HEX_AS_LETTERS = "абвгдежзийклмноп";

/**
 * A key as one Meilisearch word. A key Meilisearch would cut into several words or segment
 * otherwise (северо-западный, 1,5, Latin, digits, mixed scripts) or drop (over-long) goes as
 * a hash in Cyrillic letters (80 bits), so it stays one word and matches only itself, like a
 * compound in the embedded engine's index; its parts match through `alt`.
 */
export function wordToken(key: string): string {
  if (CYRILLIC.test(key) && Buffer.byteLength(key, "utf8") <= MAX_TOKEN_BYTES) return MARK + key;
  const hex = createHash("sha256").update(key).digest("hex").slice(0, 20);
  return MARK + MARK + hex.replace(/[0-9a-f]/g, (c) => HEX_AS_LETTERS[parseInt(c, 16)]!);
}

/** What one token contributes to the positional strings: its main term, or a stop word as written. */
function positional(t: Pick<AnalyzedToken, "terms" | "norm" | "stop">): string {
  return wordToken(t.stop || t.terms.length === 0 ? t.norm : t.terms[0]!);
}

interface SearchableText {
  /** Main terms in text order. */
  words: string[];
  /** Further terms of ambiguous tokens. */
  alt: string[];
}

function searchableText(analyzer: Analyzer, text: string): SearchableText {
  const words: string[] = [];
  const alt = new Set<string>();
  for (const t of analyzer.analyze(text)) {
    words.push(positional(t));
    for (const term of t.terms.slice(1)) alt.add(wordToken(term));
  }
  return { words, alt: [...alt] };
}

/**
 * The searchable fields of a title and a body: `title_k`, `body_k`, further body chunks under
 * `body_more` (each nested field has positions of its own), and `alt` for both.
 */
export interface SearchableFields {
  title_k: string;
  body_k: string;
  body_more?: Record<string, string>;
  alt: string;
  alt_more?: Record<string, string>;
}

/** The first chunk as the field, the others under `<field>_more` as c1, c2, …: each nested field has positions of its own. */
function chunked(words: readonly string[], size: number, separator: string): [string, Record<string, string> | undefined] {
  const parts: string[] = [];
  for (let i = 0; i < words.length; i += size) parts.push(words.slice(i, i + size).join(separator));
  const [first, ...more] = parts;
  return [first ?? "", more.length > 0 ? Object.fromEntries(more.map((c, i) => [`c${i + 1}`, c])) : undefined];
}

export function searchableFields(analyzer: Analyzer, title: string, body: string): SearchableFields {
  const t = searchableText(analyzer, title);
  const b = searchableText(analyzer, body);
  const [bodyK, bodyMore] = chunked(b.words, CHUNK_TOKENS, " ");
  const [alt, altMore] = chunked([...new Set([...t.alt, ...b.alt])], ALT_CHUNK_WORDS, ALT_SEPARATOR);
  return {
    title_k: t.words.join(" "),
    body_k: bodyK,
    ...(bodyMore ? { body_more: bodyMore } : {}),
    alt,
    ...(altMore ? { alt_more: altMore } : {}),
  };
}

export const SEARCHABLE_ATTRIBUTES = ["title_k", "body_k", "body_more", "alt", "alt_more"] as const;
export const STATEMENT_SEARCHABLE_ATTRIBUTES = ["body_k", "body_more", "alt", "alt_more"] as const;

/** A query key in `q`: the same single word the records hold for it. */
export function wordQ(key: string): string {
  return wordToken(key);
}

/** A phrase in `q`: its words' main terms (stop words as written) in order, adjacent. */
export function phraseQ(analyzer: Analyzer, raw: string): string {
  const words = analyzer.analyze(raw).map((t) => wordToken(t.stop ? t.norm : t.key));
  // Tokens are Cyrillic letters only: nothing in them can close the phrase early.
  return words.length === 1 ? words[0]! : `"${words.join(" ")}"`;
}
