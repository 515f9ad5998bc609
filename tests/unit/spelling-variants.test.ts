import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { parseQuery } from "@/lib/search/query-syntax";
import { withSpellingVariants } from "@/lib/search/spelling-variants";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { spellingVariants } from "@/lib/text/names";

const a = getAnalyzer("default");

describe("spellingVariants (lib/text/names.ts)", () => {
  it("swaps э and е after a consonant and doubles or undoubles consonants", () => {
    expect(spellingVariants("мэри")).toContain("мери");
    expect(spellingVariants("мери")).toContain("мэри");
    expect(spellingVariants("мэттьюс")).toEqual(expect.arrayContaining(["мэтьюс", "меттьюс", "метьюс"]));
    expect(spellingVariants("асанж")).toContain("ассанж");
  });

  it("keeps a word-initial э, doubles only after a vowel, and with doubling off changes only э/е", () => {
    expect(spellingVariants("эдвард").some((v) => v.startsWith("е"))).toBe(false);
    // The end of a key too: Месси's key is «месс», and a Latin «Messi» read back as «Месй» keys «мес».
    expect(spellingVariants("мес")).toContain("месс");
    expect(spellingVariants("линч")).toEqual([]);
    expect(spellingVariants("гарри", false)).toEqual([]);
    expect(spellingVariants("мэри", false)).toEqual(["мери"]);
    expect(spellingVariants("мэри")).not.toContain("мэри");
  });
});

describe("withSpellingVariants (lib/search/spelling-variants.ts)", () => {
  const vocabulary = (keys: string[]) => ({ hasKey: (k: string) => keys.includes(k) });
  const keysOf = (q: string, keys: string[]) => withSpellingVariants(parseQuery(q, a), vocabulary(keys)).groups.map((g) => g.map((c) => (c.kind === "term" ? `${c.expansion ? "+" : ""}${c.key}` : "phrase")));

  it("adds the spellings the archive has as expansions of the name's group", () => {
    expect(keysOf("Мери", ["мэри", "мерри"])).toEqual([["мери", "+мэри"]]);
    expect(keysOf("Мэттьюс", ["мэтьюс"])).toEqual([[a.queryKey("Мэттьюс"), "+мэтьюс"]]);
  });

  it("leaves common words and lowercase words alone, and takes no spelling that is a common word", () => {
    expect(keysOf("эксперт", ["експерт"])).toEqual([["эксперт"]]);
    expect(keysOf("масса", ["маса"])).toEqual([["масса"]]);
    expect(keysOf("Брэд", ["бред"])).toEqual([["брэд"]]);
  });
});

describe("a name in another spelling, in the engine", () => {
  const mk = (id: string, title: string, p: string) => ({ id, slug: id, title, paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });
  it("finds «Мэри» for «Мери», the spelling typed first", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([
      mk("mary-e", "Интервью", "Мэри рассказала о поездке."),
      mk("mary-plain", "Репортаж", "Мери рассказала о поездке в Лондон и о встречах там."),
      mk("other", "Погода", "Дождь ожидается в выходные."),
    ]);
    const ids = (await e.search({ q: "Мери", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id);
    expect(ids).toEqual(["mary-plain", "mary-e"]);
  });
});
