import { type DateBounds, dateBoundsOf, inBounds } from "@/lib/search/date-range";
import { orderFacet, orderFacetCounts, russianRanks } from "@/lib/search/facets";
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
  /**
   * Fields whose values belong to other records, by record (a statement's countries are its
   * document's): `valuesOf` and `members` of such a field are in that space, `size` records.
   */
  via?: Partial<Record<FacetField, { rows: Int32Array; size: number }>>;
}

/** Each field's record → row map (null: the record is its own row). */
function viaRows(cols: FacetColumns): (Int32Array | null)[] {
  return FACET_FIELDS.map((f) => cols.via?.[f]?.rows ?? null);
}

type Csr = { offsets: Int32Array; ids: Int32Array };

function byField<T>(make: () => T): Record<FacetField, T> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, make()])) as Record<FacetField, T>;
}

/** An Int32Array that grows by doubling: (record, value) pairs arrive by the million for statements. */
class Int32List {
  private data = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  get(i: number): number {
    return this.data[i]!;
  }
}

/**
 * FacetColumns' value dictionary, member lists and per-record rows, built from (record, field,
 * value) rows as they are read: documents by rowid and statements by position alike. The pairs are
 * kept in typed arrays and the lists come out as views of one array per field: a JS array per
 * value and per record cost the serving process ~40 MB of heap for 200k statements' ~2.7M values.
 */
export class FacetColumnsBuilder {
  readonly values = byField(() => [] as string[]);
  readonly valueIds = byField(() => new Map<string, number>());
  private readonly pairs = byField(() => ({ at: new Int32List(), ids: new Int32List() }));
  private grouped: Record<FacetField, Int32Array[]> | undefined;
  /** The highest record added; -1 before any. */
  maxRecord = -1;

  add(at: number, field: FacetField, value: string): void {
    if (!this.values[field]) return;
    let id = this.valueIds[field].get(value);
    if (id === undefined) {
      id = this.values[field].push(value) - 1;
      this.valueIds[field].set(value, id);
    }
    this.pairs[field].at.push(at);
    this.pairs[field].ids.push(id);
    this.grouped = undefined;
    if (at > this.maxRecord) this.maxRecord = at;
  }

  /**
   * Adds a record under a value by its id in `names`, the field's whole dictionary (for a field
   * whose values come from another memory): the first call takes `names` as the field's values.
   */
  addId(at: number, field: FacetField, names: readonly string[], id: number): void {
    const values = this.values[field];
    if (values.length === 0 && names.length > 0) names.forEach((v, i) => (values.push(v), this.valueIds[field].set(v, i)));
    this.pairs[field].at.push(at);
    this.pairs[field].ids.push(id);
    this.grouped = undefined;
    if (at > this.maxRecord) this.maxRecord = at;
  }

  /** Value id → its records, in the order they were added. */
  get members(): Record<FacetField, Int32Array[]> {
    this.grouped ??= byFieldOf((f) => {
      const { at, ids } = this.pairs[f];
      const { offsets, items } = countingSort(ids, at, this.values[f].length);
      return Array.from({ length: this.values[f].length }, (_, id) => items.subarray(offsets[id]!, offsets[id + 1]!));
    });
    return this.grouped;
  }

  /**
   * Record → value ids for records 0…size-1, as CSR arrays: Maps of arrays cost ~10× the memory and
   * a hash lookup per record. A counting sort keeps each record's values in the order they were added.
   */
  rows(size: number): Record<FacetField, Csr> {
    return byFieldOf((f) => {
      const { offsets, items } = countingSort(this.pairs[f].at, this.pairs[f].ids, size);
      return { offsets, ids: items };
    });
  }
}

function byFieldOf<T>(make: (f: FacetField) => T): Record<FacetField, T> {
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, make(f)])) as Record<FacetField, T>;
}

/** The `items` grouped by `keys` (each below `size`), stably: CSR offsets and the items in key order. */
function countingSort(keys: Int32List, items: Int32List, size: number): { offsets: Int32Array; items: Int32Array } {
  const offsets = new Int32Array(size + 1);
  for (let i = 0; i < keys.length; i++) offsets[keys.get(i) + 1]!++;
  for (let i = 1; i <= size; i++) offsets[i]! += offsets[i - 1]!;
  const fill = offsets.slice(0, size);
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[fill[keys.get(i)]!++] = items.get(i);
  return { offsets, items: out };
}

