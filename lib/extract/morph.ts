import { azMorph } from "@/lib/text/az";

/** az (OpenCorpora) readings for the extraction rules, with the grammemes they use typed. */

export interface AzTag {
  POS?: string;
  CAse?: string;
  GNdr?: string;
  NMbr?: string;
  Name?: boolean;
  Surn?: boolean;
  Patr?: boolean;
  Geox?: boolean;
  Orgn?: boolean;
  Abbr?: boolean;
  toString(): string;
  [key: string]: unknown;
}

export interface AzParse {
  word: string;
  normalize(nf?: boolean): AzParse;
  inflect(grammemes: string[] | AzTag): AzParse | false;
  tag: AzTag;
  score: number;
  stutter?: number;
  typos?: number;
}

/** az is loaded once per process by lib/text/az (synchronously, bundler-safe); extraction shares it. */
function morph(): (word: string, config?: Record<string, unknown>) => AzParse[] {
  return azMorph() as unknown as (word: string, config?: Record<string, unknown>) => AzParse[];
}

const cache = new Map<string, AzParse[]>();

/** All az readings of a word (dictionary only, no typo guessing), cached. */
export function parse(word: string): AzParse[] {
  const hit = cache.get(word);
  if (hit) return hit;
  const result = morph()(word, { typos: 0, stutter: 0 });
  if (cache.size > 50_000) cache.clear();
  cache.set(word, result);
  return result;
}

export function has(tag: AzTag, grammeme: string): boolean {
  return Boolean(tag[grammeme]);
}

/** Dictionary lemma (first reading), lower-cased, ё folded. */
export function lemma(word: string): string {
  const p = parse(word.toLowerCase())[0];
  const w = p ? (p.normalize()?.word ?? word.toLowerCase()) : word.toLowerCase();
  return (typeof w === "string" ? w : String(w)).replace(/ё/g, "е");
}

/** A reading's dictionary form; az occasionally returns a parse without one. */
export function normalForm(p: AzParse, fallback: string): string {
  let w: unknown;
  try {
    w = p.normalize()?.word;
  } catch {
    w = undefined;
  }
  return typeof w === "string" && w ? w : fallback.toLowerCase();
}
