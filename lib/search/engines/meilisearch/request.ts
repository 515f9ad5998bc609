import type { MultiSearchQuery } from "meilisearch";
import { ORIGINAL_FIELDS } from "@/lib/search/engines/meilisearch/document";
import { MEILI_ATTR, combineFilters, dateRangeFilter, facetFilters, quoteFilterValue, textFilter } from "@/lib/search/engines/meilisearch/filter";
import { dateBoundsOf } from "@/lib/search/date-range";
import { STATEMENT_FIELDS } from "@/lib/search/engines/meilisearch/statements";
import type { Clause, ParsedQuery } from "@/lib/search/query-syntax";
import { FACET_FIELDS, type FacetField, type SearchQuery } from "@/lib/search/types";

const DATE_DESC = `${MEILI_ATTR.dateValue}:desc`;
const DATE_ASC = `${MEILI_ATTR.dateValue}:asc`;

/** What a plan searches: which fields come back and what "by date" sorts on. */
export interface PlanTarget {
  retrieve: readonly string[];
  dateSort: string[];
  /** Oldest first (records without a date come last either way). */
  oldestSort: string[];
}

export const DOCUMENT_TARGET: PlanTarget = { retrieve: ORIGINAL_FIELDS, dateSort: [DATE_DESC], oldestSort: [DATE_ASC] };

/** Statements: by document date, then by document, in text order within one. */
export const STATEMENT_TARGET: PlanTarget = {
  retrieve: STATEMENT_FIELDS,
  dateSort: [DATE_DESC, `${MEILI_ATTR.statementDoc}:asc`, `${MEILI_ATTR.statementIdx}:asc`],
  oldestSort: [DATE_ASC, `${MEILI_ATTR.statementDoc}:asc`, `${MEILI_ATTR.statementIdx}:asc`],
};

export interface PlanOptions {
  target?: PlanTarget;
  /**
   * Send Meilisearch's own q to rank (default true). Turned off when q turned out to drop
   * matches the filter has: words Meilisearch did not index for search (past its 65,536th
   * position in a field, or over its token length), which the filter arrays still hold.
   */
  relevance?: boolean;
}

/** What each query of the multiSearch is for, by position. */
export interface SearchPlan {
  queries: MultiSearchQuery[];
  /** Index of the hits query; its facetDistribution holds every inactive facet group. */
  main: number;
  /** Facet group → index of the query counting it with its own filter left out. */
  facetQueries: Partial<Record<FacetField, number>>;
  /** Index of the query counting text matches alone, when the main query cannot tell. */
  textProbe?: number;
  /** Index of the query counting documents built by another analyzer. */
  staleProbe: number;
  /** With q: index of the query counting the same filter without q; a larger count means q dropped matches. */
  filterProbe?: number;
  usesRelevance: boolean;
}

function clauseQ(c: Clause): string {
  // Phrase words are plain normalised forms; a `"` cannot occur in them (the tokenizer drops it).
  // A phrase matched on lemmas ranks by its keys: Meilisearch's proximity rule rewards them adjacent.
  if (c.kind === "phrase" && c.keys && c.keys.length > 1) return c.keys.join(" ");
  return c.kind === "term" ? c.key : `"${c.words.join(" ")}"`;
}

/**
 * Meilisearch's own query `q` is sent only when every group is a single clause, all required:
 * then Meilisearch's "all words" matching is a superset of the filter's set, so it ranks
 * without changing what matches, and its quoted phrases restore the word order that
 * pair filters cannot check. With ИЛИ groups or in "any" mode, q would either drop
 * matches or add them, so the filter alone decides and results are ordered by date.
 */
export function relevanceQuery(parsed: ParsedQuery, mode: "all" | "any"): string | null {
  if (mode !== "all" || parsed.groups.length === 0) return null;
  if (!parsed.groups.every((g) => g.length === 1)) return null;
  // A prefix is no Meilisearch word (its own prefix search applies to the last word only): the filter ranks alone.
  if (parsed.groups.some((g) => g[0]!.kind === "term" && g[0]!.prefix)) return null;
  return parsed.groups.map((g) => clauseQ(g[0]!)).join(" ");
}

/** The stale-index check rides along in the same request: documents from another analyzer. */
export function staleFilter(analyzerVersion: string): string {
  return `${MEILI_ATTR.analyzer} != ${quoteFilterValue(analyzerVersion)}`;
}

/**
 * One multiSearch for a results page: the hits query, one count-only query per active
 * facet group without that group's own filter (disjunctive facets), and cheap probes.
 * page/hitsPerPage make Meilisearch count totals exhaustively.
 */
export function buildSearchPlan(
  indexUid: string,
  parsed: ParsedQuery,
  query: Pick<SearchQuery, "filters" | "sort" | "page" | "perPage" | "from" | "to">,
  mode: "all" | "any",
  analyzerVersion: string,
  options: PlanOptions = {},
): SearchPlan {
  const target = options.target ?? DOCUMENT_TARGET;
  const q = options.relevance === false ? null : relevanceQuery(parsed, mode);
  const text = textFilter(parsed, mode);
  // The date range narrows like a facet group that is never counted: in every query but the text probe.
  const dates = dateRangeFilter(dateBoundsOf(query));
  const active = FACET_FIELDS.filter((f) => query.filters[f].length > 0);
  const inactive = FACET_FIELDS.filter((f) => query.filters[f].length === 0);
  const base = {
    indexUid,
    q: q ?? "",
    ...(q !== null ? { matchingStrategy: "all" as const } : {}),
  };
  const queries: MultiSearchQuery[] = [];
  const filter = (parts: (string | undefined)[]) => {
    const f = combineFilters(parts);
    return f === undefined ? {} : { filter: f };
  };

  const main = queries.push({
    ...base,
    ...filter([text, ...facetFilters(query.filters), dates]),
    facets: inactive.map((f) => MEILI_ATTR.facet[f]),
    page: query.page,
    hitsPerPage: query.perPage,
    attributesToRetrieve: [...target.retrieve],
    ...(query.sort === "oldest" ? { sort: [...target.oldestSort] } : q === null || query.sort !== "relevance" ? { sort: [...target.dateSort] } : {}),
  }) - 1;

  const facetQueries: SearchPlan["facetQueries"] = {};
  for (const f of active) {
    facetQueries[f] =
      queries.push({
        ...base,
        ...filter([text, ...facetFilters(query.filters, f), dates]),
        facets: [MEILI_ATTR.facet[f]],
        page: 1,
        hitsPerPage: 0,
      }) - 1;
  }

  // The embedded engine falls back to "any" mode when the words alone match nothing,
  // whatever the facets; with facets selected the main total cannot tell that.
  let textProbe: number | undefined;
  if (mode === "all" && parsed.groups.length > 1 && active.length > 0) {
    // Without q: a count needs no ranking, and q could miss words the filter finds (PlanOptions.relevance).
    textProbe = queries.push({ indexUid, q: "", ...filter([text]), page: 1, hitsPerPage: 0 }) - 1;
  }

  const staleProbe = queries.push({ indexUid, q: "", filter: staleFilter(analyzerVersion), page: 1, hitsPerPage: 0 }) - 1;

  let filterProbe: number | undefined;
  if (q !== null) filterProbe = queries.push({ indexUid, q: "", ...filter([text, ...facetFilters(query.filters), dates]), page: 1, hitsPerPage: 0 }) - 1;

  return {
    queries,
    main,
    facetQueries,
    ...(textProbe !== undefined ? { textProbe } : {}),
    staleProbe,
    ...(filterProbe !== undefined ? { filterProbe } : {}),
    usesRelevance: q !== null,
  };
}
