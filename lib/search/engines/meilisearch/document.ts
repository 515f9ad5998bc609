import { createHash } from "node:crypto";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { facetValuesOf } from "@/lib/search/facets";
import { bigramsOf } from "@/lib/search/engines/meilisearch/filter";
import { facetKey, matchKey } from "@/lib/search/engines/meilisearch/keys";
import { FACET_FIELDS, type FacetField } from "@/lib/search/types";
import { INDEXED_TEXT_VERSION, indexedBody } from "@/lib/search/indexed-text";

/** The fields of a CommentaryDocument, stored as they are so results render from Meilisearch alone. */
export const ORIGINAL_FIELDS = [
  "id",
  "slug",
  "title",
  "paragraphs",
  "date",
  "source",
  "url",
  "topics",
  "speakers",
  "institutions",
  "institutionDetails",
  "mentionedOrganizations",
  "quotes",
  "countries",
  "entityIds",
  "sample",
  "contentHash",
] as const satisfies readonly (keyof CommentaryDocument)[];

export const PRIMARY_KEY = "pk";

/**
 * Bump when what a Meilisearch record holds changes (2: facet keys, keypairs, statements). It is
 * stored with the analyzer's version in every record's `analyzer` field, so an index built by an
 * older version of this code is refused like one built by another analyzer («run npm run reindex»)
 * instead of silently matching nothing on the new fields.
 */
export const MEILI_RECORD_VERSION = "2";

/** What a record's `analyzer` field holds, and what the stale-index checks compare it with. */
export function recordVersion(analyzer: Pick<Analyzer, "version">): string {
  return `${analyzer.version}+meili${MEILI_RECORD_VERSION}+text${INDEXED_TEXT_VERSION}`;
}

/** Facet keys (keys.ts), one array per facet field: `speaker_key`, `institution_key`, … */
export type FacetKeyFields = Record<`${FacetField}_key`, string[]>;

export interface MeiliDocument extends CommentaryDocument, FacetKeyFields {
  pk: string;
  /** YYYYMMDD: a number sorts and compares reliably; absent when undated, so it sorts last. */
  dateValue?: number;
  title_terms: string;
  body_terms: string;
  title_exact: string;
  body_exact: string;
  terms: string[];
  words: string[];
  bigrams: string[];
  keypairs: string[];
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

/** Adjacent pairs of analyzed terms of a text (stop words have none, so they never separate a pair). */
export function keypairsOf(analyzer: Analyzer, text: string): string[] {
  const out: string[] = [];
  let prev: string[] = [];
  for (const tok of analyzer.analyze(text)) {
    if (tok.terms.length === 0) continue;
    for (const a of prev.slice(0, 4)) for (const b of tok.terms.slice(0, 4)) out.push(`${a} ${b}`);
    prev = tok.terms;
  }
  return out;
}

/**
 * The analyzed arrays filters match on, for a title and a body (pairs never span the two: the
 * embedded engine keeps them in separate columns). Over-long values are kept as their hash.
 */
export function matchFields(analyzer: Analyzer, title: string, body: string): Pick<MeiliDocument, "terms" | "words" | "bigrams" | "keypairs"> {
  const split = (s: string) => (s === "" ? [] : s.split(" "));
  const titleWords = split(analyzer.exactText(title));
  const bodyWords = split(analyzer.exactText(body));
  const keys = (values: string[]) => unique(values.map(matchKey));
  return {
    terms: keys([...split(analyzer.indexText(title)), ...split(analyzer.indexText(body))]),
    words: keys([...titleWords, ...bodyWords]),
    bigrams: keys([...bigramsOf(titleWords), ...bigramsOf(bodyWords)]),
    keypairs: keys([...keypairsOf(analyzer, title), ...keypairsOf(analyzer, body)]),
  };
}

/** The document as indexed: originals for display, analyzer output for matching. */
export function toMeiliDocument(doc: CommentaryDocument, analyzer: Analyzer): MeiliDocument {
  const body = indexedBody(doc);
  const original = Object.fromEntries(ORIGINAL_FIELDS.flatMap((k) => (doc[k] === undefined ? [] : [[k, doc[k]]]))) as unknown as CommentaryDocument;
  return {
    ...original,
    pk: primaryKeyOf(doc.id),
    ...facetKeyFields(facetValuesOf(doc)),
    ...(doc.date ? { dateValue: Number(doc.date.replace(/-/g, "")) } : {}),
    title_terms: analyzer.indexText(doc.title),
    body_terms: analyzer.indexText(body),
    title_exact: analyzer.exactText(doc.title),
    body_exact: analyzer.exactText(body),
    ...matchFields(analyzer, doc.title, body),
    analyzer: recordVersion(analyzer),
  };
}

/** Back from a Meilisearch hit to the stored document, dropping anything Meilisearch adds. */
export function fromMeiliHit(hit: Record<string, unknown>): CommentaryDocument {
  const out: Record<string, unknown> = {};
  for (const k of ORIGINAL_FIELDS) if (hit[k] !== undefined && hit[k] !== null) out[k] = hit[k];
  const doc = out as unknown as CommentaryDocument;
  doc.topics ??= [];
  doc.speakers ??= [];
  doc.institutions ??= [];
  doc.quotes ??= [];
  return doc;
}
