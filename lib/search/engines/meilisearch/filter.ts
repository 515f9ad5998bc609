/**
 * Meilisearch filter expressions, built only from quoted, escaped values: facets, dates and the
 * bookkeeping fields. Words are matched by Meilisearch's own `q` (request.ts, text.ts), never by filters.
 */
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { FACET_FIELDS, type FacetField } from "@/lib/search/types";

/**
 * Attributes the engine filters or sorts on, in both indexes (documents and statements), written by
 * document.ts and statements.ts. Facets are filtered and counted by their keys (keys.ts), since
 * Meilisearch folds the case of plain strings.
 */
export const MEILI_ATTR = {
  facet: { speaker: "speaker_key", institution: "institution_key", country: "country_key", topic: "topic_key" } as Record<FacetField, string>,
  analyzer: "analyzer",
  /** Statement index: the document a statement belongs to, and its position there. */
  statementDoc: "doc",
  statementIdx: "idx",
  slug: "slug",
  dateValue: "dateValue",
} as const;

/**
 * A string literal for a filter. Since Meilisearch v1.4 a backslash must itself be escaped
 * inside quotes, and `"` is escaped with a backslash; nothing else is special between
 * double quotes, so OR, =, ( and ) inside a value stay part of the value.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function eq(attribute: string, value: string): string {
  return `${attribute} = ${quoteFilterValue(value)}`;
}

/** `attribute IN [v1, v2, …]`, every value quoted and escaped. */
export function inList(attribute: string, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quoteFilterValue).join(", ")}]`;
}

function anyOf(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(" OR ")})`;
}

/** One facet group: any of its selected values (OR within a group). */
export function facetGroupFilter(field: FacetField, values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  return anyOf(values.map((v) => eq(MEILI_ATTR.facet[field], facetKey(v))));
}

/**
 * Facet groups ANDed together, optionally leaving one group out: the filter a disjunctive
 * facet count for that group is computed under.
 */
export function facetFilters(filters: Partial<Record<FacetField, readonly string[]>>, except?: FacetField): string[] {
  const out: string[] = [];
  for (const f of FACET_FIELDS) {
    if (f === except) continue;
    const part = facetGroupFilter(f, filters[f] ?? []);
    if (part) out.push(part);
  }
  return out;
}

/** Parts ANDed into one filter string; undefined when there is nothing to filter. */
export function combineFilters(parts: readonly (string | undefined)[]): string | undefined {
  const present = parts.filter((p): p is string => p !== undefined && p !== "");
  if (present.length === 0) return undefined;
  // Every part is parenthesised so no operator inside one can bind across the AND.
  return present.length === 1 ? present[0] : present.map((p) => `(${p})`).join(" AND ");
}

/** A date range (date-range.ts bounds) over the records' YYYYMMDD `dateValue`; undated records have none, so any range leaves them out. */
export function dateRangeFilter(bounds: { min?: number; max?: number } | undefined): string | undefined {
  if (!bounds) return undefined;
  const parts: string[] = [];
  // Integers only: the bounds come from validated dates, never from raw text.
  if (bounds.min !== undefined) parts.push(`${MEILI_ATTR.dateValue} >= ${Math.trunc(bounds.min)}`);
  if (bounds.max !== undefined) parts.push(`${MEILI_ATTR.dateValue} <= ${Math.trunc(bounds.max)}`);
  return parts.length === 0 ? undefined : parts.join(" AND ");
}
