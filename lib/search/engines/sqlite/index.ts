import type { Statement } from "better-sqlite3";
import type { Db } from "@/lib/archive/db";
import { createHash } from "node:crypto";
import { archiveGeneration, bumpGeneration, getMeta, setMeta } from "@/lib/archive/db";
import { statementCache } from "@/lib/archive/statements";
import { WeightedLru } from "@/lib/search/lru";
import { combine, contains, type Posting } from "@/lib/search/engines/sqlite/term-postings";
import { ArchiveStore } from "@/lib/archive/store";
import { AppError } from "@/lib/errors";
import type { Analyzer } from "@/lib/text/analyzer";
import { type PreAnalyzed, TokenMemo } from "@/lib/search/engines/sqlite/token-memo";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { SearchEngine } from "@/lib/search/engine";
import { facetValuesOf, orderFacet } from "@/lib/search/facets";
import { toHit } from "@/lib/search/hit";
import { INDEXED_TEXT_VERSION, indexedBody } from "@/lib/search/indexed-text";
import { dateNumber } from "@/lib/search/date-range";
import { type DocList, type FacetColumns, FacetColumnsBuilder, FacetSummary, facetPass, summaryOf } from "@/lib/search/engines/sqlite/facet-pass";
import { type StoredFacets, facetKey, loadFacets, saveFacets } from "@/lib/search/engines/sqlite/facet-store";
import { topK } from "@/lib/search/engines/sqlite/top-k";
import { PostingStore } from "@/lib/search/engines/sqlite/posting-store";
import { Deadline, UNBOUNDED, rowsWithin } from "@/lib/search/engines/sqlite/deadline";
import { SqliteVocabulary, correctQueryText } from "@/lib/search/vocabulary";
import { RANKING, phraseToFts, prefixToFts, proximityPairs } from "@/lib/search/proximity";
import { clauseCoverage, hasAlternatives, typedForms, typedShare } from "@/lib/search/coverage";
import { withScriptVariants } from "@/lib/search/script-correction";
import { withSpellingVariants } from "@/lib/search/spelling-variants";
import { SqliteStatements } from "@/lib/search/engines/sqlite/statements";
import { sqliteSimilar } from "@/lib/search/engines/sqlite/similar";
import type { SimilarDocument } from "@/lib/search/similar";
import type { StatementResult } from "@/lib/search/statement-hit";
import { type Clause, type ParsedQuery, highlightTermsOf, isEmptyQuery, parseQuery } from "@/lib/search/query-syntax";
import { FACET_FIELDS, type DocumentListing, type EngineHealth, type FacetField, type SearchHit, type SearchQuery, type SearchResult } from "@/lib/search/types";

