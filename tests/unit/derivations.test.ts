import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { type Clause, parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { derivativesOf, derivedFrom } from "@/lib/text/derive";

const a = getAnalyzer("default");
const keys = (g: Clause[]) => g.map((c) => (c.kind === "term" ? c.key : c.words.join(" ")));

describe("word formation (lib/text/derive.ts, config/derivations.ts)", () => {
  it("gives a place's adjective the place, linking suffixes and consonant changes included", () => {
    expect(derivedFrom("кавказский")).toEqual(["кавказ"]);
    expect(derivedFrom("одесский")).toEqual(["одесса"]);
    expect(derivedFrom("российский")).toEqual(["россия"]);
    expect(derivedFrom("африканский")).toEqual(["африка"]);
    expect(derivedFrom("европейский")).toEqual(["европа"]);
    expect(derivedFrom("пражский")).toEqual(["прага"]);
    expect(derivedFrom("массачусетский")).toEqual(["массачусетс"]);
    expect(derivedFrom("московский")).toContain("москва");
  });

  it("gives a feminine noun of a person its masculine", () => {
    expect(derivedFrom("журналистка")).toEqual(["журналист"]);
    expect(derivedFrom("певица")).toEqual(["певец"]);
    expect(derivedFrom("писательница")).toEqual(["писатель"]);
    expect(derivedFrom("актриса")).toEqual(["актер"]);
    expect(derivedFrom("россиянка")).toEqual(["россиянин"]);
    expect(derivedFrom("американка")).toEqual(["американец"]);
  });

  it("accepts only what the dictionary confirms: no place for an adjective of a common noun, no masculine for a thing", () => {
    for (const w of ["детский", "морской", "городской", "братский", "исламский"]) expect(derivedFrom(w), w).toEqual([]);
    for (const w of ["кошка", "ручка", "девушка", "бабушка", "дочка", "москва"]) expect(derivedFrom(w), w).toEqual([]);
  });

  it("reads the rules backwards, keeping only words that lead back", () => {
    expect(derivativesOf("кавказ")).toEqual(["кавказский"]);
    expect(derivativesOf("лондон")).toEqual(["лондонский"]);
    expect(derivativesOf("россия")).toEqual(["российский"]);
    expect(derivativesOf("журналист")).toEqual(["журналистка"]);
    expect(derivativesOf("певец")).toEqual(["певица"]);
    expect(derivativesOf("президент")).toEqual([]);
  });
});

describe("one-word queries search the related words too", () => {
  it("expands a single word both ways; in a longer query only a person's noun, to its other gender", () => {
    expect(parseQuery("народная артистка", a).groups.map(keys)).toEqual([["народный"], ["артистка", "артист"]]);
    // …beside its Latin name (config/exonyms.ts).
    expect(keys(parseQuery("Кавказ", a).groups[0]!)).toEqual(["кавказ", a.queryKey("Caucasus"), "кавказский"]);
    expect(keys(parseQuery("кавказские", a).groups[0]!)).toEqual(["кавказский", "кавказ"]);
    expect(keys(parseQuery("актриса", a).groups[0]!)).toEqual(["актриса", "актер"]);
    expect(parseQuery("кавказские горы", a).groups.map(keys)).toEqual([["кавказский"], ["гора"]]);
    // A quoted word is an exact form: no expansion.
    expect(parseQuery('"Кавказ"', a).groups[0]!.length).toBe(1);
  });

  it("finds «одесском» for Одессе and «журналистка» for журналист in the embedded engine", async () => {
    const mk = (id: string, p: string) => ({ id, slug: id, title: "", paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([mk("odessa", "Выступил директор одесского порта."), mk("journalist", "Об этом рассказала журналистка издания."), mk("other", "Городской совет собрался в пятницу.")]);
    const ids = async (q: string) => (await e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id);
    expect(await ids("Одессе")).toEqual(["odessa"]);
    expect(await ids("журналист")).toEqual(["journalist"]);
    expect(await ids("город")).toEqual([]);
  });
});