export interface FacetPass {
  /** Indices into the candidates that pass every filter, in candidate order. */
  hits: Int32Array;
  facets: Record<FacetField, FacetValue[]>;
  facetTotals: Record<FacetField, number>;
  timeline?: Timeline;
}

/**
 * What every search over one facet memory can share, built once per memory (summaryOf) and dropped
 * with it: each field's values in Russian order (ranks), and the counts and months of all its
 * records. A search that matches most of the archive then counts what it does not match and
 * subtracts: a common word in 90 % of 100k documents touched every one of their ~16 values.
 */
export class FacetSummary {
  readonly ranks: Int32Array[];
  readonly counts: Int32Array[];
  readonly months: MonthCounts;
  readonly undated: number;

  /** Every record a search can match, ascending: the CSR rows are then read in memory order (in browse order, a cache miss each). */
  readonly records: Int32Array;

  constructor(cols: FacetColumns, records: ArrayLike<number>) {
    this.records = Int32Array.from(records).sort();
    this.ranks = FACET_FIELDS.map((f) => russianRanks(cols.values[f]));
    this.counts = FACET_FIELDS.map((f) => new Int32Array(cols.values[f].length));
    this.months = new MonthCounts();
    let undated = 0;
    const via = viaRows(cols);
    for (let i = 0; i < this.records.length; i++) {
      const r = this.records[i]!;
      FACET_FIELDS.forEach((f, fi) => {
        const { offsets, ids } = cols.valuesOf[f];
        const c = this.counts[fi]!;
        const row = via[fi]?.[r] ?? r;
        for (let k = offsets[row]!, end = offsets[row + 1]!; k < end; k++) c[ids[k]!]!++;
      });
      if (!this.months.add(cols.dates[r]!)) undated++;
    }
    this.undated = undated;
  }
}

/**
 * A memory's summary from its second search on: the first (a cold start's first answer) counts
 * without one and builds it after answering, or the next search builds it first.
 * `holder.summary` is null between the two.
 */
export function summaryOf(holder: { summary?: FacetSummary | null }, make: () => FacetSummary): FacetSummary | undefined {
  if (holder.summary) return holder.summary;
  if (holder.summary === null) return (holder.summary = make());
  holder.summary = null;
  setImmediate(() => (holder.summary ||= make()));
  return undefined;
}

/**
 * One pass over the candidates: a record outside the date range counts nowhere; one failing no
 * filter is a hit and counts for every field (disjunctive facets); one failing a single field's
 * filter still counts for that field; anything else counts nowhere. With a summary, candidates
 * that are most of the records and no filter or date range: all records' counts less the rest's.
 */
export function facetPass(cols: FacetColumns, cand: Int32Array, query: Pick<SearchQuery, "filters" | "from" | "to" | "timeline">, summary?: FacetSummary): FacetPass {
  const bounds = dateBoundsOf(query);
  const filtered = FACET_FIELDS.some((f) => (query.filters[f] ?? []).length > 0);
  const counted =
    summary && !bounds && !filtered && 2 * cand.length > summary.records.length ? complementCounts(cols, cand, summary, query.timeline === true) : directCounts(cols, cand, query, bounds);
  const facets = {} as FacetPass["facets"];
  const facetTotals = {} as FacetPass["facetTotals"];
  FACET_FIELDS.forEach((f, fi) => {
    const counts = counted.counts[fi]!;
    const ranks = summary?.ranks[fi];
    if (ranks) facets[f] = orderFacetCounts(counts, cols.values[f], ranks, cols.valueIds[f], query.filters[f] ?? []);
    else {
      // No summary yet (a process's first search): ranking every value would cost that answer ~10 ms.
      const byValue = new Map<string, number>();
      counts.forEach((n, id) => n > 0 && byValue.set(cols.values[f][id]!, n));
      facets[f] = orderFacet(byValue, query.filters[f] ?? []);
    }
    let distinct = 0;
    for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) distinct++;
    facetTotals[f] = distinct;
  });
  const { months, undated } = counted;
  return { hits: counted.hits, facets, facetTotals, ...(months ? { timeline: timelineFromMonths(months.toMap(), undated) } : {}) };
}

