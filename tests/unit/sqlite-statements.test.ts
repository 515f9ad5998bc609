import { describe, expect, it } from "vitest";
import { getMeta, openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { STATEMENTS_INDEX_VERSION } from "@/lib/search/engines/sqlite/statements";
import { citationText } from "@/lib/search/citation";
import { emptyFilters, type FacetField, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

const q = (text: string, over: Omit<Partial<SearchQuery>, "filters"> & { filters?: Partial<Record<FacetField, string[]>> } = {}): SearchQuery => ({
  q: text,
  sort: "relevance",
  page: 1,
  perPage: 10,
  ...over,
  filters: { ...emptyFilters(), ...over.filters },
});

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

const ERZHAN = { name: "Ержан Салтыбаев", role: "директор", institution: "ИМЭП" };
const MURAT = { name: "Мурат Демир", role: "аналитик", institution: "Анкарский центр" };

/** Two speakers in one document: only the quotes carry who said what. */
const DOCS: CommentaryDocument[] = [
  doc(1, {
    title: "Санкции и посредничество",
    paragraphs: ["«Санкции бьют по транзиту», — сказал Мурат Демир.", "«Казахстан остаётся медиатором», — отметил Ержан Салтыбаев."],
    speakers: [ERZHAN, MURAT],
    topics: ["Санкции"],
    quotes: [
      { text: "Санкции бьют по транзиту", speaker: MURAT.name, paragraph: 0, start: 1, end: 25, kind: "direct" },
      { text: "Казахстан остаётся медиатором", speaker: ERZHAN.name, paragraph: 1, start: 1, end: 30 },
    ],
  }),
  doc(2, {
    title: "Транзит через Каспий",
    paragraphs: ["Ержан Салтыбаев считает, что санкции не остановят транзит.", "«Без подписи», — говорится в заявлении."],
    speakers: [ERZHAN],
    topics: ["Транзит"],
    sample: true,
    source: "Эксперт",
    quotes: [
      { text: "санкции не остановят транзит", speaker: ERZHAN.name, paragraph: 0, start: 29, end: 57, kind: "reported" },
      { text: "Без подписи", paragraph: 1, start: 1, end: 12 },
    ],
  }),
  doc(3, { title: "Санкции без цитат", paragraphs: ["Санкции обсуждали все."], speakers: [MURAT], topics: ["Санкции"] }),
];

async function engineWith(docs: CommentaryDocument[] = DOCS) {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  await engine.upsert(docs);
  return engine;
}

const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe("statements index (embedded engine)", () => {
  it("matches q inside the statement text only, in any word form", async () => {
    const e = await engineWith();
    // «санкции» is in d3's paragraph and d1's title, but d3 has no statements and d1's title is no statement.
    const r = await e.searchStatements(q("санкций"));
    expect(ids(r).sort()).toEqual(["d1:0", "d2:0"]);
    expect(r.total).toBe(2);
    expect(r.hits.every((h) => h.textHighlighted.some((s) => s.hit && /^санкции$/i.test(s.text)))).toBe(true);
    // «сказал» is in d1's paragraph, outside the statement.
    expect((await e.searchStatements(q("сказал"))).total).toBe(0);
    expect((await e.searchStatements(q("Посредничество"))).total).toBe(0);
  });

  it("the speaker filter yields that person's words only", async () => {
    const e = await engineWith();
    const r = await e.searchStatements(q("санкции", { filters: { speaker: [ERZHAN.name] } }));
    expect(ids(r)).toEqual(["d2:0"]);
    expect(r.hits[0]!.speaker).toEqual({ name: ERZHAN.name, role: "директор", institution: "ИМЭП" });
    expect(r.hits[0]!.kind).toBe("reported");
    const all = await e.searchStatements(q("", { filters: { speaker: [MURAT.name] } }));
    expect(ids(all)).toEqual(["d1:0"]);
    expect(all.hits[0]!.text).toBe("Санкции бьют по транзиту");
  });

  it("filters by the speaker's institution in that document, and by the document's topic", async () => {
    const e = await engineWith();
    expect(ids(await e.searchStatements(q("", { filters: { institution: ["ИМЭП"] } })))).toEqual(["d2:0", "d1:1"]);
    expect(ids(await e.searchStatements(q("", { filters: { topic: ["Санкции"] } })))).toEqual(["d1:0", "d1:1"]);
  });

  it("counts statements in facets, disjunctively; unattributed statements have no speaker value", async () => {
    const e = await engineWith();
    const r = await e.searchStatements(q(""));
    expect(r.total).toBe(4);
    expect(r.facets.speaker.map((v) => [v.value, v.count])).toEqual([
      [ERZHAN.name, 2],
      [MURAT.name, 1],
    ]);
    expect(r.facets.institution.map((v) => [v.value, v.count])).toEqual([
      ["ИМЭП", 2],
      ["Анкарский центр", 1],
    ]);
    expect(r.facets.topic.map((v) => [v.value, v.count])).toEqual([
      ["Санкции", 2],
      ["Транзит", 2],
    ]);
    const picked = await e.searchStatements(q("", { filters: { speaker: [MURAT.name] } }));
    expect(picked.facets.speaker.map((v) => [v.value, v.count, v.selected])).toEqual([
      [ERZHAN.name, 2, false],
      [MURAT.name, 1, true],
    ]);
    expect(picked.facets.topic.map((v) => [v.value, v.count])).toEqual([["Санкции", 1]]);
    expect(picked.facetTotals.topic).toBe(1);
  });

  it("finds unattributed statements by their words", async () => {
    const e = await engineWith();
    const r = await e.searchStatements(q("подписи"));
    expect(ids(r)).toEqual(["d2:1"]);
    expect(r.hits[0]!.speaker).toBeUndefined();
  });

  it("sorts by date, newest document first and text order within one, and pages stably", async () => {
    const e = await engineWith();
    const byDate = ["d2:0", "d2:1", "d1:0", "d1:1"];
    expect(ids(await e.searchStatements(q("", { sort: "date" })))).toEqual(byDate);
    const pages = await Promise.all([1, 2, 3].map((page) => e.searchStatements(q("", { sort: "date", page, perPage: 3 }))));
    expect(pages.map(ids)).toEqual([byDate.slice(0, 3), byDate.slice(3), []]);
    expect(pages.map((p) => [p.total, p.pageCount])).toEqual([
      [4, 2],
      [4, 2],
      [4, 2],
    ]);
    expect(ids(await e.searchStatements(q("санкции транзит", { sort: "date" })))).toEqual(["d2:0", "d1:0"]);
  });

  it("ranks by bm25 and supports phrases and exclusions", async () => {
    const e = await engineWith();
    expect(ids(await e.searchStatements(q('"не остановят"')))).toEqual(["d2:0"]);
    expect(ids(await e.searchStatements(q("санкции -транзит")))).toEqual([]);
    expect(ids(await e.searchStatements(q("-санкции", { sort: "date" })))).toEqual(["d2:1", "d1:1"]);
    // Nothing has both words: statements with either are shown.
    const relaxed = await e.searchStatements(q("медиатор подписи"));
    expect(relaxed.matchMode).toBe("any");
    expect(ids(relaxed).sort()).toEqual(["d1:1", "d2:1"]);
  });

  it("gives each hit its document, a stable id and a permalink", async () => {
    const e = await engineWith();
    const [hit] = (await e.searchStatements(q("подписи"))).hits;
    expect(hit).toMatchObject({
      id: "d2:1",
      index: 1,
      url: "/articles/d2#quote-2",
      document: { id: "d2", slug: "d2", title: "Транзит через Каспий", date: "2020-01-02", source: "Эксперт", sample: true },
      kind: "direct",
    });
    expect(citationText(hit!, "https://archive.example", (d) => d)).toBe("«Без подписи» Эксперт, 2020-01-02. https://archive.example/articles/d2#quote-2");
    const [erzhan] = (await e.searchStatements(q("медиатор"))).hits;
    expect(citationText(erzhan!, "https://archive.example", (d) => d)).toBe(
      "«Казахстан остаётся медиатором» — Ержан Салтыбаев, директор, ИМЭП. 2020-01-01. https://archive.example/articles/d1#quote-2",
    );
  });

  it("replaces a document's statements when it is re-indexed and drops them when it is removed", async () => {
    const e = await engineWith();
    await e.upsert([{ ...DOCS[0]!, quotes: [{ text: "Транзит важнее санкций", speaker: MURAT.name, paragraph: 0 }], contentHash: "h1b" }]);
    expect(ids(await e.searchStatements(q("медиатор")))).toEqual([]);
    expect(ids(await e.searchStatements(q("санкции", { sort: "date" })))).toEqual(["d2:0", "d1:0"]);
    expect((await e.searchStatements(q(""))).total).toBe(3);
    await e.remove(["d2"]);
    expect(ids(await e.searchStatements(q("", { sort: "date" })))).toEqual(["d1:0"]);
    expect(e.statements.count()).toBe(1);
    e.unindexRow(1);
    expect((await e.searchStatements(q(""))).total).toBe(0);
    expect(e.reindexAll()).toBe(2);
    expect(ids(await e.searchStatements(q("")))).toEqual(["d1:0"]);
  });

  it("builds the statement index for an archive indexed before statements existed", async () => {
    const db = openDatabase(":memory:");
    const old = new SqliteEngine(db, getAnalyzer());
    await old.upsert(DOCS);
    // As if the archive came from before this index: no statement tables, no version mark.
    db.exec("DROP TABLE stmt_fts; DROP TABLE stmt; DROP TABLE stmt_facets; DELETE FROM meta WHERE key = 'statements_index'");
    const e = new SqliteEngine(db, getAnalyzer());
    expect(e.statements.isStale()).toBe(true);
    expect((await e.searchStatements(q(""))).total).toBe(4);
    expect(getMeta(db, "statements_index")).toBe(STATEMENTS_INDEX_VERSION);
    expect(e.statements.isStale()).toBe(false);
  });

  it("corrects a misspelt word as document search does, unless asked not to", async () => {
    const e = await engineWith();
    const r = await e.searchStatements(q("санкцыи"));
    expect(r.correctedQuery).toBe("санкции");
    expect(ids(r).sort()).toEqual(["d1:0", "d2:0"]);
    const exact = await e.searchStatements(q("санкцыи", { noCorrection: true }));
    expect(exact.correctedQuery).toBeUndefined();
    expect(exact.total).toBe(0);
  });
});
