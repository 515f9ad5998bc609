import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { facetKey, loadFacets, saveFacets } from "@/lib/search/engines/sqlite/facet-store";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

function doc(n: number, speakers: string[], topics: string[], date?: string): CommentaryDocument {
  return {
    id: `d${n}`,
    slug: `d${n}`,
    title: `Документ ${n}`,
    paragraphs: ["Санкции и энергетика."],
    ...(date ? { date } : {}),
    topics,
    speakers: speakers.map((name) => ({ name, institution: "ИМЭП" })),
    institutions: [],
    quotes: [],
    contentHash: `h${n}`,
  };
}

const DOCS = [
  doc(1, ["Анна"], ["Санкции"], "2020-01-03"),
  doc(2, ["Борис"], ["Санкции", "Энергетика"], "2021-05-01"),
  doc(3, ["Анна", "Борис"], ["Энергетика"]),
  doc(4, ["Вера"], ["Безопасность"], "2019-12-31"),
];

const q = (over: Partial<SearchQuery>): SearchQuery => ({ q: "", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10, ...over });
const counts = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));
/** The save runs after the answer (setImmediate); this waits for it. */
const saved = () => new Promise((r) => setImmediate(r));

async function archive(): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "facet-store-")), "a.db");
  await new SqliteEngine(openDatabase(file), getAnalyzer()).upsert(DOCS);
  return file;
}

/** A fresh connection, as another process opening the archive would have: nothing in memory. */
const fresh = (file: string) => new SqliteEngine(new Database(file), getAnalyzer());

const QUERIES: SearchQuery[] = [
  q({}),
  q({ q: "санкции", filters: { ...emptyFilters(), speaker: ["Анна"] } }),
  q({ sort: "newest", filters: { ...emptyFilters(), topic: ["Энергетика", "Санкции"] } }),
  q({ sort: "oldest", from: "2020-01-01" }),
];

async function answers(e: SqliteEngine) {
  const out = [];
  for (const query of QUERIES) out.push({ ...(await e.search(query)), tookMs: 0 });
  out.push(await e.facetValues("speaker"), await e.listDocuments({ topic: ["Энергетика"] }, { limit: 10, offset: 0 }));
  return out;
}

describe("saved facet memory", () => {
  it("answers a fresh process exactly as the memory built from the tables does", async () => {
    const file = await archive();
    const builder = fresh(file);
    const built = await answers(builder);
    await saved();
    const reader = fresh(file);
    expect(loadFacets(reader.db, facetKey(reader.db))).toBeDefined();
    expect(await answers(reader)).toEqual(built);
  });

  it("is what a fresh process reads, not rebuilt from the tables", async () => {
    const file = await archive();
    await fresh(file).search(q({}));
    await saved();
    // Rename a value in the saved copy only: a process that rebuilt would not see it.
    const db = new Database(file);
    db.prepare("UPDATE facet_memory SET header = replace(header, '\"Вера\"', '\"Вера (сохранено)\"')").run();
    expect(counts(await fresh(file).facetValues("speaker"))).toMatchObject({ "Вера (сохранено)": 1 });
  });

  it("is not served once another connection has added, changed or removed a document", async () => {
    const file = await archive();
    await fresh(file).search(q({}));
    await saved();

    const writer = fresh(file);
    await writer.upsert([doc(5, ["Глеб"], ["Санкции"], "2022-02-02")]);
    expect(counts((await fresh(file).search(q({}))).facets.speaker)).toEqual({ Анна: 2, Борис: 2, Вера: 1, Глеб: 1 });
    await saved();

    await writer.upsert([doc(5, ["Дарья"], ["Санкции"], "2022-02-02")]);
    expect(counts((await fresh(file).search(q({}))).facets.speaker)).toEqual({ Анна: 2, Борис: 2, Вера: 1, Дарья: 1 });
    await saved();

    await writer.remove(["d1"]);
    const after = await fresh(file).search(q({}));
    expect(after.total).toBe(4);
    expect(counts(after.facets.speaker)).toEqual({ Анна: 1, Борис: 2, Вера: 1, Дарья: 1 });
  });

  it("is not served after a write that bypasses the store, or one to the index alone", async () => {
    const file = await archive();
    await fresh(file).search(q({}));
    await saved();
    // As the sqlite3 shell would: only the triggers see it.
    const shell = new Database(file);
    shell.prepare("DELETE FROM documents WHERE id = 'd4'").run();
    shell.prepare("DELETE FROM doc_facets WHERE doc NOT IN (SELECT rowid FROM documents)").run();
    const after = await fresh(file).search(q({}));
    expect(after.total).toBe(3);
    await saved();
    // Reindexing with names resolved differently changes doc_facets and not documents.
    const writer = fresh(file);
    writer.reindexAll(undefined, (d) => ({ ...d, speakers: d.speakers.map((s) => ({ ...s, name: s.name === "Анна" ? "Анна Иванова" : s.name })) }));
    expect(counts((await fresh(file).search(q({}))).facets.speaker)).toEqual({ "Анна Иванова": 2, Борис: 2 });
  });

  it("is not saved while another connection holds the write lock, and the search does not wait for it", async () => {
    const file = await archive();
    const reader = fresh(file);
    await reader.search(q({}));
    await saved();
    const importer = new Database(file);
    importer.exec("BEGIN IMMEDIATE");
    const mem = loadFacets(reader.db, facetKey(reader.db));
    expect(mem).toBeDefined();
    const t0 = performance.now();
    expect(saveFacets(reader.db, facetKey(reader.db), mem!)).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1000);
    importer.exec("ROLLBACK");
    // The connection's own busy timeout is back, for the writes that should wait.
    expect(reader.db.pragma("busy_timeout", { simple: true })).not.toBe(0);
  });
});
