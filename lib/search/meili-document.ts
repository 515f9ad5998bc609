import { createHash } from "node:crypto";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { facetValuesOf } from "./facets";
import { bigramsOf } from "./meili-filter";

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
  "quotes",
  "countries",
  "entityIds",
  "sample",
  "contentHash",
] as const satisfies readonly (keyof CommentaryDocument)[];

export const PRIMARY_KEY = "pk";

export interface MeiliDocument extends CommentaryDocument {
  pk: string;
  speaker: string[];
  institution: string[];
  country: string[];
  topic: string[];
  /** YYYYMMDD: a number sorts and compares reliably; absent when undated, so it sorts last. */
  dateValue?: number;
  title_terms: string;
  body_terms: string;
  title_exact: string;
  body_exact: string;
  terms: string[];
  words: string[];
  bigrams: string[];
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

/** The document as indexed: originals for display, analyzer output for matching. */
export function toMeiliDocument(doc: CommentaryDocument, analyzer: Analyzer): MeiliDocument {
  const body = doc.paragraphs.join("\n");
  const titleTerms = analyzer.indexText(doc.title);
  const bodyTerms = analyzer.indexText(body);
  const titleExact = analyzer.exactText(doc.title);
  const bodyExact = analyzer.exactText(body);
  const split = (s: string) => (s === "" ? [] : s.split(" "));
  const titleWords = split(titleExact);
  const bodyWords = split(bodyExact);
  const facets = facetValuesOf(doc);
  const original = Object.fromEntries(ORIGINAL_FIELDS.flatMap((k) => (doc[k] === undefined ? [] : [[k, doc[k]]]))) as unknown as CommentaryDocument;
  return {
    ...original,
    pk: primaryKeyOf(doc.id),
    speaker: facets.speaker,
    institution: facets.institution,
    country: facets.country,
    topic: facets.topic,
    ...(doc.date ? { dateValue: Number(doc.date.replace(/-/g, "")) } : {}),
    title_terms: titleTerms,
    body_terms: bodyTerms,
    title_exact: titleExact,
    body_exact: bodyExact,
    terms: unique([...split(titleTerms), ...split(bodyTerms)]),
    words: unique([...titleWords, ...bodyWords]),
    // Pairs never span title and body: the embedded engine keeps them in separate columns.
    bigrams: unique([...bigramsOf(titleWords), ...bigramsOf(bodyWords)]),
    analyzer: analyzer.version,
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
