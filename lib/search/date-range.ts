/**
 * Date ranges of a search (`from`/`to` in the URL): a year, a month or a day, as typed
 * (2024, 2024-03, 2024-03-10). Engines compare dates as YYYYMMDD numbers: `from` is the
 * first day it names, `to` the last (2024-02 → 20240201 … 20240231, which every real
 * February date is below), so both engines filter the same documents.
 */

export const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or calendar day. */
export function isPartialDate(s: string): boolean {
  const m = PARTIAL_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const d = new Date(Date.UTC(year, month - 1, day));
  return day >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The first day a partial date names, as YYYYMMDD. */
export function lowerBound(s: string): number {
  const m = PARTIAL_DATE.exec(s)!;
  return Number(m[1]) * 10_000 + Number(m[2] ?? 1) * 100 + Number(m[3] ?? 1);
}

/** The last day a partial date names, as YYYYMMDD (day 31 for a month: an upper bound, not a date). */
export function upperBound(s: string): number {
  const m = PARTIAL_DATE.exec(s)!;
  return Number(m[1]) * 10_000 + Number(m[2] ?? 12) * 100 + Number(m[3] ?? 31);
}

export interface DateBounds {
  /** Inclusive YYYYMMDD bounds; absent when open on that side. */
  min?: number;
  max?: number;
}

/** The query's range as numbers, or undefined when it has none (undated documents then match too). */
export function dateBoundsOf(query: { from?: string; to?: string }): DateBounds | undefined {
  if (!query.from && !query.to) return undefined;
  return { ...(query.from ? { min: lowerBound(query.from) } : {}), ...(query.to ? { max: upperBound(query.to) } : {}) };
}

/** A stored YYYY-MM-DD date as YYYYMMDD; 0 when undated. */
export function dateNumber(date: string | undefined | null): number {
  return date ? Number(date.slice(0, 10).replace(/-/g, "")) || 0 : 0;
}

/** Whether a YYYYMMDD date (0: undated) lies in the bounds; an undated record is outside any range. */
export function inBounds(value: number, bounds: DateBounds): boolean {
  if (value === 0) return false;
  return (bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max);
}
