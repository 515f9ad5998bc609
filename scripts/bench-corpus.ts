/**
 * npm run bench:corpus -- --docs N [--seed S] [--out DIR]
 * Writes a synthetic JSONL archive of N commentary documents built from NEREL sentences.
 */
import path from "node:path";
import { intArg, parseArgs } from "./bench/args";
import { NEREL_DIR, corpusAvailable, corpusDir, ensureCorpus, generateCorpus } from "./bench/corpus";

const args = parseArgs(process.argv.slice(2));
if (!corpusAvailable()) {
  console.error(`error: ${NEREL_DIR} not found; the generator samples its sentences from ../shared/data/nerel`);
  process.exit(1);
}
const docs = intArg(args, "docs", 10_000);
const seed = intArg(args, "seed", 42);
const out = args.get("out");
const started = performance.now();
const files = out
  ? generateCorpus({ docs, seed, outDir: path.resolve(out) })
  : ensureCorpus(docs, seed, (s) => console.error(s));
console.log(`${docs} documents in ${files.length} file(s) under ${path.relative(process.cwd(), out ? path.resolve(out) : corpusDir(docs, seed)) || "."} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
