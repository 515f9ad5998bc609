/**
 * The statements half of the engine contract: the same cases against the embedded engine
 * always, and against Meilisearch when MEILI_URL is set (in a throw-away index).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { parseConfig } from "@/lib/config";
import type { SearchEngine } from "@/lib/search/engine";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import type { StatementResult } from "@/lib/search/statement-hit";
import { emptyFilters, type FacetField, type SearchQuery } from "@/lib/search/types";
import { segmentsToHtml } from "@/lib/text/highlight";
import { getAnalyzer } from "@/lib/text/analyzers";
import { HOSTILE_SPEAKER_INSTITUTION, STATEMENTS_BY_DATE, STATEMENT_DOCUMENTS } from "../fixtures/contract-statements";

type Filters = Partial<Record<FacetField, string[]>>;

function query(q: string, opts: { filters?: Filters; sort?: SearchQuery["sort"]; page?: number; perPage?: number } = {}): SearchQuery {
  return { q, filters: { ...emptyFilters(), ...opts.filters }, sort: opts.sort ?? "relevance", page: opts.page ?? 1, perPage: opts.perPage ?? 20 };
}

const ids = (r: StatementResult) => r.hits.map((h) => h.id);
const idSet = (r: StatementResult) => [...ids(r)].sort();
const counts = (r: StatementResult, f: FacetField) => r.facets[f].map(({ value, count }) => [value, count]);

const PRESSURE = "https://example.org/pressure?a=1&b=2";

type Open = () => Promise<{ engine: SearchEngine; dispose: () => Promise<void> }>;

function contract(name: string, open: Open) {
  describe(`statements contract: ${name}`, () => {
    let engine: SearchEngine;
    let dispose: () => Promise<void> = async () => {};
    const find = (q: string, opts?: Parameters<typeof query>[1]) => engine.searchStatements(query(q, opts));

    beforeAll(async () => {
      ({ engine, dispose } = await open());
    });
    afterAll(async () => {
      await dispose();
    });

    it("matches words inside statements only, in any form", async () => {
      // «санкции» is also in titles, in text around the statements and in a document without statements.
      expect(idSet(await find("санкциями"))).toEqual(["stmt-conference:0", "stmt-conference:1"]);
      expect((await find("конференции")).total).toBe(0);
      expect((await find("заявил")).total).toBe(0);
      expect(idSet(await find("медиатор"))).toEqual(["stmt-conference:1", "stmt-mediator:0"]);
    });

    it("requires every word, matches phrases and excludes words", async () => {
      expect(ids(await find("транзит медиатор"))).toEqual(["stmt-conference:1"]);
      expect(ids(await find('"нужен обеим"'))).toEqual(["stmt-mediator:0"]);
      expect(ids(await find("медиатор -транзит"))).toEqual(["stmt-mediator:0"]);
      expect(idSet(await find("диалогу ИЛИ комментариев"))).toEqual([`${PRESSURE}:1`, "stmt-undated:0"]);
    });

    it("the speaker filter yields that person's words only", async () => {
      const r = await find("транзит", { filters: { speaker: ["Ольга Ким"] } });
      expect(ids(r)).toEqual(["stmt-conference:1"]);
      const all = await find("", { filters: { speaker: ["Марат Ахметов"] }, sort: "date" });
      expect(ids(all)).toEqual([`${PRESSURE}:0`, "stmt-conference:0"]);
      expect(all.hits.every((h) => h.speaker?.name === "Марат Ахметов")).toBe(true);
    });

    it("counts statements in facets, disjunctively, with no speaker value for unattributed ones", async () => {
      const r = await find("");
      expect(r.total).toBe(6);
      expect(counts(r, "speaker")).toEqual([
        ["Марат Ахметов", 2],
        ["Ольга Ким", 2],
        ["Ильяс Нуров", 1],
      ]);
      expect(counts(r, "institution")).toEqual([
        ["Институт транзита", 2],
        [HOSTILE_SPEAKER_INSTITUTION, 2],
      ]);
      expect(counts(r, "topic")).toEqual([
        ["Санкции", 4],
        ["Посредничество", 2],
        ["Транзит", 2],
      ]);
      const picked = await find("", { filters: { speaker: ["Ольга Ким"] } });
      expect(picked.total).toBe(2);
      expect(counts(picked, "speaker")).toEqual(counts(r, "speaker"));
      expect(picked.facets.speaker.find((v) => v.value === "Ольга Ким")?.selected).toBe(true);
      expect(counts(picked, "topic")).toEqual([
        ["Посредничество", 1],
        ["Санкции", 1],
        ["Транзит", 1],
      ]);
      expect(picked.facetTotals.topic).toBe(3);
    });

    it("finds unattributed statements by their words", async () => {
      const r = await find("комментариев");
      expect(ids(r)).toEqual([`${PRESSURE}:1`]);
      expect(r.hits[0]!.speaker).toBeUndefined();
    });

    it("matches hostile filter values only to themselves", async () => {
      expect(idSet(await find("", { filters: { institution: [HOSTILE_SPEAKER_INSTITUTION] } }))).toEqual(["stmt-conference:1", "stmt-mediator:0"]);
      expect((await find("", { filters: { institution: ['Центр "Диалог'] } })).total).toBe(0);
      expect((await find("", { filters: { speaker: ['" OR 1=1 OR speaker = "'] } })).total).toBe(0);
    });

    it("sorts by date, newest first, text order within a document, undated last; pages with exact totals", async () => {
      expect(ids(await find("", { sort: "date" }))).toEqual(STATEMENTS_BY_DATE);
      const pages = await Promise.all([1, 2, 3].map((page) => find("", { sort: "date", page, perPage: 4 })));
      expect(pages.map(ids)).toEqual([STATEMENTS_BY_DATE.slice(0, 4), STATEMENTS_BY_DATE.slice(4), []]);
      for (const p of pages) expect([p.total, p.pageCount, p.perPage]).toEqual([6, 2, 4]);
      expect(ids(await find("санкции", { sort: "date" }))).toEqual(["stmt-conference:0", "stmt-conference:1"]);
    });

    it("returns each statement with its speaker, document, permalink and highlighted text", async () => {
      const [hit] = (await find("усилится")).hits;
      expect(hit).toMatchObject({
        id: `${PRESSURE}:0`,
        text: "санкционное давление усилится к осени",
        speaker: { name: "Марат Ахметов", role: "директор", institution: "Институт транзита" },
        document: { id: PRESSURE, slug: "sanctions-pressure", title: "Давление нарастает", date: "2024-09-01", sample: true },
        url: "/articles/sanctions-pressure#quote-1",
        kind: "reported",
      });
      expect(hit!.textHighlighted.filter((s) => s.hit).map((s) => s.text)).toEqual(["усилится"]);
      expect(segmentsToHtml(hit!.textHighlighted)).toBe("санкционное давление <mark>усилится</mark> к осени");
      const [mediator] = (await find("медиатор", { filters: { speaker: ["Ольга Ким"] }, sort: "date" })).hits;
      expect(mediator).toMatchObject({ url: "/articles/sanctions-conference#quote-2", document: { source: "Эксперт" }, kind: "direct" });
    });
  });

  describe(`statements contract, changes: ${name}`, () => {
    it("replaces a document's statements on update and drops them on removal", async () => {
      const { engine, dispose } = await open();
      try {
        const conference = STATEMENT_DOCUMENTS[0]!;
        await engine.upsert([{ ...conference, quotes: [conference.quotes[1]!], contentHash: "s-conference-2" }]);
        expect(ids(await engine.searchStatements(query("", { filters: { speaker: ["Марат Ахметов"] } })))).toEqual([`${PRESSURE}:0`]);
        expect(ids(await engine.searchStatements(query("транзит")))).toEqual(["stmt-conference:0"]);
        await engine.remove([PRESSURE]);
        expect((await engine.searchStatements(query(""))).total).toBe(3);
        expect((await engine.searchStatements(query("комментариев"))).total).toBe(0);
      } finally {
        await dispose();
      }
    });
  });
}

contract("embedded (SQLite)", async () => {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  await engine.upsert(STATEMENT_DOCUMENTS);
  return { engine, dispose: () => engine.close() };
});

const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info("statements contract: MEILI_URL is not set, so the Meilisearch half is skipped (embedded engine only).");

describe.skipIf(!MEILI_URL)("Meilisearch", () => {
  contract("Meilisearch", async () => {
    const { MeilisearchEngine } = await import("@/lib/search/engines/meilisearch");
    const config = parseConfig(process.env);
    const index = `contract_stmt_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const engine = new MeilisearchEngine(config, getAnalyzer(), index);
    await engine.setup();
    await engine.upsert(STATEMENT_DOCUMENTS);
    return {
      engine,
      dispose: async () => {
        await engine.dropIndex();
        await engine.close();
      },
    };
  });
});
