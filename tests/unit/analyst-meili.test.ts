import { describe, expect, it } from "vitest";
import type { MeiliRequest } from "@/lib/search/engines/meilisearch/federated";
import { dateRangeFilter } from "@/lib/search/engines/meilisearch/filter";
import { STATEMENT_TARGET, buildSearchPlan } from "@/lib/search/engines/meilisearch/request";
import { meiliTimeline } from "@/lib/search/engines/meilisearch/timeline";
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

  it("narrows the hits and the facet counts, but not the text probe", () => {
    const filters = { ...emptyFilters(), speaker: ["Иван Петров"] };
    const plan = buildSearchPlan("idx", q("медиатор Турция"), { filters, sort: "relevance", page: 1, perPage: 10, from: "2024", to: "2024-06" }, "all", analyzer, V);
    const range = "dateValue >= 20240101 AND dateValue <= 20240631";
    const first = (i: number) => plan.requests[i]!.queries[0]!;
    expect(first(plan.main).filter).toContain(range);
    expect(first(plan.facetQueries.speaker!).filter).toContain(range);
    // The any-words fallback is decided on the words alone, as on the embedded engine.
    expect(first(plan.textProbe!).filter).toBeUndefined();
  });

  it("sorts oldest first by date ascending, statements in text order within a document", () => {
    const sortOf = (plan: ReturnType<typeof buildSearchPlan>) => plan.requests[plan.main]!.queries[0]!.sort;
    expect(sortOf(buildSearchPlan("idx", q("медиатор"), { filters: emptyFilters(), sort: "oldest", page: 1, perPage: 10 }, "all", analyzer, V))).toEqual(["dateValue:asc", "slug:asc"]);
    expect(sortOf(buildSearchPlan("idx", q("медиатор"), { filters: emptyFilters(), sort: "newest", page: 1, perPage: 10 }, "all", analyzer, V))).toEqual(["dateValue:desc", "slug:asc"]);
    const stmts = buildSearchPlan("idx", q(""), { filters: emptyFilters(), sort: "oldest", page: 1, perPage: 10 }, "all", analyzer, V, { target: STATEMENT_TARGET });
    expect(sortOf(stmts)).toEqual(["dateValue:asc", "doc:asc", "idx:asc"]);
  });
});

describe("meiliTimeline", () => {
  it("reads the first and last dates, then counts one bucket per month in one more round trip", async () => {
    const calls: MeiliRequest[][] = [];
    const run = async (requests: MeiliRequest[]) => {
      calls.push(requests);
      if (calls.length === 1) {
        return [
          { hits: [{ dateValue: 20240115 }], totalHits: 5 },
          { hits: [{ dateValue: 20240302 }], totalHits: 5 },
          { hits: [], totalHits: 6 },
        ];
      }
      return requests.map((_, i) => ({ hits: [], totalHits: [3, 0, 2][i]! }));
    };
    const t = await meiliTimeline(run, "idx", ["медиатор", "посредник"], 'speaker_key = "x"');
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
    // Every bucket counts the same text (here two variants, one federated search) under the page's filter.
    expect(calls[1]![0]!.queries.map((x) => [x.q, x.filter])).toEqual([
      ["медиатор", '(speaker_key = "x") AND (dateValue >= 20240101 AND dateValue <= 20240131)'],
      ["посредник", '(speaker_key = "x") AND (dateValue >= 20240101 AND dateValue <= 20240131)'],
    ]);
    expect(calls[1]![0]!.federation).toMatchObject({ hitsPerPage: 0 });
  });

  it("has no buckets when nothing matching is dated", async () => {
    const run = async () => [{ hits: [{}], totalHits: 2 }, { hits: [{}], totalHits: 2 }, { hits: [], totalHits: 2 }];
    expect(await meiliTimeline(run, "idx", [], undefined)).toEqual({ granularity: "year", buckets: [], undated: 2 });
  });
});
