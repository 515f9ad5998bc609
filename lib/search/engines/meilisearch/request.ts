/**
 * A results page on Meilisearch as requests (federated.ts): the analysed query goes to
 * Meilisearch's own `q` (matchingStrategy "all", typo tolerance and prefix search off in the
 * settings), which matches and ranks; filters carry only facets, dates and the stale check.
 *
 * `q` has AND, quoted phrases and `-` exclusion but no OR, so a query is written out as an OR of
 * conjunctions (its disjunctive normal form), one `q` each, searched as one federated search:
 * ИЛИ groups, alias names, a prefix's indexed forms and the "any word" fallback all become variants.
 */
import type { Analyzer } from "@/lib/text/analyzer";
import { HIT_FIELDS } from "@/lib/search/engines/meilisearch/document";
import { type MeiliRequest, meiliRequest } from "@/lib/search/engines/meilisearch/federated";
import { MEILI_ATTR, combineFilters, dateRangeFilter, facetFilters, quoteFilterValue } from "@/lib/search/engines/meilisearch/filter";
import { STATEMENT_FIELDS } from "@/lib/search/engines/meilisearch/statements";
import { phraseQ, wordQ } from "@/lib/search/engines/meilisearch/text";
import { dateBoundsOf } from "@/lib/search/date-range";
import type { Clause, ParsedQuery } from "@/lib/search/query-syntax";
import { FACET_FIELDS, type FacetField, type SearchQuery } from "@/lib/search/types";

const DATE_DESC = `${MEILI_ATTR.dateValue}:desc`;
const DATE_ASC = `${MEILI_ATTR.dateValue}:asc`;

/**
 * Variants one search may fan out to. A federated search of n queries costs about n searches;
 * past this the first combinations are searched and the answer is marked `truncated`.
 */
export const MAX_VARIANTS = 32;

/** Meilisearch reads the first 10 words of `q` and ignores the rest (measured on 1.50.0; docs/meilisearch.md). */
export const MAX_Q_WORDS = 10;

/** What a plan searches: which fields come back and what "by date" sorts on. */
export interface PlanTarget {
  retrieve: readonly string[];
  dateSort: string[];
  /** Oldest first (records without a date come last either way). */
  oldestSort: string[];
}

/** Documents by date, newest first, equal dates by slug (as on the embedded engine). */
export const DOCUMENT_TARGET: PlanTarget = { retrieve: HIT_FIELDS, dateSort: [DATE_DESC, `${MEILI_ATTR.slug}:asc`], oldestSort: [DATE_ASC, `${MEILI_ATTR.slug}:asc`] };

/** Statements: by document date, then by document, in text order within one. */
export const STATEMENT_TARGET: PlanTarget = {
  retrieve: STATEMENT_FIELDS,
  dateSort: [DATE_DESC, `${MEILI_ATTR.statementDoc}:asc`, `${MEILI_ATTR.statementIdx}:asc`],
  oldestSort: [DATE_ASC, `${MEILI_ATTR.statementDoc}:asc`, `${MEILI_ATTR.statementIdx}:asc`],
};

/**
 * The keys a prefix stands for: its forms (the archive's indexed terms and word forms that start
 * with it, prefix-forms.ts) read as words. Records hold keys, not forms, so «ставил*», whose forms
 * ставила, ставили… are all ставить, is searched as ставить (which also finds ставит: a little
 * wider than the embedded engine's prefix on the exact text, instead of nothing).
 */
function prefixKeys(c: Extract<Clause, { kind: "term" }>, analyzer: Analyzer): string[] {
  // The prefix itself as typed (a term that is exactly the prefix), never read as a word: it is a fragment.
  const keys = (c.forms ?? []).flatMap((form) => analyzer.analyze(form).flatMap((t) => (t.stop ? [] : [t.key])));
  return [...new Set([c.key, ...keys])];
}

/** The ways one clause can match, each a piece of `q`. */
export function clauseAlternatives(c: Clause, analyzer: Analyzer): string[] {
  if (c.kind === "term" && c.prefix) return [...new Set(prefixKeys(c, analyzer).map(wordQ))];
  if (c.kind === "term") return [wordQ(c.key)];
  return [phraseQ(analyzer, c.raw)];
}

export interface TextVariants {
  /** One `q` per conjunction; [""] or only exclusions when the query has no positive words. */
  variants: string[];
  /** More combinations than MAX_VARIANTS, or a variant of more than MAX_Q_WORDS words: part of the query is not searched. */
  truncated: boolean;
}

