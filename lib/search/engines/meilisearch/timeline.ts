/**
 * The timeline of a search on Meilisearch (timeline.ts): the first and last matching dates from two
 * one-hit searches sorted by `dateValue`, then one count-only search per year or month, all in two
 * rounds of requests. Counts are exact (no facet value cap), and they match under the very
 * text and filter the results page used, so the bars add up to the result count.
 */
import type { RecordAny } from "meilisearch";
import { dateNumber } from "@/lib/search/date-range";
import { dateOfValue } from "@/lib/search/engines/meilisearch/document";
import { type Answer, type MeiliRequest, meiliRequest } from "@/lib/search/engines/meilisearch/federated";
import { MEILI_ATTR, combineFilters } from "@/lib/search/engines/meilisearch/filter";
import { type Timeline, bucketsBetween } from "@/lib/search/timeline";

/** Documents and statements alike carry their (document's) date as `dateValue`. */
const dateOf = (hit: RecordAny | undefined): string | undefined => (hit ? dateOfValue(hit[MEILI_ATTR.dateValue]) : undefined);

type Run = (requests: MeiliRequest[]) => Promise<Answer[]>;

export async function meiliTimeline(run: Run, indexUid: string, variants: readonly string[], filter: string | undefined): Promise<Timeline> {
  const edge = (dir: "asc" | "desc") =>
    meiliRequest(indexUid, variants, { filter, sort: [`${MEILI_ATTR.dateValue}:${dir}`], page: 1, hitsPerPage: 1, retrieve: [MEILI_ATTR.dateValue] });
  const [first, last, count] = await run([edge("asc"), edge("desc"), meiliRequest(indexUid, variants, { filter, page: 1, hitsPerPage: 0 })]);
  const total = count?.totalHits ?? 0;
  // Records without a date sort last both ways: a first hit without one means no match has a date.
  const min = dateNumber(dateOf(first?.hits[0]));
  const max = dateNumber(dateOf(last?.hits[0]));
  if (min === 0 || max === 0) return { granularity: "year", buckets: [], undated: total };
  const ranges = bucketsBetween(min, max);
  const counts = await run(
    ranges.map((b) => meiliRequest(indexUid, variants, { filter: combineFilters([filter, `${MEILI_ATTR.dateValue} >= ${b.lo} AND ${MEILI_ATTR.dateValue} <= ${b.hi}`]), page: 1, hitsPerPage: 0 })),
  );
  const buckets = ranges.map((b, i) => ({ key: b.key, count: counts[i]?.totalHits ?? 0 }));
  const dated = buckets.reduce((n, b) => n + b.count, 0);
  return { granularity: ranges.length > 0 && ranges[0]!.key.length > 4 ? "month" : "year", buckets, undated: Math.max(0, total - dated) };
}
