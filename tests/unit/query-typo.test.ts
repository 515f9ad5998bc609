import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { editDistance, maxTypos, nearestTerm } from "@/lib/search/typo";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

describe("typo rules", () => {
  it("allows no typo below 5 letters, one from 5, two from 9", () => {
    expect([4, 5, 8, 9, 12].map((n) => maxTypos("а".repeat(n)))).toEqual([0, 1, 1, 2, 2]);
  });

  it("counts insertions, deletions, substitutions and swaps as one edit", () => {
    expect(editDistance("санкций", "санкцый")).toBe(1);
    expect(editDistance("санкций", "санкцийй")).toBe(1);
    expect(editDistance("санкций", "санкци")).toBe(1);
    expect(editDistance("санкций", "сакнций")).toBe(1);
    expect(editDistance("медиатор", "медатр")).toBe(2);
  });

  it("stops counting past the budget", () => {
    expect(editDistance("казахстан", "узбекистан", 2)).toBe(3);
  });

  it("picks the nearest term, then the most frequent, then alphabetical", () => {
    const vocab = [
      { term: "санкции", docs: 3 },
      { term: "санкций", docs: 9 },
      { term: "санкция", docs: 9 },
    ];
    expect(nearestTerm("санкцый", vocab)).toBe("санкций");
    expect(nearestTerm("санкцив", vocab)).toBe("санкций");
    expect(nearestTerm("слон", [{ term: "слог", docs: 1 }])).toBeNull();
    expect(nearestTerm("медиатор", [{ term: "модератор", docs: 5 }])).toBeNull();
    expect(nearestTerm("салтыбаеевым", [{ term: "салтыбаевым", docs: 1 }])).toBe("салтыбаевым");
  });
});

function doc(n: number, paragraph: string): CommentaryDocument {
  return { id: `d${n}`, slug: `d${n}`, title: `Документ ${n}`, paragraphs: [paragraph], topics: [], speakers: [], institutions: [], quotes: [], contentHash: `h${n}` };
}

describe("typo correction in the embedded engine", () => {
  const q = (text: string): SearchQuery => ({ q: text, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
  async function engine() {
    const e = new SqliteEngine(openDatabase(":memory:"), getAnalyzer("default"));
    await e.upsert([doc(1, "Новые санкций против Ирана, – отметил Ержан Салтыбаев."), doc(2, "Казахстан как медиатор в переговорах.")]);
    return e;
  }

  it("corrects a word that matches nothing and says so", async () => {
    const r = await (await engine()).search(q("санкцый"));
    expect(r.correctedQuery).toBe("санкций");
    expect(r.hits.map((h) => h.id)).toEqual(["d1"]);
  });

  it("keeps the other words and the capital letter as typed", async () => {
    const r = await (await engine()).search(q("Салтыбаеев санкций"));
    expect(r.correctedQuery).toBe("Салтыбаев санкций");
    expect(r.total).toBe(1);
  });

  it("leaves known words, inflected forms and short words alone", async () => {
    const e = await engine();
    expect((await e.search(q("санкциями"))).correctedQuery).toBeUndefined();
    expect((await e.search(q("Казахстана медиатором"))).correctedQuery).toBeUndefined();
    expect((await e.search(q("Ирна"))).correctedQuery).toBeUndefined();
  });

  it("relaxes to any word when no document has them all", async () => {
    const r = await (await engine()).search(q("Казахстан Салтыбаев"));
    expect(r.matchMode).toBe("any");
    expect(r.total).toBe(2);
  });
});
