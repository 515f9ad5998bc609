/**
 * Statements in Meilisearch: a second index (`<MEILI_INDEX>_statements`) with one record per
 * quote, built from the same documents as the document index and analysed the same way. Records
 * carry just enough of their document to become a StatementHit through the shared
 * toStatementHit (statement-hit.ts), so the two engines' statement hits are the same objects.
 */
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument, Quote, Speaker } from "@/lib/validations/document";
import { type FacetKeyFields, facetKeyFields, matchFields, primaryKeyOf, recordVersion } from "@/lib/search/engines/meilisearch/document";
import { speakerOf, statementFacetValues, statementId } from "@/lib/search/statement-hit";
import { FACET_FIELDS, type FacetField } from "@/lib/search/types";

export const STATEMENTS_SUFFIX = "_statements";

/** The statement index that goes with a document index (live, fresh build or test index alike). */
export function statementsIndexOf(documentIndexUid: string): string {
  return `${documentIndexUid}${STATEMENTS_SUFFIX}`;
}

export interface MeiliStatement extends FacetKeyFields {
  pk: string;
  /** The document's primary key: a document's statements are replaced and removed by it. */
  doc: string;
  /** The quote's position in its document. */
  idx: number;
  /** What the hit is rebuilt from. */
  document: Pick<CommentaryDocument, "id" | "slug" | "title" | "date" | "source" | "sample">;
  quote: Quote;
  /** The document's entry for the speaker (speakerOf), when there is one. */
  speaker?: Speaker;
  /** That speaker's entity id in the registry, when the document was resolved. */
  speakerId?: string;
  /** The facet values it is filed under, readable (the keys are for filtering and counting). */
  values: Record<FacetField, string[]>;
  date?: string;
  dateValue?: number;
  body_terms: string;
  body_exact: string;
  terms: string[];
  words: string[];
  bigrams: string[];
  keypairs: string[];
  analyzer: string;
}

/** Returned with every statement hit: enough to rebuild it, nothing analysed. */
export const STATEMENT_FIELDS = ["pk", "doc", "idx", "document", "quote", "speaker", "speakerId", "values"] as const;

export function toMeiliStatements(doc: CommentaryDocument, analyzer: Analyzer): MeiliStatement[] {
  const document = {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.source ? { source: doc.source } : {}),
    ...(doc.sample ? { sample: doc.sample } : {}),
  };
  return doc.quotes.map((quote, idx) => {
    const values = statementFacetValues(doc, quote);
    const speaker = quote.speakerKind === "body" ? undefined : speakerOf(doc, quote);
    const at = speaker ? doc.speakers.indexOf(speaker) : -1;
    const speakerId = at >= 0 ? doc.entityIds?.speakers[at] || undefined : undefined;
    return {
      pk: primaryKeyOf(statementId(doc.id, idx)),
      doc: primaryKeyOf(doc.id),
      idx,
      document,
      quote,
      ...(speaker ? { speaker } : {}),
      ...(speakerId ? { speakerId } : {}),
      values,
      ...facetKeyFields(values),
      ...(doc.date ? { date: doc.date, dateValue: Number(doc.date.replace(/-/g, "")) } : {}),
      body_terms: analyzer.indexText(quote.text),
      body_exact: analyzer.exactText(quote.text),
      ...matchFields(analyzer, "", quote.text),
      analyzer: recordVersion(analyzer),
    };
  });
}

/**
 * The statement's document as toStatementHit reads it: its own fields, the speaker's entry and
 * the quote at its position (the other positions are empty; nothing reads them).
 */
export function statementDocumentOf(hit: Record<string, unknown>): { doc: CommentaryDocument; index: number } {
  const s = hit as unknown as Pick<MeiliStatement, "document" | "quote" | "speaker" | "speakerId" | "idx">;
  const quotes: Quote[] = [];
  quotes[s.idx] = s.quote;
  const doc: CommentaryDocument = {
    ...s.document,
    paragraphs: [],
    topics: [],
    institutions: [],
    speakers: s.speaker ? [s.speaker] : [],
    quotes,
    ...(s.speaker && s.speakerId ? { entityIds: { speakers: [s.speakerId], institutions: [], countries: [], topics: [] } } : {}),
    contentHash: "",
  } as CommentaryDocument;
  return { doc, index: s.idx };
}

/** The readable facet values of a statement hit (for resolving hashed facet keys). */
export function statementValuesOf(hit: Record<string, unknown>): Record<FacetField, string[]> {
  const values = (hit.values ?? {}) as Partial<Record<FacetField, string[]>>;
  return Object.fromEntries(FACET_FIELDS.map((f) => [f, values[f] ?? []])) as Record<FacetField, string[]>;
}
