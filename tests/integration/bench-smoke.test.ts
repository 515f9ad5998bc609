/**
 * Keeps `npm run bench` working: a tiny corpus through the whole benchmark, PostgreSQL
 * included when pg_ctl exists. Asserts that every figure is reported, never how fast:
 * timings on shared CI machines mean nothing at this size.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findPgCtl } from "@/scripts/bench/postgres";

const NEREL = path.resolve(process.cwd(), "../shared/data/nerel/NEREL-v1.1");
const haveData = fs.existsSync(NEREL);
if (!haveData) console.log(`bench smoke: skipped, ${NEREL} is absent (the corpus is built from ../shared/data/nerel)`);
const havePg = findPgCtl() !== null;

describe.skipIf(!haveData)("benchmark smoke (300 docs)", () => {
  it("prints every figure as JSON, PostgreSQL beside ours when pg_ctl exists", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/bench.ts", "--docs", "300", "--queries", "30", "--seed", "7", "--json", "--real", "--real-docs", "60"], {
      encoding: "utf8",
      timeout: 170_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    const positive = (x: unknown) => expect(typeof x === "number" && Number.isFinite(x) && x > 0, String(x)).toBe(true);
    expect(report.docs).toBe(300);
    for (const engine of havePg ? [report.ours, report.postgres] : [report.ours]) {
      positive(engine.ingest.docsPerSec);
      positive(engine.ingest.sizeMb);
      positive(engine.ingest.peakRssMb);
      for (const l of [engine.search.all, engine.search.byClass.common, engine.search.byClass.mid, engine.search.byClass.rare, engine.search.filtered, engine.search.byDate]) {
        positive(l.p50);
        positive(l.p95);
        positive(l.p99);
      }
      positive(engine.search.coldStartMs);
      positive(engine.search.peakRssMb);
    }
    // Statement search over the same mix (ours only).
    for (const x of [report.ours.statements.all.p50, report.ours.statements.all.p95, report.ours.statements.firstAnswerMs]) positive(x);
    if (havePg) {
      for (const k of ["ingestDocsPerSec", "sizeOnDisk", "searchP50", "searchP95", "searchP99", "coldStart", "servingPeakRss"]) positive(report.ratio[k]);
    } else {
      expect(report.postgres.skipped).toMatch(/pg_ctl/);
    }
    // HTTP and page weight need a production build; the smoke run reports why they are absent instead.
    expect("endpoints" in report.http || typeof report.http.skipped === "string").toBe(true);
    expect("gzipBytes" in report.pageWeight || typeof report.pageWeight.skipped === "string").toBe(true);
    // Real text: imported with extraction, then re-imported unchanged (bench.ts fails the run if any document changed).
    expect(report.realImport.docs).toBe(60);
    positive(report.realImport.docsPerSecond);
    positive(report.realImport.reimportUnchangedSeconds);
    positive(report.realImport.reimportForcedSeconds);
  }, 180_000);
});
