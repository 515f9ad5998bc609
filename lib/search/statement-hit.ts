import type { Analyzer } from "@/lib/text/analyzer";
import { type HighlightTerms, type Segment, highlight } from "@/lib/text/highlight";
import type { CommentaryDocument, Quote, Speaker } from "@/lib/validations/document";
import { type DocumentRef, documentRef } from "./document-ref";
import { facetValuesOf } from "./facets";
import { FACET_FIELDS, type FacetField, type SearchResult } from "./types";

/**
 * Statements as search records: one per quote of a document («what did X say about Y»).
 * Shared by every engine, so a statement reads, links and facets the same everywhere.
 */

export type StatementKind = "direct" | "reported";

export interface StatementSpeaker {
  /** The entity id, once the archive-wide registry gives speakers one. */
  id?: string;
  name: string;
  /** A body or medium the text credits («по данным МВД»), not a person. */
  kind?: "body";
  role?: string;
  institution?: string;
}

export interface StatementHit {
  /** Stable: `${documentId}:${index}`, index being the quote's position in the document. */
  id: string;
  index: number;
  text: string;
  /** The statement with the query's words marked, as plain segments: render as text, never as HTML. */
  textHighlighted: Segment[];
  /** Absent when the statement is not attributed to anyone. */
  speaker?: StatementSpeaker;
  document: DocumentRef;
  paragraph: number;
  /** The permalink: the article page scrolled to this statement. */
  url: string;
  kind: StatementKind;
}

/** A statements answer has the shape of a document answer (facets count statements, disjunctive alike). */
export interface StatementResult extends Omit<SearchResult, "hits"> {
  hits: StatementHit[];
}

/** The anchor of quote `index` (0-based) on its article page; the same as the registry's quoteAnchor. */
export function statementAnchor(index: number): string {
  return `quote-${index + 1}`;
}

export function statementId(documentId: string, index: number): string {
  return `${documentId}:${index}`;
}

export function statementUrl(slug: string, index: number): string {
  return `/articles/${slug}#${statementAnchor(index)}`;
}

/** The document's entry for the statement's speaker: by canonical name, else by one of its aliases. */
export function speakerOf(doc: CommentaryDocument, quote: Quote): Speaker | undefined {
  if (!quote.speaker) return undefined;
  return doc.speakers.find((s) => s.name === quote.speaker) ?? doc.speakers.find((s) => s.aliases?.includes(quote.speaker!));
}

/**
 * The facet values a statement is filed under: its speaker (none when unattributed), that
 * speaker's institution in this document, and the document's values for every other field
 * (topics, and whatever fields the document facets gain).
 */
export function statementFacetValues(doc: CommentaryDocument, quote: Quote): Record<FacetField, string[]> {
  const docValues = facetValuesOf(doc);
  const speaker = speakerOf(doc, quote);
  const out = {} as Record<FacetField, string[]>;
  for (const f of FACET_FIELDS) out[f] = [...(docValues[f] ?? [])];
  // A body's words are filed under that body as an institution: the speaker facet holds people.
  const body = quote.speakerKind === "body" && quote.speaker;
  out.speaker = quote.speaker && !body ? [speaker?.name ?? quote.speaker] : [];
  out.institution = body ? [quote.speaker!] : speaker?.institution ? [speaker.institution] : [];
  return out;
}

export function toStatementHit(doc: CommentaryDocument, index: number, analyzer: Analyzer, terms: HighlightTerms): StatementHit {
  const quote = doc.quotes[index]!;
  const speaker = quote.speakerKind === "body" ? undefined : speakerOf(doc, quote);
  const at = speaker ? doc.speakers.indexOf(speaker) : -1;
  const id = at >= 0 ? doc.entityIds?.speakers[at] || undefined : undefined;
  return {
    id: statementId(doc.id, index),
    index,
    text: quote.text,
    textHighlighted: highlight(quote.text, analyzer, terms),
    ...(quote.speaker
      ? {
          speaker: {
            ...(typeof id === "string" ? { id } : {}),
            name: speaker?.name ?? quote.speaker,
            ...(quote.speakerKind === "body" ? { kind: "body" as const } : {}),
            ...(speaker?.role ? { role: speaker.role } : {}),
            ...(speaker?.institution ? { institution: speaker.institution } : {}),
          },
        }
      : {}),
    document: documentRef(doc),
    paragraph: quote.paragraph,
    url: statementUrl(doc.slug, index),
    kind: quote.kind ?? "direct",
  };
}
