/**
 * npm run bench:meili -- [--docs N] [--seed S] [--queries Q] [--meili-pid PID] [--build]
 *
 * Both engines on one bench archive of N documents (default 20,000), side by side in one run
 * (issue 13): reindex time of each, bytes sent to Meilisearch per document, the Meilisearch
 * server's database size and peak RSS, search latency p50/p95 through /api/search (the server
 * `npm start` runs, one request at a time over the bench query mix, once per engine), and the
 * comparison list of the contract suite (totals agreement, top-5 overlap). Needs MEILI_URL and an
 * admin or master key; builds the index `bench_<N>_s<S>`, which it leaves for inspection.
 *
 * The server's sizes come from GET /stats, which covers every index it holds: run it against a
 * server with an empty database for figures of this index alone. Peak RSS is the kernel's VmHWM
 * of --meili-pid (a local server), since the client cannot see it.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/archive/db";
import { currentRegistry } from "@/lib/archive/entities";
import { ArchiveStore } from "@/lib/archive/store";
import { parseConfig } from "@/lib/config";
import { resolveDocument } from "@/lib/entities/document";
import { openEmbeddedEngine } from "@/lib/search";
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { toMeiliDocument } from "@/lib/search/engines/meilisearch/document";
import { toMeiliStatements } from "@/lib/search/engines/meilisearch/statements";
import { getAnalyzer } from "@/lib/text/analyzers";
import { intArg, parseArgs } from "./bench/args";
import { type BenchDoc, benchCases, compareEngines, overlapSummary } from "./bench/compare-cases";
import { NEREL_DIR, buildUniverse, corpusAvailable, ensureCorpus, loadPool } from "./bench/corpus";
import { ensureBuild, searchPath } from "./bench/http";
import { queryMix } from "./bench/queries";
import { latency } from "./bench/stats";
import { runCli } from "./lib/run-cli";
import { freePort } from "./bench/free-port";

const log = (s: string) => process.stderr.write(`${s}\n`);
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(" ");

function peakKb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) : undefined;
}


/** /api/search latency, one request at a time, on the server npm start runs with this environment. */
async function httpLatency(env: NodeJS.ProcessEnv, paths: readonly string[]): Promise<{ p50: number; p95: number; n: number; failed: number }> {
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  let stderr = "";
  server.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const deadline = Date.now() + 120_000; ; ) {
      const ok = await fetch(`${base}${paths[0]}`).then((r) => r.ok, () => false);
      if (ok) break;
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not come up:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Warm-up: the first requests pay for compilation and caches, which a running server has paid.
    for (const p of paths.slice(0, 20)) await fetch(`${base}${p}`).then((r) => r.arrayBuffer());
    const samples: number[] = [];
    let failed = 0;
    for (const p of paths) {
      const started = performance.now();
      const res = await fetch(`${base}${p}`);
      await res.arrayBuffer();
      samples.push(performance.now() - started);
      if (!res.ok) failed++;
    }
    const l = latency(samples);
    return { p50: l.p50, p95: l.p95, n: l.n, failed };
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const docs = intArg(args, "docs", 20_000);
  const seed = intArg(args, "seed", 42);
  const meiliPid = args.has("meili-pid") ? intArg(args, "meili-pid", 0) : undefined;
  if (!corpusAvailable()) {
    log(`error: ${NEREL_DIR} not found; the benchmark corpus is built from ../shared/data/nerel`);
    return 1;
  }
  if (!process.env.MEILI_URL) {
    log("error: set MEILI_URL (and MEILI_MASTER_KEY or MEILI_ADMIN_KEY) to the Meilisearch server to measure");
    return 1;
  }
  const db = path.resolve("data/bench", `archive-${docs}-s${seed}.db`);
  const files = ensureCorpus(docs, seed, log);
  if (!fs.existsSync(db)) {
    log(`meili bench: ingesting ${docs} docs into ${path.relative(process.cwd(), db)}…`);
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench/worker.ts", "ingest", db, ...files], { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) return 1;
  }
  const index = `bench_${docs}_s${seed}`;
  const config = parseConfig({ ...process.env, ARCHIVE_DB_PATH: db, MEILI_INDEX: index });
  const embeddedConfig = parseConfig({ ...process.env, ARCHIVE_DB_PATH: db, MEILI_URL: "" });
  const analyzer = getAnalyzer(config.ANALYZER);
  const archiveBytes = fs.statSync(db).size;
  const sourceBytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);

  // Reindex, each engine from the same archive, one after the other.
  const embedded = openEmbeddedEngine(embeddedConfig);
  log(`meili bench: embedded reindex… (load ${load()})`);
  let t = performance.now();
  embedded.reindexAll();
  const embeddedReindexS = (performance.now() - t) / 1000;
  const loadEmbedded = load();

  const store = new ArchiveStore(openDatabase(db));
  const registry = currentRegistry(openDatabase(db));
  const resolved = function* () {
    for (const { document } of store.all()) yield resolveDocument(registry, document);
  };
  const meili = MeilisearchEngine.fromConfig(config);
  log(`meili bench: Meilisearch reindex into ${index}… (load ${load()})`);
  const before = peakKb(meiliPid);
  t = performance.now();
  await meili.rebuild(resolved(), { onProgress: (n) => n % 5_000 === 0 && log(`  ${n}`) });
  const meiliReindexS = (performance.now() - t) / 1000;
  const loadMeili = load();
  const peak = peakKb(meiliPid);

  let documentBytes = 0;
  let statementBytes = 0;
  let count = 0;
  for (const d of resolved()) {
    documentBytes += Buffer.byteLength(JSON.stringify(toMeiliDocument(d, analyzer)));
    statementBytes += toMeiliStatements(d, analyzer).reduce((n, s) => n + Buffer.byteLength(JSON.stringify(s)) + 1, 0);
    count++;
  }
  const key = config.MEILI_ADMIN_KEY ?? config.MEILI_MASTER_KEY;
  const stats = (await fetch(`${config.MEILI_URL}/stats`, { headers: key ? { Authorization: `Bearer ${key}` } : {} }).then((r) => r.json())) as { databaseSize?: number; usedDatabaseSize?: number };

  // Latency through /api/search, embedded then Meilisearch, the same requests in the same order.
  // The server serves what was compiled: --build after changing server code, or the old engine is measured.
  ensureBuild(process.cwd(), log, args.has("build"));
  const pool = loadPool();
  const paths = queryMix(pool, buildUniverse(pool, seed), intArg(args, "queries", 300), seed).map((q) => searchPath(q));
  log(`meili bench: /api/search, embedded… (load ${load()})`);
  const httpEmbedded = { ...(await httpLatency({ ...process.env, ARCHIVE_DB_PATH: db, MEILI_URL: "" }, paths)), load: load() };
  log(`meili bench: /api/search, Meilisearch… (load ${load()})`);
  const httpMeili = { ...(await httpLatency({ ...process.env, ARCHIVE_DB_PATH: db, MEILI_INDEX: index }, paths)), load: load() };

  log("meili bench: comparison list…");
  const benchDocs = files.flatMap((f) => fs.readFileSync(f, "utf8").trim().split("\n").map((l) => JSON.parse(l) as BenchDoc));
  const cases = benchCases(benchDocs);
  const comparison = await compareEngines(embedded, meili, cases);

  const figures = {
    docs: count,
    seed,
    sourceBytes,
    archiveBytes,
    reindex: { embeddedS: Math.round(embeddedReindexS * 10) / 10, embeddedLoad: loadEmbedded, meiliS: Math.round(meiliReindexS * 10) / 10, meiliLoad: loadMeili },
    sentPerDocument: { documents: Math.round(documentBytes / count), statements: Math.round(statementBytes / count), sourceJson: Math.round(sourceBytes / count) },
    meiliServer: { databaseSize: stats.databaseSize, usedDatabaseSize: stats.usedDatabaseSize, peakRssKbBefore: before, peakRssKb: peak },
    apiSearch: { embedded: httpEmbedded, meilisearch: httpMeili },
    comparison: { queries: cases.length, totalsAgree: cases.length - comparison.differing.length, differing: comparison.differing.map((d) => d.line), top5: overlapSummary(comparison.overlap) },
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  return 0;
}

runCli(main, { stack: true });
