/**
 * Statements in Meilisearch: a second index (`<MEILI_INDEX>_statements`) with one record per
 * quote, built from the same documents as the document index and analysed the same way. Records
 * hold only what is matched, filtered and sorted on, and their document's archive id and the
 * quote's position: a hit is rebuilt from the archive by the shared toStatementHit
 * (statement-hit.ts), so the two engines' statement hits are the same objects.
 */
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { type FacetKeyFields, dateValueOf, facetKeyFields, primaryKeyOf, recordVersion } from "@/lib/search/engines/meilisearch/document";
import { type SearchableFields, searchableFields } from "@/lib/search/engines/meilisearch/text";
import { statementFacetValues, statementId } from "@/lib/search/statement-hit";

export const STATEMENTS_SUFFIX = "_statements";

/** The statement index that goes with a document index (live, fresh build or test index alike). */
export function statementsIndexOf(documentIndexUid: string): string {
  return `${documentIndexUid}${STATEMENTS_SUFFIX}`;
}

export interface MeiliStatement extends FacetKeyFields, Omit<SearchableFields, "title_k"> {
  pk: string;
  /** The document's primary key: a document's statements are replaced and removed by it. */
  doc: string;
  /** The document's archive id, which the hit is read back from. */
  id: string;
  /** The quote's position in its document. */
  idx: number;
  dateValue?: number;
  analyzer: string;
}

/** Returned with every statement hit: where to find it in the archive. */
export const STATEMENT_FIELDS = ["id", "idx"] as const;

export function toMeiliStatements(doc: CommentaryDocument, analyzer: Analyzer): MeiliStatement[] {
  return doc.quotes.map((quote, idx) => {
    const { title_k: _none, ...text } = searchableFields(analyzer, "", quote.text);
    return {
      pk: primaryKeyOf(statementId(doc.id, idx)),
      doc: primaryKeyOf(doc.id),
      id: doc.id,
      idx,
      ...facetKeyFields(statementFacetValues(doc, quote)),
      ...(doc.date ? { dateValue: dateValueOf(doc.date) } : {}),
      ...text,
      analyzer: recordVersion(analyzer),
    };
  });
}

/** Where a statement hit is in the archive: its document's id and the quote's position. */
export function statementRefOf(hit: Record<string, unknown>): { id: string; idx: number } | undefined {
  return typeof hit.id === "string" && typeof hit.idx === "number" ? { id: hit.id, idx: hit.idx } : undefined;
}
