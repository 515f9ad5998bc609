/**
 * Child process for the embedded engine, so ingest and serving each get their own peak RSS
 * and cold start is measured from a real process start.
 *   worker.ts ingest <db> [--analysis-threads=N] [--extract-threads=N] [--prepared-chars=N] <shard>…  → JSON summary on stdout
 *   worker.ts search <db> <queries.json>  → JSON summary on stdout
 *   worker.ts real <db> <real.jsonl>      → real-text import through `npm run ingest`'s path, then re-imports
 */
import fs from "node:fs";

const [mode, dbPath, ...rest] = process.argv.slice(2);

function maxRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function ingest(): Promise<void> {
  const { openDatabase } = await import("@/lib/archive/db");
  const { SqliteEngine } = await import("@/lib/search/engines/sqlite");
  const { getAnalyzer } = await import("@/lib/text/analyzers");
  const { commitIngest, prepareIngest } = await import("@/lib/ingest/run-ingest");
  const analyzer = getAnalyzer("default");
  const engine = new SqliteEngine(openDatabase(dbPath!), analyzer);
  const { AnalysisPool, analysisThreads } = await import("@/lib/ingest/analysis-pool");
  const { lazyExtractor } = await import("@/lib/ingest/extract-pool");
  const { PreparedAnalyses } = await import("@/lib/ingest/prepared-analyses");
  const { prepareIngestOnThreads } = await import("@/lib/ingest/prepare-threads");
  const flags = rest.filter((a) => a.startsWith("--"));
  const flag = (name: string) => flags.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const shards = rest.filter((a) => !a.startsWith("--"));
  // As `npm run ingest` does for a large import (importFiles, storeDocuments): documents built on
  // extraction threads that also analyse their index texts (up to --prepared-chars of text a shard),
  // the rest analysed by the commit's pool; --extract-threads=0 and --analysis-threads=0 run each inline, for an A/B.
  const threads = flag("analysis-threads") !== undefined ? Number(flag("analysis-threads")) : analysisThreads();
  const extractThreads = flag("extract-threads") !== undefined ? Number(flag("extract-threads")) : undefined;
  const preparedChars = flag("prepared-chars") !== undefined ? Number(flag("prepared-chars")) : undefined;
  const extractor = extractThreads === 0 ? undefined : lazyExtractor(extractThreads, analyzer.name);
  const analysis = threads > 0 ? new AnalysisPool(analyzer, threads) : undefined;
  let docs = 0;
  let prepareMs = 0;
  let commitMs = 0;
  const started = performance.now();
  // One transaction per shard: a 1M-document import held in memory at once would not fit.
  for (const file of shards) {
    const t0 = performance.now();
    const analysed = extractor ? new PreparedAnalyses(preparedChars) : undefined;
    if (analysed) analysed.fallback = analysis;
    const prepared = extractor ? await prepareIngestOnThreads([file], extractor, analysed) : prepareIngest([file]);
    if (prepared.errors.length > 0) throw new Error(prepared.errors.map((e) => e.message).join("\n"));
    const t1 = performance.now();
    commitIngest(
      engine,
      prepared.documents.map((d) => d.document),
      undefined,
      false,
      analysed ?? analysis,
    );
    const t2 = performance.now();
    prepareMs += t1 - t0;
    commitMs += t2 - t1;
    docs += prepared.documents.length;
    process.stderr.write(`  ingested ${docs} docs (${Math.round((docs * 1000) / (t2 - started))} docs/s; this shard: read+validate+extract ${Math.round(t1 - t0)} ms, analyze+index+write ${Math.round(t2 - t1)} ms)\n`);
  }
  const totalMs = performance.now() - started;
  await analysis?.close();
  await extractor?.close();
  engine.db.pragma("wal_checkpoint(TRUNCATE)");
  // The analyzer alone, on the first shard, to say how much of commit time is analysis.
  const sample = prepareIngest([shards[0]!]).documents.slice(0, 2_000).map((d) => d.document);
  const ta = performance.now();
  let tokens = 0;
  for (const d of sample) {
    const body = d.paragraphs.join("\n");
    tokens += analyzer.indexText(d.title).length + analyzer.indexText(body).split(" ").length;
    analyzer.exactText(d.title);
    analyzer.exactText(body);
  }
  const analyzeMs = performance.now() - ta;
  engine.db.close();
  const summary = JSON.stringify({
      docs,
      totalMs,
      prepareMs,
      commitMs,
      analyzer: analyzer.version,
      analyzeOnlyDocsPerSec: (sample.length * 1000) / analyzeMs,
      analyzeUsPerToken: (analyzeMs * 1000) / Math.max(1, tokens),
      maxRssMb: maxRssMb(),
      analysisThreads: threads,
      extractThreads: extractor?.counts?.threads ?? 0,
  });
  // Kept beside the archive so `npm run bench -- --reuse` can serve it again without re-ingesting.
  fs.writeFileSync(`${dbPath}.ingest.json`, summary + "\n");
  process.stdout.write(summary + "\n");
}

