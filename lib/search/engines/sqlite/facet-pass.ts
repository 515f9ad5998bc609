import { dateBoundsOf, inBounds } from "@/lib/search/date-range";
import { orderFacet } from "@/lib/search/facets";
import { addToMonths, timelineFromMonths, type Timeline } from "@/lib/search/timeline";
import { FACET_FIELDS, type FacetField, type FacetValue, type SearchQuery } from "@/lib/search/types";

/** A record list: built as an array, or a view into the saved memory (facet-store.ts). */
export type DocList = ArrayLike<number> & Iterable<number>;

/**
 * The embedded engine's facet memory, whatever its records are (documents by rowid, statements
 * by position): the same disjunctive counting serves both.
 */
export interface FacetColumns {
  values: Record<FacetField, string[]>;
  valueIds: Record<FacetField, Map<string, number>>;
  /** value id → the records filed under it */
  members: Record<FacetField, DocList[]>;
  /** record → value ids, as CSR arrays */
  valuesOf: Record<FacetField, { offsets: Int32Array; ids: Int32Array }>;
  /** record → date as YYYYMMDD, 0 when undated */
  dates: Int32Array;
  /** Records are numbered below this. */
  size: number;
}

type Csr = { offsets: Int32Array; ids: Int32Array };

function byField<T>(make: () => T): Record<FacetField, T> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, make()])) as Record<FacetField, T>;
}

/**
 * FacetColumns' value dictionary, member lists and per-record rows, built from (record, field,
 * value) rows as they are read: documents by rowid and statements by position alike.
 */
export class FacetColumnsBuilder {
  readonly values = byField(() => [] as string[]);
  readonly valueIds = byField(() => new Map<string, number>());
  readonly members = byField(() => [] as number[][]);
  private readonly pairs = byField(() => ({ at: [] as number[], ids: [] as number[] }));
  /** The highest record added; -1 before any. */
  maxRecord = -1;

  add(at: number, field: FacetField, value: string): void {
    if (!this.values[field]) return;
    let id = this.valueIds[field].get(value);
    if (id === undefined) {
      id = this.values[field].push(value) - 1;
      this.valueIds[field].set(value, id);
      this.members[field][id] = [];
    }
    this.members[field][id]!.push(at);
    this.pairs[field].at.push(at);
    this.pairs[field].ids.push(id);
    if (at > this.maxRecord) this.maxRecord = at;
  }

  /**
   * Record → value ids for records 0…size-1, as CSR arrays: Maps of arrays cost ~10× the memory and
   * a hash lookup per record. A counting sort keeps each record's values in the order they were added.
   */
  rows(size: number): Record<FacetField, Csr> {
    const out = {} as Record<FacetField, Csr>;
    for (const f of FACET_FIELDS) {
      const { at, ids } = this.pairs[f];
      const offsets = new Int32Array(size + 1);
      for (const p of at) offsets[p + 1]!++;
      for (let i = 1; i <= size; i++) offsets[i]! += offsets[i - 1]!;
      const fill = offsets.slice(0, size);
      const row = new Int32Array(ids.length);
      at.forEach((p, k) => (row[fill[p]!++] = ids[k]!));
      out[f] = { offsets, ids: row };
    }
    return out;
  }
}

export interface FacetPass {
  /** Indices into the candidates that pass every filter, in candidate order. */
  hits: Int32Array;
  facets: Record<FacetField, FacetValue[]>;
  facetTotals: Record<FacetField, number>;
  timeline?: Timeline;
}

/**
 * One pass over the candidates: a record outside the date range counts nowhere; one failing no
 * filter is a hit and counts for every field (disjunctive facets); one failing a single field's
 * filter still counts for that field; anything else counts nowhere.
 */
