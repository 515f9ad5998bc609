/**
 * The timeline of a search: how many matching documents (or statements) fall in each year, or
 * each month when the dates span at most three years. Both engines count per month (the embedded
 * one in memory, Meilisearch with one count query per bucket) and build the same buckets here.
 */

export type TimelineGranularity = "year" | "month";

export interface TimelineBucket {
  /** "2024" or "2024-03": what `from`/`to` take to narrow the search to this bucket. */
  key: string;
  count: number;
}

export interface Timeline {
  granularity: TimelineGranularity;
  /** Every year or month from the first matching date to the last, empty ones included, oldest first. */
  buckets: TimelineBucket[];
  /** Matches without a date (none when the search has a date range). */
  undated: number;
}

/** Months the dates span at most for a monthly timeline: three years. */
export const MONTHLY_SPAN_MONTHS = 36;

const monthIndex = (yyyymmdd: number) => Math.floor(yyyymmdd / 10_000) * 12 + (Math.floor(yyyymmdd / 100) % 100) - 1;

export function granularityFor(minDate: number, maxDate: number): TimelineGranularity {
  return monthIndex(maxDate) - monthIndex(minDate) + 1 <= MONTHLY_SPAN_MONTHS ? "month" : "year";
}

export interface BucketRange {
  key: string;
  /** Inclusive YYYYMMDD bounds of the bucket. */
  lo: number;
  hi: number;
}

/** The buckets from the first date's to the last date's, in order. */
export function bucketsBetween(minDate: number, maxDate: number, granularity: TimelineGranularity = granularityFor(minDate, maxDate)): BucketRange[] {
  const out: BucketRange[] = [];
  if (granularity === "year") {
    for (let y = Math.floor(minDate / 10_000); y <= Math.floor(maxDate / 10_000); y++) out.push({ key: String(y).padStart(4, "0"), lo: y * 10_000 + 101, hi: y * 10_000 + 1231 });
    return out;
  }
  for (let i = monthIndex(minDate); i <= monthIndex(maxDate); i++) {
    const y = Math.floor(i / 12);
    const m = (i % 12) + 1;
    out.push({ key: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`, lo: y * 10_000 + m * 100 + 1, hi: y * 10_000 + m * 100 + 31 });
  }
  return out;
}

/** A timeline from counts per month (key YYYYMM) of the dated matches. */
export function timelineFromMonths(months: ReadonlyMap<number, number>, undated: number): Timeline {
  const keys = [...months.keys()].filter((k) => (months.get(k) ?? 0) > 0);
  if (keys.length === 0) return { granularity: "year", buckets: [], undated };
  const min = Math.min(...keys) * 100 + 1;
  const max = Math.max(...keys) * 100 + 1;
  const granularity = granularityFor(min, max);
  const buckets = bucketsBetween(min, max, granularity).map((b) => {
    let count = 0;
    if (granularity === "month") count = months.get(Math.floor(b.lo / 100)) ?? 0;
    else for (let m = 1; m <= 12; m++) count += months.get(Math.floor(b.lo / 10_000) * 100 + m) ?? 0;
    return { key: b.key, count };
  });
  return { granularity, buckets, undated };
}

/** Counts per month, for timelineFromMonths: add one YYYYMMDD date (0 counts as undated, returned false). */
export function addToMonths(months: Map<number, number>, yyyymmdd: number): boolean {
  if (yyyymmdd === 0) return false;
  const k = Math.floor(yyyymmdd / 100);
  months.set(k, (months.get(k) ?? 0) + 1);
  return true;
}
