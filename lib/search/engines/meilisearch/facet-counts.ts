/**
 * Facet counts of a Meilisearch answer, back from keys (keys.ts) to the values readers see; a
 * hashed key (a value too long to encode) is looked up in one record that has it, whose values
 * are read from the archive.
 */
import type { RecordAny } from "meilisearch";
import { type Answer, type MeiliRequest, meiliRequest } from "@/lib/search/engines/meilisearch/federated";
import { MEILI_ATTR, eq } from "@/lib/search/engines/meilisearch/filter";
import { decodeFacetKey, facetKey } from "@/lib/search/engines/meilisearch/keys";
import type { SearchPlan } from "@/lib/search/engines/meilisearch/request";
import { orderFacet } from "@/lib/search/facets";
import { FACET_FIELDS, type FacetField, type FacetValue, type SearchQuery } from "@/lib/search/types";

type Run = (requests: MeiliRequest[]) => Promise<Answer[]>;

/**
 * Facet counts back from keys to values. A hashed key (a value too long to encode) is looked
 * up in one record that has it, whose values `valuesOf` reads from the archive.
 */
export async function decodeFacets(
  run: Run,
  indexUid: string,
  dists: Partial<Record<FacetField, Record<string, number>>>,
  valuesOf: (hit: RecordAny) => Record<FacetField, string[]> | undefined,
  retrieve: readonly string[],
): Promise<Record<FacetField, Map<string, number>>> {
  const unknown: { field: FacetField; key: string }[] = [];
  for (const f of FACET_FIELDS) for (const key of Object.keys(dists[f] ?? {})) if (decodeFacetKey(key) === undefined) unknown.push({ field: f, key });
  const hashed = new Map<string, string>();
  if (unknown.length > 0) {
    const found = await run(unknown.map(({ field, key }) => meiliRequest(indexUid, [], { filter: eq(MEILI_ATTR.facet[field], key), page: 1, hitsPerPage: 1, retrieve })));
    unknown.forEach(({ field, key }, i) => {
      const hit = found[i]?.hits[0];
      const value = hit ? valuesOf(hit)?.[field].find((v) => facetKey(v) === key) : undefined;
      if (value !== undefined) hashed.set(`${field}\u0000${key}`, value);
    });
  }
  const out = {} as Record<FacetField, Map<string, number>>;
  for (const f of FACET_FIELDS) {
    out[f] = new Map();
    for (const [key, n] of Object.entries(dists[f] ?? {})) {
      const value = decodeFacetKey(key) ?? hashed.get(`${f}\u0000${key}`);
      if (value !== undefined) out[f].set(value, n);
    }
  }
  return out;
}

/** Disjunctive facets of a plan's results: each active group from its own count request. */
export async function facetsOf(
  run: Run,
  indexUid: string,
  plan: SearchPlan,
  results: Answer[],
  query: SearchQuery,
  valuesOf: (hit: RecordAny) => Record<FacetField, string[]> | undefined,
  retrieve: readonly string[],
): Promise<{ facets: Record<FacetField, FacetValue[]>; facetTotals: Record<FacetField, number> }> {
  const dists = {} as Record<FacetField, Record<string, number>>;
  for (const f of FACET_FIELDS) dists[f] = results[plan.facetQueries[f] ?? plan.main]?.facetDistribution?.[MEILI_ATTR.facet[f]] ?? {};
  const counts = await decodeFacets(run, indexUid, dists, valuesOf, retrieve);
  const facets = {} as Record<FacetField, FacetValue[]>;
  const facetTotals = {} as Record<FacetField, number>;
  for (const f of FACET_FIELDS) {
    facets[f] = orderFacet(counts[f], query.filters[f]);
    facetTotals[f] = counts[f].size;
  }
  return { facets, facetTotals };
}