export function facetPass(cols: FacetColumns, cand: Int32Array, query: Pick<SearchQuery, "filters" | "from" | "to" | "timeline">): FacetPass {
  // One bitmap per filtered field: a byte test per record instead of a Set lookup.
  const filterBits = FACET_FIELDS.map((f) => {
    const selected = query.filters[f] ?? [];
    if (selected.length === 0) return null;
    const bits = new Uint8Array(cols.size);
    for (const v of selected) {
      const id = cols.valueIds[f].get(v);
      if (id !== undefined) for (const r of cols.members[f][id]!) bits[r] = 1;
    }
    return bits;
  });
  const counts = FACET_FIELDS.map((f) => new Int32Array(cols.values[f].length));
  const firstSeen: number[][] = FACET_FIELDS.map(() => []);
  const csr = FACET_FIELDS.map((f) => cols.valuesOf[f]);
  const count = (fi: number, r: number) => {
    const { offsets, ids } = csr[fi]!;
    const c = counts[fi]!;
    for (let k = offsets[r]!, end = offsets[r + 1]!; k < end; k++) {
      const id = ids[k]!;
      const before = c[id]!;
      c[id] = before + 1;
      if (before === 0) firstSeen[fi]!.push(id);
    }
  };
  const hits = new Int32Array(cand.length);
  let total = 0;
  const bounds = dateBoundsOf(query);
  const dates = cols.dates;
  const months = query.timeline ? new MonthCounts() : undefined;
  let undated = 0;
  for (let i = 0; i < cand.length; i++) {
    const r = cand[i]!;
    if (bounds && !inBounds(dates[r]!, bounds)) continue;
    let fails = 0;
    let failed = -1;
    for (let fi = 0; fi < filterBits.length; fi++) {
      const bits = filterBits[fi];
      if (bits && !bits[r]) {
        fails++;
        failed = fi;
      }
    }
    if (fails === 0) {
      hits[total++] = i;
      for (let fi = 0; fi < csr.length; fi++) count(fi, r);
      if (months && !months.add(dates[r]!)) undated++;
    } else if (fails === 1) count(failed, r);
  }
  const facets = {} as FacetPass["facets"];
  const facetTotals = {} as FacetPass["facetTotals"];
  FACET_FIELDS.forEach((f, fi) => {
    // Insertion order is first seen in candidate order, so equal counts tie-break the same on every run.
    const byValue = new Map(firstSeen[fi]!.map((id) => [cols.values[f][id]!, counts[fi]![id]!] as [string, number]));
    facets[f] = orderFacet(byValue, query.filters[f] ?? []);
    facetTotals[f] = byValue.size;
  });
  return { hits: hits.subarray(0, total), facets, facetTotals, ...(months ? { timeline: timelineFromMonths(months.toMap(), undated) } : {}) };
}

/** First year counted in a typed array; dates outside it (none in practice) go to a Map. */
const FIRST_YEAR = 1800;
const YEARS = 300;

/**
 * Matches per month (YYYYMM) as addToMonths counts them, in a typed array: every search computes
 * its timeline (the page asks for it, and the API's answers are the page's, SqliteEngine.search),
 * and a Map update per match cost ~2–4 ms for a word in most of a 100k archive.
 */
class MonthCounts {
  private readonly counts = new Int32Array(YEARS * 12);
  private readonly other = new Map<number, number>();

  /** False for an undated match (0). */
  add(yyyymmdd: number): boolean {
    if (yyyymmdd === 0) return false;
    const year = Math.floor(yyyymmdd / 10_000);
    const month = Math.floor(yyyymmdd / 100) % 100;
    const i = (year - FIRST_YEAR) * 12 + month - 1;
    if (i >= 0 && i < this.counts.length && month >= 1 && month <= 12) this.counts[i]!++;
    else addToMonths(this.other, yyyymmdd);
    return true;
  }

  toMap(): Map<number, number> {
    const out = new Map(this.other);
    for (let i = 0; i < this.counts.length; i++) {
      const n = this.counts[i]!;
      if (n === 0) continue;
      const k = (FIRST_YEAR + Math.floor(i / 12)) * 100 + (i % 12) + 1;
      out.set(k, (out.get(k) ?? 0) + n);
    }
    return out;
  }
}
