import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { facetPass, type FacetColumns } from "@/lib/search/engines/sqlite/facet-pass";
import { addToMonths, timelineFromMonths } from "@/lib/search/timeline";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

/** The embedded engine's timeline: counted in a typed array, and one cached answer serves the page (with it) and the API (without). */

function columns(dates: number[]): FacetColumns {
  const none = { offsets: new Int32Array(dates.length + 1), ids: new Int32Array(0) };
  return {
    values: { speaker: [], institution: [], country: [], topic: [] },
    valueIds: { speaker: new Map(), institution: new Map(), country: new Map(), topic: new Map() },
    members: { speaker: [], institution: [], country: [], topic: [] },
    valuesOf: { speaker: none, institution: none, country: none, topic: none },
    dates: Int32Array.from(dates),
    size: dates.length,
  };
}

describe("facetPass timeline", () => {
  it("counts months as addToMonths does, dates far in the past or future and undated ones included", () => {
    const dates = [20240315, 20240301, 20231231, 0, 17000101, 23001231, 20240315, 18000101, 20991201, 0];
    const pass = facetPass(columns(dates), Int32Array.from(dates.keys()), { filters: emptyFilters(), timeline: true });
    const months = new Map<number, number>();
    let undated = 0;
    for (const d of dates) if (!addToMonths(months, d)) undated++;
    expect(pass.timeline).toEqual(timelineFromMonths(months, undated));
    expect(pass.timeline!.undated).toBe(2);
  });
});

describe("one answer for the page and the API", () => {
  const doc = (n: number, date: string): CommentaryDocument => ({
    id: `d${n}`,
    slug: `d${n}`,
    title: `Обзор ${n}`,
    date,
    paragraphs: [n % 2 ? "Санкции и переговоры." : "Переговоры."],
    topics: [],
    speakers: [],
    institutions: [],
    quotes: [],
    contentHash: `h${n}`,
  });
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  const ready = engine.upsert(Array.from({ length: 30 }, (_, i) => doc(i, `20${10 + (i % 5)}-0${1 + (i % 9)}-15`)));
  const q = (over: Partial<SearchQuery>): SearchQuery => ({ q: "переговоры", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10, ...over });

  it("sends the timeline only when asked, whichever was asked first", async () => {
    await ready;
    const plain = await engine.search(q({}));
    const withTimeline = await engine.search(q({ timeline: true }));
    const again = await engine.search(q({}));
    expect(plain.timeline).toBeUndefined();
    expect(again.timeline).toBeUndefined();
    expect(withTimeline.timeline?.buckets.reduce((a, b) => a + b.count, 0)).toBe(30);
    const { tookMs: _a, timeline: _t, ...rest } = withTimeline;
    const { tookMs: _b, ...plainRest } = plain;
    expect(rest).toEqual(plainRest);
    // The answer is the cached one: the same hit objects, not a second computation.
    expect(again.hits).toBe(plain.hits);
    expect(withTimeline.hits).toBe(plain.hits);
  });
});
