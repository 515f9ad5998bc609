import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Synchronous access to az (OpenCorpora) morphology. Az.Morph.init is callback-based, but its
 * callbacks fire as soon as Az.load reports; swapping Az.load for a readFileSync version makes the
 * whole init finish before it returns, so extraction stays a plain synchronous function.
 */

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

interface AzModule {
  load: (url: string, type: string, cb: (err: unknown, data?: unknown) => void) => void;
  Morph: ((word: string, config?: Record<string, unknown>) => AzParse[]) & {
    init: (dir: string, cb: (err: unknown) => void) => void;
  };
}

let az: AzModule | undefined;

function loadAz(): AzModule {
  if (az) return az;
  const require = createRequire(import.meta.url);
  const mod = require("az") as AzModule;
  const dicts = path.join(path.dirname(require.resolve("az/package.json")), "dicts");
  const original = mod.load;
  // init counts pending loads and finishes when the count drops to zero, so answering each load
  // inline would finish after the first file; queue the answers and deliver them once init has
  // registered every load.
  const pending: Array<() => void> = [];
  mod.load = (url, type, cb) => {
    let data: unknown;
    let error: unknown;
    try {
      const buf = readFileSync(url);
      // A fresh ArrayBuffer: small Buffers share a pool, and DAWG reads the whole .buffer.
      data = type === "json" ? JSON.parse(buf.toString("utf8")) : new Uint8Array(buf).buffer;
    } catch (err) {
      error = err;
    }
    pending.push(() => (error ? cb(error) : cb(null, data)));
  };
  let failure: unknown;
  let done = false;
  try {
    mod.Morph.init(dicts, (err) => {
      failure = err;
      done = true;
    });
    while (pending.length > 0) pending.shift()!();
  } finally {
    mod.load = original;
  }
  if (failure || !done) throw new Error(`az dictionaries failed to load from ${dicts}: ${String(failure ?? "init did not complete")}`);
  az = mod;
  return mod;
}

const cache = new Map<string, AzParse[]>();

/** All az readings of a word (dictionary only, no typo guessing), cached. */
export function parse(word: string): AzParse[] {
  const hit = cache.get(word);
  if (hit) return hit;
  const result = loadAz().Morph(word, { typos: 0, stutter: 0 });
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
