import "server-only";
import fs from "node:fs";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { getEngine, openEmbeddedEngine, type SearchEngine } from "@/lib/search";
import type { FacetField, SearchQuery, SearchResult } from "@/lib/search/types";
import type { StatementResult } from "@/lib/search/statement-hit";
import { nameSlug } from "@/lib/slug";
import { highlightTermsOf, parseQuery } from "@/lib/search/query-syntax";
import { getAnalyzer } from "@/lib/text/analyzers";
import { NO_HIGHLIGHT, highlight, type Segment } from "@/lib/text/highlight";
import { MAX_QUERY_LENGTH, parseSearchParams, type RawParams } from "@/lib/validations/search-params";
import { buildRegistry, findInstitution, findSpeaker, type RegistryInstitution, type RegistrySpeaker } from "@/lib/extract/registry";
import type { CommentaryDocument, Quote } from "@/lib/validations/document";

/**
 * Everything pages and route handlers read goes through here, and from here only through
 * the SearchEngine interface: the same code serves the embedded engine and Meilisearch.
 */

export type SearchPageData =
  | { kind: "ok"; query: SearchQuery; result: SearchResult }
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; query: SearchQuery; message: string };

export async function searchFromParams(raw: RawParams): Promise<SearchPageData> {
  const parsed = parseSearchParams(raw, getConfig().SEARCH_PAGE_SIZE);
  if (!parsed.ok) return { kind: "invalid", message: parsed.error };
  try {
    const engine = await getEngine();
    return { kind: "ok", query: parsed.query, result: await engine.search(parsed.query) };
  } catch (e) {
    if (e instanceof AppError && e.code === "unavailable") {
      console.error(`search unavailable: ${e.message}`);
      return { kind: "unavailable", query: parsed.query, message: e.message };
    }
    throw e;
  }
}

/**
 * Reading pages keep working while Meilisearch is down: the archive the index is built from
 * is on this server too, so articles and speaker pages are read from it instead.
 */
async function readPage<T>(read: (engine: SearchEngine) => Promise<T>): Promise<T> {
  try {
    return await read(await getEngine());
  } catch (e) {
    const config = getConfig();
    if (!(e instanceof AppError && e.code === "unavailable" && config.MEILI_URL && fs.existsSync(config.ARCHIVE_DB_PATH))) throw e;
    console.error(`search engine unavailable, reading the page from the archive: ${e.message}`);
    return read(openEmbeddedEngine(config));
  }
}

export type StatementsPageData =
  | { kind: "ok"; query: SearchQuery; result: StatementResult }
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; query: SearchQuery; message: string };

/** The statements tab (view=statements) and GET /api/statements: the same parameters as search. */
export async function statementsFromParams(raw: RawParams): Promise<StatementsPageData> {
  const parsed = parseSearchParams(raw, getConfig().SEARCH_PAGE_SIZE);
  if (!parsed.ok) return { kind: "invalid", message: parsed.error };
  try {
    return { kind: "ok", query: parsed.query, result: await getStatements(parsed.query) };
  } catch (e) {
    if (e instanceof AppError && e.code === "unavailable") {
      console.error(`statement search unavailable: ${e.message}`);
      return { kind: "unavailable", query: parsed.query, message: e.message };
    }
    throw e;
  }
}

/**
 * Statements matching a query (a speaker page's list, the statements tab). Like reading pages,
 * served by the embedded index when the search server cannot answer: it is kept in the archive.
 */
export async function getStatements(query: SearchQuery): Promise<StatementResult> {
  return readPage((engine) => engine.searchStatements(query));
}

export async function getArticle(slug: string): Promise<CommentaryDocument | null> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  return readPage((engine) => engine.getDocument(slug));
}

export interface FacetProfile {
  field: FacetField;
  name: string;
  slug: string;
  documents: CommentaryDocument[];
  total: number;
}

/** A speaker, institution or topic page: the name behind a slug and its documents, newest first. */
export async function getFacetProfile(field: FacetField, slug: string, limit = 100): Promise<FacetProfile | null> {
  return readPage(async (engine) => {
    const values = await engine.facetValues(field);
    const match = values.find((v) => nameSlug(v.value) === slug);
    if (!match) return null;
    const listing = await engine.listDocuments({ [field]: [match.value] }, { limit, offset: 0 });
    return { field, name: match.value, slug, documents: listing.documents, total: listing.total };
  });
}

export interface SpeakerQuote extends Quote {
  index: number;
  document: CommentaryDocument;
}

/** A speaker's quotes across their documents, newest document first, in text order within one. */
export function quotesBy(name: string, documents: readonly CommentaryDocument[]): SpeakerQuote[] {
  return documents.flatMap((document) =>
    document.quotes.flatMap((q, index) => (q.speaker === name ? [{ ...q, index, document }] : [])),
  );
}

/** Marks the words of a search query in any text of an article: the same analyzer and rules as search snippets. */
export function highlighterForQuery(q: string): (text: string) => Segment[] {
  const analyzer = getAnalyzer(getConfig().ANALYZER);
  const terms = q.trim() ? highlightTermsOf(parseQuery(q.slice(0, MAX_QUERY_LENGTH), analyzer)) : NO_HIGHLIGHT;
  return (text) => highlight(text, analyzer, terms);
}

/**
 * What the archive knows about one speaker or institution — roles over time, aliases, parent
 * body, who spoke for it — from the documents on its page, so no archive-wide pass is needed.
 */
export function speakerRecord(profile: FacetProfile): RegistrySpeaker | undefined {
  return findSpeaker(buildRegistry(profile.documents), profile.name);
}

export function institutionRecord(profile: FacetProfile): RegistryInstitution | undefined {
  return findInstitution(buildRegistry(profile.documents), profile.name);
}
