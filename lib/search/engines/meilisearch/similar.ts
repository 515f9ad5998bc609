import { HIT_FIELDS } from "@/lib/search/engines/meilisearch/document";
import { type Answer, type MeiliRequest, meiliRequest } from "@/lib/search/engines/meilisearch/federated";
import { MEILI_ATTR, eq, facetGroupFilter } from "@/lib/search/engines/meilisearch/filter";
import { wordQ } from "@/lib/search/engines/meilisearch/text";
import { facetValuesOf } from "@/lib/search/facets";
import { type Candidate, SIMILAR_POOL, type KeyTerm, type SimilarCandidates, candidateOf, maxUsefulDf } from "@/lib/search/similar";
import type { CommentaryDocument } from "@/lib/validations/document";

/**
 * The requests that gather a document's similar candidates (lib/search/similar.ts scores them):
 * the archive's size; per key term, the documents holding it (Meilisearch's own matching, typo
 * tolerance and prefix search off) with their exact count; and the documents sharing a speaker,
 * topic or institution. Each leaves the article itself out. Pools are newest first.
 */
export function similarRequests(indexUid: string, source: CommentaryDocument, terms: readonly KeyTerm[]): MeiliRequest[] {
  const notSelf = `NOT ${eq(MEILI_ATTR.slug, source.slug)}`;
  const pool = { sort: [`${MEILI_ATTR.dateValue}:desc`], page: 1, hitsPerPage: SIMILAR_POOL, retrieve: HIT_FIELDS };
  const values = facetValuesOf(source);
  const shared = (["speaker", "topic", "institution"] as const).flatMap((f) => facetGroupFilter(f, values[f]) ?? []);
  return [
    meiliRequest(indexUid, [], { page: 1, hitsPerPage: 0 }),
    ...terms.map((t) => meiliRequest(indexUid, [wordQ(t.term)], { ...pool, filter: notSelf })),
    ...(shared.length ? [meiliRequest(indexUid, [], { ...pool, filter: `(${shared.join(" OR ")}) AND ${notSelf}` })] : []),
  ];
}

/** The archive ids the answers of similarRequests name, for reading them in one go. */
export function similarIds(answers: readonly Answer[]): string[] {
  return [...new Set(answers.flatMap((a) => a.hits.flatMap((h) => (typeof h.id === "string" ? [h.id] : []))))];
}

/** The answers of similarRequests, in its order, as candidates; `documents` are the archive's, by id. */
export function similarCandidates(source: CommentaryDocument, terms: readonly KeyTerm[], answers: readonly Answer[], byId: ReadonlyMap<string, CommentaryDocument>): SimilarCandidates {
  const total = answers[0]?.totalHits ?? 0;
  const documents = new Map<string, Candidate>();
  const take = (a: Answer | undefined) =>
    (a?.hits ?? []).flatMap((h) => {
      const doc = typeof h.id === "string" ? byId.get(h.id) : undefined;
      // Meilisearch compares strings without case: the article is left out by its exact slug here too.
      if (!doc || doc.slug === source.slug) return [];
      documents.set(doc.id, candidateOf(doc));
      return [doc.id];
    });
  const out = terms.map((t, i) => {
    const a = answers[i + 1];
    const df = a?.totalHits ?? 0;
    // A term too frequent to be useful is not fetched on SQLite; leaving its pool out here keeps the two alike.
    return { term: t.term, tf: t.tf, df, docs: df > maxUsefulDf(total) ? [] : take(a) };
  });
  take(answers[terms.length + 1]);
  return { total, terms: out, documents };
}
