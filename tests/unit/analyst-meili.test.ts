import type { MultiSearchQuery } from "meilisearch";
import { describe, expect, it } from "vitest";
import { dateRangeFilter } from "@/lib/search/engines/meilisearch/filter";
import { STATEMENT_TARGET, buildSearchPlan } from "@/lib/search/engines/meilisearch/request";
import { DOCUMENT_TIMELINE, meiliTimeline } from "@/lib/search/engines/meilisearch/timeline";
import { parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";

const analyzer = getAnalyzer();
const V = analyzer.version;
const q = (text: string) => parseQuery(text, analyzer);

describe("date ranges and order in Meilisearch plans", () => {
  it("builds integer range filters, open on either side", () => {
    expect(dateRangeFilter(undefined)).toBeUndefined();
    expect(dateRangeFilter({ min: 20240101 })).toBe("dateValue >= 20240101");
    expect(dateRangeFilter({ min: 20240101, max: 20241231 })).toBe("dateValue >= 20240101 AND dateValue <= 20241231");
  });

  it("narrows the hits, the facet counts and the filter probe, but not the text probe", () => {
    const filters = { ...emptyFilters(), speaker: ["Иван Петров"] };
    const plan = buildSearchPlan("idx", q("медиатор Турция"), { filters, sort: "relevance", page: 1, perPage: 10, from: "2024", to: "2024-06" }, "all", V);
    const range = "dateValue >= 20240101 AND dateValue <= 20240631";
    expect(plan.queries[plan.main]!.filter).toContain(range);
    expect(plan.queries[plan.facetQueries.speaker!]!.filter).toContain(range);
    expect(plan.queries[plan.filterProbe!]!.filter).toContain(range);
    // The any-words fallback is decided on the words alone, as on the embedded engine.
    expect(plan.queries[plan.textProbe!]!.filter).not.toContain("dateValue");
  });

  it("sorts oldest first by date ascending, statements in text order within a document", () => {
    const docs = buildSearchPlan("idx", q("медиатор"), { filters: emptyFilters(), sort: "oldest", page: 1, perPage: 10 }, "all", V);
    expect(docs.queries[docs.main]!.sort).toEqual(["dateValue:asc"]);
    const newest = buildSearchPlan("idx", q("медиатор"), { filters: emptyFilters(), sort: "newest", page: 1, perPage: 10 }, "all", V);
    expect(newest.queries[newest.main]!.sort).toEqual(["dateValue:desc"]);
    const stmts = buildSearchPlan("idx", q(""), { filters: emptyFilters(), sort: "oldest", page: 1, perPage: 10 }, "all", V, { target: STATEMENT_TARGET });
    expect(stmts.queries[stmts.main]!.sort).toEqual(["dateValue:asc", "doc:asc", "idx:asc"]);
  });
});

describe("meiliTimeline", () => {
  it("reads the first and last dates, then counts one bucket per month in one more round trip", async () => {
    const calls: MultiSearchQuery[][] = [];
    const multi = async (queries: MultiSearchQuery[]) => {
      calls.push(queries);
      if (calls.length === 1) {
        return [
          { hits: [{ date: "2024-01-15" }], totalHits: 5 },
          { hits: [{ date: "2024-03-02" }], totalHits: 5 },
          { hits: [], totalHits: 6 },
        ] as never;
      }
      return queries.map((_, i) => ({ hits: [], totalHits: [3, 0, 2][i] })) as never;
    };
    const t = await meiliTimeline(multi, "idx", 'terms = "x"', DOCUMENT_TIMELINE);
    expect(t).toEqual({
      granularity: "month",
      buckets: [
        { key: "2024-01", count: 3 },
        { key: "2024-02", count: 0 },
        { key: "2024-03", count: 2 },
      ],
      undated: 1,
    });
    expect(calls).toHaveLength(2);
    expect(calls[1]![0]!.filter).toBe('(terms = "x") AND (dateValue >= 20240101 AND dateValue <= 20240131)');
  });

  it("has no buckets when nothing matching is dated", async () => {
    const multi = async () => [{ hits: [{}] }, { hits: [{}] }, { hits: [], totalHits: 2 }] as never;
    expect(await meiliTimeline(multi, "idx", undefined, DOCUMENT_TIMELINE)).toEqual({ granularity: "year", buckets: [], undated: 2 });
  });
});
