import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

/** Next's typings require NODE_ENV in ProcessEnv; the config parser does not. */
const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import type { MeiliRequest } from "@/lib/search/engines/meilisearch/federated";
import { MAX_Q_WORDS, STATEMENT_TARGET, buildSearchPlan, qWords, textVariants } from "@/lib/search/engines/meilisearch/request";
import { wordQ } from "@/lib/search/engines/meilisearch/text";
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

const plain = (r: MeiliRequest) => {
  expect(r.federation).toBeUndefined();
  return r.queries[0]!;
};

/** Every word as sent to Meilisearch: marked with «ъ» (text.ts). */
const mk = (s: string) => s.replace(/[а-яё]+/g, (w) => `ъ${w}`);

describe("textVariants: the query as Meilisearch q, one per conjunction", () => {
  const v = (text: string, mode: "all" | "any" = "all") => textVariants(q(text), mode, analyzer).variants;

  it("writes words as their analysed keys and phrases as their keys in order, stop words as written", () => {
    expect(v("медиаторы Казани")).toEqual([mk("медиатор казань")]);
    expect(v('"роль медиатора"')).toEqual([mk('"роль медиатор"')]);
    // The stop word stays in the phrase, so «отпущены свободу» does not match «отпущены на свободу».
    expect(v('"отпущены на свободу"')).toEqual([mk('"отпустить на свобода"')]);
    expect(v('"отпущены свободу"')).toEqual([mk('"отпустить свобода"')]);
  });

  it("marks every word, so Meilisearch's split and joined words never match, and hashes a key it would cut", () => {
    expect(wordQ("медиатор")).toBe("ъмедиатор");
    // A compound, digits or Latin: one word (a hash in Cyrillic letters), as in the records.
    for (const key of ["северо-западный", "2024", "nato", "g20"]) expect(wordQ(key)).toMatch(/^ъъ[а-п]{20}$/);
    expect(wordQ("северо-западный")).not.toBe(wordQ("северо-восточный"));
  });

  it("writes exclusions with -, in every variant", () => {
    // Exclusions first: Meilisearch ignores words past the 10th, and an exclusion must not be the one dropped.
    expect(v("медиатор -Казань")).toEqual([mk("-казань медиатор")]);
    expect(v('медиатор -"роль медиатора"')).toEqual([mk('-"роль медиатор" медиатор')]);
    expect(v("-Казань")).toEqual([mk("-казань")]);
    // An excluded name takes its Latin twin with it (config/exonyms.ts).
    expect(v("медиатор -Вена")).toEqual([`${mk("-вена")} -${wordQ(analyzer.queryKey("Vienna")!)} ${mk("медиатор")}`]);
    expect(v("")).toEqual([""]);
  });

  it("turns ИЛИ groups into their product, and the any-word fallback into one variant per word", () => {
    expect(v("Казань ИЛИ Сочи переговоры -газ")).toEqual([mk("-газ казань переговоры"), mk("-газ сочи переговоры")]);
    expect(v("(Казань ИЛИ Сочи) (нефть ИЛИ газ)".replace(/[()]/g, ""))).toEqual([mk("казань нефть"), mk("казань газ"), mk("сочи нефть"), mk("сочи газ")]);
    expect(v("медиатор газ", "any")).toEqual([mk("медиатор"), mk("газ")]);
  });

  it("expands an abbreviation to its spelled-out name as another variant", () => {
    expect(v("ООН").slice(0, 2)).toEqual([mk("оон"), mk('"организация объединить нация"')]);
    // …and its Latin names (config/exonyms.ts), as variants too.
    expect(v("ООН")).toContain(wordQ(analyzer.queryKey("UN")!));
    expect(v("ООН")).toHaveLength(4);
    expect(v("ИМЭП")).toEqual([mk("имэп"), mk('"институт мировой экономика и политика"')]);
  });

  it("writes a prefix as the keys of the forms it stands for, capped", () => {
    const parsed = q("санкци*");
    parsed.groups[0]![0] = { ...parsed.groups[0]![0]!, forms: ["санкция", "санкций", "санкциями", "санкционный", "санкционного"] } as never;
    // As the analyzer keys them (adjectives by their stem), which is what the records hold.
    expect(textVariants(parsed, "all", analyzer).variants).toEqual([mk("санкци"), mk("санкция"), wordQ(analyzer.queryKey("санкционного")!)]);
    expect(analyzer.queryKey("санкционный")).toBe(analyzer.queryKey("санкционного"));
    // Word forms of one verb are one key: records hold keys, not forms.
    const verb = q("ставил*");
    verb.groups[0]![0] = { ...verb.groups[0]![0]!, forms: ["ставил", "ставила", "ставили"] } as never;
    expect(textVariants(verb, "all", analyzer).variants).toEqual([mk("ставил"), mk("ставить")]);
    const many = q("санкци*");
    many.groups[0]![0] = { ...many.groups[0]![0]!, forms: Array.from({ length: 50 }, (_, i) => `санкци${"а".repeat(i + 1)}`) } as never;
    const capped = textVariants(many, "all", analyzer, 8);
    expect(capped.variants).toHaveLength(8);
    expect(capped.truncated).toBe(true);
  });
});

