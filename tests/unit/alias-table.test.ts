import { describe, expect, it } from "vitest";
import { ALIASES, GAZETTEER_ALIASES } from "@/config/aliases";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { type Clause, parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";

const a = getAnalyzer("default");
const ids = (g: Clause[]) => g.map((c) => (c.kind === "term" ? `t:${c.key}` : `p:${c.words.join(" ")}`));
const mk = (id: string, p: string) => ({ id, slug: id, title: "", paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });

describe("alias table: state bodies, codes, parties, media and the gazetteer's other names (config/aliases.ts)", () => {
  it("takes the gazetteer's other names of states and cities, not the names of something broader", () => {
    const of = (name: string) => GAZETTEER_ALIASES.find((e) => e.short === name)?.full ?? [];
    expect(of("Беларусь")).toContain("Белоруссия");
    expect(of("Беларусь")).not.toContain("Республика Беларусь");
    expect(of("Санкт-Петербург")).toContain("Петербург");
    expect(of("Россия")).toContain("РФ");
    expect(of("США")).not.toContain("Америка");
    expect(of("Великобритания")).not.toContain("Англия");
    // Each gazetteer entry is in the table, with the Latin names config/exonyms.ts adds to it.
    for (const g of GAZETTEER_ALIASES) expect(ALIASES.some((e) => e.short === g.short && g.full.every((n) => e.full.includes(n)))).toBe(true);
  });

  it("expands the short forms of offices and bodies both ways, in any case form", () => {
    expect(ids(parseQuery("МВД", a).groups[0]!)).toContain("p:министерство внутренних дел");
    expect(ids(parseQuery("Министерства юстиции", a).groups[0]!)).toContain("t:минюст");
    expect(ids(parseQuery("главкома", a).groups[0]!)).toContain("t:главнокомандующий");
    expect(ids(parseQuery("Белоруссии", a).groups[0]!)).toContain("t:беларусь");
  });

  it("finds a document by the other name in a longer query too", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([
      mk("by", "Президент Беларуси выступил на саммите."),
      mk("mvd", "В Министерстве внутренних дел сообщили о задержании."),
      mk("koap", "Штраф предусмотрен Кодексом об административных правонарушениях."),
      mk("other", "Президент Франции выступил на саммите."),
    ]);
    const hits = async (q: string) => (await e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id);
    expect(await hits("президент Белоруссии")).toEqual(["by"]);
    expect(await hits("МВД задержание")).toEqual(["mvd"]);
    expect(await hits("КоАП")).toEqual(["koap"]);
  });
});
