import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { foldMiddleDots } from "@/lib/text/normalize";
import { withScriptVariants } from "@/lib/search/script-correction";

const a = getAnalyzer("default");
const mk = (id: string, p: string) => ({ id, slug: id, title: "", paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });

async function engine(docs: ReturnType<typeof mk>[]) {
  const e = new SqliteEngine(openDatabase(":memory:"), a);
  await e.upsert(docs);
  return e;
}
const search = (e: SqliteEngine, q: string) => e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });

describe("Latin names read into Cyrillic (lib/search/script-correction.ts)", () => {
  it("joins a BGN/PCGN middle dot into its word, in queries only", () => {
    expect(foldMiddleDots("Geyt·s K·emeron")).toBe("Geyts Kemeron");
    expect(foldMiddleDots("1 · 2")).toBe("1 · 2");
    expect(parseQuery("Magnit·skiy", a).groups).toHaveLength(1);
  });

  it("finds the name for a romanisation with a middle dot", async () => {
    const e = await engine([mk("m", "Закон Магнитского принят в 2012 году."), mk("o", "Другая тема.")]);
    const r = await search(e, "Magnit·skiy");
    expect(r.correctedQuery).toBe("Магнитский");
    expect(r.hits.map((h) => h.id)).toEqual(["m"]);
  });

  it("prefers a reading that is a name in the nominative over a form of another word", async () => {
    // «Викторя» reads as a form of «Виктор», which the archive has more of; «Виктория» is what was typed.
    const e = await engine([mk("v1", "Виктор Петров приехал."), mk("v2", "Виктор Сидоров уехал."), mk("v3", "Виктора ждали."), mk("vic", "Виктория выступила в Лондоне.")]);
    expect((await search(e, "Victoria")).correctedQuery).toBe("Виктория");
  });

  it("between readings that are words of the archive, takes the one more documents have", async () => {
    // «Мишел» is the key of «Мишелом» (a word az does not know); «Мишель» is the name most documents have.
    const e = await engine([mk("x", "Разговор с Мишелом."), mk("m1", "Мишель Обама выступила."), mk("m2", "Мишель приехала."), mk("m3", "Слова Мишель.")]);
    expect((await search(e, "Mishel")).correctedQuery).toBe("Мишель");
  });

  it("reads an initial beside a name in Cyrillic too", async () => {
    const e = await engine([mk("z", "В. Жириновский выступил в Думе."), mk("o", "Другая тема.")]);
    const r = await search(e, "V. Zhirinovsky");
    expect(r.correctedQuery).toBe("В. Жириновский");
    expect(r.hits.map((h) => h.id)).toEqual(["z"]);
  });
});

describe("Latin → Cyrillic variants and the time budget", () => {
  // Every lookup takes 8 ms, as on a loaded machine; the archive's spelling is the 4th reading tried.
  const slow = (has: (key: string) => boolean, budgetMs: number) => ({
    limits: { maxWords: 5, budgetMs },
    hasKey: (key: string) => {
      const t = performance.now();
      while (performance.now() - t < 8);
      return has(key);
    },
  });
  const twinKey = a.queryKey("Мадйзон");
  const variants = (v: ReturnType<typeof slow>) =>
    withScriptVariants(parseQuery("Madison", a), a, v)
      .groups.flat()
      .filter((c) => c.kind === "term" && c.expansion)
      .map((c) => (c as { raw: string }).raw);

  it("follow TYPO_BUDGET_MS: with a large budget the twin is found however slow the lookups", () => {
    expect(variants(slow((k) => k === twinKey, 10_000))).toContain("Мадйзон");
  });

  it("with the default budget slow lookups are cut short and the query keeps only what was typed", () => {
    expect(variants(slow((k) => k === twinKey, 100))).toEqual([]);
  });
});
