import type { CommentaryDocument } from "@/lib/validations/document";
import type { FacetField, FacetValue } from "./types";

/** The facet values a document is filed under; the same for every engine. */
export function facetValuesOf(doc: CommentaryDocument): Record<FacetField, string[]> {
  const institutions = new Set(doc.institutions);
  for (const s of doc.speakers) if (s.institution) institutions.add(s.institution);
  return {
    speaker: unique(doc.speakers.map((s) => s.name)),
    institution: [...institutions],
    topic: unique(doc.topics),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const ru = new Intl.Collator("ru", { sensitivity: "base", numeric: true });

/** Most frequent first, ties in Russian alphabetical order; selected values always listed. */
export function orderFacet(counts: Map<string, number>, selected: readonly string[]): FacetValue[] {
  const chosen = new Set(selected);
  const values = new Map(counts);
  for (const v of selected) if (!values.has(v)) values.set(v, 0);
  return [...values.entries()]
    .map(([value, count]) => ({ value, count, selected: chosen.has(value) }))
    .sort((a, b) => b.count - a.count || ru.compare(a.value, b.value));
}
