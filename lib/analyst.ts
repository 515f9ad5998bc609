import "server-only";
import { getStatements } from "@/lib/data";
import { feedHref } from "@/lib/feed";
import type { FacetValue, SearchQuery } from "@/lib/search/types";
import { parseSearchParams, type RawParams } from "@/lib/validations/search-params";

/**
 * Who says it most: speakers by the number of their statements matching the query and filters,
 * which is the statements' speaker facet. On the statements tab the page has it already; on the
 * documents tab one statement search with no hits to list answers it. Empty if it cannot be had.
 */
export async function topSpeakersOf(query: SearchQuery, statementFacet?: FacetValue[]): Promise<FacetValue[]> {
  if (statementFacet) return statementFacet;
  try {
    const r = await getStatements({ ...query, view: "statements", page: 1, perPage: 1, timeline: false });
    return r.facets.speaker;
  } catch (e) {
    console.error(`top speakers unavailable: ${(e as Error).message}`);
    return [];
  }
}

/** Next metadata for a search page or a profile: its Atom feed as <link rel="alternate">. */
export function feedAlternates(raw: RawParams): { types: Record<string, { url: string; title: string }[]> } | undefined {
  const parsed = parseSearchParams(raw, 1);
  if (!parsed.ok) return undefined;
  return { types: { "application/atom+xml": [{ url: feedHref(parsed.query), title: "Лента Atom этого поиска" }] } };
}
