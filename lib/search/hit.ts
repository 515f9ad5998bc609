import type { Analyzer } from "@/lib/text/analyzer";
import { type HighlightTerms, highlight, makeSnippet } from "@/lib/text/highlight";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { SearchHit } from "./types";

/**
 * A stored document as one result row. Shared by every engine so highlighting never
 * depends on an engine's own match positions (Meilisearch's are unreliable for Cyrillic,
 * meilisearch/meilisearch#3938 and #4744).
 */
export function toHit(doc: CommentaryDocument, analyzer: Analyzer, terms: HighlightTerms): SearchHit {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    titleHighlighted: highlight(doc.title, analyzer, terms),
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.source ? { source: doc.source } : {}),
    speakers: doc.speakers,
    institutions: doc.institutions,
    countries: doc.countries ?? [],
    topics: doc.topics,
    ...(doc.entityIds ? { entityIds: doc.entityIds } : {}),
    snippet: makeSnippet(doc.paragraphs, analyzer, terms).segments,
    ...(doc.sample ? { sample: true } : {}),
  };
}
