/**
 * The timeline of a search on Meilisearch (timeline.ts): the first and last matching dates from two
 * one-hit queries sorted by `dateValue`, then one count-only query per year or month, all in two
 * multiSearch round trips. Counts are exact (no facet value cap), and they match under the very
 * filter the results page used, so the bars add up to the result count.
 */
import type { MultiSearchQuery, MultiSearchResult, RecordAny } from "meilisearch";
import { dateNumber } from "@/lib/search/date-range";
import { MEILI_ATTR, combineFilters } from "@/lib/search/engines/meilisearch/filter";
import { type Timeline, bucketsBetween } from "@/lib/search/timeline";

export interface TimelineTarget {
  /** Fields to retrieve to read a hit's date, and how to read it. */
  retrieve: string[];
  dateOf(hit: RecordAny): string | undefined;
}

export const DOCUMENT_TIMELINE: TimelineTarget = { retrieve: ["date"], dateOf: (h) => (typeof h.date === "string" ? h.date : undefined) };

export const STATEMENT_TIMELINE: TimelineTarget = {
  retrieve: ["document"],
  dateOf: (h) => {
    const d = (h.document as { date?: unknown } | undefined)?.date;
    return typeof d === "string" ? d : undefined;
  },
};

type Multi = (queries: MultiSearchQuery[]) => Promise<MultiSearchResult<RecordAny>[]>;

export async function meiliTimeline(multi: Multi, indexUid: string, filter: string | undefined, target: TimelineTarget): Promise<Timeline> {
  const base = { indexUid, q: "", ...(filter ? { filter } : {}) };
  const edge = (dir: "asc" | "desc"): MultiSearchQuery => ({ ...base, sort: [`${MEILI_ATTR.dateValue}:${dir}`], limit: 1, attributesToRetrieve: target.retrieve });
  const [first, last, count] = await multi([edge("asc"), edge("desc"), { ...base, page: 1, hitsPerPage: 0 }]);
  const total = count?.totalHits ?? 0;
  // Records without a date sort last both ways: a first hit without one means no match has a date.
  const min = dateNumber(first?.hits[0] ? target.dateOf(first.hits[0]) : undefined);
  const max = dateNumber(last?.hits[0] ? target.dateOf(last.hits[0]) : undefined);
  if (min === 0 || max === 0) return { granularity: "year", buckets: [], undated: total };
  const ranges = bucketsBetween(min, max);
  const counts = await multi(
    ranges.map((b) => ({ ...base, filter: combineFilters([filter, `${MEILI_ATTR.dateValue} >= ${b.lo} AND ${MEILI_ATTR.dateValue} <= ${b.hi}`]), page: 1, hitsPerPage: 0 })),
  );
  const buckets = ranges.map((b, i) => ({ key: b.key, count: counts[i]?.totalHits ?? 0 }));
  const dated = buckets.reduce((n, b) => n + b.count, 0);
  return { granularity: ranges.length > 0 && ranges[0]!.key.length > 4 ? "month" : "year", buckets, undated: Math.max(0, total - dated) };
}
