/**
 * The Meilisearch statement index on the fake server, so the plumbing is checked on every run
 * (the contract suite checks the answers against a real server when MEILI_URL is set).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { statementRefOf, toMeiliStatements } from "@/lib/search/engines/meilisearch/statements";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { STATEMENTS_BY_DATE, STATEMENT_DOCUMENTS } from "../fixtures/contract-statements";
import { type FakeMeilisearch, startFakeMeilisearch } from "../contract/fake-meilisearch";

const analyzer = getAnalyzer();
const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
const query = (q: string, over: Partial<SearchQuery> = {}): SearchQuery => ({ q, filters: emptyFilters(), sort: "date", page: 1, perPage: 20, ...over });

describe("statement records", () => {
  it("point at their document in the archive and the quote's position, which hits are read back from", () => {
    for (const doc of STATEMENT_DOCUMENTS) {
      const records = toMeiliStatements(doc, analyzer);
      expect(records).toHaveLength(doc.quotes.length);
      records.forEach((r, i) => {
        expect(statementRefOf(JSON.parse(JSON.stringify(r)) as Record<string, unknown>)).toEqual({ id: doc.id, idx: i });
        expect(r.body_k.split(" ")).toHaveLength(analyzer.analyze(doc.quotes[i]!.text).length);
      });
    }
  });

  it("are filed under the statement's speaker and the document's other values, as keys", () => {
    const [first, second] = toMeiliStatements(STATEMENT_DOCUMENTS[0]!, analyzer);
    expect(first!.speaker_key).toEqual([facetKey("Марат Ахметов")]);
    expect(second!.speaker_key).toEqual([facetKey("Ольга Ким")]);
    expect(first!.topic_key).toEqual(["Санкции", "Транзит"].map(facetKey));
    expect(first!.body_k.split(" ")).toContain("ътранзит");
    expect(`${first!.body_k} ${first!.alt}`).not.toContain("конференция");
  });
});

describe("Meilisearch statement index", () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;
  beforeAll(async () => {
    fake = await startFakeMeilisearch({ masterKey: "m" });
    engine = new MeilisearchEngine(parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "m" })), analyzer, "st");
    await engine.upsert(STATEMENT_DOCUMENTS);
  });
  afterAll(() => fake.close());

  it("searches statements by date, document and position", async () => {
    expect((await engine.searchStatements(query(""))).hits.map((h) => h.id)).toEqual(STATEMENTS_BY_DATE);
    const r = await engine.searchStatements(query("транзит", { filters: { ...emptyFilters(), speaker: ["Ольга Ким"] } }));
    expect(r.hits.map((h) => h.id)).toEqual(["stmt-conference:1"]);
    expect(r.facets.speaker.map((v) => [v.value, v.count])).toEqual([
      ["Марат Ахметов", 1],
      ["Ольга Ким", 1],
    ]);
  });

  it("drops statements a new version of a document no longer has, and all of them with the document", async () => {
    const conference = STATEMENT_DOCUMENTS[0]!;
    await engine.upsert([{ ...conference, quotes: [conference.quotes[1]!], contentHash: "x" }]);
    expect(fake.indexes.get("st_statements")!.docs.size).toBe(5);
    await engine.remove([conference.id]);
    expect(fake.indexes.get("st_statements")!.docs.size).toBe(4);
    expect((await engine.searchStatements(query("транзит"))).total).toBe(0);
  });

  it("rebuilds both indexes and swaps them in together", async () => {
    await engine.rebuild(STATEMENT_DOCUMENTS);
    expect([...fake.indexes.keys()].sort()).toEqual(["st", "st_statements"]);
    expect((await engine.searchStatements(query(""))).hits.map((h) => h.id)).toEqual(STATEMENTS_BY_DATE);
    expect((await engine.health()).documents).toBe(STATEMENT_DOCUMENTS.length);
  });
});
