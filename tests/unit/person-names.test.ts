import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { type Clause, parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { namePart } from "@/lib/text/names";

const a = getAnalyzer("default");
const keys = (g: Clause[]) => g.map((c) => (c.kind === "term" ? c.key : c.words.join(" ")));
const mk = (id: string, p: string) => ({ id, slug: id, title: "", paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });

describe("person names in queries (lib/text/names.ts, lib/search/person-names.ts)", () => {
  it("tells given names, patronymics and surnames apart by the dictionary; an unknown capitalised word is a surname", () => {
    expect(namePart("Барак")).toBe("given");
    expect(namePart("Ангела")).toBe("given");
    expect(namePart("Анатольевич")).toBe("patronymic");
    expect(namePart("Обама")).toBe("surname");
    expect(namePart("Салтыбаев")).toBe("surname");
    expect(namePart("санкции")).toBe("other");
    expect(namePart("Европа")).toBe("other");
  });

  it("makes the given name and patronymic of a full name optional, the surname required", () => {
    expect(parseQuery("Барак Обама", a).groups.map(keys)).toEqual([["барак", "обама"], ["обама"]]);
    expect(parseQuery("Дмитрий Анатольевич Медведев", a).groups.map(keys)).toEqual([["дмитрий", "медведев"], ["анатольевич", "медведев"], ["медведев"]]);
  });

  it("leaves other queries of several words as they are", () => {
    expect(parseQuery("Барак санкции", a).groups.map(keys)).toEqual([["барак"], ["санкция"]]);
    expect(parseQuery("Обама Барак", a).groups.map(keys)).toEqual([["обама"], ["барак"]]);
    expect(parseQuery("Владимир Путин Сирия", a).groups.map(keys)[0]).toEqual(["владимир"]);
  });

  it("finds a document that names the person by surname only, below one with the full name", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([mk("surname", "Позже Обама заявил о переговорах."), mk("full", "Барак Обама выступил в Берлине."), mk("other", "Барак снесли весной.")]);
    const r = await e.search({ q: "Барак Обама", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    expect(r.hits.map((h) => h.id)).toEqual(["full", "surname"]);
  });
});
