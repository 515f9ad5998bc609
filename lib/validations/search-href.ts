import { FACET_FIELDS, type FacetField, type SearchQuery } from "@/lib/search/types";

/**
 * Search-page addresses from a query: pure URL code without zod, so that client components
 * (the facet filter box) can build links without the schema in their bundle. Re-exported by
 * search-params.ts, where the parsing side lives.
 */

/** The URL search string for a query, omitting defaults so links stay short and canonical. */
export function toSearchString(query: Pick<SearchQuery, "q" | "filters" | "sort" | "page" | "noCorrection" | "view" | "from" | "to">): string {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  for (const f of FACET_FIELDS) for (const v of query.filters[f]) sp.append(f, v);
  if (query.from) sp.set("from", query.from);
  if (query.to) sp.set("to", query.to);
  if (query.sort !== "relevance") sp.set("sort", query.sort === "date" ? "newest" : query.sort);
  if (query.page > 1) sp.set("page", String(query.page));
  if (query.noCorrection) sp.set("exact", "1");
  if (query.view === "statements") sp.set("view", "statements");
  const s = sp.toString();
  return s ? `?${s}` : "";
}

/** A link to the same search with one facet value toggled; filters changing sends you back to page 1. */
export function toggleFacetHref(query: SearchQuery, field: FacetField, value: string): string {
  const values = query.filters[field].includes(value) ? query.filters[field].filter((v) => v !== value) : [...query.filters[field], value];
  return `/${toSearchString({ ...query, filters: { ...query.filters, [field]: values }, page: 1 })}`;
}

/**
 * Where a page number past the last page of results goes: the last page (the first when
 * nothing matched), so a stale or edited link never shows «страница 99 из 3». Undefined when
 * the page exists.
 */
export function lastPageHref(query: Parameters<typeof toSearchString>[0], pageCount: number): string | undefined {
  if (query.page <= Math.max(1, pageCount)) return undefined;
  return `/${toSearchString({ ...query, page: Math.max(1, pageCount) })}`;
}
