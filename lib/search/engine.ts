import type { CommentaryDocument } from "@/lib/validations/document";
import type { DocumentListing, EngineHealth, FacetField, SearchQuery, SearchResult } from "./types";
import type { StatementResult } from "./statement-hit";
import type { SimilarDocument } from "./similar";

/**
 * The one seam between the app and search. Pages, API routes and scripts call only this;
 * the embedded SQLite engine and the Meilisearch engine both implement it and pass the
 * same contract suite (tests/contract).
 */
export interface SearchEngine {
  readonly kind: "sqlite" | "meilisearch";
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * Statements (one per quote) matching the query: `q` matches inside the statement text only,
   * filters and facets are over statements (a speaker filter yields that person's words only).
   */
  searchStatements(query: SearchQuery): Promise<StatementResult>;
  getDocument(slug: string): Promise<CommentaryDocument | null>;
  /** The documents nearest to this one by shared lemmas, speakers and topics (lib/search/similar.ts), best first; [] for an unknown slug. */
  similar(slug: string, limit?: number): Promise<SimilarDocument[]>;
  /** Documents matching the facet filters (AND across fields, OR within one, as in search), newest first. */
  listDocuments(filters: Partial<Record<FacetField, string[]>>, page: { limit: number; offset: number }): Promise<DocumentListing>;
  /** Every value of a facet across the archive with its document count, most frequent first. */
  facetValues(field: FacetField): Promise<{ value: string; count: number }[]>;
  upsert(documents: CommentaryDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Replace the whole index with these documents. */
  rebuild(documents: Iterable<CommentaryDocument> | AsyncIterable<CommentaryDocument>): Promise<void>;
  health(): Promise<EngineHealth>;
  close(): Promise<void>;
}