describe("the parts of a query Meilisearch would not read", () => {
  it("are marked: a variant of more than MAX_Q_WORDS words, exclusions and phrase words counted", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => ["медиатор", "газ", "нефть", "транзит", "порт", "банк", "закон", "рынок", "налог", "союз", "флот", "лес"][i]).join(" ");
    expect(qWords('ъa -ъb "ъc ъd"')).toBe(4);
    expect(textVariants(q(words(MAX_Q_WORDS)), "all", analyzer).truncated).toBe(false);
    expect(textVariants(q(words(MAX_Q_WORDS + 1)), "all", analyzer).truncated).toBe(true);
    expect(textVariants(q(`${words(MAX_Q_WORDS)} -лес`), "all", analyzer).truncated).toBe(true);
    // Each word alone in "any" mode is one word long.
    expect(textVariants(q(words(MAX_Q_WORDS + 1)), "any", analyzer).truncated).toBe(false);
  });

  it("reach the plan, which the engine reports as a partial query", () => {
    const plan = buildSearchPlan("idx", q("медиатор газ нефть транзит порт банк закон рынок налог союз флот"), { ...page, filters: emptyFilters() }, "all", analyzer, V);
    expect(plan.truncated).toBe(true);
    expect(buildSearchPlan("idx", q("медиатор газ"), { ...page, filters: emptyFilters() }, "all", analyzer, V).truncated).toBe(false);
  });
});

