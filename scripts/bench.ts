/**
 * npm run bench -- --docs N [--seed S] [--queries Q] [--json] [--no-pg] [--reuse] [--http [--build] [--http-duration SEC] [--http-connections C]] [--real [--real-docs N]]
 * npm run bench -- --render bench-results/bench-N-sS.json   (the table of an earlier run)
 *
 * Ingests a synthetic archive (npm run bench:corpus) into the embedded engine and, in the
 * same run, into PostgreSQL 15; answers one seeded query mix on both; prints every figure
 * side by side with the ratio ours/PostgreSQL. With --real, also imports every NEREL and
 * factRuEval article as plain text (extraction included) and re-imports it unchanged.
 * A script, not a test: timings vary with load.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { intArg, parseArgs } from "./bench/args";
import { NEREL_DIR, buildUniverse, corpusAvailable, ensureCorpus, loadPool } from "./bench/corpus";
import { runHttpBench, type HttpFigures } from "./bench/http";
import { ensureRealCorpus } from "./bench/real-corpus";
import { pageWeight, type PageWeight } from "./bench/page-weight";
import { coldStartPostgres, findPgCtl, loadPostgres, peakSampler, searchPostgres, startPostgres } from "./bench/postgres";
import { type BenchQuery, queryMix } from "./bench/queries";
import { type Latency, latency } from "./bench/stats";
import { runCli } from "./lib/run-cli";

const args = parseArgs(process.argv.slice(2));
const docs = intArg(args, "docs", 10_000);
const seed = intArg(args, "seed", 42);
const nQueries = intArg(args, "queries", 300);
const asJson = args.has("json");
const log = (s: string) => process.stderr.write(s + "\n");

/** Runs a worker in its own process and parses the JSON line it prints. */
function runWorker<T>(argv: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts/bench/worker.ts"), ...argv], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => process.stderr.write(d));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`worker ${argv[0]} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1)!) as T);
      } catch (e) {
        reject(new Error(`worker ${argv[0]} printed no result: ${(e as Error).message}`));
      }
    });
  });
}

function fileSize(p: string): number {
  return ["", "-wal", "-shm"].reduce((sum, ext) => sum + (fs.existsSync(p + ext) ? fs.statSync(p + ext).size : 0), 0);
}

interface SearchFigures {
  all: Latency;
  byClass: Record<string, Latency>;
  filtered: Latency;
  unfiltered: Latency;
  byDate: Latency;
  coldStartMs: number;
  peakRssMb: number;
  zeroResultQueries: number;
}

interface EngineFigures {
  ingest: { docsPerSec: number; seconds: number; sizeMb: number; indexMb?: number; peakRssMb: number; [k: string]: unknown };
  search: SearchFigures;
  /** Statement search over the same mix, in the serving process after the document queries (ours only). */
  statements?: { all: Latency; firstAnswerMs: number; zeroResultQueries: number };
}

export interface BenchReport {
  docs: number;
  seed: number;
  queries: number;
  machine: { cpus: number; node: string };
  analyzer: string;
  ours: EngineFigures;
  postgres: EngineFigures | { skipped: string };
  ratio: Record<string, number | null>;
  http: HttpFigures | { skipped: string };
  pageWeight: PageWeight | { skipped: string };
  realImport: RealImportFigures | { skipped: string };
}

/** Plain-text import with extraction (PostgreSQL has no counterpart: it extracts nothing). */
interface RealImportFigures {
  docs: number;
  seconds: number;
  docsPerSecond: number;
  /** The same documents from a copy at another path: every file read, every document unchanged. */
  reimportUnchangedSeconds: number;
  /** The same with --force: every document extracted again. */
  reimportForcedSeconds: number;
  peakRssMb: number;
}

function searchFigures(samples: { ms: number; total: number }[], queries: readonly BenchQuery[], coldStartMs: number, peakRssMb: number): SearchFigures {
  const pick = (f: (q: BenchQuery) => boolean) => latency(samples.filter((_, i) => f(queries[i]!)).map((s) => s.ms));
  const isFiltered = (q: BenchQuery) => Object.values(q.filters).some((v) => v.length > 0);
  return {
    all: latency(samples.map((s) => s.ms)),
    byClass: { common: pick((q) => q.cls === "common"), mid: pick((q) => q.cls === "mid"), rare: pick((q) => q.cls === "rare") },
    filtered: pick(isFiltered),
    unfiltered: pick((q) => !isFiltered(q)),
    byDate: pick((q) => q.sort === "date"),
    coldStartMs: Math.round(coldStartMs),
    peakRssMb,
    zeroResultQueries: samples.filter((s) => s.total === 0).length,
  };
}

