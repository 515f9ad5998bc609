import "server-only";
import { cache } from "react";
import { SIMILAR_LIMIT, type SimilarDocument } from "@/lib/search/similar";
import fs from "node:fs";
import { getConfig } from "@/lib/config";
import { AppError, type UnavailableReason } from "@/lib/errors";
import { getEngine, openEmbeddedEngine, type SearchEngine } from "@/lib/search";
import { checkQueueBudget } from "@/lib/search/queue-budget";
import { checkSearchDown } from "@/lib/search/search-down";
import type { FacetField, SearchQuery, SearchResult } from "@/lib/search/types";
import type { StatementResult } from "@/lib/search/statement-hit";
import { highlightTermsOf, parseQuery } from "@/lib/search/query-syntax";
import { getAnalyzer } from "@/lib/text/analyzers";
import { NO_HIGHLIGHT, highlight, type Segment } from "@/lib/text/highlight";
import { MAX_QUERY_LENGTH, parseSearchParams, toSearchString, type RawParams } from "@/lib/validations/search-params";
import { FACET_KIND, canonicalFilters, getRegistry } from "@/lib/entities/access";
import { entitiesOf, findEntity, matchEntities } from "@/lib/entities/registry";
import type { Entity, EntityKind, InstitutionEntity, PersonEntity } from "@/lib/entities/types";
import type { CommentaryDocument } from "@/lib/validations/document";

/**
 * Everything pages and route handlers read goes through here, and from here only through
 * the SearchEngine interface: the same code serves the embedded engine and Meilisearch.
 */

export type SearchPageData =
  | { kind: "ok"; query: SearchQuery; result: SearchResult }
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; query: SearchQuery; message: string; reason: UnavailableReason };

/** The URL's query with every filter value resolved to its entity's canonical name. */
export function parseCanonical(raw: RawParams): ReturnType<typeof parseSearchParams> & { changed?: boolean } {
  const parsed = parseSearchParams(raw, getConfig().SEARCH_PAGE_SIZE);
  if (!parsed.ok) return parsed;
  const { filters, changed } = canonicalFilters(parsed.query.filters);
  return { ok: true, query: { ...parsed.query, filters }, changed };
}

/**
 * The search page's canonical address when a filter named an entity by a variant or case form
 * (speaker=Путина → speaker=Владимир Путин), so that shared links carry one spelling; undefined
 * when the address is canonical already.
 */
export function canonicalSearchAddress(raw: RawParams): string | undefined {
  const parsed = parseCanonical(raw);
  if (!parsed.ok || !parsed.changed) return undefined;
  return `/${toSearchString(parsed.query)}`;
}

/** `timeline`: also count the matches per year or month (the search page's timeline). */
export async function searchFromParams(raw: RawParams, options: { timeline?: boolean } = {}): Promise<SearchPageData> {
  const parsed = parseCanonical(raw);
  if (!parsed.ok) return { kind: "invalid", message: parsed.error };
  try {
    await checkQueueBudget();
    await checkSearchDown();
    const engine = await getEngine();
    return { kind: "ok", query: parsed.query, result: await engine.search(options.timeline ? { ...parsed.query, timeline: true } : parsed.query) };
  } catch (e) {
    if (e instanceof AppError && e.code === "unavailable") {
      console.error(`search unavailable: ${e.message}`);
      return { kind: "unavailable", query: parsed.query, message: e.message, reason: e.reason };
    }
    throw e;
  }
}

/** Per request (React's cache): whether something on the page was read from the archive because search was down. */
const archiveFallback = cache((): { used: boolean } => ({ used: false }));

/**
 * Reading pages keep working while Meilisearch is down: the archive the index is built from
 * is on this server too, so articles and speaker pages are read from it instead, and say so.
 */
async function readPage<T>(read: (engine: SearchEngine) => Promise<T>): Promise<T> {
  try {
    return await read(await getEngine());
  } catch (e) {
    const config = getConfig();
    if (!(e instanceof AppError && e.code === "unavailable" && config.MEILI_URL && fs.existsSync(config.ARCHIVE_DB_PATH))) throw e;
    console.error(`search engine unavailable, reading the page from the archive: ${e.message}`);
    archiveFallback().used = true;
    return read(openEmbeddedEngine(config));
  }
}

/** True once this request's page has read something from the archive because search was down (call it after the page's reads). */
export function servedFromArchive(): boolean {
  return archiveFallback().used;
}

