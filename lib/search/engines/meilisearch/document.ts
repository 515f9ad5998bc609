import { createHash } from "node:crypto";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { facetValuesOf } from "@/lib/search/facets";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { type SearchableFields, searchableFields } from "@/lib/search/engines/meilisearch/text";
import { FACET_FIELDS, type FacetField } from "@/lib/search/types";
import { INDEXED_TEXT_VERSION, indexedBody } from "@/lib/search/indexed-text";

/**
 * What a search hit brings back: the archive's id, from which the engine reads the document in the
 * archive (the system of record, on the same server), as the embedded engine does. Records carry
 * no originals: only what Meilisearch matches, filters and sorts on.
 */
export const HIT_FIELDS = ["id"] as const;

export const PRIMARY_KEY = "pk";

/**
 * Bump when what a Meilisearch record holds changes (2: facet keys, keypairs, statements; 3: lean records, matching by q). It is
 * stored with the analyzer's version in every record's `analyzer` field, so an index built by an
 * older version of this code is refused like one built by another analyzer («run npm run reindex»)
 * instead of silently matching nothing on the new fields.
 */
export const MEILI_RECORD_VERSION = "3";

/** What a record's `analyzer` field holds, and what the stale-index checks compare it with. */
export function recordVersion(analyzer: Pick<Analyzer, "version">): string {
  return `${analyzer.version}+meili${MEILI_RECORD_VERSION}+text${INDEXED_TEXT_VERSION}`;
}

/** Facet keys (keys.ts), one array per facet field: `speaker_key`, `institution_key`, … */
export type FacetKeyFields = Record<`${FacetField}_key`, string[]>;

export interface MeiliDocument extends FacetKeyFields, SearchableFields {
  pk: string;
  id: string;
  slug: string;
  /** YYYYMMDD: a number sorts and compares reliably; absent when undated, so it sorts last. */
  dateValue?: number;
  analyzer: string;
}

const SAFE_ID = /^[A-Za-z0-9_-]{1,400}$/;

/**
 * Meilisearch ids may hold only [A-Za-z0-9_-] and at most 511 bytes, while archive ids can
 * be URLs. Safe ids are kept readable; the rest are hashed under a prefix no safe id uses.
 */
export function primaryKeyOf(id: string): string {
  if (SAFE_ID.test(id) && !id.startsWith("h__")) return id;
  return `h__${createHash("sha256").update(id).digest("hex")}`;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/** Each facet's values as keys, under the attribute names filter.ts filters on. */
export function facetKeyFields(values: Record<FacetField, string[]>): FacetKeyFields {
  const out = {} as FacetKeyFields;
  for (const f of FACET_FIELDS) out[`${f}_key`] = unique(values[f].map(facetKey));
  return out;
}

/** The document as indexed: ids, facet keys, date and analysed text, nothing to display. */
export function toMeiliDocument(doc: CommentaryDocument, analyzer: Analyzer): MeiliDocument {
  return {
    pk: primaryKeyOf(doc.id),
    id: doc.id,
    slug: doc.slug,
    ...facetKeyFields(facetValuesOf(doc)),
    ...(doc.date ? { dateValue: dateValueOf(doc.date) } : {}),
    ...searchableFields(analyzer, doc.title, indexedBody(doc)),
    analyzer: recordVersion(analyzer),
  };
}

/** YYYY-MM-DD as the number records sort and filter on. */
export function dateValueOf(date: string): number {
  return Number(date.replace(/-/g, ""));
}

/** Back from a record's dateValue to YYYY-MM-DD. */
export function dateOfValue(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) return undefined;
  const s = String(value).padStart(8, "0");
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}