interface Counted {
  hits: Int32Array;
  counts: Int32Array[];
  months?: MonthCounts;
  undated: number;
}

function directCounts(cols: FacetColumns, cand: Int32Array, query: Pick<SearchQuery, "filters" | "timeline">, bounds: DateBounds | undefined): Counted {
  // One bitmap per filtered field: a byte test per record instead of a Set lookup.
  const via = viaRows(cols);
  const filterBits = FACET_FIELDS.map((f) => {
    const selected = query.filters[f] ?? [];
    if (selected.length === 0) return null;
    const bits = new Uint8Array(cols.via?.[f]?.size ?? cols.size);
    for (const v of selected) {
      const id = cols.valueIds[f].get(v);
      if (id !== undefined) for (const r of cols.members[f][id]!) bits[r] = 1;
    }
    return bits;
  });
  const counts = FACET_FIELDS.map((f) => new Int32Array(cols.values[f].length));
  const csr = FACET_FIELDS.map((f) => cols.valuesOf[f]);
  const count = (fi: number, r: number) => {
    const { offsets, ids } = csr[fi]!;
    const c = counts[fi]!;
    const rows = via[fi];
    const row = rows ? rows[r]! : r;
    for (let k = offsets[row]!, end = offsets[row + 1]!; k < end; k++) c[ids[k]!]!++;
  };
  const hits = new Int32Array(cand.length);
  let total = 0;
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
      if (bits && !bits[via[fi]?.[r] ?? r]) {
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
  return { hits: hits.subarray(0, total), counts, ...(months ? { months } : {}), undated };
}

/** Every candidate is a hit: the summary's counts and months less those of the records not among them. */
function complementCounts(cols: FacetColumns, cand: Int32Array, summary: FacetSummary, timeline: boolean): Counted {
  const isCand = new Uint8Array(cols.size);
  for (let i = 0; i < cand.length; i++) isCand[cand[i]!] = 1;
  const counts = summary.counts.map((c) => c.slice());
  const csr = FACET_FIELDS.map((f) => cols.valuesOf[f]);
  const months = timeline ? summary.months.copy() : undefined;
  let undated = summary.undated;
  const { records } = summary;
  const via = viaRows(cols);
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    if (isCand[r]) continue;
    for (let fi = 0; fi < csr.length; fi++) {
      const { offsets, ids } = csr[fi]!;
      const c = counts[fi]!;
      const row = via[fi]?.[r] ?? r;
      for (let k = offsets[row]!, end = offsets[row + 1]!; k < end; k++) c[ids[k]!]!--;
    }
    if (months && !months.remove(cols.dates[r]!)) undated--;
  }
  const hits = new Int32Array(cand.length);
  for (let i = 0; i < hits.length; i++) hits[i] = i;
  return { hits, counts, ...(months ? { months } : {}), undated };
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
    const i = MonthCounts.slot(yyyymmdd);
    if (i >= 0) this.counts[i]!++;
    else addToMonths(this.other, yyyymmdd);
    return true;
  }

  /** Takes back one add() of the same date. */
  remove(yyyymmdd: number): boolean {
    if (yyyymmdd === 0) return false;
    const i = MonthCounts.slot(yyyymmdd);
    if (i >= 0) this.counts[i]!--;
    else {
      const k = Math.floor(yyyymmdd / 100);
      this.other.set(k, this.other.get(k)! - 1);
    }
    return true;
  }

  copy(): MonthCounts {
    const out = new MonthCounts();
    out.counts.set(this.counts);
    for (const [k, n] of this.other) out.other.set(k, n);
    return out;
  }

  /** The typed array's slot of a date, -1 for the Map. */
  private static slot(yyyymmdd: number): number {
    const year = Math.floor(yyyymmdd / 10_000);
    const month = Math.floor(yyyymmdd / 100) % 100;
    const i = (year - FIRST_YEAR) * 12 + month - 1;
    return i >= 0 && i < YEARS * 12 && month >= 1 && month <= 12 ? i : -1;
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
