import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase, setMeta } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

function doc(n: number, over: Partial<CommentaryDocument>): CommentaryDocument {
  return {
    id: `d${n}`,
    slug: `d${n}`,
    title: `Документ ${n}`,
    paragraphs: ["Нейтральный текст."],
    date: `2020-01-${String(n).padStart(2, "0")}`,
    topics: [],
    speakers: [],
    institutions: [],
    quotes: [],
    contentHash: `h${n}`,
    ...over,
  };
}

const q = (over: Partial<SearchQuery>): SearchQuery => ({ q: "", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10, ...over });
const sp = (name: string, institution?: string) => ({ name, ...(institution ? { institution } : {}) });

const DOCS = [
  doc(1, { paragraphs: ["Санкции против медиатора."], speakers: [sp("Анна", "ИМЭП")], topics: ["Санкции"] }),
  doc(2, { paragraphs: ["Санкции и энергетика."], speakers: [sp("Борис", "КИСИ")], topics: ["Санкции", "Энергетика"] }),
  doc(3, { paragraphs: ["Санкции обсуждали."], speakers: [sp("Анна", "ИМЭП"), sp("Борис", "КИСИ")], topics: ["Энергетика"] }),
  doc(4, { paragraphs: ["Про санкций режим."], speakers: [sp("Вера", "КИСИ")], topics: ["Безопасность"] }),
  doc(5, { title: "Санкции в заголовке", paragraphs: ["Текст без слова."], speakers: [sp("Вера", "КИСИ")] }),
];

async function engineWith(docs = DOCS) {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  await engine.upsert(docs);
  return engine;
}

const counts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

describe("embedded engine", () => {
  it("facet counts are disjunctive: a group's own selection does not narrow its counts", async () => {
    const e = await engineWith();
    const r = await e.search(q({ q: "санкции", filters: { ...emptyFilters(), speaker: ["Анна"] } }));
    expect(r.hits.map((h) => h.id).sort()).toEqual(["d1", "d3"]);
    expect(counts(r.facets.speaker)).toEqual({ Анна: 2, Борис: 2, Вера: 2 });
    // Other groups are narrowed by the speaker choice.
    expect(counts(r.facets.topic)).toEqual({ Санкции: 1, Энергетика: 1 });
    expect(r.facets.speaker.find((v) => v.value === "Анна")!.selected).toBe(true);
  });

  it("ORs values within a group and ANDs across groups", async () => {
    const e = await engineWith();
    const r = await e.search(q({ filters: { speaker: ["Анна", "Вера"], institution: ["КИСИ"], country: [], topic: [] } }));
    expect(r.hits.map((h) => h.id).sort()).toEqual(["d3", "d4", "d5"]);
  });

  it("ranks a title match above body matches and sorts by date on request", async () => {
    const e = await engineWith();
    const byRelevance = await e.search(q({ q: "санкции" }));
    expect(byRelevance.hits[0]!.id).toBe("d5");
    const byDate = await e.search(q({ q: "санкции", sort: "date" }));
    expect(byDate.hits.map((h) => h.id)).toEqual(["d5", "d4", "d3", "d2", "d1"]);
  });

  it("breaks date ties by slug, newest and oldest first alike, as Meilisearch does", async () => {
    // Archived in this order: by rowid, newest first, the later one would come first among equals.
    const same = [doc(1, { slug: "a-first-archived", date: "2020-02-02" }), doc(2, { slug: "b-second-archived", date: "2020-02-02" }), doc(3, { slug: "c-older", date: "2020-01-01" })];
    const engine = await engineWith(same);
    expect((await engine.search(q({ sort: "date" }))).hits.map((h) => h.slug)).toEqual(["a-first-archived", "b-second-archived", "c-older"]);
    expect((await engine.search(q({ sort: "oldest" }))).hits.map((h) => h.slug)).toEqual(["c-older", "a-first-archived", "b-second-archived"]);
  });

  it("paginates with exact totals", async () => {
    const e = await engineWith();
    const pages = await Promise.all([1, 2, 3].map((page) => e.search(q({ q: "санкции", sort: "date", perPage: 2, page }))));
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    expect(pages.map((p) => p.pageCount)).toEqual([3, 3, 3]);
    expect(pages.flatMap((p) => p.hits.map((h) => h.id))).toEqual(["d5", "d4", "d3", "d2", "d1"]);
    expect((await e.search(q({ q: "санкции", perPage: 2, page: 9 }))).hits).toEqual([]);
  });

  it("lists a selected value that matches nothing with a zero count, so it can be unchecked", async () => {
    const e = await engineWith();
    const r = await e.search(q({ filters: { ...emptyFilters(), speaker: ['Никто" OR 1=1'] } }));
    expect(r.total).toBe(0);
    expect(r.facets.speaker.find((v) => v.value === 'Никто" OR 1=1')).toEqual({ value: 'Никто" OR 1=1', count: 0, selected: true });
  });

  it("relaxes to ranked OR when no document has every word, and says so", async () => {
    const e = await engineWith();
    const r = await e.search(q({ q: "медиатора энергетика" }));
    expect(r.matchMode).toBe("any");
    // d3 says neither word, but is tagged «Энергетика»: a document's topics are searchable words.
    expect(r.hits.map((h) => h.id).sort()).toEqual(["d1", "d2", "d3"]);
  });

  it("refuses to search an index built by another analyzer version", async () => {
    const e = await engineWith();
    setMeta(e.db, "analyzer", "old-analyzer-0");
    await expect(e.search(q({ q: "санкции" }))).rejects.toThrow(/npm run reindex/);
    expect((await e.health()).ok).toBe(false);
    e.reindexAll();
    expect((await e.search(q({ q: "санкции" }))).total).toBe(5);
  });

  it("refuses an index built before topics were indexed words, until it is rebuilt", async () => {
    const e = await engineWith();
    e.db.prepare("DELETE FROM meta WHERE key = 'indexed_text'").run();
    expect(e.isStale()).toBe(true);
    await expect(e.search(q({ q: "санкции" }))).rejects.toThrow(/npm run reindex/);
    e.reindexAll();
    expect(e.isStale()).toBe(false);
  });

  it("sees documents another process added, without a restart", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "engine-")), "a.db");
    const reader = new SqliteEngine(openDatabase(file), getAnalyzer());
    await reader.upsert(DOCS.slice(0, 2));
    expect((await reader.search(q({}))).total).toBe(2);
    const writerDb = new Database(file);
    const writer = new SqliteEngine(writerDb, getAnalyzer());
    await writer.upsert(DOCS.slice(2));
    writerDb.close();
    expect((await reader.search(q({}))).total).toBe(5);
    expect(counts((await reader.search(q({}))).facets.speaker)).toEqual({ Анна: 2, Борис: 2, Вера: 2 });
  });
});

