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
