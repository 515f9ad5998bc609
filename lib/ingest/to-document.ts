import { createHash } from "node:crypto";
import slugify from "@sindresorhus/slugify";
import { extractCommentary } from "@/lib/extract";
import type { z } from "zod";
import { documentInputSchema, type CommentaryDocument } from "@/lib/validations/document";
import { countriesInText } from "@/lib/entities/document";
import { namesNoBody } from "@/lib/entities/mentions";
import { completeDocumentNames } from "@/lib/entities/within-document";
import type { Quote } from "@/lib/validations/document";
import { documentLimitIssue } from "@/lib/validations/limits";
import { IngestError } from "./errors";
import { inputHash, withInputHash } from "./input-hash";
import type { SourceRecord } from "./source-record";

function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** A document's id: the importer's, else its URL, else its title and date — the same on every import. */
function stableId(title: string, date: string | undefined, url: string | undefined): string {
  const basis = url ? `url:${url}` : `title:${title.toLowerCase().replace(/\s+/g, " ")}|${date ?? ""}`;
  return sha256(basis).slice(0, 16);
}

export function slugFor(title: string): string {
  const full = slugify(title, { lowercase: true });
  if (full.length <= 80) return full || "document";
  // Cut at a word boundary so the slug does not end in half a word.
  const cut = full.slice(0, 80);
  return cut.slice(0, Math.max(cut.lastIndexOf("-"), 1));
}

/** A stored document by id and input hash (lib/archive/inputs.ts): what extraction would give again. */
export type StoredByInput = (id: string, inputHash: string) => CommentaryDocument | undefined;

/** A record's fields once validated, plain data (so a worker thread can be handed them). */
export type ValidInput = z.output<typeof documentInputSchema>;

export interface ValidRecord {
  input: ValidInput;
  id: string;
  /** Undefined where the code cannot be fingerprinted (lib/ingest/input-hash.ts). */
  inputHash?: string;
}

/** What is wrong with a valid record's quotes, found once the document is built; the caller knows the line. */
export class InputIssue extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Schema and size checks, the document's id and its input hash; nothing is extracted yet. */
export function validateRecord(record: SourceRecord): ValidRecord {
  const where = record.item;
  const parsed = documentInputSchema.safeParse(record.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "document";
    const top = String(issue.path[0] ?? "");
    const prefix = where !== undefined ? `item ${where}: ` : "";
    throw new IngestError(record.file, `${prefix}${issue.message}`, top ? record.lineOf(top) : record.line, field);
  }
  const input = parsed.data;
  // Before extraction: an over-long document costs its reading only (lib/validations/limits.ts).
  const over = documentLimitIssue(input);
  if (over) throw new IngestError(record.file, `${where !== undefined ? `item ${where}: ` : ""}${over.message}`, record.lineOf("paragraphs"), over.field);
  const id = input.id ?? stableId(input.title, input.date, input.url);
  const hash = inputHash(input);
  return { input, id, ...(hash ? { inputHash: hash } : {}) };
}

export function issueError(record: SourceRecord, issue: { message: string; field: string }): IngestError {
  return new IngestError(record.file, issue.message, record.lineOf(issue.field), issue.field);
}

/**
 * Validate one record and turn it into an archive document, extracting speakers where metadata
 * has none. With `stored`, a record the archive already holds from the same input and the same
 * code is taken from it instead of being extracted again.
 */
export function toDocument(record: SourceRecord, stored?: StoredByInput): CommentaryDocument {
  const valid = validateRecord(record);
  const known = valid.inputHash && stored ? stored(valid.id, valid.inputHash) : undefined;
  if (known) return withInputHash(known, valid.inputHash);
  try {
    return withInputHash(buildDocument(valid.input, valid.id), valid.inputHash);
  } catch (e) {
    if (e instanceof InputIssue) throw issueError(record, e);
    throw e;
  }
}

/**
 * A valid record's document: extraction where metadata is missing, quotes placed, the content
 * hash. Pure, so import's worker threads run it (lib/ingest/extract-pool.ts); throws InputIssue.
 */
