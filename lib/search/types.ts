import type { CommentaryDocument, Speaker } from "@/lib/validations/document";
import type { Segment } from "@/lib/text/highlight";
import type { Timeline } from "./timeline";

export const FACET_FIELDS = ["speaker", "institution", "country", "topic"] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

/** "date" is the old spelling of "newest", kept so old links and callers still work. */
export type SortOrder = "relevance" | "newest" | "oldest" | "date";

export interface SearchQuery {
  q: string;
  filters: Record<FacetField, string[]>;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  perPage: number;
  /** Search the words exactly as typed: no typo correction (the «search instead for …» link). */
  noCorrection?: boolean;
  /** Which records the search page lists (URL `view=statements`); engines ignore it. */
  view?: SearchView;
  /** Date range (URL `from`/`to`): YYYY, YYYY-MM or YYYY-MM-DD, inclusive; undated records fall outside any range. */
  from?: string;
  to?: string;
  /** Also count the matches per year or month (SearchResult.timeline). */
  timeline?: boolean;
}

export type SearchView = "documents" | "statements";

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  titleHighlighted: Segment[];
  date?: string;
  source?: string;
  speakers: Speaker[];
  institutions: string[];
  topics: string[];
  /** Highlighted passage, as plain segments: render them as text, never as raw HTML. */
  snippet: Segment[];
  /** A fictional sample piece (content/samples): every list that shows it labels it «Образец». */
  countries: string[];
  /** The entity id behind each name, in the order of `speakers`, `institutions`, `countries`, `topics`. */
  entityIds?: CommentaryDocument["entityIds"];
  sample?: boolean;
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  /** The most frequent values of each facet (at most FACET_VALUE_LIMIT, plus any selected ones). */
  facets: Record<FacetField, FacetValue[]>;
  /** How many distinct values each facet has among the matches, listed or not. */
  facetTotals: Record<FacetField, number>;
  /** "all": every word matched; "any": nothing matched every word, so results match some of them. */
  matchMode: "all" | "any";
  /** Set when unknown words were corrected to indexed ones. */
  correctedQuery?: string;
  /**
   * Set when the engine searched only part of the query (Meilisearch reads at most 10 words of a
   * query and this app sends at most 32 spellings of it): the results may miss some matches, and
   * the reader is told so rather than shown a quietly different answer.
   */
  partialQuery?: true;
  /** Matches per year or month, when the query asked for it (SearchQuery.timeline). */
  timeline?: Timeline;
  tookMs: number;
}

export interface DocumentListing {
  documents: CommentaryDocument[];
  total: number;
}

export interface EngineHealth {
  engine: "sqlite" | "meilisearch";
  ok: boolean;
  documents: number;
  analyzer: string;
  message?: string;
  /** A derived index (Meilisearch): documents the archive holds, and changes not yet confirmed by the index. */
  archived?: number;
  pending?: number;
}

export function emptyFilters(): Record<FacetField, string[]> {
  return { speaker: [], institution: [], country: [], topic: [] };
}
