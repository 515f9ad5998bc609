/**
 * The production engine: Meilisearch over analyzed fields. Server-side only — it holds API
 * keys, so it is imported by lib/search/index.ts and CLI scripts, never by client components.
 */
import { similarCandidates, similarIds, similarRequests } from "@/lib/search/engines/meilisearch/similar";
import { type SimilarDocument, keyTerms, rankSimilar } from "@/lib/search/similar";
import type { Meilisearch, MultiSearchQuery, MultiSearchResult, RecordAny, Settings } from "meilisearch";
import type { AppConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Analyzer } from "@/lib/text/analyzer";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { SearchEngine } from "@/lib/search/engine";
import { facetValuesOf, orderFacet } from "@/lib/search/facets";
import { toHit } from "@/lib/search/hit";
import { HIT_FIELDS, recordVersion } from "@/lib/search/engines/meilisearch/document";
import { MEILI_ATTR, combineFilters, dateRangeFilter, eq, facetFilters } from "@/lib/search/engines/meilisearch/filter";
import { type Answer, type MeiliRequest, meiliRequest, runRequests } from "@/lib/search/engines/meilisearch/federated";
import { meiliTimeline } from "@/lib/search/engines/meilisearch/timeline";
import { dateBoundsOf } from "@/lib/search/date-range";
import type { Timeline } from "@/lib/search/timeline";
import { meiliClient, meiliErrorCode } from "@/lib/search/engines/meilisearch/http";
import { describeMeiliError } from "@/lib/search/engines/meilisearch/errors";
import { taskTimeoutMs, uploadTimeoutMs } from "@/lib/search/engines/meilisearch/batches";

export { describeMeiliError, taskTimeoutMs };
import { decodeFacets, facetsOf } from "@/lib/search/engines/meilisearch/facet-counts";
import { DOCUMENT_TARGET, type PlanTarget, STATEMENT_TARGET, buildSearchPlan, staleFilter, textVariants } from "@/lib/search/engines/meilisearch/request";
import type { AliasMap } from "@/lib/search/engines/meilisearch/settings";
import { MeiliIndexer } from "@/lib/search/engines/meilisearch/indexer";
import type { MeiliConfig, RebuildOptions } from "@/lib/search/engines/meilisearch/types";
import { statementRefOf, statementsIndexOf } from "@/lib/search/engines/meilisearch/statements";
import { type ArchiveLink, archiveLink, documentsLink } from "@/lib/search/engines/meilisearch/archive-link";
import { type ParsedQuery, highlightTermsOf, parseQuery } from "@/lib/search/query-syntax";
import { withPrefixForms } from "@/lib/search/prefix-forms";
import { withScriptVariants } from "@/lib/search/script-correction";
import { withSpellingVariants } from "@/lib/search/spelling-variants";
import { type StatementResult, statementFacetValues, toStatementHit } from "@/lib/search/statement-hit";
import { type DocumentListing, type EngineHealth, type FacetField, type SearchQuery, type SearchResult } from "@/lib/search/types";
import { correctQueryText } from "@/lib/search/vocabulary";

export { type ArchiveLink, archiveLink, documentsLink };

/** How long a change may wait in the outbox before health calls the index lagging (an import in progress is not). */
export const LAG_GRACE_MS = 60_000;

export type { MeiliConfig, RebuildOptions };

