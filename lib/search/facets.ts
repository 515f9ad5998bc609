import type { CommentaryDocument } from "@/lib/validations/document";
import type { FacetField, FacetValue } from "./types";

/** The facet values a document is filed under; the same for every engine. */
export function facetValuesOf(doc: CommentaryDocument): Record<FacetField, string[]> {
  const institutions = new Set(doc.institutions);
  for (const s of doc.speakers) if (s.institution) institutions.add(s.institution);
  return {
    speaker: unique(doc.speakers.map((s) => s.name)),
    institution: [...institutions],
    country: unique(doc.countries ?? []),
    topic: unique(doc.topics),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const collator = new Intl.Collator("ru", { sensitivity: "base", numeric: true });
/** Russian alphabetical order; values it calls equal (case, accents, composition) by code units, so every engine lists ties alike. */
const ru = { compare: (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0) };

/** Each value's position in Russian alphabetical order (orderFacet's tie-break), computed once for a fixed list of values. */
export function russianRanks(values: readonly string[]): Int32Array {
  const ranks = new Int32Array(values.length);
  Array.from(values.keys())
    .sort((a, b) => ru.compare(values[a]!, values[b]!))
    .forEach((id, i) => (ranks[id] = i));
  return ranks;
}

/**
 * How many values of one facet a search returns. A big archive has thousands of speakers;
 * nobody scans past the first hundred, and sending all of them made every answer ~140 kB.
 */
export const FACET_VALUE_LIMIT = 100;

/**
 * Most frequent first, ties in Russian alphabetical order, at most `limit` values; selected
 * values are always listed, with a zero count if nothing matches them.
 */
export function orderFacet(counts: Map<string, number>, selected: readonly string[], limit = FACET_VALUE_LIMIT): FacetValue[] {
  const chosen = new Set(selected);
  const entries = [...counts.entries()];
  let top = entries;
  if (entries.length > limit) {
    // Cheap numeric pass first; the collator only orders what can still make the cut.
    const byCount = entries.map(([, n]) => n).sort((a, b) => b - a);
    const threshold = byCount[limit - 1]!;
    top = entries.filter(([, n]) => n >= threshold);
  }
  const values = top.map(([value, count]) => ({ value, count, selected: chosen.has(value) }));
  values.sort((a, b) => b.count - a.count || ru.compare(a.value, b.value));
  const out = values.slice(0, limit);
  const listed = new Set(out.map((v) => v.value));
  for (const v of selected) if (!listed.has(v)) out.push({ value: v, count: counts.get(v) ?? 0, selected: true });
  return out.sort((a, b) => b.count - a.count || ru.compare(a.value, b.value));
}

/**
 * orderFacet for counts by value id, with the values' russianRanks: the same list, compared as
 * numbers instead of through Intl.Collator (which sorted a facet's values on every search).
 * A selected value outside `names` has no rank and is compared as orderFacet compares it, which
 * the ranks agree with.
 */
export function orderFacetCounts(counts: Int32Array, names: readonly string[], ranks: Int32Array, ids: Map<string, number>, selected: readonly string[], limit = FACET_VALUE_LIMIT): FacetValue[] {
  const chosen = new Set(selected);
  let found: number[] = [];
  for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) found.push(id);
  if (found.length > limit) {
    const byCount = Int32Array.from(found, (id) => counts[id]!).sort();
    const threshold = byCount[byCount.length - limit]!;
    found = found.filter((id) => counts[id]! >= threshold);
  }
  found.sort((a, b) => counts[b]! - counts[a]! || ranks[a]! - ranks[b]!);
  type Row = FacetValue & { rank: number };
  const out: Row[] = found.slice(0, limit).map((id) => ({ value: names[id]!, count: counts[id]!, selected: chosen.has(names[id]!), rank: ranks[id]! }));
  const listed = new Set(out.map((v) => v.value));
  for (const v of selected) {
    if (listed.has(v)) continue;
    const id = ids.get(v);
    out.push({ value: v, count: id === undefined ? 0 : counts[id]!, selected: true, rank: id === undefined ? -1 : ranks[id]! });
  }
  out.sort((a, b) => b.count - a.count || (a.rank >= 0 && b.rank >= 0 ? a.rank - b.rank : ru.compare(a.value, b.value)));
  return out.map(({ value, count, selected: isSelected }) => ({ value, count, selected: isSelected }));
}
