import type { MultiSearchQuery } from "meilisearch";
import { fromMeiliHit } from "@/lib/search/engines/meilisearch/document";
import { MEILI_ATTR, eq, facetGroupFilter } from "@/lib/search/engines/meilisearch/filter";
import { matchKey } from "@/lib/search/engines/meilisearch/keys";
import { facetValuesOf } from "@/lib/search/facets";
import { type Candidate, SIMILAR_POOL, type KeyTerm, type SimilarCandidates, candidateOf, maxUsefulDf } from "@/lib/search/similar";
import type { CommentaryDocument } from "@/lib/validations/document";

type Hit = Record<string, unknown>;

/** What scoring and the list read of a candidate (lib/search/similar.ts candidateOf): no paragraphs or quotes. */
const CANDIDATE_FIELDS = ["id", "slug", "title", "date", "source", "sample", "speakers", "institutions", "topics"];
type Answer = { hits: Hit[]; totalHits?: number; estimatedTotalHits?: number };

/**
 * The one multi-search that gathers a document's similar candidates (lib/search/similar.ts scores
 * them): the archive's size; per key term, the documents holding it exactly (a filter on the
 * analyzed `terms`, so no typo tolerance widens it) with their exact count; and the documents
 * sharing a speaker, topic or institution. Each leaves the article itself out. Pools are newest first.
 */
export function similarRequests(indexUid: string, source: CommentaryDocument, terms: readonly KeyTerm[]): MultiSearchQuery[] {
  const notSelf = `NOT ${eq(MEILI_ATTR.slug, source.slug)}`;
  const base = { indexUid, q: "", attributesToRetrieve: CANDIDATE_FIELDS, sort: [`${MEILI_ATTR.dateValue}:desc`] };
  const values = facetValuesOf(source);
  const shared = (["speaker", "topic", "institution"] as const).flatMap((f) => facetGroupFilter(f, values[f]) ?? []);
  return [
    { indexUid, q: "", page: 1, hitsPerPage: 0 },
    ...terms.map((t) => ({ ...base, filter: `${eq(MEILI_ATTR.terms, matchKey(t.term))} AND ${notSelf}`, page: 1, hitsPerPage: SIMILAR_POOL })),
    ...(shared.length ? [{ ...base, filter: `(${shared.join(" OR ")}) AND ${notSelf}`, page: 1, hitsPerPage: SIMILAR_POOL }] : []),
  ];
}

/** The answers of similarRequests, in its order, as candidates. */
export function similarCandidates(source: CommentaryDocument, terms: readonly KeyTerm[], answers: readonly Answer[]): SimilarCandidates {
  const count = (a: Answer | undefined) => a?.totalHits ?? a?.estimatedTotalHits ?? 0;
  const total = count(answers[0]);
  const documents = new Map<string, Candidate>();
  const take = (a: Answer | undefined) =>
    (a?.hits ?? []).flatMap((h) => {
      const doc = fromMeiliHit(h);
      // Meilisearch compares strings without case: the article is left out by its exact slug here too.
      if (doc.slug === source.slug) return [];
      documents.set(doc.id, candidateOf(doc));
      return [doc.id];
    });
  const out = terms.map((t, i) => {
    const a = answers[i + 1];
    const df = count(a);
    // A term too frequent to be useful is not fetched on SQLite; leaving its pool out here keeps the two alike.
    return { term: t.term, tf: t.tf, df, docs: df > maxUsefulDf(total) ? [] : take(a) };
  });
  take(answers[terms.length + 1]);
  return { total, terms: out, documents };
}
