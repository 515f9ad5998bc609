/**
 * Date ranges, oldest/newest order and the timeline, for documents and statements: the same
 * cases against the embedded engine always, and against Meilisearch when MEILI_URL is set (in
 * throw-away indexes).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { parseConfig } from "@/lib/config";
import type { SearchEngine } from "@/lib/search/engine";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { documentColumns, exportStream, statementColumns } from "@/lib/export";
import { emptyFilters, type FacetField, type SearchQuery } from "@/lib/search/types";
import type { CommentaryDocument } from "@/lib/validations/document";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";
import { STATEMENTS_BY_DATE, STATEMENT_DOCUMENTS } from "../fixtures/contract-statements";

type Opts = { filters?: Partial<Record<FacetField, string[]>>; sort?: SearchQuery["sort"]; from?: string; to?: string; timeline?: boolean; page?: number; perPage?: number };

function query(q: string, o: Opts = {}): SearchQuery {
  return {
    q,
    filters: { ...emptyFilters(), ...o.filters },
    sort: o.sort ?? "relevance",
    page: o.page ?? 1,
    perPage: o.perPage ?? 20,
    ...(o.from ? { from: o.from } : {}),
    ...(o.to ? { to: o.to } : {}),
    ...(o.timeline ? { timeline: true } : {}),
  };
}

const BY_DATE = ["turkey-mediation", "kazakhstan-mediator", "energy-security-europe", "sanctions-energy", "open-fund", "fund-dialogue", "aid-volume", "undated-talks"];
const OLDEST = [...BY_DATE.slice(0, -1).reverse(), "undated-talks"];
const PRESSURE = "https://example.org/pressure?a=1&b=2";
const STATEMENTS_OLDEST = ["stmt-mediator:0", "stmt-conference:0", "stmt-conference:1", `${PRESSURE}:0`, `${PRESSURE}:1`, "stmt-undated:0"];

const OLD_DOCUMENT: CommentaryDocument = {
  ...CONTRACT_DOCUMENTS[0]!,
  id: "contract-old",
  slug: "old-mediator",
  title: "Медиатор в архиве",
  date: "2015-06-01",
  contentHash: "h-old",
};

type Open = (docs: CommentaryDocument[]) => Promise<{ engine: SearchEngine; dispose: () => Promise<void> }>;

function contract(name: string, open: Open) {
  describe(`date range, sort and timeline contract: ${name}`, () => {
    let engine: SearchEngine;
    let statements: SearchEngine;
    let dispose: () => Promise<void> = async () => {};
    let disposeStatements: () => Promise<void> = async () => {};
    const search = (q: string, o?: Opts) => engine.search(query(q, o));
    const find = (q: string, o?: Opts) => statements.searchStatements(query(q, o));
    const slugs = (r: Awaited<ReturnType<typeof search>>) => r.hits.map((h) => h.slug);
    const ids = (r: Awaited<ReturnType<typeof find>>) => r.hits.map((h) => h.id);

    beforeAll(async () => {
      ({ engine, dispose } = await open(CONTRACT_DOCUMENTS));
      ({ engine: statements, dispose: disposeStatements } = await open(STATEMENT_DOCUMENTS));
    });
    afterAll(async () => {
      await dispose();
      await disposeStatements();
    });

    it("narrows documents to a year, a month or a day, bounds inclusive, undated left out", async () => {
      const only = (r: Awaited<ReturnType<typeof search>>) => slugs(r).filter((s) => BY_DATE.includes(s));
      expect(only(await search("", { from: "2024", to: "2024", sort: "newest" }))).toEqual(["turkey-mediation", "kazakhstan-mediator"]);
      expect(only(await search("", { from: "2024-03", to: "2024-03" }))).toEqual(["kazakhstan-mediator"]);
      expect(only(await search("", { from: "2024-03-10", to: "2024-03-10" }))).toEqual(["kazakhstan-mediator"]);
      expect(only(await search("", { from: "2024-03-11", to: "2024-05-01" }))).toEqual([]);
      expect(only(await search("", { to: "2022-01", sort: "newest" }))).toEqual(["fund-dialogue", "aid-volume"]);
      const r = await search("медиатор", { from: "2024-04" });
      expect(slugs(r)).toEqual(["turkey-mediation"]);
      expect(r.total).toBe(1);
    });

    it("counts facets within the date range", async () => {
      const r = await search("", { filters: { speaker: ["Иван Петров"] }, from: "2024" });
      expect(slugs(r)).toEqual(["kazakhstan-mediator"]);
      const petrov = r.facets.speaker.find((v) => v.value === "Иван Петров");
      expect(petrov).toMatchObject({ count: 1, selected: true });
      expect(r.facets.speaker.find((v) => v.value === "Анна Смирнова")?.count).toBe(1);
    });

    it("sorts oldest first with undated last, newest first, and accepts date as newest", async () => {
      const only = (r: Awaited<ReturnType<typeof search>>) => slugs(r).filter((s) => BY_DATE.includes(s));
      expect(only(await search("", { sort: "oldest", perPage: 50 }))).toEqual(OLDEST);
      expect(only(await search("", { sort: "newest", perPage: 50 }))).toEqual(BY_DATE);
      expect(only(await search("", { sort: "date", perPage: 50 }))).toEqual(BY_DATE);
      expect(slugs(await search("медиатор", { sort: "oldest" }))).toEqual(["kazakhstan-mediator", "turkey-mediation", "undated-talks"]);
      const pages = await Promise.all([1, 2].map((page) => search("медиатор", { sort: "oldest", page, perPage: 2 })));
      expect(pages.map(slugs)).toEqual([["kazakhstan-mediator", "turkey-mediation"], ["undated-talks"]]);
    });

    it("counts documents per month when the dates span three years at most, with empty months and undated", async () => {
      const r = await search("медиатор", { timeline: true });
      expect(r.timeline).toBeDefined();
      expect(r.timeline!.granularity).toBe("month");
      expect(r.timeline!.buckets.map((b) => b.key)).toEqual(["2024-03", "2024-04", "2024-05"]);
      expect(r.timeline!.buckets.map((b) => b.count)).toEqual([1, 0, 1]);
      expect(r.timeline!.undated).toBe(1);
      const narrowed = await search("медиатор", { timeline: true, from: "2024-05" });
      expect(narrowed.timeline).toEqual({ granularity: "month", buckets: [{ key: "2024-05", count: 1 }], undated: 0 });
      expect(await search("медиатор").then((x) => x.timeline)).toBeUndefined();
      const none = await search("несуществующееслово", { timeline: true });
      expect(none.timeline).toEqual({ granularity: "year", buckets: [], undated: 0 });
    });

    it("counts under the facet filters and adds up to the total", async () => {
      const r = await search("", { filters: { topic: ["Посредничество"] }, timeline: true });
      const sum = r.timeline!.buckets.reduce((n, b) => n + b.count, 0) + r.timeline!.undated;
      expect(sum).toBe(r.total);
      expect(r.timeline!.buckets.filter((b) => b.count > 0).map((b) => b.key)).toEqual(["2021-09", "2024-03", "2024-05"]);
    });

    it("narrows statements by date and sorts them oldest first", async () => {
      expect(ids(await find("", { sort: "date" }))).toEqual(STATEMENTS_BY_DATE);
      expect(ids(await find("", { sort: "oldest" }))).toEqual(STATEMENTS_OLDEST);
      expect(ids(await find("", { from: "2024-04", to: "2024-06", sort: "newest" }))).toEqual(["stmt-conference:0", "stmt-conference:1"]);
      expect((await find("", { to: "2023" })).total).toBe(1);
    });

    it("exports the whole result set page by page, in result order, up to the cap (documents and statements)", async () => {
      const csvRows = async (body: ReadableStream<Uint8Array>) => (await new Response(body).text()).replace(/^\uFEFF/, "").trim().split("\r\n");
      const docs = await exportStream({ format: "csv", cap: 100, pageSize: 3, columns: documentColumns(""), fetchPage: (page, perPage) => search("", { sort: "oldest", page, perPage }) });
      const rows = await csvRows(docs.body);
      expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual((await search("", { sort: "oldest", perPage: 50 })).hits.map((h) => h.id).map((id) => (id.includes(",") ? `"${id}"` : id)));
      const capped = await exportStream({ format: "json", cap: 5, pageSize: 2, columns: statementColumns(""), fetchPage: (page, perPage) => find("", { sort: "newest", page, perPage }) });
      const items = (await new Response(capped.body).json()) as { id: string }[];
      expect(items.map((i) => i.id)).toEqual(STATEMENTS_BY_DATE.slice(0, 5));
      expect([capped.total, capped.rows]).toEqual([6, 5]);
    });

    it("counts statements per month", async () => {
      const r = await find("", { timeline: true });
      expect(r.timeline!.granularity).toBe("month");
      expect(r.timeline!.buckets[0]).toEqual({ key: "2023-02", count: 1 });
      expect(r.timeline!.buckets.at(-1)).toEqual({ key: "2024-09", count: 2 });
      expect(r.timeline!.buckets).toHaveLength(20);
      expect(r.timeline!.buckets.find((b) => b.key === "2024-04")?.count).toBe(2);
      expect(r.timeline!.undated).toBe(1);
      const petrov = await find("", { filters: { speaker: ["Марат Ахметов"] }, timeline: true });
      expect(petrov.timeline!.buckets.reduce((n, b) => n + b.count, 0) + petrov.timeline!.undated).toBe(petrov.total);
    });
  });

  describe(`timeline by year: ${name}`, () => {
    it("counts per year when the dates span more than three years", async () => {
      const { engine, dispose } = await open([...CONTRACT_DOCUMENTS, OLD_DOCUMENT]);
      try {
        const r = await engine.search(query("медиатор", { timeline: true }));
        expect(r.timeline!.granularity).toBe("year");
        expect(r.timeline!.buckets.map((b) => b.key)).toEqual(["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        expect(r.timeline!.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
        expect(r.timeline!.undated).toBe(1);
        const recent = await engine.search(query("медиатор", { timeline: true, from: "2016" }));
        expect(recent.timeline!.granularity).toBe("month");
      } finally {
        await dispose();
      }
    });
  });
}

contract("embedded (SQLite)", async (docs) => {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  await engine.upsert(docs);
  return { engine, dispose: () => engine.close() };
});

const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info("analyst contract: MEILI_URL is not set, so the Meilisearch half is skipped (embedded engine only).");

describe.skipIf(!MEILI_URL)("Meilisearch", () => {
  contract("Meilisearch", async (docs) => {
    const { MeilisearchEngine } = await import("@/lib/search/engines/meilisearch");
    const config = parseConfig(process.env);
    const index = `${process.env.MEILI_INDEX ?? "contract"}_analyst_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const engine = new MeilisearchEngine(config, getAnalyzer(), index);
    await engine.setup();
    await engine.upsert(docs);
    return {
      engine,
      dispose: async () => {
        await engine.dropIndex();
        await engine.close();
      },
    };
  });
});
