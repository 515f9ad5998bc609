/**
 * Values as Meilisearch filters and facets them without changing them.
 *
 * Meilisearch folds case and applies NFKD to every filterable string, on both sides of a
 * comparison, and merges facet values that fold alike («ИМЭМО РАН» and «Имэмо ран» count as
 * one); it also silently leaves out of its filter and facet databases any value over 468 bytes.
 * The embedded engine compares values exactly. So facet values are filtered and counted through
 * a key that folding cannot change: lowercase base32 of the UTF-8 bytes (only a–z and 2–7), and
 * for a value too long for that, `#` and its SHA-256 (never a base32 character, so the two
 * cannot meet). Words are matched by q, not filters: text.ts says how they are written.
 */
import { createHash } from "node:crypto";

/** Meilisearch keeps facet and filter strings up to 468 bytes; a margin below that. */
export const MAX_VALUE_BYTES = 400;

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const HASHED = "#";

function hashed(value: string): string {
  return HASHED + createHash("sha256").update(value).digest("hex");
}

function base32(bytes: Uint8Array): string {
  let out = "";
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

function unbase32(s: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of s) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error(`not a facet key: ${s}`);
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 255);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

/** The key a facet value is filtered and counted by. */
export function facetKey(value: string): string {
  const key = base32(Buffer.from(value, "utf8"));
  return key.length <= MAX_VALUE_BYTES ? key : hashed(value);
}

/** The value of a key, or undefined for a hashed one (the caller looks it up among the records). */
export function decodeFacetKey(key: string): string | undefined {
  if (key.startsWith(HASHED)) return undefined;
  return Buffer.from(unbase32(key)).toString("utf8");
}

export function isHashedKey(key: string): boolean {
  return key.startsWith(HASHED);
}
