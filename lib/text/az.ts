import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Synchronous loading of az (Az.js, OpenCorpora 2016 dictionary shipped in the package).
 *
 * Az.Morph.init is callback-based, but every file it reads goes through `Az.load`. Swapping
 * Az.load for a readFileSync version and delivering the answers after init has registered every
 * load (init counts pending loads, so answering inline would "finish" after the first file)
 * makes init complete before this function returns. That keeps the analyzer a plain synchronous
 * object usable from Next.js server code (az is in serverExternalPackages, so it is a real Node
 * require there) and from CLI scripts, with no top-level await. Load cost is ~0.3 s, paid once
 * per process on first use of the lemma analyzer.
 */

export interface AzTag {
  POS?: string;
  [grammeme: string]: unknown;
}

export interface AzParse {
  word: string;
  tag: AzTag;
  score: number;
  parser?: string;
  normalize(keepPOS?: boolean): AzParse;
  inflect(grammemes: string[]): AzParse | false;
}

export type AzMorph = ((word: string, config?: Record<string, unknown>) => AzParse[]) & {
  init: (dir: string, cb: (err: unknown) => void) => void;
};

interface AzModule {
  load: (url: string, type: string, cb: (err: unknown, data?: unknown) => void) => void;
  Morph: AzMorph;
}

let loaded: AzMorph | undefined;

function dictsDir(require: NodeJS.Require): string {
  try {
    return path.join(path.dirname(require.resolve("az/package.json")), "dicts");
  } catch {
    // Bundlers can hide package.json from resolve; the package is always installed at the root.
    return path.join(process.cwd(), "node_modules", "az", "dicts");
  }
}

function nodeRequire(): NodeJS.Require {
  try {
    return createRequire(import.meta.url);
  } catch {
    // A bundled server chunk may not carry a usable import.meta.url; resolve from the app root instead.
    return createRequire(path.join(process.cwd(), "package.json"));
  }
}

export function azMorph(): AzMorph {
  if (loaded) return loaded;
  const require = nodeRequire();
  const mod = require("az") as AzModule;
  // Another module (lib/extract) may already have initialised the shared az singleton.
  try {
    mod.Morph("кот");
    loaded = mod.Morph;
    return loaded;
  } catch {
    /* not initialised yet */
  }
  const dicts = dictsDir(require);
  const original = mod.load;
  const pending: Array<() => void> = [];
  mod.load = (url, type, cb) => {
    let data: unknown;
    let error: unknown;
    try {
      const buf = readFileSync(url);
      // A fresh ArrayBuffer: small Buffers share a pool, and the DAWG reader takes the whole .buffer.
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
  loaded = mod.Morph;
  return loaded;
}

// ignoreCase: az otherwise drops proper-noun readings of lowercase input, and the index must hold every reading.
const DICTIONARY_ONLY = { parsers: ["Dictionary"], typos: 0, stutter: 0, ignoreCase: true };

/** The dictionary's readings of a word, nothing guessed (no suffix guesses for unknown words, no typo or stutter variants): what the analyzer, name parts and derivations read. */
export function dictionaryParses(word: string): AzParse[] {
  return azMorph()(word, DICTIONARY_ONLY);
}