/** Words Meilisearch counts in a `q`: every word, inside a quoted phrase or not, exclusions too. */
export function qWords(q: string): number {
  return q.split(/[\s"]+/u).filter(Boolean).length;
}

/**
 * The text part of a query as `q` variants: mode "all" takes one alternative of every group
 * (their product), mode "any" each alternative of any group alone; every variant carries all
 * exclusions.
 */
export function textVariants(parsed: ParsedQuery, mode: "all" | "any", analyzer: Analyzer, cap = MAX_VARIANTS): TextVariants {
  const negated = [...new Set(parsed.excluded.flatMap((c) => clauseAlternatives(c, analyzer)).map((x) => `-${x}`))];
  const groups = parsed.groups.map((g) => [...new Set(g.flatMap((c) => clauseAlternatives(c, analyzer)))]);
  let combos: string[][] = [[]];
  let truncated = false;
  if (mode === "any") combos = groups.flat().map((x) => [x]);
  else
    for (const g of groups) {
      const next: string[][] = [];
      for (const combo of combos) for (const x of g) next.push([...combo, x]);
      if (next.length > cap) truncated = true;
      combos = next.slice(0, cap);
    }
  if (combos.length > cap) {
    truncated = true;
    combos = combos.slice(0, cap);
  }
  // Exclusions first: Meilisearch reads only the first 10 words of q (MAX_Q_WORDS), exclusions included.
  const variants = [...new Set(combos.map((c) => [...negated, ...new Set(c)].join(" ")))];
  if (variants.some((v) => qWords(v) > MAX_Q_WORDS)) truncated = true;
  return { variants: variants.length === 0 ? [negated.join(" ")] : variants, truncated };
}

/** The stale-index check rides along in the same request: documents from another analyzer. */
export function staleFilter(analyzerVersion: string): string {
  return `${MEILI_ATTR.analyzer} != ${quoteFilterValue(analyzerVersion)}`;
}

/** What each request of a plan is for, by position. */
export interface SearchPlan {
  requests: MeiliRequest[];
  /** The hits request; its facetDistribution holds every inactive facet group. */
  main: number;
  /** Facet group → index of the request counting it with its own filter left out. */
  facetQueries: Partial<Record<FacetField, number>>;
  /** Index of the request counting text matches alone, when the main one cannot tell. */
  textProbe?: number;
  /** Index of the request counting records built by another analyzer. */
  staleProbe: number;
  truncated: boolean;
}

export interface PlanOptions {
  target?: PlanTarget;
  cap?: number;
}

/**
 * The requests for a results page: the hits, one count-only request per active facet group
 * without that group's own filter (disjunctive facets), and cheap probes. page/hitsPerPage make
 * Meilisearch count totals exhaustively.
 */
export function buildSearchPlan(
  indexUid: string,
  parsed: ParsedQuery,
  query: Pick<SearchQuery, "filters" | "sort" | "page" | "perPage" | "from" | "to">,
  mode: "all" | "any",
  analyzer: Analyzer,
  analyzerVersion: string,
  options: PlanOptions = {},
): SearchPlan {
  const target = options.target ?? DOCUMENT_TARGET;
  const { variants, truncated } = textVariants(parsed, mode, analyzer, options.cap);
  // The date range narrows like a facet group that is never counted: in every request but the text probe.
  const dates = dateRangeFilter(dateBoundsOf(query));
  const active = FACET_FIELDS.filter((f) => query.filters[f].length > 0);
  const inactive = FACET_FIELDS.filter((f) => query.filters[f].length === 0);
  // Without words there is nothing to rank: browsing is newest first, as on the embedded engine.
  const sort = query.sort === "oldest" ? target.oldestSort : query.sort !== "relevance" || parsed.groups.length === 0 ? target.dateSort : [];
  const requests: MeiliRequest[] = [];

  const main =
    requests.push(
      meiliRequest(indexUid, variants, {
        filter: combineFilters([...facetFilters(query.filters), dates]),
        facets: inactive.map((f) => MEILI_ATTR.facet[f]),
        sort,
        page: query.page,
        hitsPerPage: query.perPage,
        retrieve: target.retrieve,
      }),
    ) - 1;

  const facetQueries: SearchPlan["facetQueries"] = {};
  for (const f of active) {
    facetQueries[f] =
      requests.push(meiliRequest(indexUid, variants, { filter: combineFilters([...facetFilters(query.filters, f), dates]), facets: [MEILI_ATTR.facet[f]], page: 1, hitsPerPage: 0 })) - 1;
  }

  // The embedded engine falls back to "any" mode when the words alone match nothing,
  // whatever the facets; with facets selected the main total cannot tell that.
  let textProbe: number | undefined;
  if (mode === "all" && parsed.groups.length > 1 && active.length > 0) {
    textProbe = requests.push(meiliRequest(indexUid, variants, { page: 1, hitsPerPage: 0 })) - 1;
  }

  const staleProbe = requests.push(meiliRequest(indexUid, [], { filter: staleFilter(analyzerVersion), page: 1, hitsPerPage: 0 })) - 1;

  return { requests, main, facetQueries, ...(textProbe !== undefined ? { textProbe } : {}), staleProbe, truncated };
}