async function main(): Promise<number> {
  const saved = args.get("render");
  if (saved) {
    // Re-print the table of an earlier run from its JSON, e.g. bench-results/bench-100000-s42.json.
    process.stdout.write(renderTable(JSON.parse(fs.readFileSync(saved, "utf8")) as BenchReport));
    return 0;
  }
  if (!corpusAvailable()) {
    log(`error: ${NEREL_DIR} not found; the benchmark corpus is built from ../shared/data/nerel`);
    return 1;
  }
  const files = ensureCorpus(docs, seed, log);
  const pool = loadPool();
  const queries = queryMix(pool, buildUniverse(pool, seed), nQueries, seed);
  const workDir = path.resolve("data/bench");
  const queriesFile = path.join(workDir, `queries-${nQueries}-s${seed}.json`);
  fs.writeFileSync(queriesFile, JSON.stringify(queries));

  // ---- ours: ingest, then serve from a fresh process
  const db = path.join(workDir, `archive-${docs}-s${seed}.db`);
  type Ingest = { docs: number; totalMs: number; prepareMs: number; commitMs: number; analyzer: string; analyzeOnlyDocsPerSec: number; analyzeUsPerToken: number; maxRssMb: number };
  let ing: Ingest;
  const sidecar = `${db}.ingest.json`;
  if (args.has("reuse") && fs.existsSync(db) && fs.existsSync(sidecar)) {
    ing = JSON.parse(fs.readFileSync(sidecar, "utf8")) as Ingest;
    log(`ours: --reuse: serving the existing ${path.relative(process.cwd(), db)}; ingest figures are from the run that built it`);
  } else {
    for (const ext of ["", "-wal", "-shm", ".ingest.json", ".postings", ".postings-wal", ".postings-shm"]) fs.rmSync(db + ext, { force: true });
    log(`ours: ingesting ${docs} docs…`);
    ing = await runWorker<Ingest>(["ingest", db, ...files]);
  }
  log(`ours: searching (${queries.length} queries)…`);
  const srch = await runWorker<{ coldStartMs: number; samples: { ms: number; total: number }[]; firstStatementMs: number; statementSamples: { ms: number; total: number }[]; maxRssMb: number }>(["search", db, queriesFile]);
  const ours: EngineFigures = {
    ingest: {
      docsPerSec: Math.round((ing.docs * 1000) / ing.totalMs),
      seconds: Math.round(ing.totalMs) / 1000,
      sizeMb: Math.round(fileSize(db) / 1e5) / 10,
      peakRssMb: ing.maxRssMb,
      readValidateExtractSec: Math.round(ing.prepareMs) / 1000,
      analyzeIndexWriteSec: Math.round(ing.commitMs) / 1000,
      analyzeOnlyDocsPerSec: Math.round(ing.analyzeOnlyDocsPerSec),
      analyzeUsPerToken: Math.round(ing.analyzeUsPerToken * 100) / 100,
    },
    search: searchFigures(srch.samples, queries, srch.coldStartMs, srch.maxRssMb),
    statements: {
      all: latency(srch.statementSamples.map((x) => x.ms)),
      firstAnswerMs: Math.round(srch.firstStatementMs),
      zeroResultQueries: srch.statementSamples.filter((x) => x.total === 0).length,
    },
  };

  // ---- PostgreSQL
  let postgres: BenchReport["postgres"] = { skipped: "not run" };
  const pgCtl = findPgCtl();
  if (args.has("no-pg")) postgres = { skipped: "--no-pg given" };
  else if (!pgCtl) {
    postgres = { skipped: "pg_ctl not found on PATH or in /usr/lib/postgresql/15/bin" };
    log("postgres: skipped, pg_ctl not found");
  } else {
    log(`postgres: starting ${pgCtl}…`);
    const server = await startPostgres(pgCtl);
    try {
      const ingPeak = peakSampler(() => server.pssMb());
      const pgIng = await loadPostgres(server, files, log);
      const ingRss = ingPeak.stop();
      log(`postgres: searching (${queries.length} queries)…`);
      const cold = await coldStartPostgres(server, pgCtl, queries[0]!);
      const searchPeak = peakSampler(() => server.pssMb());
      const pgSearch = await searchPostgres(server, queries);
      const searchRss = searchPeak.stop();
      postgres = {
        ingest: {
          docsPerSec: Math.round((pgIng.docs * 1000) / pgIng.totalMs),
          seconds: Math.round(pgIng.totalMs) / 1000,
          sizeMb: Math.round(pgIng.sizeBytes / 1e5) / 10,
          indexMb: Math.round(pgIng.indexBytes / 1e5) / 10,
          peakRssMb: ingRss,
        },
        search: searchFigures(pgSearch.samples, queries, cold, searchRss),
      };
      let mismatched = 0;
      pgSearch.samples.forEach((s, i) => (mismatched += s.total === 0 && srch.samples[i]!.total !== 0 ? 1 : 0));
      (postgres.search as SearchFigures & { notes?: string }).notes = `PostgreSQL AND-only: ${mismatched} queries empty there but answered by ours (which falls back to any-word matching)`;
    } finally {
      server.stop();
    }
  }

  // ---- page weight and HTTP (need a Next build)
  let weight: BenchReport["pageWeight"];
  try {
    weight = pageWeight(process.cwd());
  } catch (e) {
    weight = { skipped: (e as Error).message };
  }
  let http: BenchReport["http"] = { skipped: "pass --http to run it here, or use npm run bench:http" };
  if (args.has("http")) {
    try {
      http = await runHttpBench({ db, queries, durationSec: intArg(args, "http-duration", 30), connections: intArg(args, "http-connections", 32), log, build: args.has("build") });
    } catch (e) {
      http = { skipped: `failed: ${(e as Error).message}` };
    }
    try {
      weight = pageWeight(process.cwd());
    } catch (e) {
      weight = { skipped: (e as Error).message };
    }
  }

  let realImport: BenchReport["realImport"] = { skipped: "pass --real to run it" };
  if (args.has("real")) {
    // --real-docs N: the first N articles only (the CI smoke run keeps the whole path working in seconds).
    const { file, docs: nReal } = ensureRealCorpus(args.has("real-docs") ? intArg(args, "real-docs", 1) : Infinity);
    log(`real text: importing ${nReal} NEREL + factRuEval articles with extraction, then again unchanged…`);
    const r = await runWorker<{ docs: number; importMs: number; reimportMs: number; reimportUnchanged: number; forcedMs: number; forcedUnchanged: number; maxRssMb: number }>([
      "real",
      path.join(workDir, "archive-real.db"),
      file,
    ]);
    if (r.reimportUnchanged !== r.docs || r.forcedUnchanged !== r.docs) throw new Error(`real text re-import changed documents: ${JSON.stringify(r)}`);
    realImport = {
      docs: r.docs,
      seconds: Math.round(r.importMs) / 1000,
      docsPerSecond: Math.round((r.docs * 1000) / r.importMs),
      reimportUnchangedSeconds: Math.round(r.reimportMs) / 1000,
      reimportForcedSeconds: Math.round(r.forcedMs) / 1000,
      peakRssMb: r.maxRssMb,
    };
  }

  const ratio: Record<string, number | null> = {};
  if ("ingest" in postgres) {
    const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
    const p = postgres;
    Object.assign(ratio, {
      ingestDocsPerSec: r(ours.ingest.docsPerSec, p.ingest.docsPerSec),
      sizeOnDisk: r(ours.ingest.sizeMb, p.ingest.sizeMb),
      ingestPeakRss: r(ours.ingest.peakRssMb, p.ingest.peakRssMb),
      searchP50: r(ours.search.all.p50, p.search.all.p50),
      searchP95: r(ours.search.all.p95, p.search.all.p95),
      searchP99: r(ours.search.all.p99, p.search.all.p99),
      commonP95: r(ours.search.byClass.common!.p95, p.search.byClass.common!.p95),
      midP95: r(ours.search.byClass.mid!.p95, p.search.byClass.mid!.p95),
      rareP95: r(ours.search.byClass.rare!.p95, p.search.byClass.rare!.p95),
      filteredP95: r(ours.search.filtered.p95, p.search.filtered.p95),
      unfilteredP95: r(ours.search.unfiltered.p95, p.search.unfiltered.p95),
      dateSortP95: r(ours.search.byDate.p95, p.search.byDate.p95),
      coldStart: r(ours.search.coldStartMs, p.search.coldStartMs),
      servingPeakRss: r(ours.search.peakRssMb, p.search.peakRssMb),
    });
  }
  const report: BenchReport = {
    docs,
    seed,
    queries: queries.length,
    machine: { cpus: (await import("node:os")).cpus().length, node: process.version },
    analyzer: ing.analyzer,
    ours,
    postgres,
    ratio,
    http,
    pageWeight: weight,
    realImport,
  };
  fs.mkdirSync("bench-results", { recursive: true });
  fs.writeFileSync(path.join("bench-results", `bench-${docs}-s${seed}.json`), JSON.stringify(report, null, 2) + "\n");
  if (asJson) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
  else process.stdout.write(renderTable(report));
  return 0;
}

