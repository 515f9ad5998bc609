/**
 * One logical search on Meilisearch: a plain query when the text is one conjunction, or a
 * federated multi-search over several when it is an OR of conjunctions (ИЛИ groups, a prefix's
 * forms, the "any word" fallback). A 1.50.0 server deduplicates a federated search's hits,
 * counts them exactly with page/hitsPerPage, merges their facets over the union and sorts by the
 * queries' shared sort, so either shape answers the same way.
 */
import type { Meilisearch, MultiSearchQuery, MultiSearchResult, RecordAny } from "meilisearch";

export interface MeiliRequest {
  queries: MultiSearchQuery[];
  /** Set when the queries are one federated search; unset: exactly one plain query. */
  federation?: Record<string, unknown>;
}

export interface Answer {
  hits: RecordAny[];
  totalHits: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

export interface RequestSpec {
  filter?: string;
  facets?: string[];
  sort?: string[];
  page: number;
  hitsPerPage: number;
  retrieve?: readonly string[];
}

/** The request for one logical search: every variant of `q` under the same filter, sort and page. */
export function meiliRequest(indexUid: string, variants: readonly string[], spec: RequestSpec): MeiliRequest {
  const common = {
    indexUid,
    matchingStrategy: "all" as const,
    ...(spec.filter !== undefined ? { filter: spec.filter } : {}),
    ...(spec.sort && spec.sort.length > 0 ? { sort: [...spec.sort] } : {}),
    ...(spec.retrieve ? { attributesToRetrieve: [...spec.retrieve] } : {}),
  };
  const qs = variants.length === 0 ? [""] : variants;
  if (qs.length === 1) {
    return {
      queries: [{ ...common, q: qs[0]!, page: spec.page, hitsPerPage: spec.hitsPerPage, ...(spec.facets && spec.facets.length > 0 ? { facets: [...spec.facets] } : {}) }],
    };
  }
  return {
    queries: qs.map((q) => ({ ...common, q })),
    federation: {
      page: spec.page,
      hitsPerPage: spec.hitsPerPage,
      ...(spec.facets && spec.facets.length > 0 ? { facetsByIndex: { [indexUid]: [...spec.facets] }, mergeFacets: {} } : {}),
    },
  };
}

function answerOf(r: Partial<MultiSearchResult<RecordAny>> & { totalHits?: number; estimatedTotalHits?: number }): Answer {
  return {
    hits: r.hits ?? [],
    totalHits: r.totalHits ?? r.estimatedTotalHits ?? 0,
    ...(r.facetDistribution ? { facetDistribution: r.facetDistribution as Answer["facetDistribution"] } : {}),
  };
}

/**
 * Every request in as few round trips as possible, concurrently: the plain ones in one
 * multi-search, each federated one in its own (a multi-search is federated as a whole).
 */
export async function runRequests(client: Pick<Meilisearch, "multiSearch">, requests: readonly MeiliRequest[]): Promise<Answer[]> {
  const out: Answer[] = new Array<Answer>(requests.length);
  const plain = requests.flatMap((r, i) => (r.federation ? [] : [i]));
  const jobs: Promise<void>[] = [];
  if (plain.length > 0) {
    jobs.push(
      client.multiSearch({ queries: plain.map((i) => requests[i]!.queries[0]!) }).then((res) => {
        res.results.forEach((r, j) => (out[plain[j]!] = answerOf(r)));
      }),
    );
  }
  requests.forEach((r, i) => {
    if (!r.federation) return;
    // The client's types lag the server: page/hitsPerPage in a federation are 1.13+.
    const body = { federation: r.federation, queries: r.queries } as unknown as Parameters<Meilisearch["multiSearch"]>[0];
    jobs.push(client.multiSearch(body).then((res) => void (out[i] = answerOf(res as unknown as MultiSearchResult<RecordAny>))));
  });
  await Promise.all(jobs);
  return out;
}