describe("typo correction can be turned off", () => {
  it("corrects an unknown word unless asked to search exactly as typed", async () => {
    const e = await engineWith();
    const corrected = await e.search(q({ q: "санкцыи" }));
    expect(corrected.correctedQuery).toBe("санкции");
    expect(corrected.total).toBe(5);
    const exact = await e.search(q({ q: "санкцыи", noCorrection: true }));
    expect(exact.correctedQuery).toBeUndefined();
    expect(exact.total).toBe(0);
  });
});

describe("facet lists on a large archive", () => {
  it("return the most frequent values up to the limit, selected ones always, and say how many there are", async () => {
    const many = Array.from({ length: 130 }, (_, i) =>
      doc(i + 1, { id: `m${i}`, slug: `m${i}`, paragraphs: ["Санкции."], speakers: [sp(`Эксперт ${String(i).padStart(3, "0")}`)], contentHash: `m${i}` }),
    );
    // One speaker in two documents, so it must head the list.
    many.push(doc(200, { id: "extra", slug: "extra", paragraphs: ["Санкции."], speakers: [sp("Эксперт 129")], contentHash: "x" }));
    const e = await engineWith(many);
    const r = await e.search(q({ q: "санкции", filters: { ...emptyFilters(), speaker: ["Эксперт 000"] } }));
    expect(r.facetTotals.speaker).toBe(130);
    expect(r.facets.speaker).toHaveLength(100);
    expect(r.facets.speaker[0]).toEqual({ value: "Эксперт 129", count: 2, selected: false });
    expect(r.facets.speaker.find((v) => v.value === "Эксперт 000")?.selected).toBe(true);
    const deep = await e.search(q({ q: "санкции", filters: { ...emptyFilters(), speaker: ["Эксперт 128"] } }));
    expect(deep.facets.speaker).toHaveLength(101);
    expect(deep.facets.speaker.find((v) => v.value === "Эксперт 128")).toEqual({ value: "Эксперт 128", count: 1, selected: true });
    expect((await e.facetValues("speaker")).length).toBe(130);
  });
});

describe("answer cache", () => {
  it("gives the same answer again and forgets it when the archive changes", async () => {
    const e = await engineWith(DOCS.slice(0, 3));
    const first = await e.search(q({ q: "санкции" }));
    const again = await e.search(q({ q: "санкции" }));
    expect({ ...again, tookMs: 0 }).toEqual({ ...first, tookMs: 0 });
    await e.upsert(DOCS.slice(3));
    const after = await e.search(q({ q: "санкции" }));
    expect(after.total).toBe(5);
    expect(counts(after.facets.speaker)).toEqual({ Анна: 2, Борис: 2, Вера: 2 });
  });
});