function describeKeys(config: MeiliConfig): { admin?: string; search?: string; searchKeyName: string; adminKeyName: string } {
  const admin = config.MEILI_ADMIN_KEY ?? config.MEILI_MASTER_KEY;
  const adminKeyName = config.MEILI_ADMIN_KEY ? "MEILI_ADMIN_KEY" : config.MEILI_MASTER_KEY ? "MEILI_MASTER_KEY" : "no key";
  // Searching with the admin key is allowed only because this module never reaches the browser.
  const search = config.MEILI_SEARCH_KEY ?? admin;
  const searchKeyName = config.MEILI_SEARCH_KEY ? "MEILI_SEARCH_KEY" : adminKeyName;
  return { ...(admin ? { admin } : {}), ...(search ? { search } : {}), searchKeyName, adminKeyName };
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = "meilisearch" as const;
  private readonly searchClient: Meilisearch;
  private readonly indexer: MeiliIndexer;
  private readonly keys: ReturnType<typeof describeKeys>;
  private readonly archive: ArchiveLink;
  /** Set when no archive was given: the documents this engine indexed stand in for it. */
  private readonly own: ReturnType<typeof documentsLink> | undefined;

  constructor(
    readonly config: MeiliConfig,
    readonly analyzer: Analyzer,
    /** Index name; the contract suite passes a throw-away one. */
    readonly indexUid: string = config.MEILI_INDEX,
    aliases?: AliasMap,
    /**
     * The archive: the documents hits are read from, and its word list for typo correction as
     * the embedded engine does it. Without one (tests, scripts over a list) the engine reads hits
     * from the documents it indexed itself and corrects nothing.
     */
    archive?: ArchiveLink,
  ) {
    this.own = archive ? undefined : documentsLink([]);
    this.archive = archive ?? this.own!;
    if (!config.MEILI_URL) throw new Error("MeilisearchEngine needs MEILI_URL");
    this.keys = describeKeys(config);
    this.searchClient = meiliClient(config.MEILI_URL, this.keys.search, config.MEILI_TIMEOUT_MS);
    const adminTimeout = uploadTimeoutMs(config.MEILI_TIMEOUT_MS, config.MEILI_PAYLOAD_LIMIT_BYTES);
    const adminClient = this.keys.admin || !config.MEILI_SEARCH_KEY ? meiliClient(config.MEILI_URL, this.keys.admin, adminTimeout) : undefined;
    this.indexer = new MeiliIndexer(config, analyzer, indexUid, adminClient, (e) => this.unavailable(e, this.keys.adminKeyName), aliases, this.own);
  }

  static fromConfig(config: AppConfig, aliases?: AliasMap): MeilisearchEngine {
    return new MeilisearchEngine(config, getAnalyzer(config.ANALYZER), config.MEILI_INDEX, aliases, archiveLink(config.ARCHIVE_DB_PATH));
  }

  /** The statement index that goes with this engine's document index. */
  get statementsUid(): string {
    return statementsIndexOf(this.indexUid);
  }

  private unavailable(e: unknown, keyName = this.keys.searchKeyName): AppError {
    if (e instanceof AppError) return e;
    return new AppError("unavailable", describeMeiliError(e, { ...this.config, MEILI_INDEX: this.indexUid }, keyName), { cause: e });
  }

  private async multi(queries: MultiSearchQuery[]): Promise<MultiSearchResult<RecordAny>[]> {
    try {
      const res = await this.searchClient.multiSearch({ queries });
      return res.results;
    } catch (e) {
      throw this.unavailable(e);
    }
  }

  /** Logical searches (federated.ts), plain ones together and each federated one on its own, concurrently. */
  private async run(requests: MeiliRequest[]): Promise<Answer[]> {
    try {
      return await runRequests(this.searchClient, requests);
    } catch (e) {
      throw this.unavailable(e);
    }
  }

  // ---- reading ----------------------------------------------------------------

  private staleError(indexUid = this.indexUid): AppError {
    return new AppError(
      "unavailable",
      `The Meilisearch index "${indexUid}" holds documents analyzed by another analyzer than this server's "${this.analyzer.version}", or indexed by an older version of this app. Run \`npm run reindex\`.`,
    );
  }

  /** One search over either index: the plan's requests, and again in "any" mode when the words match nothing together (as the embedded engine falls back). */
  private async runPlan(indexUid: string, target: PlanTarget, parsed: ParsedQuery, query: SearchQuery) {
    let mode: "all" | "any" = "all";
    const build = () => buildSearchPlan(indexUid, parsed, query, mode, this.analyzer, recordVersion(this.analyzer), { target });
    let plan = build();
    let results = await this.run(plan.requests);
    if ((results[plan.staleProbe]?.totalHits ?? 0) > 0) throw this.staleError(indexUid);
    const textTotal = results[plan.textProbe ?? plan.main]?.totalHits ?? 0;
    if (textTotal === 0 && parsed.groups.length > 1) {
      mode = "any";
      plan = build();
      results = await this.run(plan.requests);
    }
    return { plan, results, mode };
  }

  /** A document hit's facet values, read from the archive. */
  private documentValues(hit: RecordAny): Record<FacetField, string[]> | undefined {
    const id = typeof hit.id === "string" ? hit.id : undefined;
    const doc = id === undefined ? undefined : this.archive.documents([id]).get(id);
    return doc && facetValuesOf(doc);
  }

  /** A statement hit's facet values, read from the archive. */
  private statementValues(hit: RecordAny): Record<FacetField, string[]> | undefined {
    const ref = statementRefOf(hit);
    const doc = ref && this.archive.documents([ref.id]).get(ref.id);
    const quote = ref && doc?.quotes[ref.idx];
    return doc && quote ? statementFacetValues(doc, quote) : undefined;
  }

  /** The query as the user means it: typos corrected against the archive's words, as the embedded engine does. */
  private parse(query: SearchQuery): { parsed: ParsedQuery; correctedQuery?: string } {
    const { parsed, correctedQuery } = this.parseTyped(query);
    // Prefixes (санкци*) go to Meilisearch as the archive's terms that start with them.
    const vocabulary = this.archive.vocabulary();
    const variants = query.noCorrection ? parsed : withSpellingVariants(withScriptVariants(parsed, this.analyzer, vocabulary), vocabulary);
    return { parsed: withPrefixForms(variants, vocabulary), ...(correctedQuery !== undefined ? { correctedQuery } : {}) };
  }

  private parseTyped(query: SearchQuery): { parsed: ParsedQuery; correctedQuery?: string } {
    let parsed = parseQuery(query.q, this.analyzer);
    const vocabulary = query.noCorrection ? undefined : this.archive.vocabulary();
    if (!vocabulary) return { parsed };
    const correctedQuery = correctQueryText(query.q, parsed, this.analyzer, vocabulary) ?? undefined;
    if (correctedQuery === undefined) return { parsed };
    parsed = parseQuery(correctedQuery, this.analyzer);
    return { parsed, correctedQuery };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.answer(this.indexUid, query, DOCUMENT_TARGET, (h) => this.documentValues(h), (hits, terms) => {
      const ids = hits.flatMap((h) => (typeof h.id === "string" ? [h.id] : []));
      const docs = this.archive.documents(ids);
      // A document Meilisearch still has but the archive no longer does is left out, as on the embedded engine.
      return ids.flatMap((id) => (docs.has(id) ? [toHit(docs.get(id)!, this.analyzer, terms)] : []));
    });
  }

  async searchStatements(query: SearchQuery): Promise<StatementResult> {
    return this.answer(this.statementsUid, query, STATEMENT_TARGET, (h) => this.statementValues(h), (hits, terms) => {
      const refs = hits.flatMap((h) => statementRefOf(h) ?? []);
      const docs = this.archive.documents([...new Set(refs.map((r) => r.id))]);
      return refs.flatMap((r) => {
        const doc = docs.get(r.id);
        return doc?.quotes[r.idx] ? [toStatementHit(doc, r.idx, this.analyzer, terms)] : [];
      });
    });
  }

  /**
   * One answer of either index, documents or statements: misspelt words corrected against the
   * archive's vocabulary, the plan run, facets and the timeline counted, the hits read from the archive.
   */
  private async answer<H>(
    uid: string,
    query: SearchQuery,
    target: PlanTarget,
    valuesOf: (hit: RecordAny) => Record<FacetField, string[]> | undefined,
    hitsOf: (hits: RecordAny[], terms: ReturnType<typeof highlightTermsOf>) => H[],
  ): Promise<Omit<SearchResult, "hits"> & { hits: H[] }> {
    const started = performance.now();
    const { parsed, correctedQuery } = this.parse(query);
    const { plan, results, mode } = await this.runPlan(uid, target, parsed, query);
    const main = results[plan.main]!;
    const { facets, facetTotals } = await facetsOf((r) => this.run(r), uid, plan, results, query, valuesOf, target.retrieve);
    const timeline = query.timeline ? await this.timelineOf(uid, parsed, mode, query) : undefined;
    const total = main.totalHits;
    return {
      hits: hitsOf(main.hits, highlightTermsOf(parsed)),
      total,
      page: query.page,
      perPage: query.perPage,
      pageCount: Math.max(1, Math.ceil(total / query.perPage)),
      facets,
      facetTotals,
      matchMode: mode,
      ...(correctedQuery !== undefined ? { correctedQuery } : {}),
      ...(plan.truncated ? { partialQuery: true as const } : {}),
      ...(timeline ? { timeline } : {}),
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  private timelineOf(indexUid: string, parsed: ParsedQuery, mode: "all" | "any", query: SearchQuery): Promise<Timeline> {
    const { variants } = textVariants(parsed, mode, this.analyzer);
    const filter = combineFilters([...facetFilters(query.filters), dateRangeFilter(dateBoundsOf(query))]);
    return meiliTimeline((r) => this.run(r), indexUid, variants, filter);
  }

  async getDocument(slug: string): Promise<CommentaryDocument | null> {
    // Meilisearch compares strings without case: a few candidates, and the slug matched exactly, as by the archive.
    const [res] = await this.run([meiliRequest(this.indexUid, [], { filter: eq(MEILI_ATTR.slug, slug), page: 1, hitsPerPage: 5, retrieve: HIT_FIELDS })]);
    const ids = (res?.hits ?? []).flatMap((h) => (typeof h.id === "string" ? [h.id] : []));
    const docs = this.archive.documents(ids);
    return [...docs.values()].find((d) => d.slug === slug) ?? null;
  }

  async similar(slug: string, limit?: number): Promise<SimilarDocument[]> {
    const source = await this.getDocument(slug);
    if (!source) return [];
    const terms = keyTerms(source, this.analyzer);
    const answers = await this.run(similarRequests(this.indexUid, source, terms));
    return rankSimilar(source, similarCandidates(source, terms, answers, this.archive.documents(similarIds(answers))), limit);
  }

  async listDocuments(filters: Partial<Record<FacetField, string[]>>, page: { limit: number; offset: number }): Promise<DocumentListing> {
    const filter = combineFilters(facetFilters(filters));
    const common = { indexUid: this.indexUid, q: "", ...(filter ? { filter } : {}) };
    // offset/limit pages freely but only estimates the total; a second, count-only query
    // with page/hitsPerPage gives the exact one in the same round trip.
    const [docs, count] = await this.multi([
      { ...common, offset: page.offset, limit: page.limit, sort: [...DOCUMENT_TARGET.dateSort], attributesToRetrieve: [...HIT_FIELDS] },
      { ...common, page: 1, hitsPerPage: 0 },
    ]);
    const ids = (docs?.hits ?? []).flatMap((h) => (typeof h.id === "string" ? [h.id] : []));
    const byId = this.archive.documents(ids);
    return { documents: ids.flatMap((id) => byId.get(id) ?? []), total: count?.totalHits ?? 0 };
  }

  async facetValues(field: FacetField): Promise<{ value: string; count: number }[]> {
    const [res] = await this.multi([{ indexUid: this.indexUid, q: "", facets: [MEILI_ATTR.facet[field]], page: 1, hitsPerPage: 0 }]);
    const dist = res?.facetDistribution?.[MEILI_ATTR.facet[field]] ?? {};
    const counts = (await decodeFacets((r) => this.run(r), this.indexUid, { [field]: dist }, (h) => this.documentValues(h), HIT_FIELDS))[field];
    return orderFacet(counts, [], Number.POSITIVE_INFINITY).map(({ value, count }) => ({ value, count }));
  }

  // ---- writing (indexer.ts) -------------------------------------------------------

  settings(): Settings {
    return this.indexer.settings();
  }

  statementSettings(): Settings {
    return this.indexer.statementSettings();
  }

  /**
   * Create the document index and its statement index if missing and apply their settings;
   * safe to run any number of times.
   */
  setup(indexUid = this.indexUid): Promise<void> {
    return this.indexer.setup(indexUid);
  }

  upsert(documents: CommentaryDocument[]): Promise<void> {
    return this.indexer.upsert(documents);
  }

  remove(ids: string[]): Promise<void> {
    return this.indexer.remove(ids);
  }

  /**
   * A full rebuild into a fresh pair of indexes (documents and statements), swapped in together,
   * atomically, when complete, so searches keep using the old pair until then. On failure the
   * fresh indexes are deleted and the live ones are untouched.
   */
  rebuild(documents: Iterable<CommentaryDocument> | AsyncIterable<CommentaryDocument>, options: RebuildOptions = {}): Promise<void> {
    return this.indexer.rebuild(documents, options);
  }

  /** Build indexes an interrupted rebuild left behind, deleted; their names. */
  dropLeftoverBuilds(): Promise<string[]> {
    return this.indexer.dropLeftoverBuilds();
  }

  /** Delete this engine's index, e.g. a test's throw-away one. */
  dropIndex(): Promise<void> {
    return this.indexer.dropIndex();
  }

  /** Whether Meilisearch can serve: reachable, keys accepted, index current. */
  async serviceHealth(): Promise<EngineHealth> {
    const base = { engine: "meilisearch" as const, analyzer: this.analyzer.version };
    try {
      const [count, stale] = await this.multi([
        { indexUid: this.indexUid, q: "", page: 1, hitsPerPage: 0 },
        { indexUid: this.indexUid, q: "", filter: staleFilter(recordVersion(this.analyzer)), page: 1, hitsPerPage: 0 },
      ]);
      const documents = count?.totalHits ?? 0;
      if ((stale?.totalHits ?? 0) > 0) return { ...base, ok: false, documents, message: "index built with another analyzer or an older version of this app: run npm run reindex" };
      const statements = await this.searchClient
        .multiSearch({ queries: [{ indexUid: this.statementsUid, q: "", filter: staleFilter(recordVersion(this.analyzer)), page: 1, hitsPerPage: 0 }] })
        .then(
          (r) => ((r.results[0]?.totalHits ?? 0) > 0 ? "stale" : "ok"),
          (e: unknown) => (meiliErrorCode(e) === "index_not_found" ? "missing" : Promise.reject(e)),
        );
      if (statements === "missing") {
        return { ...base, ok: false, documents, message: `Meilisearch has no statement index "${this.statementsUid}": run \`npm run meili:setup && npm run reindex\`` };
      }
      if (statements === "stale") return { ...base, ok: false, documents, message: "statement index built with another analyzer or an older version of this app: run npm run reindex" };
      return { ...base, ok: true, documents };
    } catch (e) {
      return { ...base, ok: false, documents: 0, message: e instanceof AppError ? e.message : describeMeiliError(e, this.config) };
    }
  }

  /**
   * serviceHealth, and whether the index has every archived change: a change waiting in the
   * outbox for over LAG_GRACE_MS, or a document count that differs from the archive's with
   * nothing waiting, makes it not ok, since searches miss documents the archive holds.
   */
  async health(now = Date.now()): Promise<EngineHealth> {
    const health = await this.serviceHealth();
    const state = this.archive?.state();
    if (!health.ok || !state) return health;
    const out: EngineHealth = { ...health, archived: state.archived, pending: state.pending };
    const waiting = state.oldestQueuedAt !== undefined ? now - state.oldestQueuedAt : 0;
    if (state.pending > 0 && waiting > LAG_GRACE_MS) {
      return {
        ...out,
        ok: false,
        message: `Meilisearch lags the archive: ${state.pending} change(s) not confirmed for ${Math.round(waiting / 1000)} s; run npm run ingest or npm run reindex to send them`,
      };
    }
    if (state.pending === 0 && state.archived !== health.documents) {
      return { ...out, ok: false, message: `Meilisearch holds ${health.documents} document(s), the archive ${state.archived}: run npm run reindex` };
    }
    if (state.pending > 0) return { ...out, message: `indexing ${state.pending} change(s)` };
    return out;
  }

  async close(): Promise<void> {
    // The clients are the process's (http.ts): their idle keep-alive connections never hold it open.
  }
}

/**
 * Start-up check: resolves to a one-line description of the Meilisearch in use, or rejects
 * with a one-line message saying exactly what is wrong (unreachable, slow, wrong key,
 * missing or stale index).
 */
export async function checkMeilisearch(config: AppConfig): Promise<string> {
  if (!config.MEILI_URL) return "MEILI_URL is not set: search uses the embedded engine";
  const engine = MeilisearchEngine.fromConfig(config);
  const keys = describeKeys(config);
  const client = meiliClient(config.MEILI_URL, keys.search, config.MEILI_TIMEOUT_MS);
  try {
    // /health needs no key, so a failure here is about the address, not the key.
    await client.health();
  } catch (e) {
    throw new Error(describeMeiliError(e, config));
  }
  // A search key may not read /version; the version is only decoration.
  const version = (await client.getVersion().catch(() => null))?.pkgVersion ?? "";
  // Lag is not checked here: npm start is what sends the waiting changes.
  const health = await engine.serviceHealth();
  if (!health.ok) throw new Error(health.message ?? `Meilisearch at ${config.MEILI_URL} is not usable`);
  return `Meilisearch${version ? ` ${version}` : ""} at ${config.MEILI_URL}: index "${config.MEILI_INDEX}" holds ${health.documents} document(s)`;
}