const INDEX_SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, body, title_exact, body_exact,
  content='', contentless_delete=1,
  tokenize="unicode61 remove_diacritics 0 tokenchars '-'"
);
CREATE TABLE IF NOT EXISTS doc_facets (
  doc INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (field, value, doc)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS doc_facets_doc ON doc_facets(doc);
`;

/** Created on first indexing, not at open, so an archive from before it still opens read-only. */
const TOKEN_SCHEMA = `CREATE TABLE IF NOT EXISTS token_analysis (surface TEXT PRIMARY KEY, analysis TEXT NOT NULL) WITHOUT ROWID;`;

/** Answers remembered per archive version: about 25 kB each with full facet lists. */
const RESULT_CACHE_SIZE = 500;
/** Answers for pages of at most this many rows are remembered (SEARCH_PAGE_SIZE is at most 100). */
const MAX_CACHED_PAGE_SIZE = 100;
const RERANK_WINDOW = 300;
/** Rows the exactness boost looks at (NEREL R@100 0.916 at 300, 0.915 at 100: rows below the boosted ones cannot rise past them). */
const EXACT_WINDOW = 300;
/** Rows the proximity boost looks at (the best by bm25 and coverage): each costs one FTS5 lookup a word pair. */
const PROXIMITY_WINDOW = 20;
/**
 * Match sets larger than this are ranked without the proximity boost: its lookups grow with the
 * words' doclists (10k-document bench, --reuse: p95 25–29 ms without proximity, 39 ms with a window
 * of 40 rows and 2,000 matches, 30–35 ms at 20 and 1,000).
 */
const PROXIMITY_MAX_MATCHES = 1_000;

/** Title against body weight in bm25 (RANKING.titleWeight, tuned on the evals: lib/search/proximity.ts). */
const bm25Weights = () => `${RANKING.titleWeight.toFixed(2)}, 1.0, ${RANKING.titleWeight.toFixed(2)}, 1.0`;

/** Facet data held in memory so counting never scans the database per query. */
interface FacetMemory {
  version: number;
  values: Record<FacetField, string[]>;
  valueIds: Record<FacetField, Map<string, number>>;
  /** doc rowid → value ids, per field, as CSR arrays: Maps of arrays cost ~10× the memory and a hash lookup per document. */
  docValues: Record<FacetField, { offsets: Int32Array; ids: Int32Array }>;
  /** value id → doc rowids, per field */
  valueDocs: Record<FacetField, DocList[]>;
  /** doc rowid → position in the browse order (newest first, by slug on equal dates, as on Meilisearch); -1 when not archived */
  rank: Int32Array;
  allDocs: number[];
  /** doc rowid → its date as YYYYMMDD (0: undated), for date ranges and the timeline (date-range.ts) */
  dates: Int32Array;
  /** doc rowid → position in oldest-first order (undated last, rowid ascending on equal dates) */
  ascRank: Int32Array;
  /** Recent large match sets; built with this memory, so they go stale with it. */
  matches: WeightedLru<MatchRows>;
  /** Per-word postings with bm25 (term-postings.ts). */
  terms: WeightedLru<Posting>;
  /** Recent answers by query. */
  results: WeightedLru<SearchResult>;
  /** Rows where two query words stand together, by their NEAR expression (pairRows). */
  pairs: WeightedLru<Set<number>>;
  /** What saved postings must be tagged with to be read under this memory (posting-store.ts). */
  postingKey: string;
  /** Built by the first search under this memory (facet-pass.ts). */
  summary?: FacetSummary | null;
}

/** A match set as parallel arrays (ascending rowids or not): a tenth of the memory of row objects, and cheap to cache. */
type MatchRows = Posting;

const rowsOf = (p: Posting) => p.rowids.length;

/**
 * Match sets at least this large, or this slow to find, are remembered. Frequent words match a
 * large share of the archive and bm25 over every match (~2 µs a row) is what their queries cost;
 * an AND of two frequent words can match nothing and still walk both long doclists. The words
 * people search for follow a Zipf curve: the same few come back again and again.
 */
const MATCH_CACHE_MIN_ROWS = 1_000;
const MATCH_CACHE_MIN_MS = 5;
/**
 * ~12 MB of rowids and scores. Word and phrase queries are combined from postings (below), so
 * what this holds is prefix matches, date-ordered matches of words without postings yet, and
 * combinations that were slow to rank; at 16 M rows (~190 MB, when every large match set went
 * here) it was most of the serving process's memory.
 */
const MATCH_CACHE_MAX_ROWS = 1_000_000;
/**
 * Rows held in per-clause postings (12 bytes each): ~24 MB, some 20 postings of words in most of a
 * 100k archive. One that falls out is read back from posting-store.ts (~1 ms a million bytes).
 */
const TERM_CACHE_MAX_ROWS = 2_000_000;
/** Rows of word pairs found together (a Set costs ~20 bytes a row): ~10 MB. */
const PAIR_CACHE_MAX_ROWS = 500_000;
/** Rowids a posting walk reads between two looks at the time budget. */
const POSTING_SLICE_ROWIDS = 50_000;
/** Postings smaller than this are walked again rather than saved: 1,000 rows cost FTS5 ~2 ms. */
const POSTING_STORE_MIN_ROWS = 1_000;

/** 0 … n-1. */
function indicesTo(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

function quoteFts(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function clauseToFts(c: Clause): string {
  if (c.kind === "term" && c.prefix) return prefixToFts(c.key);
  if (c.kind === "term") return `{title body} : ${quoteFts(c.key)}`;
  // Phrases and alias names match in any case form: their keys close together in the analyzed text
  // (lib/search/proximity.ts says how close).
  if (c.keys && c.keys.length > 1) return phraseToFts(c.keys, c.stems, c.expansion === true);
  return `{title_exact body_exact} : ${quoteFts(c.words.join(" "))}`;
}

function groupToFts(g: Clause[]): string {
  return g.length === 1 ? clauseToFts(g[0]!) : `(${g.map(clauseToFts).join(" OR ")})`;
}

export function buildFtsMatch(groups: Clause[][], mode: "all" | "any"): string {
  return groups.map(groupToFts).join(mode === "all" ? " AND " : " OR ");
}

export class SqliteEngine implements SearchEngine {
  readonly kind = "sqlite" as const;
  private readonly store: ArchiveStore;
  private memory: FacetMemory | undefined;
  private vocabulary: SqliteVocabulary | undefined;
  private postingStoreOpened = false;
  /** How the last match() found its rows, for matchCached. */
  private lastMatch = { fromPostings: false, postingsMs: 0 };
  private postingStoreFile: PostingStore | undefined;
  private readonly tokens: TokenMemo;
  private readonly statement: (sql: string) => Statement;
  /** Statements (quotes) as their own records: statements.ts. */
  readonly statements: SqliteStatements;
  /**
   * What a stored document looks like to readers and to the index: the archive keeps names as
   * extracted, and lib/search/index.ts sets this to resolve them to entities. Identity for a bare engine.
   */
  view: (doc: CommentaryDocument) => CommentaryDocument = (doc) => doc;
  /** SEARCH_TIME_BUDGET_MS, set by lib/search/index.ts for the server; a bare engine (scripts, evaluations) has none. */
  timeBudgetMs = Number.POSITIVE_INFINITY;

  constructor(
    readonly db: Db,
    readonly analyzer: Analyzer,
  ) {
    db.exec(INDEX_SCHEMA);
    this.statement = statementCache(db);
    this.store = new ArchiveStore(db);
    this.tokens = new TokenMemo(analyzer);
    this.tokens.store = this.tokenStore();
    this.statements = new SqliteStatements(db, {
      analyzer: this.tokens.analyzer,
      indexAndExact: (text) => this.tokens.indexAndExact(text),
      view: (doc) => this.view(doc),
      documentFacets: () => this.facetMemory(),
    });
  }

  /** Saved token analyses belong to one analyzer version; another version starts the table afresh when it indexes. */
  private tokenStore(): TokenMemo["store"] {
    let ready = false;
    let readable: boolean | undefined;
    return {
      get: (surface) => {
        readable ??= getMeta(this.db, "token_analyzer") === this.analyzer.version;
        if (!readable) return undefined;
        const json = this.statement("SELECT analysis FROM token_analysis WHERE surface = ?").pluck().get(surface) as string | undefined;
        if (json === undefined) return undefined;
        const [norm, terms, key, stop] = JSON.parse(json) as [string, string[], string, boolean];
        return { norm, terms, key, stop, joined: terms.join(" ") };
      },
      put: (surface, a) => {
        if (!ready) {
          this.db.exec(TOKEN_SCHEMA);
          if (getMeta(this.db, "token_analyzer") !== this.analyzer.version) {
            this.db.exec("DELETE FROM token_analysis");
            setMeta(this.db, "token_analyzer", this.analyzer.version);
          }
          readable = ready = true;
        }
        this.statement("INSERT OR IGNORE INTO token_analysis (surface, analysis) VALUES (?, ?)").run(surface, JSON.stringify([a.norm, a.terms, a.key, a.stop]));
      },
    };
  }

  // ---- indexing -------------------------------------------------------------

  /** Runs `index` with texts analysed elsewhere (lib/ingest/analysis-pool.ts) consulted first. */
  withPreanalyzed<T>(source: PreAnalyzed | undefined, index: () => T): T {
    if (!source) return index();
    this.tokens.preanalyzed = source;
    try {
      return index();
    } finally {
      this.tokens.preanalyzed = undefined;
    }
  }

  /** Synchronous, so ingest can run it in the same transaction as the archive write. */
  indexRow(rowid: number, doc: CommentaryDocument): void {
    this.unindexRow(rowid);
    const a = this.tokens;
    const [title, titleExact] = a.indexAndExact(doc.title);
    const [body, bodyExact] = a.indexAndExact(indexedBody(doc));
    this.statement("INSERT INTO fts (rowid, title, body, title_exact, body_exact) VALUES (?, ?, ?, ?, ?)").run(rowid, title, body, titleExact, bodyExact);
    const insert = this.statement("INSERT OR IGNORE INTO doc_facets (doc, field, value) VALUES (?, ?, ?)");
    const values = facetValuesOf(doc);
    for (const field of FACET_FIELDS) for (const v of values[field]) insert.run(rowid, field, v);
    this.statements.index(rowid, doc);
    // Here and not only in unindexRow: outside a transaction the inserts commit on their own.
    bumpGeneration(this.db);
    this.memory = undefined;
  }

  unindexRow(rowid: number): void {
    this.statement("DELETE FROM fts WHERE rowid = ?").run(rowid);
    this.statement("DELETE FROM doc_facets WHERE doc = ?").run(rowid);
    this.statements.unindex(rowid);
    bumpGeneration(this.db);
    this.memory = undefined;
  }

  /** Record which analyzer built the index; searching a stale index is refused. */
  markAnalyzer(): void {
    setMeta(this.db, "analyzer", this.analyzer.version);
    setMeta(this.db, "indexed_text", INDEXED_TEXT_VERSION);
  }

  indexedAnalyzer(): string | undefined {
    return getMeta(this.db, "analyzer");
  }

  isStale(): boolean {
    const built = this.indexedAnalyzer();
    if (built === undefined) return this.store.count() > 0;
    return built !== this.analyzer.version || getMeta(this.db, "indexed_text") !== INDEXED_TEXT_VERSION;
  }

  /** Rebuild the embedded index from the archive itself; `view` is what to index for a stored document (its names resolved to entities). */
  reindexAll(onProgress?: (done: number) => void, view: (doc: CommentaryDocument) => CommentaryDocument = this.view): number {
    let n = 0;
    const run = this.db.transaction(() => {
      this.db.exec("DELETE FROM fts; DELETE FROM doc_facets;");
      bumpGeneration(this.db);
      this.statements.clear();
      for (const { rowid, document } of this.store.all()) {
        this.indexRow(rowid, view(document));
        if (++n % 500 === 0) onProgress?.(n);
      }
      this.markAnalyzer();
    });
    run();
    onProgress?.(n);
    this.memory = undefined;
    return n;
  }

  async upsert(documents: CommentaryDocument[]): Promise<void> {
    this.db.transaction(() => {
      for (const doc of documents) this.indexRow(this.store.save(doc), doc);
      this.markAnalyzer();
    })();
  }

  async remove(ids: string[]): Promise<void> {
    this.db.transaction(() => {
      for (const id of ids) {
        const rowid = this.store.remove(id);
        if (rowid !== undefined) this.unindexRow(rowid);
      }
    })();
  }

  async rebuild(documents: Iterable<CommentaryDocument> | AsyncIterable<CommentaryDocument>): Promise<void> {
    const all: CommentaryDocument[] = [];
    for await (const d of documents) all.push(d);
    const keep = new Set(all.map((d) => d.id));
    this.db.transaction(() => {
      for (const id of this.store.ids()) if (!keep.has(id)) this.store.remove(id);
      this.db.exec("DELETE FROM fts; DELETE FROM doc_facets;");
      bumpGeneration(this.db);
      this.statements.clear();
      for (const doc of all) this.indexRow(this.store.save(doc), doc);
      this.markAnalyzer();
    })();
  }

  // ---- reading ----------------------------------------------------------------

  private assertFresh(): void {
    if (this.isStale()) {
      throw new AppError(
        "unavailable",
        `The search index was built with analyzer "${this.indexedAnalyzer() ?? "none"}" (indexed text ${getMeta(this.db, "indexed_text") ?? "1"}) but this server uses "${this.analyzer.version}" (indexed text ${INDEXED_TEXT_VERSION}). Run \`npm run reindex\`.`,
      );
    }
  }

  /** Opened on first use: engines that never search (imports, scripts) create no file. */
  private get postingStore(): PostingStore | undefined {
    if (!this.postingStoreOpened) {
      this.postingStoreOpened = true;
      this.postingStoreFile = PostingStore.beside(this.db);
    }
    return this.postingStoreFile;
  }

  private facetMemory(): FacetMemory {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (this.memory && this.memory.version === version) return this.memory;
    // One read transaction: the key and what is built under it come from the same snapshot,
    // however another process writes meanwhile.
    const { key, facets, built, postingKey } = this.db.transaction(() => {
      const key = facetKey(this.db);
      const postingKey = this.postingKey();
      const saved = loadFacets(this.db, key);
      return saved ? { key, postingKey, facets: saved, built: false } : { key, postingKey, facets: this.buildFacets(), built: true };
    })();
    // After the answer, not before it: saving ~15 MB is not the first search's to wait for.
    if (built) setImmediate(() => this.saveFacets(key, facets));
    const m: FacetMemory = {
      version,
      values: facets.values,
      valueIds: Object.fromEntries(FACET_FIELDS.map((f) => [f, new Map(facets.values[f].map((v, i) => [v, i]))])) as FacetMemory["valueIds"],
      docValues: facets.docValues,
      valueDocs: facets.members,
      rank: facets.rank,
      allDocs: Array.from(facets.allDocs),
      dates: facets.dates,
      ascRank: facets.ascRank,
      matches: new WeightedLru(MATCH_CACHE_MAX_ROWS, rowsOf),
      terms: new WeightedLru(TERM_CACHE_MAX_ROWS, rowsOf),
      results: new WeightedLru(RESULT_CACHE_SIZE),
      pairs: new WeightedLru(PAIR_CACHE_MAX_ROWS, (rows) => rows.size),
      postingKey,
    };
    this.memory = m;
    return m;
  }

  /**
   * The generation alone would not do for a file beside the archive: an archive rebuilt at the same
   * path, or a backup restored over it, can reach the same generation with other contents. FTS5's
   * averages record (rows and tokens per column) and structure record (its segments and write
   * counter) move with every indexed document, and the bm25 weights are what the scores were
   * computed with.
   */
  private postingKey(): string {
    const hash = createHash("sha1");
    // Rows 1 and 10: the averages and the structure (segments, their levels and the write counter).
    for (const block of this.statement("SELECT block FROM fts_data WHERE id IN (1, 10) ORDER BY id").pluck().all() as Buffer[]) hash.update(block);
    const digest = hash.digest("hex").slice(0, 16);
    return PostingStore.key(archiveGeneration(this.db), `${digest}:${bm25Weights()}`);
  }

  private saveFacets(key: string, facets: StoredFacets): void {
    if (!this.db.open) return;
    try {
      saveFacets(this.db, key, facets);
    } catch (e) {
      // Off the request path: nobody to hand it to, and the next start just builds again.
      console.warn(`facet memory not saved: ${(e as Error).message}`);
    }
  }

  private buildFacets(): StoredFacets {
    const facets = new FacetColumnsBuilder();
    // One row per value with its documents, in the primary key's order (ascending documents): a
    // row per (document, value) costs ~1 µs each through the driver, most of a cold start.
    // The list comes as a JSON array: JSON.parse makes the numbers natively, ~2× faster than split and Number.
    for (const [field, value, docs] of this.db.prepare("SELECT field, value, '[' || group_concat(doc) || ']' FROM doc_facets GROUP BY field, value").raw().iterate() as Iterable<[FacetField, string, string]>) {
      for (const doc of JSON.parse(docs) as number[]) facets.add(doc, field, value);
    }
    let maxRow = Math.max(0, facets.maxRecord);
    // Newest first is the browse order; the slug breaks ties, so paging is stable and both engines agree.
    const dated = this.db.prepare("SELECT rowid, date FROM documents ORDER BY date DESC NULLS LAST, slug ASC").raw().all() as [number, string | null][];
    const allDocs = dated.map((r) => r[0]);
    for (const d of allDocs) if (d > maxRow) maxRow = d;
    const rank = new Int32Array(maxRow + 1).fill(-1);
    allDocs.forEach((d, i) => (rank[d] = i));
    const { dates, ascRank } = oldestFirst(dated, maxRow);
    return { values: facets.values, members: facets.members, docValues: facets.rows(maxRow + 1), rank, allDocs, dates, ascRank };
  }

  /**
   * Each clause's posting (its rows with its own bm25, by its FTS5 expression) when the query has
   * no prefix; null when FTS5 should match the query itself. A ranked query reads every clause's
   * posting: the first time, a clause costs a walk of its doclists with bm25 (what a one-word query
   * costs anyway), and from then on nothing, in this process (the LRU) and in later ones
   * (posting-store.ts), until the archive changes; the words people search for come back again and
   * again. A date-ordered query needs no scores, and FTS5 reads bare rowids ~10× faster than with
   * bm25, so it uses postings only when every clause already has one. A word is one FTS5 phrase, so
   * its scores add up exactly as FTS5's own (term-postings.ts); a phrase clause is several, added
   * as one sum, which can differ from FTS5's order of addition by an ulp.
   */
  private termPostings(parsed: ParsedQuery, ranked: boolean, deadline: Deadline): Map<string, Posting> | null {
    const mem = this.memory;
    const clauses = [...parsed.groups.flat(), ...parsed.excluded];
    if (!mem || clauses.some((c) => c.kind === "term" && c.prefix)) return null;
    const keyOf = clauseToFts;
    const known = (key: string): Posting | undefined => {
      let posting = mem.terms.get(key);
      if (!posting && this.postingStore) {
        posting = this.postingStore.load(key, mem.postingKey);
        if (posting) mem.terms.set(key, posting);
      }
      return posting;
    };
    const out = new Map<string, Posting>();
    for (const c of clauses) {
      const key = keyOf(c);
      if (!out.has(key)) {
        const posting = known(key);
        if (posting) out.set(key, posting);
      }
    }
    if (out.size === new Set(clauses.map(keyOf)).size) return out;
    if (!ranked) return null;
    for (const c of clauses) {
      const key = keyOf(c);
      if (out.has(key)) continue;
      const posting = this.walkPosting(key, mem.rank.length, deadline);
      mem.terms.set(key, posting);
      out.set(key, posting);
      // After the answer: saving a large posting (~1 MB) is not this search's to wait for.
      const store = this.postingStore;
      if (store && posting.rowids.length >= POSTING_STORE_MIN_ROWS) setImmediate(() => mem === this.memory && store.save(key, mem.postingKey, posting));
    }
    return out;
  }

  /**
   * One clause's rows with its bm25, in rowid order. The rows come as JSON arrays a slice of rowids
   * at a time: a row at a time through the driver cost ~30 % more at 100k documents, and the slices
   * keep the time budget looked at while a clause in most of the archive is read. JSON prints a
   * double with 17 significant digits, so the scores parse back bit for bit.
   */
  private walkPosting(expr: string, rowLimit: number, deadline: Deadline): Posting {
    const slice = this.statement(
      `SELECT json_group_array(rowid), json_group_array(s) FROM (SELECT rowid, bm25(fts, ${bm25Weights()}) AS s FROM fts WHERE fts MATCH ? AND rowid >= ? AND rowid < ? ORDER BY rowid LIMIT -1)`,
    ).raw(true);
    const rowids: number[] = [];
    const scores: number[] = [];
    // Past the facet memory's last rowid only rows the archive no longer holds could match; one open-ended slice takes them.
    const end = Math.max(rowLimit, 1);
    for (let lo = 0; lo < end; lo += POSTING_SLICE_ROWIDS) {
      deadline.check();
      const hi = lo + POSTING_SLICE_ROWIDS >= end ? Number.MAX_SAFE_INTEGER : lo + POSTING_SLICE_ROWIDS;
      const [ids, sc] = slice.get(expr, lo, hi) as [string, string];
      for (const r of JSON.parse(ids) as number[]) rowids.push(r);
      for (const x of JSON.parse(sc) as number[]) scores.push(x);
    }
    deadline.check();
    return { rowids: Int32Array.from(rowids), scores: Float64Array.from(scores) };
  }

  /**
   * Rows with a word form in the exact columns, read whole as one string (as pairRows does) and kept
   * with the term postings, 4 bytes a row. Checking only the window's rows (rowid IN a list, or a
   * rowid range per row) made FTS5 search the form once per row: 5–20 ms for a common word at
   * 5,000 documents against ~1 ms for its whole doclist.
   */
  private exactFormRows(form: string, deadline: Deadline): Posting {
    const key = `=${form}`;
    const mem = this.memory;
    const cached = mem?.terms.get(key) ?? (mem && this.postingStore?.load(key, mem.postingKey));
    if (cached) {
      mem?.terms.set(key, cached);
      return cached;
    }
    deadline.check();
    const list = this.statement("SELECT '[' || coalesce(group_concat(rowid), '') || ']' FROM (SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid)").pluck().get(`{title_exact body_exact} : ${quoteFts(form)}`) as string;
    deadline.check();
    // Ascending for contains(): FTS5 answers in rowid order, and a typed sort of sorted rows is cheap.
    const posting = { rowids: Int32Array.from(JSON.parse(list) as number[]).sort(), scores: new Float64Array(0) };
    this.memory?.terms.set(key, posting);
    // Saved like a clause's posting (rows only, no scores), after the answer.
    const store = this.postingStore;
    if (mem && store && posting.rowids.length >= POSTING_STORE_MIN_ROWS) setImmediate(() => mem === this.memory && store.save(key, mem.postingKey, posting));
    return posting;
  }

  /**
   * Matching rowids with bm25 scores (lower is better), or null when the query has no positive
   * words. The scores are this call's own (the re-ranking below multiplies some of them); the
   * rowids may be a cached posting's, never to be written.
   */
  private match(parsed: ParsedQuery, mode: "all" | "any", ranked = true, deadline: Deadline = UNBOUNDED): MatchRows | null {
    if (isEmptyQuery(parsed)) return null;
    const t0 = performance.now();
    const postings = this.termPostings(parsed, ranked, deadline);
    this.lastMatch = { fromPostings: postings !== null, postingsMs: performance.now() - t0 };
    const termKey = clauseToFts;
    let rows: MatchRows;
    if (postings) {
      const p = combine(
        parsed.groups.map((g) => g.map((c) => postings.get(termKey(c))!)),
        parsed.excluded.map((c) => postings.get(termKey(c))!),
        mode,
      );
      rows = { rowids: p.rowids, scores: ranked ? p.scores : new Float64Array(p.rowids.length) };
    } else {
      let expr = buildFtsMatch(parsed.groups, mode);
      if (parsed.excluded.length > 0) expr = `(${expr}) NOT (${parsed.excluded.map(clauseToFts).join(" OR ")})`;
      if (!ranked) {
        // Sorting by date needs no scores, and bm25 is most of what a large match set costs; the
        // rowids come as one string, since a row at a time through the driver costs more than FTS5
        // spends finding it (~40 ms for 93k rows at 100k documents, against ~300 ms with bm25).
        deadline.check();
        const list = this.statement("SELECT '[' || coalesce(group_concat(rowid), '') || ']' FROM fts WHERE fts MATCH ?").pluck().get(expr) as string;
        deadline.check();
        const rowids = Int32Array.from(JSON.parse(list) as number[]);
        return { rowids, scores: new Float64Array(rowids.length) };
      }
      const found = rowsWithin(this.statement(`SELECT rowid, bm25(fts, ${bm25Weights()}) AS score FROM fts WHERE fts MATCH ?`).raw().iterate(expr) as IterableIterator<[number, number]>, deadline);
      rows = { rowids: Int32Array.from(found, (r) => r[0]), scores: Float64Array.from(found, (r) => r[1]) };
    }
    if (!ranked) return rows;
    const { rowids, scores } = rows;
    const clauses = parsed.groups.flat();
    const partial = mode === "any" || hasAlternatives(parsed.groups);
    // Proximity costs FTS5 lookups that grow with the words' doclists: skipped for match sets past PROXIMITY_MAX_MATCHES.
    const pairs = ranked && rowids.length <= PROXIMITY_MAX_MATCHES ? proximityPairs(parsed) : [];
    const covering = partial && clauses.length >= 2;
    const exact = RANKING.exactBoost > 0 ? typedForms(parsed) : [];
    if ((!covering && pairs.length === 0 && exact.length === 0) || rowids.length < 2) return rows;
    // Where a document may match only some of the words (ORs, relaxed AND), one that matches more of
    // them ranks higher, as Meilisearch's "words" rule does: BM25 alone lets one rare word outweigh
    // several. A soft boost, not a strict sort (strict sorting measured worse on XQuAD-ru); only the
    // best RERANK_WINDOW rows are touched, so the cost stays bounded on a large archive, and boosting
    // only raises |score|, so rows outside the window stay below it.
    // The best RERANK_WINDOW rows in order, by a bounded heap: sorting every row cost a one-word
    // query over most of the archive more than the boosts themselves. Equal scores in rowid order,
    // the order FTS5 and the postings give, as the stable sort did.
    const window = topK(indicesTo(rowids.length), RERANK_WINDOW, (a, b) => scores[a]! - scores[b]! || rowids[a]! - rowids[b]!);
    // Which clauses each window row matches, by the clause's index in `clauses`.
    const matchedBy = new Map<number, Set<number>>();
    const mark = (rowid: number, i: number) => {
      let set = matchedBy.get(rowid);
      if (!set) matchedBy.set(rowid, (set = new Set()));
      set.add(i);
    };
    if (!covering) {
      // nothing to count: every row has every word
    } else if (postings) {
      clauses.forEach((c, i) => {
        const p = postings.get(termKey(c))!;
        for (const w of window) if (contains(p, rowids[w]!)) mark(rowids[w]!, i);
      });
    } else {
      const ids = JSON.stringify(window.map((w) => rowids[w]!));
      const one = this.statement("SELECT rowid FROM fts WHERE fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))").pluck();
      clauses.forEach((c, i) => {
        deadline.check();
        for (const id of one.all(clauseToFts(c), ids) as number[]) mark(id, i);
      });
    }
    if (covering)
      for (const w of window) {
        const set = matchedBy.get(rowids[w]!);
        const has = (i: number) => set?.has(i) === true;
        scores[w]! *= (1 + RANKING.coverageBoost * clauseCoverage(parsed.groups, has)) * (1 + RANKING.typedBoost * typedShare(parsed.groups, has));
      }
    // The words in the form typed (lib/search/coverage.ts).
    if (exact.length > 0) {
      const forms = exact.map((form) => this.exactFormRows(form, deadline));
      for (const w of window.slice(0, EXACT_WINDOW)) {
        let have = 0;
        for (const p of forms) if (contains(p, rowids[w]!)) have++;
        scores[w]! *= 1 + (RANKING.exactBoost * have) / forms.length;
      }
    }
    // Neighbouring query words standing together in the document (lib/search/proximity.ts).
    if (pairs.length > 0) {
      const boost = partial ? RANKING.proximityBoostAny : RANKING.proximityBoost;
      const near = pairs.map((e) => this.pairRows(e, deadline));
      for (const w of window.slice(0, PROXIMITY_WINDOW)) {
        let n = 0;
        for (const set of near) if (set.has(rowids[w]!)) n++;
        scores[w]! *= 1 + (boost * n) / pairs.length;
      }
    }
    return rows;
  }

  /**
   * Every row where a pair of query words stands together: one walk of the pair's NEAR over the
   * index, remembered until the archive changes. Not a lookup per row: with a rowid range FTS5 still
   * seeks every segment's doclists, ~10 ms a lookup at 100k documents against 15–50 ms for the whole
   * walk; a rowid IN (…) list re-evaluates NEAR over the whole index for each rowid; and `rowid = ?`
   * with MATCH answered rows that do not match.
   */
  private pairRows(expr: string, deadline: Deadline): Set<number> {
    const mem = this.memory;
    const cached = mem?.pairs.get(expr);
    if (cached) return cached;
    deadline.check();
    const list = this.statement("SELECT '[' || coalesce(group_concat(rowid), '') || ']' FROM fts WHERE fts MATCH ?").pluck().get(expr) as string;
    deadline.check();
    const rows = new Set(JSON.parse(list) as number[]);
    mem?.pairs.set(expr, rows);
    return rows;
  }

  /** match(), remembered for large or slow match sets until the archive changes. */
  private matchCached(mem: FacetMemory, parsed: ParsedQuery, mode: "all" | "any", ranked: boolean, deadline: Deadline): MatchRows | null {
    if (isEmptyQuery(parsed)) return null;
    const key = `${mode}|${ranked ? "r" : "u"}|${JSON.stringify(parsed)}`;
    const cached = mem.matches.get(key);
    if (cached) return cached;
    const started = performance.now();
    const rows = this.match(parsed, mode, ranked, deadline);
    if (rows === null) return null;
    // Postings are kept on their own (terms, posting-store.ts), so a set made from them is worth
    // keeping only when combining and re-ranking them was itself slow.
    const { fromPostings, postingsMs } = this.lastMatch;
    const ms = performance.now() - started - (fromPostings ? postingsMs : 0);
    const slow = ms >= MATCH_CACHE_MIN_MS;
    if (fromPostings && !slow) return rows;
    if ((slow || rows.rowids.length >= MATCH_CACHE_MIN_ROWS) && rows.rowids.length <= MATCH_CACHE_MAX_ROWS) mem.matches.set(key, rows);
    return rows;
  }

  private excludedSet(parsed: ParsedQuery, deadline: Deadline): Set<number> {
    if (parsed.excluded.length === 0) return new Set();
    const expr = parsed.excluded.map(clauseToFts).join(" OR ");
    return new Set(rowsWithin(this.statement("SELECT rowid FROM fts WHERE fts MATCH ?").pluck().iterate(expr) as IterableIterator<number>, deadline));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    this.assertFresh();
    const mem = this.facetMemory();
    // Popular searches repeat (and every page of a search shares its counts); answers are kept
    // until the archive changes, which drops the whole facet memory with them. Every answer counts
    // its timeline (a pass over the matches' dates in a typed array), so the search page, which
    // shows it, and /api/search, which sends it only when asked, share one answer per query.
    const key = JSON.stringify([query.q, query.filters, query.sort, query.page, query.perPage, query.noCorrection === true, query.from, query.to]);
    let result = mem.results.get(key);
    if (!result) {
      result = this.computeSearch({ ...query, timeline: true }, mem, new Deadline(this.timeBudgetMs));
      // Export pages (lib/export.ts, larger than any results page) are read once: keeping them would evict real searches.
      if (query.perPage <= MAX_CACHED_PAGE_SIZE) mem.results.set(key, result);
    }
    const { timeline, ...rest } = result;
    return { ...rest, ...(query.timeline && timeline ? { timeline } : {}), tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  private computeSearch(query: SearchQuery, mem: FacetMemory, deadline: Deadline): SearchResult {
    let parsed = parseQuery(query.q, this.analyzer);
    this.vocabulary ??= new SqliteVocabulary(this.db);
    const correctedQuery = query.noCorrection ? undefined : (correctQueryText(query.q, parsed, this.analyzer, this.vocabulary) ?? undefined);
    if (correctedQuery !== undefined) parsed = parseQuery(correctedQuery, this.analyzer);
    // A Latin word also finds its Cyrillic spelling (Phoenix → Феникс): script-correction.ts; a
    // foreign name its other Cyrillic ones (Мэри → Мери): spelling-variants.ts.
    if (!query.noCorrection) parsed = withSpellingVariants(withScriptVariants(parsed, this.analyzer, this.vocabulary), this.vocabulary);

    let matchMode: "all" | "any" = "all";
    const ranked = query.sort === "relevance";
    let scored = this.matchCached(mem, parsed, "all", ranked, deadline);
    if (scored && scored.rowids.length === 0 && parsed.groups.length > 1) {
      scored = this.matchCached(mem, parsed, "any", ranked, deadline);
      matchMode = "any";
    }

    // Matches in match order, with their scores; rows not (or no longer) in the archive are dropped.
    const rank = mem.rank;
    let cand: Int32Array;
    let candScore: Float64Array | null = null;
    if (scored === null) {
      const excluded = this.excludedSet(parsed, deadline);
      cand = Int32Array.from(excluded.size === 0 ? mem.allDocs : mem.allDocs.filter((d) => !excluded.has(d)));
    } else {
      const { rowids, scores } = scored;
      cand = new Int32Array(rowids.length);
      candScore = new Float64Array(rowids.length);
      let n = 0;
      for (let i = 0; i < rowids.length; i++) {
        const rowid = rowids[i]!;
        if (rowid >= rank.length || rank[rowid]! < 0) continue;
        cand[n] = rowid;
        candScore[n++] = scores[i]!;
      }
      cand = cand.subarray(0, n);
      candScore = candScore.subarray(0, n);
    }

    const cols: FacetColumns = { values: mem.values, valueIds: mem.valueIds, members: mem.valueDocs, valuesOf: mem.docValues, dates: mem.dates, size: rank.length };
    const summary = summaryOf(mem, () => new FacetSummary(cols, mem.allDocs));
    const { hits, facets, facetTotals, timeline } = facetPass(cols, cand, query, summary);
    const total = hits.length;

    // Only the rows up to the requested page are ordered: a bounded heap instead of sorting every match.
    const pageCount = Math.max(1, Math.ceil(total / query.perPage));
    const want = Math.min(total, query.page * query.perPage);
    let ordered: number[];
    const asc = mem.ascRank;
    if (query.sort === "oldest") {
      ordered = topK(hits, want, (a, b) => asc[cand[a]!]! - asc[cand[b]!]!);
    } else if (scored === null) {
      // Browse order already: allDocs is sorted newest first.
      ordered = Array.from(hits.subarray(0, want));
    } else {
      const scores = candScore!;
      const before =
        query.sort !== "relevance"
          ? (a: number, b: number) => rank[cand[a]!]! - rank[cand[b]!]!
          : (a: number, b: number) => scores[a]! - scores[b]! || rank[cand[a]!]! - rank[cand[b]!]!;
      ordered = topK(hits, want, before);
    }
    const pageRows = ordered.slice((query.page - 1) * query.perPage, query.page * query.perPage).map((i) => cand[i]!);
    const docs = this.store.byRowids(pageRows);
    const terms = highlightTermsOf(parsed);
    const pageHits: SearchHit[] = pageRows.flatMap((rowid) => {
      const doc = docs.get(rowid);
      return doc ? [toHit(this.view(doc), this.tokens.analyzer, terms)] : [];
    });

    return {
      hits: pageHits,
      total,
      page: query.page,
      perPage: query.perPage,
      pageCount,
      facets,
      facetTotals,
      matchMode,
      ...(correctedQuery !== undefined ? { correctedQuery } : {}),
      ...(timeline ? { timeline } : {}),
      tookMs: 0,
    };
  }

  async searchStatements(query: SearchQuery): Promise<StatementResult> {
    this.assertFresh();
    // Unknown words are corrected against the archive's vocabulary, as in document search.
    return this.statements.search(query, (q, parsed) => {
      this.vocabulary ??= new SqliteVocabulary(this.db);
      return correctQueryText(q, parsed, this.analyzer, this.vocabulary) ?? undefined;
    }, new Deadline(this.timeBudgetMs));
  }

  async getDocument(slug: string): Promise<CommentaryDocument | null> {
    const doc = this.store.bySlug(slug)?.document;
    return doc ? this.view(doc) : null;
  }

  async similar(slug: string, limit?: number): Promise<SimilarDocument[]> {
    this.assertFresh();
    // The memoised analysis snippets use: the same terms as the index. Not indexAndExact, which
    // saves new words' analyses to the archive: a page view must not write to it.
    const analyzer = {
      indexText: (text: string) =>
        this.tokens.analyzer
          .analyze(text)
          .flatMap((t) => t.terms)
          .join(" "),
    };
    return sqliteSimilar({ db: this.db, store: this.store, analyzer, view: (d) => this.view(d) }, slug, limit);
  }

  async listDocuments(filters: Partial<Record<FacetField, string[]>>, page: { limit: number; offset: number }): Promise<DocumentListing> {
    const mem = this.facetMemory();
    let docs = mem.allDocs;
    for (const f of FACET_FIELDS) {
      const values = filters[f];
      if (!values || values.length === 0) continue;
      const set = new Set<number>();
      for (const v of values) {
        const id = mem.valueIds[f].get(v);
        if (id !== undefined) for (const d of mem.valueDocs[f][id]!) set.add(d);
      }
      docs = docs.filter((d) => set.has(d));
    }
    const rows = docs.slice(page.offset, page.offset + page.limit);
    const byRow = this.store.byRowids(rows);
    return { documents: rows.flatMap((r) => (byRow.has(r) ? [this.view(byRow.get(r)!)] : [])), total: docs.length };
  }

  async facetValues(field: FacetField): Promise<{ value: string; count: number }[]> {
    const mem = this.facetMemory();
    const counts = new Map<string, number>();
    mem.values[field].forEach((v, id) => counts.set(v, mem.valueDocs[field][id]!.length));
    return orderFacet(counts, [], Number.POSITIVE_INFINITY).map(({ value, count }) => ({ value, count }));
  }

  async health(): Promise<EngineHealth> {
    try {
      const documents = this.store.count();
      const stale = this.isStale();
      return {
        engine: "sqlite",
        ok: !stale,
        documents,
        analyzer: this.indexedAnalyzer() ?? this.analyzer.version,
        ...(stale ? { message: "index built with another analyzer: run npm run reindex" } : {}),
      };
    } catch (e) {
      return { engine: "sqlite", ok: false, documents: 0, analyzer: this.analyzer.version, message: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    // The connection is shared per file (lib/archive/db.ts) and closed with the process.
  }
}

/**
 * Each document's date as YYYYMMDD and its position oldest first (undated last, by slug on equal
 * dates). `rows` come newest first and by slug within a date, so a stable sort on the date alone
 * keeps the slug order.
 */
function oldestFirst(rows: [number, string | null][], maxRow: number): { dates: Int32Array; ascRank: Int32Array } {
  const dates = new Int32Array(maxRow + 1);
  for (const [rowid, date] of rows) dates[rowid] = dateNumber(date);
  const UNDATED = 99_999_999;
  const order = rows.map((r) => r[0]).sort((a, b) => (dates[a] || UNDATED) - (dates[b] || UNDATED));
  const ascRank = new Int32Array(maxRow + 1).fill(-1);
  order.forEach((d, i) => (ascRank[d] = i));
  return { dates, ascRank };
}



// Kept as a re-export: toHit moved to lib/search/hit.ts so the Meilisearch engine shares it.
export { toHit };
