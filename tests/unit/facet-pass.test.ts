import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FacetColumnsBuilder, FacetSummary, facetPass, type FacetColumns } from "@/lib/search/engines/sqlite/facet-pass";
import { orderFacet, orderFacetCounts, russianRanks } from "@/lib/search/facets";
import { FACET_FIELDS, emptyFilters, type FacetField } from "@/lib/search/types";

/**
 * The embedded engine's facet counting with a per-memory summary (Russian ranks, all records'
 * counts and months) must answer exactly what counting every candidate and ordering with
 * Intl.Collator answered: same values, counts, order, totals and timeline.
 */

// Names that collate unlike their code units: case, ё, digits (numeric collation), Latin beside Cyrillic.
const NAMES = ["Ёлкин", "елкин", "Елкин", "Абрамов", "абрамов", "Яковлев", "Zorin", "Иванов 2", "Иванов 10", "Іванов", "Щукин", "Эмма", "Борис", "борис", "Шмидт"];
const DATES = [0, 20240315, 20240301, 20231231, 17000101, 23001231, 18000101, 20991201, 20240015, 20100101];

interface Archive {
  cols: FacetColumns;
  records: number[];
}

function archive(rows: { values: number[][]; date: number }[], absent: Set<number>): Archive {
  const b = new FacetColumnsBuilder();
  rows.forEach((row, r) => FACET_FIELDS.forEach((f, fi) => row.values[fi]!.forEach((v) => b.add(r, f, NAMES[v]!))));
  const size = rows.length;
  return {
    cols: { values: b.values, valueIds: b.valueIds, members: b.members, valuesOf: b.rows(size), dates: Int32Array.from(rows, (r) => r.date), size },
    // Browse order is not rowid order; a record missing from the archive is never a candidate.
    records: rows.map((_, r) => r).filter((r) => !absent.has(r)).reverse(),
  };
}

const rowArb = fc.record({
  values: fc.tuple(...FACET_FIELDS.map(() => fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { maxLength: 4 }))),
  date: fc.constantFrom(...DATES),
  /** The record matches when this reaches the search's cut (0–10): every share of the archive comes up. */
  score: fc.integer({ min: 0, max: 9 }),
});

describe("facetPass with a summary", () => {
  it("counts, orders and dates a search in most of the archive as the direct pass does", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 6 }), (rows, cut, gone) => {
        const absent = new Set(rows.map((_, r) => r).filter((r) => r % 7 === gone));
        const { cols, records } = archive(rows, absent);
        const summary = new FacetSummary(cols, records);
        // Candidates in match order (rowids ascending), a share of the archive's records.
        const cand = Int32Array.from(records.filter((r) => rows[r]!.score >= cut)).sort();
        for (const timeline of [true, false]) {
          const q = { filters: emptyFilters(), timeline };
          expect(facetPass(cols, cand, q, summary)).toEqual(facetPass(cols, cand, q));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("subtracts what the search does not match: a word in all records but one", () => {
    const rows = [
      { values: [[0], [1], [], [2]], date: 20240301 },
      { values: [[0, 3], [], [4], []], date: 0 },
      { values: [[3], [1], [4], [2]], date: 20240315 },
    ];
    const { cols, records } = archive(rows, new Set());
    const pass = facetPass(cols, Int32Array.from([0, 2]), { filters: emptyFilters(), timeline: true }, new FacetSummary(cols, records));
    // Equal counts in Russian order: Абрамов before Ёлкин.
    expect(pass.facets.speaker).toEqual([
      { value: NAMES[3], count: 1, selected: false },
      { value: NAMES[0], count: 1, selected: false },
    ]);
    expect(pass.facets.country).toEqual([{ value: NAMES[4], count: 1, selected: false }]);
    expect(pass.facetTotals).toEqual({ speaker: 2, institution: 1, country: 1, topic: 1 });
    expect(pass.timeline).toEqual({ granularity: "month", buckets: [{ key: "2024-03", count: 2 }], undated: 0 });
    expect(Array.from(pass.hits)).toEqual([0, 1]);
  });

  it("leaves filtered searches and date ranges to the direct pass, with the same answers", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: NAMES.length - 1 }), fc.boolean(), (rows, pick, ranged) => {
        const { cols, records } = archive(rows, new Set());
        const cand = Int32Array.from(records).sort();
        const filters: Record<FacetField, string[]> = { ...emptyFilters(), speaker: [NAMES[pick]!, "Нет такого"] };
        const q = ranged ? { filters: emptyFilters(), from: "2024", to: "2024-03", timeline: true } : { filters, timeline: true };
        expect(facetPass(cols, cand, q, new FacetSummary(cols, records))).toEqual(facetPass(cols, cand, q));
      }),
      { numRuns: 200 },
    );
  });
});

describe("orderFacetCounts", () => {
  it("lists what orderFacet lists, selected values outside the archive included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: NAMES.length, maxLength: NAMES.length }),
        fc.uniqueArray(fc.constantFrom(...NAMES, "Неизвестный", "аааа"), { maxLength: 4 }),
        fc.integer({ min: 1, max: 8 }),
        (raw, selected, limit) => {
          const counts = Int32Array.from(raw);
          const ids = new Map(NAMES.map((n, i) => [n, i]));
          const byValue = new Map(NAMES.flatMap((n, i) => (counts[i]! > 0 ? [[n, counts[i]!] as [string, number]] : [])));
          expect(orderFacetCounts(counts, NAMES, russianRanks(NAMES), ids, selected, limit)).toEqual(orderFacet(byValue, selected, limit));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("facetPass through another memory's columns (a statement's document fields)", () => {
  it("counts, filters and summarises as if each record held its own copy", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 0, max: NAMES.length - 1 }),
        fc.boolean(),
        (docRows, picks, pick, filtered) => {
          const docsOf = Int32Array.from(picks, (p) => p % docRows.length);
          const docs = archive(docRows, new Set()).cols;
          // The copy: every record gets its document's country and topic values.
          const b = new FacetColumnsBuilder();
          docsOf.forEach((d, r) => {
            for (const f of ["country", "topic"] as const) {
              const { offsets, ids } = docs.valuesOf[f];
              for (let k = offsets[d]!; k < offsets[d + 1]!; k++) b.addId(r, f, docs.values[f], ids[k]!);
            }
          });
          const size = docsOf.length;
          const dates = Int32Array.from(docsOf, (d) => docRows[d]!.date);
          const copied: FacetColumns = { values: b.values, valueIds: b.valueIds, members: b.members, valuesOf: b.rows(size), dates, size };
          const through: FacetColumns = {
            ...copied,
            values: { ...copied.values, country: docs.values.country, topic: docs.values.topic },
            valueIds: { ...copied.valueIds, country: docs.valueIds.country, topic: docs.valueIds.topic },
            members: { ...copied.members, country: docs.members.country, topic: docs.members.topic },
            valuesOf: { ...copied.valuesOf, country: docs.valuesOf.country, topic: docs.valuesOf.topic },
            via: { country: { rows: docsOf, size: docs.size }, topic: { rows: docsOf, size: docs.size } },
          };
          const records = Array.from({ length: size }, (_, r) => r);
          const filters = filtered ? { ...emptyFilters(), country: [NAMES[pick]!] } : emptyFilters();
          const q = { filters, timeline: true };
          const cand = Int32Array.from(records);
          const expected = facetPass(copied, cand, q, new FacetSummary(copied, records));
          expect(facetPass(through, cand, q, new FacetSummary(through, records))).toEqual(expected);
          expect(facetPass(through, cand, q)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