async function search(): Promise<void> {
  const queries = JSON.parse(fs.readFileSync(rest[0]!, "utf8")) as import("./queries").BenchQuery[];
  const { openDatabase } = await import("@/lib/archive/db");
  const { SqliteEngine } = await import("@/lib/search/engines/sqlite");
  const { getAnalyzer } = await import("@/lib/text/analyzers");
  const { forServing } = await import("@/lib/search");
  // Set up as the server sets up its engine (lib/search/index.ts), so the RSS is the server's.
  const engine = forServing(new SqliteEngine(openDatabase(dbPath!), getAnalyzer("default")));
  const ask = (q: (typeof queries)[number]) => engine.search({ q: q.q, filters: q.filters, sort: q.sort, page: 1, perPage: 10 });
  const first = await ask(queries[0]!);
  // performance.now() counts from process start: this is start → first answer, module loading included.
  const coldStartMs = performance.now();
  const samples: { ms: number; total: number; cls: string; filtered: boolean; sort: string; hits: number }[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const res = await ask(q);
    const ms = performance.now() - t0;
    samples.push({ ms, total: res.total, cls: q.cls, filtered: Object.values(q.filters).some((v) => v.length > 0), sort: q.sort, hits: res.hits.length });
  }
  // Statement search, the same mix: the first answer builds the statement facet memory, so it is timed apart.
  const askStatements = (q: (typeof queries)[number]) => engine.searchStatements({ q: q.q, filters: q.filters, sort: q.sort, page: 1, perPage: 10 });
  const s0 = performance.now();
  await askStatements(queries[0]!);
  const firstStatementMs = performance.now() - s0;
  const statementSamples: { ms: number; total: number }[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const res = await askStatements(q);
    statementSamples.push({ ms: performance.now() - t0, total: res.total });
  }
  process.stdout.write(JSON.stringify({ coldStartMs, firstTotal: first.total, samples, firstStatementMs, statementSamples, maxRssMb: maxRssMb() }) + "\n");
}

/**
 * Real text, no metadata: importFiles (what `npm run ingest` runs: read, validate, extract, one
 * commit) into a fresh archive; then the same documents from a copy at another path (every file
 * read, every document unchanged), then with --force (every document extracted again).
 */
async function real(): Promise<void> {
  const path = await import("node:path");
  const { parseConfig } = await import("@/lib/config");
  const { importFiles } = await import("@/lib/ingest/import");
  const file = rest[0]!;
  for (const ext of ["", "-wal", "-shm", ".postings", ".postings-wal", ".postings-shm"]) fs.rmSync(dbPath! + ext, { force: true });
  const config = { ...parseConfig({ ARCHIVE_DB_PATH: dbPath }), MEILI_URL: undefined };
  const timed = async (files: string[], force = false) => {
    const t0 = performance.now();
    const report = await importFiles(files, config, { force });
    const ms = performance.now() - t0;
    if (report.errorCount > 0) throw new Error(report.errors.map((e) => e.message).join("\n"));
    return { ms, summary: report.summary!, documents: report.documents };
  };
  const first = await timed([file]);
  const copy = path.join(path.dirname(dbPath!), `real-copy-${process.pid}.jsonl`);
  fs.copyFileSync(file, copy);
  try {
    const again = await timed([copy]);
    const forced = await timed([copy], true);
    process.stdout.write(
      JSON.stringify({
        docs: first.documents,
        importMs: first.ms,
        added: first.summary.added,
        reimportMs: again.ms,
        reimportUnchanged: again.summary.unchanged,
        forcedMs: forced.ms,
        forcedUnchanged: forced.summary.unchanged,
        maxRssMb: maxRssMb(),
      }) + "\n",
    );
  } finally {
    fs.rmSync(copy, { force: true });
  }
}

(mode === "ingest" ? ingest() : mode === "real" ? real() : search()).catch((e) => {
  console.error(e);
  process.exit(1);
});
