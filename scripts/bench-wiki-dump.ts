/**
 * npm run bench:wiki-dump -- [--docs N] [--plain] [--keep]
 * Writes a synthetic MediaWiki dump of N articles (default 100,000, plus redirects and talk pages; tests/helpers/synthetic-wiki-dump.ts)
 * into a temp folder, compresses it with bzip2 when the binary is there (unless --plain), and
 * imports it into a fresh archive through `npm run ingest`'s path (importFiles), reporting wall
 * time, documents and peak RSS (sampled every 250 ms, and the process's maxRSS).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { getConfig } from "@/lib/config";
import { importFiles } from "@/lib/ingest/import";
import { writeSyntheticDump } from "../tests/helpers/synthetic-wiki-dump";
import { runCli } from "./lib/run-cli";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

function mem(): string {
  const m = process.memoryUsage();
  return `${Math.round(m.rss / 1e6)} MB (heap ${Math.round(m.heapUsed / 1e6)}/${Math.round(m.heapTotal / 1e6)}, external ${Math.round(m.external / 1e6)}, array buffers ${Math.round(m.arrayBuffers / 1e6)})`;
}

async function main(): Promise<number> {
  const n = arg("docs", 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-dump-"));
  let file = path.join(dir, "ruwikinews-synthetic-pages-articles.xml");
  const t0 = performance.now();
  const articles = n;
  const pages = writeSyntheticDump(file, n);
  const xmlBytes = fs.statSync(file).size;
  if (!process.argv.includes("--plain")) {
    try {
      execFileSync("bzip2", ["-1", file]);
      file += ".bz2";
    } catch {
      console.error("bzip2 not found: importing the uncompressed .xml");
    }
  }
  console.error(`dump: ${pages} pages, ${articles} articles, ${(xmlBytes / 1e6).toFixed(1)} MB XML, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB on disk (${path.basename(file)}), written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const started = performance.now();
  const config = { ...getConfig(), ARCHIVE_DB_PATH: path.join(dir, "archive.db"), MEILI_URL: undefined };
  const rssBefore = process.memoryUsage.rss();
  let peak = 0;
  let peakAt = 0;
  const sample = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) {
      peak = rss;
      peakAt = (performance.now() - started) / 1000;
    }
  }, 100);
  let lastPrint = 0;
  const report = await importFiles([file], config, {
    onDumpProgress: (_f, p) => {
      if (performance.now() - lastPrint > 5_000) {
        lastPrint = performance.now();
        console.error(`  ${Math.round((100 * p.bytesRead) / p.bytesTotal)}% read, ${p.pages} pages, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${mem()}`);
      }
    },
    onIndexProgress: (done, total) => {
      if (performance.now() - lastPrint > 5_000 || done === total) {
        lastPrint = performance.now();
        console.error(`  indexed ${done}/${total}, ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${mem()}`);
      }
    },
  });
  clearInterval(sample);
  const secs = (performance.now() - started) / 1000;
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const result = {
    pages,
    articles,
    heapLimitMB: Math.round(v8.getHeapStatistics().heap_size_limit / 1e6),
    documents: report.documents,
    emptyPages: report.emptyPages,
    errors: report.errorCount,
    firstError: report.errors[0]?.message,
    summary: report.summary,
    seconds: Number(secs.toFixed(1)),
    docsPerSecond: Math.round(report.documents / secs),
    peakRssMB: Math.round(Math.max(peak, maxRss) / 1e6),
    sampledPeakRssMB: Math.round(peak / 1e6),
    sampledPeakAtSecond: Number(peakAt.toFixed(1)),
    rssBeforeImportMB: Math.round(rssBefore / 1e6),
    archiveMB: Math.round(fs.statSync(config.ARCHIVE_DB_PATH).size / 1e6),
  };
  console.log(JSON.stringify(result, null, 2));
  if (!process.argv.includes("--keep")) fs.rmSync(dir, { recursive: true, force: true });
  else console.error(`kept ${dir}`);
  return report.errorCount === 0 && report.documents === articles ? 0 : 1;
}

runCli(main, { stack: true });
