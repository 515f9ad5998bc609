import { azMorph } from "@/lib/text/az";
import { memoByString } from "./memo";

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

/**
 * All az readings of a word (dictionary only, no typo guessing), cached across documents: az
 * takes ~60 µs for a form it has not seen (most of an import's extraction time), a hit ~0.1 µs.
 * The arrays are shared, so callers copy before sorting.
 */
export const parse: (word: string) => AzParse[] = memoByString((word) => morph()(word, { typos: 0, stutter: 0 }), 150_000);

export function has(tag: AzTag, grammeme: string): boolean {
  return Boolean(tag[grammeme]);
}

/** Dictionary lemma (first reading), lower-cased, ё folded. */
export const lemma: (word: string) => string = memoByString((word) => {
  const p = parse(word.toLowerCase())[0];
  const w = p ? (p.normalize()?.word ?? word.toLowerCase()) : word.toLowerCase();
  return (typeof w === "string" ? w : String(w)).replace(/ё/g, "е");
});

/** az builds a new parse for each normalize(); the readings are cached, so their normal forms are too. */
const normalWords = new WeakMap<AzParse, string | null>();

/** A reading's dictionary form; az occasionally returns a parse without one. */
export function normalForm(p: AzParse, fallback: string): string {
  let known = normalWords.get(p);
  if (known === undefined) {
    let w: unknown;
    try {
      w = p.normalize()?.word;
    } catch {
      w = undefined;
    }
    known = typeof w === "string" && w ? w : null;
    normalWords.set(p, known);
  }
  return known ?? fallback.toLowerCase();
}
