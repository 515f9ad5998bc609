import { FACET_FIELDS, type FacetField, type SearchQuery } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-href";

/**
 * Which facet groups of the search page are expanded past their first values: page state kept in
 * the address like the rest (components/facet-group.tsx), not part of the search, so neither the
 * engines nor the API see it.
 */

/** The search parameter naming the facet groups shown expanded (more=speaker&more=topic). */
export const MORE_PARAM = "more";

/** The groups a search address asks to show expanded; anything else in the parameter is ignored. */
export function expandedFacets(raw: string | string[] | undefined): FacetField[] {
  const asked = new Set(typeof raw === "string" ? [raw] : (raw ?? []));
  return FACET_FIELDS.filter((f) => asked.has(f));
}

/**
 * The address of this search with `expanded` as its expanded groups, anchored at the group `at` so
 * that without JavaScript the reloaded page opens where the reader was.
 */
export function facetsHref(query: SearchQuery, expanded: readonly FacetField[], at: FacetField): string {
  const search = toSearchString(query);
  const more = expanded.map((f) => `${MORE_PARAM}=${f}`).join("&");
  return `/${more ? `${search ? `${search}&` : "?"}${more}` : search}#facet-${at}`;
}