export function buildDocument(input: ValidInput, id: string): CommentaryDocument {
  const complete = input.quotes && input.speakers.length > 0 && input.topics.length > 0 && input.institutions.length > 0;
  const extracted = complete
    ? undefined
    : extractCommentary({ title: input.title, paragraphs: input.paragraphs, speakers: input.speakers, topics: input.topics });
  // Names an importer gave are kept as given; names found in the text are made whole from it.
  const found =
    input.speakers.length > 0
      ? { speakers: input.speakers, quotes: input.quotes ?? extracted?.quotes ?? [] }
      : completeDocumentNames(input.title, input.paragraphs, extracted?.speakers ?? [], input.quotes ?? extracted?.quotes ?? []);
  const speakers = found.speakers;
  // A quoted name the text shows to be a venue, an event or a work is no institution («торговый центр «Зимняя вишня»»).
  const text = `${input.title}\n${input.paragraphs.join("\n")}`;
  const notBodies = new Set((extracted?.mentionedOrganizations ?? []).filter((n) => namesNoBody(n, text)));
  const institutions = input.institutions.length > 0 ? input.institutions : (extracted?.institutions ?? []).filter((n) => !notBodies.has(n));
  const topics = input.topics.length > 0 ? input.topics : (extracted?.topics ?? []);
  const quotes = found.quotes.map((q) => placeQuote(q, input.paragraphs));
  const countries = input.countries ?? countriesInText(input.title, input.paragraphs);
  const institutionDetails = input.institutionDetails ?? extracted?.institutionDetails?.filter((d) => !notBodies.has(d.name));
  const mentionedOrganizations = input.mentionedOrganizations ?? extracted?.mentionedOrganizations?.filter((n) => !notBodies.has(n));
  for (const q of quotes) {
    if (q.paragraph >= input.paragraphs.length) {
      throw new InputIssue(`quote paragraph ${q.paragraph} is past the last paragraph`, "quotes");
    }
    const last = q.endParagraph ?? q.paragraph;
    if (last < q.paragraph || last >= input.paragraphs.length) {
      throw new InputIssue(`quote endParagraph ${last} is outside paragraphs ${q.paragraph}–${input.paragraphs.length - 1}`, "quotes");
    }
    if (q.start !== undefined && q.end !== undefined && (q.start > input.paragraphs[q.paragraph]!.length || q.end > input.paragraphs[last]!.length || (last === q.paragraph && q.start > q.end))) {
      throw new InputIssue(`quote offsets ${q.start}–${q.end} fall outside their paragraph`, "quotes");
    }
  }
  const content = {
    title: input.title,
    paragraphs: input.paragraphs,
    date: input.date,
    source: input.source,
    url: input.url,
    topics,
    speakers,
    institutions,
    quotes,
    ...(countries.length ? { countries } : {}),
    ...(institutionDetails?.length ? { institutionDetails } : {}),
    ...(mentionedOrganizations?.length ? { mentionedOrganizations } : {}),
    sample: input.sample,
    // Only when present, so documents without them keep the hash they always had.
    ...(input.author ? { author: input.author } : {}),
    ...(input.license ? { license: input.license } : {}),
  };
  return {
    id,
    slug: input.slug ?? slugFor(input.title),
    ...JSON.parse(JSON.stringify(content)),
    contentHash: sha256(JSON.stringify(content)),
  } as CommentaryDocument;
}

/**
 * Offsets for a quote an importer gave as text only, so its anchor is placed like any other:
 * where the text occurs in its paragraph, else the whole paragraph (the text may be abridged).
 */
function placeQuote(q: Quote, paragraphs: readonly string[]): Quote {
  if (q.start !== undefined && q.end !== undefined) return q;
  const p = paragraphs[q.paragraph];
  if (p === undefined) return q;
  const at = p.indexOf(q.text);
  return at >= 0 ? { ...q, start: at, end: at + q.text.length } : { ...q, start: 0, end: p.length };
}
