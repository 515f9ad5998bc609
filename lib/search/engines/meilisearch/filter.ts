/**
 * Meilisearch filter expressions, built only from quoted, escaped values.
 *
 * Word matching is done here, with filters over the analyzer's terms, rather than by
 * Meilisearch's own query matching: Meilisearch has no OR between words, applies prefix and
 * typo rules of its own, and does not know Russian morphology. Equality on the `terms`,
 * `words` and `bigrams` arrays gives exactly the embedded engine's boolean semantics
 * (multi-word phrases excepted, see phraseFilter).
 */
import { facetKey, matchKey } from "@/lib/search/engines/meilisearch/keys";
import type { Clause, ParsedQuery } from "@/lib/search/query-syntax";
import { FACET_FIELDS, type FacetField } from "@/lib/search/types";

/**
 * Attributes the engine filters on, in both indexes (documents and statements); analyzed ones are
 * written by document.ts and statements.ts. Facets are filtered and counted by their
 * keys (keys.ts), since Meilisearch folds the case of plain strings.
 */
export const MEILI_ATTR = {
  facet: { speaker: "speaker_key", institution: "institution_key", country: "country_key", topic: "topic_key" } as Record<FacetField, string>,
  terms: "terms",
  words: "words",
  bigrams: "bigrams",
  /** Adjacent pairs of analyzed terms: names spelled out by alias expansion, in any case form. */
  keypairs: "keypairs",
  analyzer: "analyzer",
  /** Statement index: the document a statement belongs to, and its position there. */
  statementDoc: "doc",
  statementIdx: "idx",
  slug: "slug",
  date: "date",
  dateValue: "dateValue",
  source: "source",
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

function allOf(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(" AND ")})`;
}

/** Adjacent word pairs, the unit multi-word phrases are filtered by. */
export function bigramsOf(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]} ${words[i + 1]}`);
  return out;
}

/**
 * A phrase of two words is exact; a longer one filters on all its word pairs, which
 * every match has but which may also occur apart. When the phrase is a required clause
 * the engine also sends it as a quoted Meilisearch phrase, which restores word order
 * (see buildSearchPlan); inside an ИЛИ group it stays a pair-wise approximation.
 */
function phraseFilter(words: readonly string[]): string {
  if (words.length === 1) return eq(MEILI_ATTR.words, matchKey(words[0]!));
  return allOf(bigramsOf(words).map((b) => eq(MEILI_ATTR.bigrams, matchKey(b))));
}

/**
 * A name spelled out by alias expansion (ИМЭП → Институт мировой экономики и политики) carries
 * its words' analyzed keys, so it matches in any case form (Института мировой экономики …), as the
 * embedded engine's NEAR over keys does: its keys as adjacent analyzed terms, stop words between
 * them not counting (they are not analyzed terms).
 */
function keysFilter(keys: readonly string[]): string {
  return allOf(bigramsOf(keys).map((b) => eq(MEILI_ATTR.keypairs, matchKey(b))));
}

/**
 * `санкци*`: Meilisearch filters have no prefix operator outside an experimental feature, so the
 * prefix arrives expanded to the archive's indexed terms and word forms that start with it
 * (query-syntax's expandPrefixes); without them only the prefix itself as a term matches.
 */
function prefixFilter(prefix: string, forms: readonly string[] | undefined): string {
  const all = [...new Set([prefix, ...(forms ?? [])])].map(matchKey);
  return anyOf([inList(MEILI_ATTR.terms, all), inList(MEILI_ATTR.words, all)]);
}

export function clauseFilter(c: Clause): string {
  if (c.kind === "term" && c.prefix) return prefixFilter(c.key, c.forms);
  if (c.kind === "term") return eq(MEILI_ATTR.terms, matchKey(c.key));
  return c.keys && c.keys.length > 1 ? keysFilter(c.keys) : phraseFilter(c.words);
}

/**
 * The text part of a query as a filter: every group (mode "all") or some group ("any"),
 * and none of the excluded clauses. Undefined when it filters nothing.
 */
export function textFilter(parsed: ParsedQuery, mode: "all" | "any"): string | undefined {
  const parts: string[] = [];
  const groups = parsed.groups.map((g) => anyOf(g.map(clauseFilter)));
  if (groups.length > 0) parts.push(mode === "all" ? allOf(groups) : anyOf(groups));
  if (parsed.excluded.length > 0) parts.push(`NOT ${anyOf(parsed.excluded.map(clauseFilter))}`);
  return parts.length === 0 ? undefined : allOf(parts);
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