describe("buildSearchPlan", () => {
  it("sends one plain hits query with every facet and exact paging when nothing is selected", () => {
    const plan = buildSearchPlan("idx", q("медиатор"), { ...page, filters: emptyFilters() }, "all", analyzer, V);
    expect(plan.requests).toHaveLength(2);
    expect(plain(plan.requests[plan.main]!)).toEqual({
      indexUid: "idx",
      q: "ъмедиатор",
      matchingStrategy: "all",
      facets: ["speaker_key", "institution_key", "country_key", "topic_key"],
      page: 2,
      hitsPerPage: 5,
      attributesToRetrieve: ["id"],
    });
    expect(plain(plan.requests[plan.staleProbe]!)).toEqual({ indexUid: "idx", q: "", matchingStrategy: "all", filter: `analyzer != "${V}"`, page: 1, hitsPerPage: 0 });
    expect(plan.textProbe).toBeUndefined();
  });

  it("plans statement searches over the statement fields, by date, document and position", () => {
    const plan = buildSearchPlan("idx_statements", q(""), { ...page, filters: emptyFilters() }, "all", analyzer, V, { target: STATEMENT_TARGET });
    expect(plain(plan.requests[plan.main]!)).toMatchObject({ indexUid: "idx_statements", sort: ["dateValue:desc", "doc:asc", "idx:asc"], attributesToRetrieve: [...STATEMENT_FIELDS] });
  });

  it("adds one count query per active group, without that group's own filter", () => {
    const filters = { ...emptyFilters(), speaker: ["Анна Смирнова"], topic: ["Посредничество", "Санкции"] };
    const plan = buildSearchPlan("idx", q("медиатор"), { ...page, filters }, "all", analyzer, V);
    expect(plan.requests).toHaveLength(4);
    const [anna, med, sanc] = ["Анна Смирнова", "Посредничество", "Санкции"].map(facetKey);
    const main = plain(plan.requests[plan.main]!);
    expect(main.facets).toEqual(["institution_key", "country_key"]);
    expect(main.filter).toBe(`(speaker_key = "${anna}") AND ((topic_key = "${med}" OR topic_key = "${sanc}"))`);
    const sp = plain(plan.requests[plan.facetQueries.speaker!]!);
    expect(sp).toMatchObject({ facets: ["speaker_key"], page: 1, hitsPerPage: 0, q: "ъмедиатор" });
    expect(sp.filter).toBe(`(topic_key = "${med}" OR topic_key = "${sanc}")`);
    expect(plain(plan.requests[plan.facetQueries.topic!]!).filter).toBe(`speaker_key = "${anna}"`);
    expect(plan.facetQueries.institution).toBeUndefined();
  });

  it("searches ИЛИ as one federated search, facets merged over the union", () => {
    const filters = { ...emptyFilters(), speaker: ["X"] };
    const plan = buildSearchPlan("idx", q("Казань ИЛИ Сочи"), { ...page, filters }, "all", analyzer, V);
    const main = plan.requests[plan.main]!;
    expect(main.queries.map((x) => x.q)).toEqual([mk("казань"), mk("сочи")]);
    expect(main.queries.every((x) => x.filter === `speaker_key = "${facetKey("X")}"` && x.page === undefined && x.facets === undefined)).toBe(true);
    expect(main.federation).toEqual({ page: 2, hitsPerPage: 5, facetsByIndex: { idx: ["institution_key", "country_key", "topic_key"] }, mergeFacets: {} });
    expect(plan.requests[plan.facetQueries.speaker!]!.federation).toMatchObject({ hitsPerPage: 0, facetsByIndex: { idx: ["speaker_key"] } });
  });

  it("probes the words alone when facets could hide that they match nothing", () => {
    const filters = { ...emptyFilters(), speaker: ["X"] };
    const plan = buildSearchPlan("idx", q("медиатор газ"), { ...page, filters }, "all", analyzer, V);
    expect(plain(plan.requests[plan.textProbe!]!)).toEqual({ indexUid: "idx", q: "ъмедиатор ъгаз", matchingStrategy: "all", page: 1, hitsPerPage: 0 });
  });

  it("sorts by date when asked and when the query is empty, else lets Meilisearch rank", () => {
    const f = emptyFilters();
    const main = (text: string, sort: "relevance" | "date" | "oldest") => {
      const plan = buildSearchPlan("i", q(text), { ...page, filters: f, sort }, "all", analyzer, V);
      return plan.requests[plan.main]!.queries[0]!;
    };
    expect(main("медиатор", "date").sort).toEqual(["dateValue:desc", "slug:asc"]);
    expect(main("медиатор", "oldest").sort).toEqual(["dateValue:asc", "slug:asc"]);
    expect(main("", "relevance")).toMatchObject({ q: "", sort: ["dateValue:desc", "slug:asc"] });
    expect(main("медиатор", "relevance").sort).toBeUndefined();
    expect(main("Вена ИЛИ Женева", "relevance").sort).toBeUndefined();
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
    expect(queries.map((x) => x.facets)).toEqual([["institution_key", "country_key"], ["speaker_key"], ["topic_key"], undefined]);
  });

  it("retries in any mode, one federated search over the words, only when they match nothing together", async () => {
    fake.requests.length = 0;
    const r = await engine.search({ q: "медиатор газ", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    expect(r.matchMode).toBe("any");
    expect(fake.requests.map((x) => x.path)).toEqual(["/multi-search", "/multi-search", "/multi-search"]);
    const federated = fake.requests.map((x) => x.body as { federation?: unknown; queries: { q: string }[] }).filter((b) => b.federation);
    expect(federated.map((b) => b.queries.map((x) => x.q))).toEqual([["ъмедиатор", "ъгаз"]]);
    expect(r.total).toBe(4);
  });

  it("says when it searched only part of the query, and not otherwise", async () => {
    // Eleven words of one document: Meilisearch would read ten of them.
    const long = "Казахстан медиатор евразийских конфликтах Астана увереннее выступает роли соседями доверия терпения";
    const base = { filters: emptyFilters(), sort: "relevance" as const, page: 1, perPage: 10 };
    const r = await engine.search({ q: long, ...base });
    expect(r.matchMode).toBe("all");
    expect(r.partialQuery).toBe(true);
    expect((await engine.search({ q: "Казахстан медиатор", ...base })).partialQuery).toBeUndefined();
    // Each word alone (the any-words fallback) is within the limit.
    expect((await engine.search({ q: "медиатор газ нефть транзит порт банк закон рынок налог союз флот", ...base })).partialQuery).toBeUndefined();
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
