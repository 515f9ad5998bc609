import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

/** Next's typings require NODE_ENV in ProcessEnv; the config parser does not. */
const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { STATEMENT_TARGET, buildSearchPlan, relevanceQuery } from "@/lib/search/engines/meilisearch/request";
import { STATEMENT_FIELDS } from "@/lib/search/engines/meilisearch/statements";
import { parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";
import { type FakeMeilisearch, startFakeMeilisearch } from "../contract/fake-meilisearch";

const analyzer = getAnalyzer();
const V = analyzer.version;
const q = (text: string) => parseQuery(text, analyzer);
const page = { sort: "relevance" as const, page: 2, perPage: 5 };

describe("buildSearchPlan", () => {
  it("sends one hits query with every facet and exact paging when nothing is selected", () => {
    const plan = buildSearchPlan("idx", q("медиатор"), { ...page, filters: emptyFilters() }, "all", V);
    expect(plan.queries).toHaveLength(3);
    expect(plan.queries[plan.main]).toEqual({
      indexUid: "idx",
      q: "медиатор",
      matchingStrategy: "all",
      filter: 'terms = "медиатор"',
      facets: ["speaker_key", "institution_key", "country_key", "topic_key"],
      page: 2,
      hitsPerPage: 5,
      attributesToRetrieve: expect.arrayContaining(["id", "slug", "title", "paragraphs"]),
    });
    expect(plan.queries[plan.staleProbe]).toEqual({ indexUid: "idx", q: "", filter: `analyzer != "${V}"`, page: 1, hitsPerPage: 0 });
    expect(plan.textProbe).toBeUndefined();
    // q may miss words Meilisearch did not index for search; this count without q tells.
    expect(plan.queries[plan.filterProbe!]).toEqual({ indexUid: "idx", q: "", filter: 'terms = "медиатор"', page: 1, hitsPerPage: 0 });
    const plain = buildSearchPlan("idx", q("медиатор"), { ...page, filters: emptyFilters() }, "all", V, { relevance: false });
    expect(plain.queries[plain.main]).toMatchObject({ q: "", sort: ["dateValue:desc"] });
    expect(plain.filterProbe).toBeUndefined();
  });

  it("plans statement searches over the statement fields, by date, document and position", () => {
    const plan = buildSearchPlan("idx_statements", q(""), { ...page, filters: emptyFilters() }, "all", V, { target: STATEMENT_TARGET });
    expect(plan.queries[plan.main]).toMatchObject({ indexUid: "idx_statements", sort: ["dateValue:desc", "doc:asc", "idx:asc"], attributesToRetrieve: [...STATEMENT_FIELDS] });
  });

  it("adds one count query per active group, without that group's own filter", () => {
    const filters = { ...emptyFilters(), speaker: ["Анна Смирнова"], topic: ["Посредничество", "Санкции"] };
    const plan = buildSearchPlan("idx", q("медиатор"), { ...page, filters }, "all", V);
    expect(plan.queries).toHaveLength(5);
    const [anna, med, sanc] = ["Анна Смирнова", "Посредничество", "Санкции"].map(facetKey);
    const main = plan.queries[plan.main]!;
    expect(main.facets).toEqual(["institution_key", "country_key"]);
    expect(main.filter).toBe(`(terms = "медиатор") AND (speaker_key = "${anna}") AND ((topic_key = "${med}" OR topic_key = "${sanc}"))`);
    const sp = plan.queries[plan.facetQueries.speaker!]!;
    expect(sp).toMatchObject({ facets: ["speaker_key"], page: 1, hitsPerPage: 0, q: "медиатор" });
    expect(sp.filter).toBe(`(terms = "медиатор") AND ((topic_key = "${med}" OR topic_key = "${sanc}"))`);
    const tp = plan.queries[plan.facetQueries.topic!]!;
    expect(tp.filter).toBe(`(terms = "медиатор") AND (speaker_key = "${anna}")`);
    expect(plan.facetQueries.institution).toBeUndefined();
  });

  it("probes the words alone when facets could hide that they match nothing", () => {
    const filters = { ...emptyFilters(), speaker: ["X"] };
    const plan = buildSearchPlan("idx", q("медиатор газ"), { ...page, filters }, "all", V);
    expect(plan.queries[plan.textProbe!]).toMatchObject({ filter: '(terms = "медиатор" AND terms = "газ")', hitsPerPage: 0 });
  });

  it("sorts by date when asked, when the query is empty, and when q cannot rank", () => {
    const f = emptyFilters();
    expect(buildSearchPlan("i", q("медиатор"), { ...page, filters: f, sort: "date" }, "all", V).queries[0]!.sort).toEqual(["dateValue:desc"]);
    expect(buildSearchPlan("i", q(""), { ...page, filters: f }, "all", V).queries[0]).toMatchObject({ q: "", sort: ["dateValue:desc"] });
    expect(buildSearchPlan("i", q("Астана ИЛИ Анкара"), { ...page, filters: f }, "all", V).queries[0]).toMatchObject({ q: "", sort: ["dateValue:desc"] });
    expect(buildSearchPlan("i", q("медиатор"), { ...page, filters: f }, "all", V).queries[0]!.sort).toBeUndefined();
  });

  it("sends q only when Meilisearch's own matching cannot change the result set", () => {
    // A phrase matches on lemmas in any case form: Meilisearch ranks its keys, the filter keeps them together.
    expect(relevanceQuery(q('медиатор "роль медиатора"'), "all")).toBe("медиатор роль медиатор");
    expect(relevanceQuery(q("медиатор газ"), "any")).toBeNull();
    expect(relevanceQuery(q("Астана ИЛИ Анкара"), "all")).toBeNull();
    expect(relevanceQuery(q("-газ"), "all")).toBeNull();
  });
});

describe("MeilisearchEngine requests", () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;

  beforeAll(async () => {
    fake = await startFakeMeilisearch({ masterKey: "master", searchKeys: ["search-only"] });
    const config = parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "master", MEILI_SEARCH_KEY: "search-only", MEILI_BATCH_SIZE: "3" }));
    engine = new MeilisearchEngine(config, analyzer, "req_test");
    await engine.upsert(CONTRACT_DOCUMENTS);
  });
  afterAll(() => fake.close());

  it("indexes in batches of MEILI_BATCH_SIZE after creating the index with settings", () => {
    const writes = fake.requests.filter((r) => r.method !== "GET");
    // Each batch: its documents, their statements (these have none), then the statements they no longer have.
    const batch = ["/indexes/req_test/documents", "/indexes/req_test_statements/documents/delete"];
    expect(writes.map((r) => r.path)).toEqual([
      "/indexes",
      "/indexes",
      "/indexes/req_test/settings",
      "/indexes/req_test_statements/settings",
      ...batch,
      ...batch,
      ...batch,
    ]);
    expect((writes[4]!.body as unknown[]).length).toBe(3);
  });

  it("answers a faceted search with ONE multiSearch request", async () => {
    fake.requests.length = 0;
    const r = await engine.search({ q: "медиатор", filters: { ...emptyFilters(), speaker: ["Анна Смирнова"], topic: ["Посредничество"] }, sort: "relevance", page: 1, perPage: 10 });
    expect(r.hits.map((h) => h.slug)).toEqual(["turkey-mediation"]);
    expect(fake.requests.map((x) => x.path)).toEqual(["/multi-search"]);
    const { queries } = fake.requests[0]!.body as { queries: Record<string, unknown>[] };
    expect(queries.map((x) => x.facets)).toEqual([["institution_key", "country_key"], ["speaker_key"], ["topic_key"], undefined, undefined]);
  });

  it("retries in any mode with a second request only when the words match nothing together", async () => {
    fake.requests.length = 0;
    const r = await engine.search({ q: "медиатор газ", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    expect(r.matchMode).toBe("any");
    expect(fake.requests.map((x) => x.path)).toEqual(["/multi-search", "/multi-search"]);
  });

  it("refuses a stale index, like the embedded engine", async () => {
    // The same analyzer under another version: every method kept (a spread would drop the prototype's).
    const other = new MeilisearchEngine(engine.config, Object.create(analyzer, { version: { value: "other-1" } }) as never, "req_test");
    await expect(other.search({ q: "", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("npm run reindex"),
    });
    expect((await other.health()).ok).toBe(false);
  });

  it("reports a missing statement index in health, naming the commands to run", async () => {
    const kept = fake.indexes.get("req_test_statements")!;
    fake.indexes.delete("req_test_statements");
    try {
      const h = await engine.health();
      expect(h.ok).toBe(false);
      expect(h.message).toBe('Meilisearch has no statement index "req_test_statements": run `npm run meili:setup && npm run reindex`');
    } finally {
      fake.indexes.set("req_test_statements", kept);
    }
    expect((await engine.health()).ok).toBe(true);
  });

  it("removes documents by their Meilisearch key", async () => {
    await engine.remove(["https://example.org/turkey?x=1&y=2"]);
    expect(await engine.getDocument("turkey-mediation")).toBeNull();
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length - 1);
  });
});
