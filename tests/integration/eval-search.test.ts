import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DATA = path.resolve(process.cwd(), "../shared/data");
const present = fs.existsSync(path.join(DATA, "xquad-ru")) && fs.existsSync(path.join(DATA, "nerel"));
if (!present) console.warn(`eval-search integration test skipped: reference data not found at ${DATA} (CI has ../shared/data beside the checkout).`);

interface Report {
  note: string;
  sets: { name: string; queries: number }[];
  results: { analyzer: string; set: string; metrics: Record<string, number> }[];
}

describe("npm run eval:search on a slice", () => {
  it.skipIf(!present)(`scores every analyzer on both judged sets (needs ${DATA})`, { timeout: 600_000 }, () => {
    const out = execFileSync("npx", ["tsx", "scripts/eval-search.ts", "--limit", "25", "--json"], { encoding: "utf8", maxBuffer: 16 << 20 });
    const report = JSON.parse(out) as Report;
    expect(report.note).toMatch(/derived, automatic/);
    expect(report.sets.map((s) => s.queries)).toEqual([25, 25]);
    for (const set of ["xquad-ru", "nerel-entities"])
      expect(report.results.filter((r) => r.set === set).map((r) => r.analyzer)).toEqual(["none", "snowball", "lemma", "default"]);
    for (const r of report.results)
      for (const v of Object.values(r.metrics)) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    const get = (a: string, set: string, m: string) => report.results.find((r) => r.analyzer === a && r.set === set)!.metrics[m]!;
    expect(Object.keys(report.results.find((r) => r.set === "xquad-ru")!.metrics)).toEqual(expect.arrayContaining(["MRR@10", "Recall@1", "Recall@10", "nDCG@10"]));
    expect(Object.keys(report.results.find((r) => r.set === "nerel-entities")!.metrics)).toEqual(expect.arrayContaining(["nDCG@10", "MAP@100", "Recall@100"]));
    // A floor that only a broken pipeline (nothing indexed, nothing matched) falls below.
    expect(get("default", "xquad-ru", "MRR@10")).toBeGreaterThan(0.5);
    expect(get("default", "nerel-entities", "Recall@100")).toBeGreaterThan(0.3);
  });
});
