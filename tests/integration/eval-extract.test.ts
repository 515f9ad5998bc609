import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSeed, evalFactRu, evalNerel, evalOpinions } from "@/scripts/eval/extract";

const repo = path.resolve(import.meta.dirname, "../..");
const data = path.resolve(repo, "../shared/data");
const hasData = existsSync(data);

describe("eval:extract on the seed", () => {
  it("meets every expected-output check", () => {
    const checks = checkSeed(readFileSync(path.join(repo, "content/kazakhstan-mediator.txt"), "utf8"));
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });
});

if (!hasData) {
  describe("eval:extract on gold data", () => {
    it.skip(`skipped: ../shared/data not found at ${data} (gold corpora are not part of the repo)`, () => {});
  });
} else {
  describe("eval:extract on a small slice of gold data", () => {
    it("RuOpinionNE: speakers of reporting-verb sentences are mostly right", () => {
      const r = evalOpinions(data, { files: ["validation_labeled.jsonl"], limit: 150 });
      expect(r.sentences).toBeGreaterThan(0);
      expect(r.predicted).toBeGreaterThan(0);
      expect(r.precision).toBeGreaterThanOrEqual(0.6);
    });

    it("NEREL: WORKPLACE pairs are scored and mostly right", () => {
      const r = evalNerel(data, { splits: ["dev"], limit: 40 });
      expect(r.docs).toBe(40);
      expect(r.workplace.score.predicted).toBeGreaterThan(0);
      expect(r.workplace.score.precision).toBeGreaterThanOrEqual(0.5);
      expect(r.workplace.matches.length).toBe(r.workplace.score.tp);
    });

    it("factRuEval: Occupation pairs are scored", () => {
      const r = evalFactRu(data, { sets: ["devset"], limit: 30 });
      expect(r.docs).toBe(30);
      expect(r.institution.score.gold).toBeGreaterThan(0);
      expect(r.institution.score.f1).toBeGreaterThan(0);
    });
  });
}
