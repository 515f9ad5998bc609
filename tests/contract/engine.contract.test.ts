/**
 * One contract, every engine: the same cases and expected answers run against the embedded
 * engine always, and against Meilisearch when MEILI_URL is set (in a throw-away index).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { parseConfig } from "@/lib/config";
import type { SearchEngine } from "@/lib/search/engine";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters, type FacetField, type SearchQuery, type SearchResult } from "@/lib/search/types";
import { segmentsToHtml } from "@/lib/text/highlight";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS, HOSTILE_INSTITUTION, HOSTILE_PREFIX, HOSTILE_TOPIC } from "../fixtures/contract-documents";

type Filters = Partial<Record<FacetField, string[]>>;

function query(q: string, opts: { filters?: Filters; sort?: SearchQuery["sort"]; page?: number; perPage?: number } = {}): SearchQuery {
  return {
    q,
    filters: { ...emptyFilters(), ...opts.filters },
    sort: opts.sort ?? "relevance",
    page: opts.page ?? 1,
    perPage: opts.perPage ?? 20,
  };
}

const slugs = (r: SearchResult) => r.hits.map((h) => h.slug);
const slugSet = (r: SearchResult) => [...slugs(r)].sort();
const counts = (r: SearchResult, f: FacetField) => r.facets[f].map(({ value, count }) => [value, count]);

const BY_DATE = ["turkey-mediation", "kazakhstan-mediator", "energy-security-europe", "sanctions-energy", "open-fund", "fund-dialogue", "aid-volume", "undated-talks"];

function contract(name: string, open: () => Promise<{ engine: SearchEngine; dispose: () => Promise<void> }>) {
  describe(`search engine contract: ${name}`, () => {
    let engine: SearchEngine;
    let dispose: () => Promise<void> = async () => {};
    const search = (q: string, opts?: Parameters<typeof query>[1]) => engine.search(query(q, opts));

    beforeAll(async () => {
      ({ engine, dispose } = await open());
    });
    afterAll(async () => {
      await dispose();
    });

    it("finds other word forms: медиатор finds медиатора, медиатором, медиаторы", async () => {
      const r = await search("медиатор");
      expect(slugSet(r)).toEqual(["kazakhstan-mediator", "turkey-mediation", "undated-talks"]);
      expect(r.matchMode).toBe("all");
      expect(r.total).toBe(3);
      // The only title match ranks first.
      expect(slugs(r)[0]).toBe("kazakhstan-mediator");
    });

    it("folds ё into е", async () => {
      expect(slugs(await search("объем"))).toEqual(["aid-volume"]);
      expect(slugs(await search("отчет"))).toEqual(["open-fund"]);
    });

    it("requires every word (AND)", async () => {
      expect(slugs(await search("медиатор Турция"))).toEqual(["turkey-mediation"]);
      expect(slugSet(await search("энергетическая безопасность"))).toEqual(["energy-security-europe", "sanctions-energy", "turkey-mediation"]);
    });

    it("falls back to any word when nothing has them all", async () => {
      const r = await search("медиатор газ");
      expect(r.matchMode).toBe("any");
      expect(slugSet(r)).toEqual(["energy-security-europe", "kazakhstan-mediator", "turkey-mediation", "undated-talks"]);
    });

    it("matches a quoted phrase only as adjacent words", async () => {
      expect(slugSet(await search('"энергетическая безопасность"'))).toEqual(["energy-security-europe", "turkey-mediation"]);
      expect(slugs(await search('"энергетическая безопасность Европы"'))).toEqual(["energy-security-europe"]);
    });

    it("excludes words and phrases", async () => {
      expect(slugSet(await search("медиатор -Турция"))).toEqual(["kazakhstan-mediator", "undated-talks"]);
      expect(slugSet(await search('медиатор -"роль медиатора"'))).toEqual(["turkey-mediation", "undated-talks"]);
      const onlyExcluded = await search("-Турция");
      expect(slugs(onlyExcluded)).toEqual(BY_DATE.filter((s) => s !== "turkey-mediation"));
    });

    it("treats ИЛИ as alternatives", async () => {
      expect(slugSet(await search("Астана ИЛИ Анкара"))).toEqual(["kazakhstan-mediator", "turkey-mediation"]);
      expect(slugs(await search("Астана ИЛИ Анкара Турция"))).toEqual(["turkey-mediation"]);
    });

    it("counts facets over the whole result with no group selected", async () => {
      const r = await search("");
      expect(r.total).toBe(8);
      expect(counts(r, "speaker")).toEqual([
        ["Анна Смирнова", 3],
        ["Иван Петров", 2],
        ["Мария Иванова", 1],
        ["Пётр Сидоров", 1],
      ]);
      expect(counts(r, "institution")).toEqual([
        ["ИМЭМО РАН", 3],
        ["МГИМО", 2],
        [HOSTILE_PREFIX, 1],
        [HOSTILE_INSTITUTION, 1],
      ]);
      expect(counts(r, "topic")).toEqual([
        ["Посредничество", 4],
        ["Гражданское общество", 2],
        ["Энергетика", 2],
        ["Ближний Восток", 1],
        ["Евразия", 1],
        ["Европа", 1],
        [HOSTILE_TOPIC, 1],
        ["Санкции", 1],
      ]);
      expect(r.facets.speaker.every((v) => !v.selected)).toBe(true);
    });

    it("counts a selected group disjunctively (one group)", async () => {
      const r = await search("", { filters: { speaker: ["Иван Петров"] } });
      expect(slugs(r)).toEqual(["kazakhstan-mediator", "energy-security-europe"]);
      expect(r.total).toBe(2);
      // The group's own counts ignore its selection...
      expect(counts(r, "speaker")).toEqual([
        ["Анна Смирнова", 3],
        ["Иван Петров", 2],
        ["Мария Иванова", 1],
        ["Пётр Сидоров", 1],
      ]);
      expect(r.facets.speaker.find((v) => v.value === "Иван Петров")?.selected).toBe(true);
      // ...other groups count within it.
      expect(counts(r, "topic")).toEqual([
        ["Евразия", 1],
        ["Европа", 1],
        ["Посредничество", 1],
        ["Энергетика", 1],
      ]);
    });

    it("counts each group under the other groups' selections (two groups)", async () => {
      const r = await search("", { filters: { speaker: ["Анна Смирнова"], topic: ["Посредничество"] } });
      expect(slugs(r)).toEqual(["turkey-mediation", "aid-volume"]);
      expect(counts(r, "speaker")).toEqual([
        ["Анна Смирнова", 2],
        ["Иван Петров", 1],
      ]);
      expect(counts(r, "topic")).toEqual([
        ["Посредничество", 2],
        ["Ближний Восток", 1],
        [HOSTILE_TOPIC, 1],
        ["Санкции", 1],
        ["Энергетика", 1],
      ]);
      expect(counts(r, "institution")).toEqual([["ИМЭМО РАН", 2]]);
    });

    it("combines words and facets, and lists a selected value with no matches at 0", async () => {
      const r = await search("медиатор", { filters: { speaker: ["Мария Иванова"] } });
      expect(r.total).toBe(0);
      expect(r.hits).toEqual([]);
      expect(r.matchMode).toBe("all");
      expect(r.facets.speaker).toEqual([
        { value: "Анна Смирнова", count: 1, selected: false },
        { value: "Иван Петров", count: 1, selected: false },
        { value: "Мария Иванова", count: 0, selected: true },
      ]);
    });

    it("ORs values within a group", async () => {
      const r = await search("", { filters: { speaker: ["Иван Петров", "Мария Иванова"] } });
      expect(slugs(r)).toEqual(["kazakhstan-mediator", "energy-security-europe", "open-fund"]);
      expect(r.total).toBe(3);
    });

    it("sorts by date, newest first, undated last", async () => {
      expect(slugs(await search("медиатор", { sort: "date" }))).toEqual(["turkey-mediation", "kazakhstan-mediator", "undated-talks"]);
      expect(slugs(await search("", { sort: "date" }))).toEqual(BY_DATE);
    });

    it("pages with exact totals", async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => search("", { page, perPage: 3 })));
      for (const p of pages) {
        expect(p.total).toBe(8);
        expect(p.pageCount).toBe(3);
        expect(p.perPage).toBe(3);
      }
      expect(pages.map(slugs)).toEqual([BY_DATE.slice(0, 3), BY_DATE.slice(3, 6), BY_DATE.slice(6), []]);
      expect(pages[1]!.page).toBe(2);
    });

    it("matches hostile facet values only to themselves", async () => {
      const hostile = await search("", { filters: { institution: [HOSTILE_INSTITUTION] } });
      expect(slugs(hostile)).toEqual(["fund-dialogue"]);
      expect(hostile.total).toBe(1);
      expect(slugs(await search("", { filters: { institution: [HOSTILE_PREFIX] } }))).toEqual(["open-fund"]);
      expect(slugs(await search("", { filters: { topic: [HOSTILE_TOPIC] } }))).toEqual(["sanctions-energy"]);
      expect(slugs(await search("", { filters: { institution: [HOSTILE_INSTITUTION, "МГИМО"] } }))).toEqual([
        "kazakhstan-mediator",
        "energy-security-europe",
        "fund-dialogue",
      ]);
      const none = await search("", { filters: { institution: ['" OR 1=1 OR institution = "'] } });
      expect(none.total).toBe(0);
      // Exactly themselves: not in another case (Meilisearch folds case in plain string filters).
      expect((await search("", { filters: { institution: ["имэмо ран"] } })).total).toBe(0);
      expect((await engine.listDocuments({ institution: ["имэмо ран"] }, { limit: 10, offset: 0 })).total).toBe(0);
    });

    it("keeps snippet HTML as text", async () => {
      const r = await search("форум");
      expect(slugs(r)).toEqual(["fund-dialogue"]);
      const snippet = r.hits[0]!.snippet;
      expect(snippet.map((s) => s.text).join("")).toContain('<script>alert("x")</script>');
      expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(["форума"]);
      const html = segmentsToHtml(snippet);
      expect(html).not.toContain("<script");
      expect(html).toContain("&lt;script&gt;");
      expect(html).toContain("<mark>форума</mark>");
    });

    it("highlights the title by word form", async () => {
      const r = await search("медиатор");
      const kz = r.hits.find((h) => h.slug === "kazakhstan-mediator")!;
      expect(kz.titleHighlighted.filter((s) => s.hit).map((s) => s.text)).toEqual(["медиатор"]);
      expect(kz.speakers).toEqual([{ name: "Иван Петров", role: "профессор", institution: "МГИМО" }]);
      expect(kz.source).toBe("Эксперт");
      expect(kz.date).toBe("2024-03-10");
    });

    it("gets a document by slug", async () => {
      const doc = await engine.getDocument("turkey-mediation");
      expect(doc).toEqual(CONTRACT_DOCUMENTS.find((d) => d.slug === "turkey-mediation"));
      expect(await engine.getDocument("no-such-slug")).toBeNull();
      expect((await engine.getDocument("fund-dialogue"))?.institutions).toEqual([HOSTILE_INSTITUTION]);
    });

    it("lists documents by facet, newest first, with totals", async () => {
      const all = await engine.listDocuments({}, { limit: 100, offset: 0 });
      expect(all.total).toBe(8);
      expect(all.documents.map((d) => d.slug)).toEqual(BY_DATE);
      const some = await engine.listDocuments({ topic: ["Посредничество"] }, { limit: 2, offset: 1 });
      expect(some.total).toBe(4);
      expect(some.documents.map((d) => d.slug)).toEqual(["kazakhstan-mediator", "aid-volume"]);
      const both = await engine.listDocuments({ speaker: ["Анна Смирнова"], topic: ["Санкции"] }, { limit: 10, offset: 0 });
      expect(both.documents.map((d) => d.slug)).toEqual(["sanctions-energy"]);
      const hostile = await engine.listDocuments({ institution: [HOSTILE_INSTITUTION] }, { limit: 10, offset: 0 });
      expect(hostile.documents.map((d) => d.slug)).toEqual(["fund-dialogue"]);
      expect(hostile.total).toBe(1);
    });

    it("lists every value of a facet, most frequent first", async () => {
      expect(await engine.facetValues("speaker")).toEqual([
        { value: "Анна Смирнова", count: 3 },
        { value: "Иван Петров", count: 2 },
        { value: "Мария Иванова", count: 1 },
        { value: "Пётр Сидоров", count: 1 },
      ]);
      expect((await engine.facetValues("institution")).map((v) => v.value)).toEqual(["ИМЭМО РАН", "МГИМО", HOSTILE_PREFIX, HOSTILE_INSTITUTION]);
      expect((await engine.facetValues("topic"))[0]).toEqual({ value: "Посредничество", count: 4 });
    });

    it("finds a document by its topics as words, without showing them in the snippet", async () => {
      // Issue 14, item 9: tagged «Санкции», while its text only says «санкционный».
      const tagged = {
        id: "contract-topic-only",
        slug: "topic-only",
        title: "Банки и вторичные ограничения",
        paragraphs: ["Эксперты обсудили санкционный режим и его последствия для банков."],
        topics: ["Санкции", "Финансы"],
        speakers: [],
        institutions: [],
        quotes: [],
        date: "2019-01-01",
        contentHash: "h-topic-only",
      };
      expect(slugs(await search("санкции"))).not.toContain("topic-only");
      await engine.upsert([tagged]);
      try {
        const r = await search("санкции");
        expect(slugs(r)).toContain("topic-only");
        const hit = r.hits.find((h) => h.slug === "topic-only")!;
        expect(hit.snippet.map((s) => s.text).join("")).not.toContain("Санкции");
        expect(slugs(await search("финансы банков"))).toEqual(["topic-only"]);
      } finally {
        await engine.remove([tagged.id]);
      }
      expect(slugs(await search("санкции"))).not.toContain("topic-only");
    });

    it("finds a name written only in the other script (config/exonyms.ts)", async () => {
      // Issue 15: invented sentences naming a real city and a real company.
      const doc = (id: string, text: string) => ({ id: `contract-${id}`, slug: id, title: "Заметка", paragraphs: [text], topics: [], speakers: [], institutions: [], quotes: [], date: "2019-02-01", contentHash: `h-${id}` });
      const added = [doc("exonym-city", "Консультации прошли в Лондоне."), doc("exonym-firm", "Заявление появилось в Facebook.")];
      await engine.upsert(added);
      try {
        expect(slugs(await search("London"))).toEqual(["exonym-city"]);
        expect(slugs(await search("Лондон консультации"))).toEqual(["exonym-city"]);
        expect(slugs(await search("Фейсбуке"))).toEqual(["exonym-firm"]);
      } finally {
        await engine.remove(added.map((d) => d.id));
      }
    });

    it("reports health", async () => {
      const h = await engine.health();
      expect(h.ok).toBe(true);
      expect(h.documents).toBe(8);
      expect(h.engine).toBe(engine.kind);
    });
  });
}

contract("embedded (SQLite)", async () => {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  await engine.upsert(CONTRACT_DOCUMENTS);
  return { engine, dispose: () => engine.close() };
});

const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info("contract: MEILI_URL is not set, so the Meilisearch contract is skipped (embedded engine only).");

describe.skipIf(!MEILI_URL)("Meilisearch", () => {
  contract("Meilisearch", async () => {
    const { MeilisearchEngine } = await import("@/lib/search/engines/meilisearch");
    const config = parseConfig(process.env);
    const index = `contract_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const engine = new MeilisearchEngine(config, getAnalyzer(), index);
    await engine.setup();
    await engine.upsert(CONTRACT_DOCUMENTS);
    return {
      engine,
      dispose: async () => {
        await engine.dropIndex();
        await engine.close();
      },
    };
  });
});
