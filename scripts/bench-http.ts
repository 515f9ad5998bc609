/**
 * npm run bench:http -- [--docs N] [--seed S] [--duration SEC] [--connections C] [--build] [--json]
 *
 * Serves the benchmark archive of N documents with `next start` (building first when .next
 * is missing) and drives /api/search and the search page with autocannon on loopback. The
 * archive comes from an earlier `npm run bench -- --docs N`, or is ingested here.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { intArg, parseArgs } from "./bench/args";
import { buildUniverse, corpusAvailable, ensureCorpus, loadPool, NEREL_DIR } from "./bench/corpus";
import { runHttpBench } from "./bench/http";
import { pageWeight } from "./bench/page-weight";
import { queryMix } from "./bench/queries";
import { runCli } from "./lib/run-cli";

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const docs = intArg(args, "docs", 100_000);
  const seed = intArg(args, "seed", 42);
  const log = (s: string) => process.stderr.write(s + "\n");
  if (!corpusAvailable()) {
    log(`error: ${NEREL_DIR} not found; the benchmark corpus is built from ../shared/data/nerel`);
    return 1;
  }
  const db = path.resolve("data/bench", `archive-${docs}-s${seed}.db`);
  if (!fs.existsSync(db)) {
    const files = ensureCorpus(docs, seed, log);
    log(`http: ingesting ${docs} docs into ${path.relative(process.cwd(), db)}…`);
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/worker.ts", "ingest", db, ...files], { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) return 1;
  }
  const pool = loadPool();
  const queries = queryMix(pool, buildUniverse(pool, seed), 300, seed);
  const http = await runHttpBench({ db, queries, durationSec: intArg(args, "duration", 30), connections: intArg(args, "connections", 32), log, build: args.has("build") });
  let weight: ReturnType<typeof pageWeight> | { skipped: string };
  try {
    weight = pageWeight(process.cwd());
  } catch (e) {
    weight = { skipped: (e as Error).message };
  }
  if (args.has("json")) {
    process.stdout.write(JSON.stringify({ docs, seed, http, pageWeight: weight }, null, 2) + "\n");
    return 0;
  }
  process.stdout.write(`\nHTTP at ${docs} docs: ${http.connections} connections, ${http.durationSec} s per endpoint, server peak RSS ${http.serverPeakRssMb} MB\n`);
  process.stdout.write("target /api/search: ≥ 300 req/s, 0 errors, p99 ≤ 150 ms\n");
  for (const e of http.endpoints) process.stdout.write(`  ${e.path.padEnd(12)} ${e.reqPerSec} req/s  p50 ${e.p50} ms  p99 ${e.p99} ms  errors ${e.errors}  timeouts ${e.timeouts}  non-2xx ${e.non2xx}\n`);
  if ("gzipBytes" in weight) process.stdout.write(`search page "/" first-load JS: ${(weight.gzipBytes / 1024).toFixed(1)} kB gzipped (${weight.chunks.length} chunks; target ≤ 120 kB)\n`);
  else process.stdout.write(`page weight: ${weight.skipped}\n`);
  return 0;
}

runCli(main, { stack: true });