function renderTable(r: BenchReport): string {
  const pgOk = "ingest" in r.postgres ? r.postgres : null;
  const rows: [string, string, string, string, string][] = [];
  const fmt = (x: number | undefined | null, unit = "") => (x === undefined || x === null || Number.isNaN(x) ? "—" : `${x}${unit}`);
  const add = (label: string, ours: number | undefined, pg: number | undefined, unit: string, target = "") => {
    const ratio = ours !== undefined && pg !== undefined && pg > 0 ? (ours / pg).toFixed(3) : "—";
    rows.push([label, fmt(ours, unit), pgOk ? fmt(pg, unit) : "skipped", pgOk ? ratio : "—", target]);
  };
  const o = r.ours;
  const p = pgOk;
  add("ingest throughput", o.ingest.docsPerSec, p?.ingest.docsPerSec, " docs/s", "≥ 2000 docs/s");
  add("ingest wall time", o.ingest.seconds, p?.ingest.seconds, " s");
  add("size on disk (text + index)", o.ingest.sizeMb, p?.ingest.sizeMb, " MB");
  add("ingest peak RSS", o.ingest.peakRssMb, p?.ingest.peakRssMb, " MB");
  add("search p50", o.search.all.p50, p?.search.all.p50, " ms", "≤ 10 ms");
  add("search p95", o.search.all.p95, p?.search.all.p95, " ms", "≤ 30 ms, ≤ 0.1× PG");
  add("search p99", o.search.all.p99, p?.search.all.p99, " ms");
  for (const cls of ["common", "mid", "rare"]) add(`  p95 ${cls} terms`, o.search.byClass[cls]!.p95, p?.search.byClass[cls]!.p95, " ms");
  add("  p95 with facet filter", o.search.filtered.p95, p?.search.filtered.p95, " ms");
  add("  p95 without filter", o.search.unfiltered.p95, p?.search.unfiltered.p95, " ms");
  add("  p95 sorted by date", o.search.byDate.p95, p?.search.byDate.p95, " ms");
  add("cold start → first answer", o.search.coldStartMs, p?.search.coldStartMs, " ms", "≤ 2000 ms");
  add("serving peak RSS", o.search.peakRssMb, p?.search.peakRssMb, " MB", "≤ 1500 MB at 1M");
  if (o.statements) {
    add("statement search p50", o.statements.all.p50, undefined, " ms");
    add("statement search p95", o.statements.all.p95, undefined, " ms", "≤ 30 ms");
    add("statement search p99", o.statements.all.p99, undefined, " ms");
    add("  first statement answer", o.statements.firstAnswerMs, undefined, " ms");
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((row) => row[i]!.length), ["figure", "ours", "PostgreSQL 15", "ours/PG", "target"][i]!.length));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ") + "\n";
  let out = `\n${r.docs} docs, seed ${r.seed}, ${r.queries} queries, analyzer ${r.analyzer}, ${r.machine.cpus} cpus, node ${r.machine.node}\n\n`;
  out += line(["figure", "ours", "PostgreSQL 15", "ours/PG", "target"]);
  for (const row of rows) out += line(row);
  out += `\ningest breakdown (ours): read+validate+extract ${o.ingest.readValidateExtractSec} s, analyze+index+write ${o.ingest.analyzeIndexWriteSec} s; analyzer alone ${o.ingest.analyzeOnlyDocsPerSec} docs/s (${o.ingest.analyzeUsPerToken} µs/token)\n`;
  out += `zero-result queries: ours ${o.search.zeroResultQueries}, PostgreSQL ${p ? p.search.zeroResultQueries : "—"}\n`;
  if (!pgOk) out += `PostgreSQL: ${(r.postgres as { skipped: string }).skipped}\n`;
  if ("endpoints" in r.http) {
    out += `\nHTTP (autocannon, ${r.http.connections} connections, ${r.http.durationSec} s each)   target /api/search ≥ 300 req/s, 0 errors, p99 ≤ 150 ms\n`;
    out += `  server peak RSS ${r.http.serverPeakRssMb} MB\n`;
    for (const e of r.http.endpoints) out += `  ${e.path.padEnd(12)} ${e.reqPerSec} req/s  p50 ${e.p50} ms  p99 ${e.p99} ms  errors ${e.errors}  non-2xx ${e.non2xx}\n`;
  } else out += `\nHTTP: ${r.http.skipped}\n`;
  const real = r.realImport;
  if (real && "docs" in real) {
    out += `\nreal text (${real.docs} NEREL + factRuEval articles, extraction included; PostgreSQL has no counterpart): import ${real.docsPerSecond} docs/s (${real.seconds} s, target ≥ 500 docs/s), `;
    out += `re-import unchanged ${real.reimportUnchangedSeconds} s (target ≤ 2 s), with --force ${real.reimportForcedSeconds} s; peak RSS ${real.peakRssMb} MB\n`;
  } else if (real) out += `real text: ${real.skipped}\n`;
  if ("gzipBytes" in r.pageWeight) out += `search page "/" first-load JS: ${(r.pageWeight.gzipBytes / 1024).toFixed(1)} kB gzipped in ${r.pageWeight.chunks.length} chunks (target ≤ 120 kB)\n`;
  else out += `page weight: ${r.pageWeight.skipped}\n`;
  return out;
}

runCli(main, { stack: true });