export type StatementsPageData =
  | { kind: "ok"; query: SearchQuery; result: StatementResult }
  | { kind: "invalid"; message: string }
  | { kind: "unavailable"; query: SearchQuery; message: string; reason: UnavailableReason };

/** The statements tab (view=statements) and GET /api/statements: the same parameters as search. */
export async function statementsFromParams(raw: RawParams, options: { timeline?: boolean } = {}): Promise<StatementsPageData> {
  // Filters resolve to entities as in document search: speaker=Путина is Владимир Путин's words.
  const parsed = parseCanonical(raw);
  if (!parsed.ok) return { kind: "invalid", message: parsed.error };
  try {
    await checkQueueBudget();
    await checkSearchDown();
    return { kind: "ok", query: parsed.query, result: await getStatements(options.timeline ? { ...parsed.query, timeline: true } : parsed.query) };
  } catch (e) {
    if (e instanceof AppError && e.code === "unavailable") {
      console.error(`statement search unavailable: ${e.message}`);
      return { kind: "unavailable", query: parsed.query, message: e.message, reason: e.reason };
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
  const doc = await readPage((engine) => engine.getDocument(slug));
  // Engines give documents as readers see them: the embedded engine resolves names through its view, Meilisearch stores the resolved view.
  return doc;
}

/** «Похожие материалы» for an article page: nearest by shared lemmas, speakers and topics (lib/search/similar.ts). */
export async function getSimilar(slug: string): Promise<SimilarDocument[]> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return [];
  try {
    return await readPage((engine) => engine.similar(slug, SIMILAR_LIMIT));
  } catch (e) {
    // A side list: the article is still worth reading without it.
    console.error(`similar documents unavailable: ${(e as Error).message}`);
    return [];
  }
}

export interface FacetProfile {
  field: FacetField;
  name: string;
  slug: string;
  entity: Entity;
  documents: CommentaryDocument[];
  total: number;
}

/**
 * A speaker, institution, country or topic page: the entity behind a slug and its documents,
 * newest first. A slug made from a variant («/speakers/putin») answers with the canonical one.
 */
export async function getFacetProfile(field: FacetField, slug: string, limit = 100): Promise<FacetProfile | { redirect: string } | null> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const registry = getRegistry();
  const entity = findEntity(registry, FACET_KIND[field], slug);
  if (!entity || !registry.lookup[entity.kind].has(`slug:${slug}`)) return null;
  if (entity.slug !== slug) return { redirect: entity.slug };
  return readPage(async (engine) => {
    const listing = await engine.listDocuments({ [field]: [entity.name] }, { limit, offset: 0 });
    return { field, name: entity.name, slug, entity, documents: listing.documents, total: listing.total };
  });
}

export interface EntityListing {
  entities: Entity[];
  total: number;
}

/**
 * Index pages and GET /api/entities: every entity of a kind, optionally those a filter text finds
 * in any of its names or case forms («Путина» finds Владимир Путин), by name or by count.
 */
export function listEntities(kind: EntityKind, opts: { q?: string; sort?: "name" | "count"; limit?: number; offset?: number } = {}): EntityListing {
  const registry = getRegistry();
  let list = entitiesOf(registry, kind) as Entity[];
  const q = opts.q?.trim();
  if (q) list = matchEntities(registry, kind, q);
  const ru = new Intl.Collator("ru", { sensitivity: "base", numeric: true });
  list = [...list].sort(opts.sort === "name" ? (a, b) => ru.compare(a.name, b.name) : (a, b) => b.documentCount - a.documentCount || ru.compare(a.name, b.name));
  const offset = opts.offset ?? 0;
  return { entities: list.slice(offset, offset + (opts.limit ?? list.length)), total: list.length };
}

/** Marks the words of a search query in any text of an article: the same analyzer and rules as search snippets. */
export function highlighterForQuery(q: string): (text: string) => Segment[] {
  const analyzer = getAnalyzer(getConfig().ANALYZER);
  const terms = q.trim() ? highlightTermsOf(parseQuery(q.slice(0, MAX_QUERY_LENGTH), analyzer)) : NO_HIGHLIGHT;
  return (text) => highlight(text, analyzer, terms);
}

/** What the archive knows about one speaker: roles over time, the other names they appear under. */
export function speakerRecord(profile: FacetProfile): PersonEntity | undefined {
  return profile.entity.kind === "person" ? profile.entity : undefined;
}

/** An institution's abbreviations, parent body and the people who spoke for it. */
export function institutionRecord(profile: FacetProfile): InstitutionEntity | undefined {
  return profile.entity.kind === "institution" ? profile.entity : undefined;
}
