/**
 * Statements as records in the embedded engine: one FTS5 row per quote of a document, analysed
 * like documents, with the facet values it is filed under (statementFacetValues). SqliteEngine
 * calls index/unindex/clear inside its own indexing transactions, so the two indexes never
 * disagree; searchStatements answers «what did X say about Y» with the speaker's words only.
 */
import { phraseWindow } from "@/lib/search/proximity";
import type { Statement } from "better-sqlite3";
import type { Db } from "@/lib/archive/db";
import { getMeta, setMeta } from "@/lib/archive/db";
import { statementCache } from "@/lib/archive/statements";
import { ArchiveStore } from "@/lib/archive/store";
import { AppError } from "@/lib/errors";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { WeightedLru } from "@/lib/search/lru";
import { dateNumber } from "@/lib/search/date-range";
import { type DocList, type FacetColumns, FacetColumnsBuilder, FacetSummary, facetPass, summaryOf } from "@/lib/search/engines/sqlite/facet-pass";
import { topK } from "@/lib/search/engines/sqlite/top-k";
import { type Deadline, UNBOUNDED, rowsWithin } from "@/lib/search/engines/sqlite/deadline";
import { type Clause, type ParsedQuery, highlightTermsOf, isEmptyQuery, parseQuery } from "@/lib/search/query-syntax";
import { type StatementHit, type StatementResult, statementFacetValues, toStatementHit } from "@/lib/search/statement-hit";
import { FACET_FIELDS, type FacetField, type SearchQuery } from "@/lib/search/types";

/** Bump when what a statement row holds changes: an index built by another version is rebuilt by reindex. */
export const STATEMENTS_INDEX_VERSION = "1";
const META_KEY = "statements_index";

const SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS stmt_fts USING fts5(
  body, body_exact,
  content='', contentless_delete=1,
  tokenize="unicode61 remove_diacritics 0 tokenchars '-'"
);
CREATE TABLE IF NOT EXISTS stmt (
  rowid INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  date TEXT,
  UNIQUE (doc, idx)
);
CREATE TABLE IF NOT EXISTS stmt_facets (
  stmt INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (field, value, stmt)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS stmt_facets_stmt ON stmt_facets(stmt);
`;

const DROP = "DROP TABLE IF EXISTS stmt_fts; DROP TABLE IF EXISTS stmt; DROP TABLE IF EXISTS stmt_facets;";

function quoteFts(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** The same clause rules as the document index (sqlite.ts), over the statement's one text. */
function clauseToFts(c: Clause): string {
  if (c.kind === "term" && c.prefix) return `(body : ${quoteFts(c.key)}* OR body_exact : ${quoteFts(c.key)}*)`;
  if (c.kind === "term") return `body : ${quoteFts(c.key)}`;
  if (c.keys && c.keys.length > 1) {
    const near = `body : NEAR(${c.keys.map(quoteFts).join(" ")}, ${phraseWindow(c.keys.length, c.expansion === true)})`;
    // Typed phrases: their stems in order in the exact column too, as in the document index (proximity.ts).
    if (c.expansion || !c.stems || c.stems.length < 2) return near;
    return `(${near} AND body_exact : ${c.stems.map((s) => (s.endsWith("*") ? `${quoteFts(s.slice(0, -1))}*` : quoteFts(s))).join(" + ")})`;
  }
  return `body_exact : ${quoteFts(c.words.join(" "))}`;
}

function matchExpression(parsed: ParsedQuery, mode: "all" | "any"): string {
  const group = (g: Clause[]) => (g.length === 1 ? clauseToFts(g[0]!) : `(${g.map(clauseToFts).join(" OR ")})`);
  let expr = parsed.groups.map(group).join(mode === "all" ? " AND " : " OR ");
  if (parsed.excluded.length > 0) expr = `(${expr}) NOT (${parsed.excluded.map(clauseToFts).join(" OR ")})`;
  return expr;
}

/** Statement facets in memory, dense by browse position (newest document first, text order within one). */
interface StatementMemory {
  version: number;
  /** position → document rowid, quote index */
  docs: Int32Array;
  idx: Int32Array;
  /** position → its document's date as YYYYMMDD, 0 when undated */
  dates: Int32Array;
  /** statement rowid → position, -1 when none */
  pos: Int32Array;
  values: Record<FacetField, string[]>;
  valueIds: Record<FacetField, Map<string, number>>;
  /** position → value ids, per field, as CSR arrays */
  valuesAt: Record<FacetField, { offsets: Int32Array; ids: Int32Array }>;
  /** value id → positions, per field (document rowids for a field in `via`) */
  positionsOf: Record<FacetField, DocList[]>;
  /** Fields read from the document memory through each statement's document (FacetColumns.via). */
  via: FacetColumns["via"];
  /** Recent answers by query, dropped with this memory when the archive changes. */
  results: WeightedLru<StatementResult>;
  /** Built by the first search under this memory (facet-pass.ts). */
  summary?: FacetSummary | null;
}

/** Answers remembered per archive version. */
const RESULT_CACHE_SIZE = 300;
/** Answers for pages of at most this many rows are remembered (SEARCH_PAGE_SIZE is at most 100). */
const MAX_CACHED_PAGE_SIZE = 100;

export interface StatementIndexText {
  /** Analyzer.indexText and Analyzer.exactText of one text (the engine's memoised analysis). */
  indexAndExact(text: string): [string, string];
  /** The analyzer for queries and highlighting. */
  analyzer: Analyzer;
  /** What a stored document looks like to readers: its names resolved to entities (SqliteEngine.view). */
  view?: (doc: CommentaryDocument) => CommentaryDocument;
  /** The document index's facet memory (values and document rowid → value ids), current with the archive. */
  documentFacets?: () => {
    values: Record<FacetField, string[]>;
    valueIds: Record<FacetField, Map<string, number>>;
    docValues: Record<FacetField, { offsets: Int32Array; ids: Int32Array }>;
    valueDocs: Record<FacetField, DocList[]>;
  };
}

/**
 * Fields a statement takes from its document (statementFacetValues): indexed with the statement
 * like the others, but read from the document index's facet memory, which already holds them per
 * document, instead of once per statement (about six rows in seven of stmt_facets on the bench corpus).
 */
const DOCUMENT_FIELDS: readonly FacetField[] = ["country", "topic"];

export class SqliteStatements {
  private readonly statement: (sql: string) => Statement;
  private readonly store: ArchiveStore;
  private memory: StatementMemory | undefined;

  constructor(
    readonly db: Db,
    private readonly text: StatementIndexText,
  ) {
    const existed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'stmt'").get() !== undefined;
    db.exec(SCHEMA);
    // A fresh archive starts with an (empty) complete statement index; an archive indexed before
    // statements existed has documents in the index and none here: stale until reindexed.
    if (!existed && !this.documentsIndexed()) setMeta(db, META_KEY, STATEMENTS_INDEX_VERSION);
    this.statement = statementCache(db);
    this.store = new ArchiveStore(db);
  }

  private documentsIndexed(): boolean {
    try {
      return this.db.prepare("SELECT rowid FROM fts LIMIT 1").get() !== undefined;
    } catch {
      return false;
    }
  }

  /** True when the archive has documents whose statements this index was not built with. */
  isStale(): boolean {
    return getMeta(this.db, META_KEY) !== STATEMENTS_INDEX_VERSION && this.store.count() > 0;
  }

  // ---- indexing (synchronous, inside the caller's transaction) ---------------------------

  index(docRowid: number, doc: CommentaryDocument): void {
    this.unindex(docRowid);
    // No RETURNING: it makes SQLite open a statement journal, and every statement journal makes
    // FTS5 flush its pending terms (fts5SavepointMethod), so each document became its own segment.
    const insert = this.statement("INSERT INTO stmt (doc, idx, date) VALUES (?, ?, ?)");
    const fts = this.statement("INSERT INTO stmt_fts (rowid, body, body_exact) VALUES (?, ?, ?)");
    const facet = this.statement("INSERT OR IGNORE INTO stmt_facets (stmt, field, value) VALUES (?, ?, ?)");
    doc.quotes.forEach((quote, i) => {
      const rowid = Number(insert.run(docRowid, i, doc.date ?? null).lastInsertRowid);
      const [body, bodyExact] = this.text.indexAndExact(quote.text);
      fts.run(rowid, body, bodyExact);
      const values = statementFacetValues(doc, quote);
      for (const f of FACET_FIELDS) for (const v of values[f]) facet.run(rowid, f, v);
    });
    this.memory = undefined;
  }

  unindex(docRowid: number): void {
    const rowids = this.statement("DELETE FROM stmt WHERE doc = ? RETURNING rowid").pluck().all(docRowid) as number[];
    if (rowids.length > 0) {
      const delFts = this.statement("DELETE FROM stmt_fts WHERE rowid = ?");
      const delFacets = this.statement("DELETE FROM stmt_facets WHERE stmt = ?");
      for (const r of rowids) {
        delFts.run(r);
        delFacets.run(r);
      }
    }
    this.memory = undefined;
  }

  /** Empty the index before a full rebuild (recreated, so a schema change takes effect); the rebuild marks it current. */
  clear(): void {
    this.db.exec(DROP);
    this.db.exec(SCHEMA);
    setMeta(this.db, META_KEY, STATEMENTS_INDEX_VERSION);
    this.memory = undefined;
  }

  /**
   * An archive indexed before statements existed gets its statement index on first use, from the
   * archive itself (a full reindex does the same); refused as unavailable if it cannot be written.
   */
  private buildFromArchive(): void {
    try {
      this.db.transaction(() => {
        if (!this.isStale()) return;
        this.clear();
        const view = this.text.view ?? ((d: CommentaryDocument) => d);
        for (const { rowid, document } of this.store.all()) this.index(rowid, view(document));
      })();
    } catch (e) {
      throw new AppError("unavailable", "The statement index has not been built for this archive yet. Run `npm run reindex`.", { cause: e });
    }
  }

  count(): number {
    return this.statement("SELECT count(*) FROM stmt").pluck().get() as number;
  }

  // ---- reading -----------------------------------------------------------------------------

  private facetMemory(): StatementMemory {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (this.memory && this.memory.version === version) return this.memory;
    // One read transaction: the count and the rows come from the same snapshot however another process writes.
    this.memory = this.db.transaction(() => this.buildMemory(version))();
    return this.memory;
  }

  private buildMemory(version: number): StatementMemory {
    // Undated documents last; a later document first on equal dates; text order within a document.
    // Read a row at a time into typed arrays: ~200k rows held as arrays were ~30 MB of garbage at once.
    const n = this.statement("SELECT count(*) FROM stmt s JOIN documents d ON d.rowid = s.doc").pluck().get() as number;
    const docs = new Int32Array(n);
    const idx = new Int32Array(n);
    const dates = new Int32Array(n);
    const rowids = new Int32Array(n);
    let count = 0;
    let maxRowid = 0;
    for (const [r, d, i, date] of this.db
      .prepare("SELECT s.rowid, s.doc, s.idx, s.date FROM stmt s JOIN documents d ON d.rowid = s.doc ORDER BY s.date DESC NULLS LAST, s.doc DESC, s.idx ASC")
      .raw()
      .iterate() as IterableIterator<[number, number, number, string | null]>) {
      rowids[count] = r;
      docs[count] = d;
      idx[count] = i;
      dates[count++] = dateNumber(date);
      if (r > maxRowid) maxRowid = r;
    }
    const pos = new Int32Array(maxRowid + 1).fill(-1);
    for (let p = 0; p < count; p++) pos[rowids[p]!] = p;
    const facets = new FacetColumnsBuilder();
    const fromDocuments = this.text.documentFacets?.();
    const read = fromDocuments ? FACET_FIELDS.filter((f) => !DOCUMENT_FIELDS.includes(f)) : FACET_FIELDS;
    // Grouped by value, as the document index reads its facets (index.ts): one driver row per value.
    const grouped = `SELECT field, value, '[' || group_concat(stmt) || ']' FROM stmt_facets WHERE field IN (${read.map(() => "?").join(", ")}) GROUP BY field, value`;
    for (const [field, value, stmts] of this.db.prepare(grouped).raw().iterate(...read) as Iterable<[FacetField, string, string]>) {
      for (const stmt of JSON.parse(stmts) as number[]) {
        const p = stmt <= maxRowid ? pos[stmt]! : -1;
        if (p >= 0) facets.add(p, field, value);
      }
    }
    // The document fields are the document memory's own columns, seen through each statement's
    // document: copied per statement they were ~2.3M values, 18 MB kept and more while building.
    const docSize = fromDocuments ? fromDocuments.docValues.country.offsets.length - 1 : 0;
    let through = fromDocuments !== undefined;
    for (let p = 0; through && p < count; p++) if (docs[p]! >= docSize) through = false;
    if (fromDocuments && !through) {
      // A statement of a document the document memory does not hold (not expected): copied after all.
      for (const f of DOCUMENT_FIELDS) {
        const { offsets, ids } = fromDocuments.docValues[f];
        const names = fromDocuments.values[f];
        for (let p = 0; p < count; p++) {
          const d = docs[p]!;
          if (d + 1 >= offsets.length) continue;
          for (let k = offsets[d]!; k < offsets[d + 1]!; k++) facets.addId(p, f, names, ids[k]!);
        }
      }
    }
    const values = { ...facets.values };
    const valueIds = { ...facets.valueIds };
    const valuesAt = facets.rows(count);
    const positionsOf = { ...facets.members } as StatementMemory["positionsOf"];
    const via: NonNullable<FacetColumns["via"]> = {};
    if (fromDocuments && through) {
      const rows = docs.subarray(0, count);
      for (const f of DOCUMENT_FIELDS) {
        values[f] = fromDocuments.values[f];
        valueIds[f] = fromDocuments.valueIds[f];
        valuesAt[f] = fromDocuments.docValues[f];
        positionsOf[f] = fromDocuments.valueDocs[f];
        via[f] = { rows, size: docSize };
      }
    }
    return {
      version,
      docs: docs.subarray(0, count),
      idx: idx.subarray(0, count),
      dates: dates.subarray(0, count),
      pos,
      values,
      valueIds,
      valuesAt,
      positionsOf,
      via,
      results: new WeightedLru(RESULT_CACHE_SIZE),
    };
  }

  /** Matching positions with bm25 scores (lower is better), or null when the query has no positive words. */
  private match(mem: StatementMemory, parsed: ParsedQuery, mode: "all" | "any", ranked: boolean, deadline: Deadline): { at: Int32Array; score: Float64Array } | null {
    if (isEmptyQuery(parsed)) return null;
    const rows = rowsWithin(
      this.statement(`SELECT rowid, ${ranked ? "bm25(stmt_fts)" : "0"} FROM stmt_fts WHERE stmt_fts MATCH ?`)
        .raw()
        .iterate(matchExpression(parsed, mode)) as IterableIterator<[number, number]>,
      deadline,
    );
    const at = new Int32Array(rows.length);
    const score = new Float64Array(rows.length);
    let k = 0;
    for (const [rowid, sc] of rows) {
      const p = rowid < mem.pos.length ? mem.pos[rowid]! : -1;
      if (p < 0) continue;
      at[k] = p;
      score[k++] = sc;
    }
    return { at: at.subarray(0, k), score: score.subarray(0, k) };
  }

  private excluded(mem: StatementMemory, parsed: ParsedQuery, deadline: Deadline): Uint8Array | null {
    if (parsed.excluded.length === 0) return null;
    const bits = new Uint8Array(mem.docs.length);
    const rowids = rowsWithin(
      this.statement("SELECT rowid FROM stmt_fts WHERE stmt_fts MATCH ?")
        .pluck()
        .iterate(parsed.excluded.map(clauseToFts).join(" OR ")) as IterableIterator<number>,
      deadline,
    );
    for (const r of rowids) if (r < mem.pos.length && mem.pos[r]! >= 0) bits[mem.pos[r]!] = 1;
    return bits;
  }

  /** `correct` offers a corrected query text for unknown words (the engine's vocabulary), as document search does. */
  search(query: SearchQuery, correct?: (q: string, parsed: ParsedQuery) => string | undefined, deadline: Deadline = UNBOUNDED): StatementResult {
    const started = performance.now();
    if (this.isStale()) this.buildFromArchive();
    const mem = this.facetMemory();
    const key = JSON.stringify([query.q, query.filters, query.sort, query.page, query.perPage, query.noCorrection === true, query.from, query.to, query.timeline === true]);
    let result = mem.results.get(key);
    if (!result) {
      result = this.compute(query, mem, query.noCorrection ? undefined : correct, deadline);
      // Export pages (lib/export.ts, larger than any results page) are read once: keeping them would evict real searches.
      if (query.perPage <= MAX_CACHED_PAGE_SIZE) mem.results.set(key, result);
    }
    return { ...result, tookMs: Math.round((performance.now() - started) * 100) / 100 };
  }

  private compute(query: SearchQuery, mem: StatementMemory, correct: ((q: string, parsed: ParsedQuery) => string | undefined) | undefined, deadline: Deadline): StatementResult {
    const analyzer = this.text.analyzer;
    let parsed = parseQuery(query.q, analyzer);
    const correctedQuery = correct?.(query.q, parsed);
    if (correctedQuery !== undefined) parsed = parseQuery(correctedQuery, analyzer);
    const ranked = query.sort === "relevance";
    let matchMode: "all" | "any" = "all";
    let scored = this.match(mem, parsed, "all", ranked, deadline);
    if (scored && scored.at.length === 0 && parsed.groups.length > 1) {
      scored = this.match(mem, parsed, "any", ranked, deadline);
      matchMode = "any";
    }
    const n = mem.docs.length;
    let cand: Int32Array;
    if (scored === null) {
      const excluded = this.excluded(mem, parsed, deadline);
      cand = new Int32Array(n);
      let k = 0;
      for (let p = 0; p < n; p++) if (!excluded || !excluded[p]) cand[k++] = p;
      cand = cand.subarray(0, k);
    } else cand = scored.at;

    // Disjunctive facets and the date range, as for documents.
    const cols: FacetColumns = { values: mem.values, valueIds: mem.valueIds, members: mem.positionsOf, valuesOf: mem.valuesAt, dates: mem.dates, size: n, via: mem.via };
    const summary = summaryOf(mem, () => new FacetSummary(cols, Int32Array.from({ length: n }, (_, p) => p)));
    const { hits: hitIdx, facets, facetTotals, timeline } = facetPass(cols, cand, query, summary);
    const total = hitIdx.length;
    const dates = mem.dates;

    // Position is the browse order, so it breaks every tie and paging is stable. Only the rows up
    // to the requested page are ordered.
    const want = Math.min(total, query.page * query.perPage);
    let ordered: number[];
    // Oldest first: by date, undated last; on equal dates in browse order (a document's statements in text order).
    const dateKey = (p: number) => dates[p] || Infinity;
    if (query.sort === "oldest") ordered = topK(hitIdx, want, (a, b) => dateKey(cand[a]!) - dateKey(cand[b]!) || cand[a]! - cand[b]!);
    else if (scored === null) ordered = Array.from(hitIdx.subarray(0, want));
    else {
      const score = scored.score;
      const before = ranked ? (a: number, b: number) => score[a]! - score[b]! || cand[a]! - cand[b]! : (a: number, b: number) => cand[a]! - cand[b]!;
      ordered = topK(hitIdx, want, before);
    }
    const pagePositions = ordered.slice((query.page - 1) * query.perPage, want).map((i) => cand[i]!);
    const docs = this.store.byRowids([...new Set(pagePositions.map((p) => mem.docs[p]!))]);
    const terms = highlightTermsOf(parsed);
    const pageHits: StatementHit[] = pagePositions.flatMap((p) => {
      const doc = docs.get(mem.docs[p]!);
      const i = mem.idx[p]!;
      const shown = doc && (this.text.view ? this.text.view(doc) : doc);
      return shown && shown.quotes[i] ? [toStatementHit(shown, i, analyzer, terms)] : [];
    });
    return {
      hits: pageHits,
      total,
      page: query.page,
      perPage: query.perPage,
      pageCount: Math.max(1, Math.ceil(total / query.perPage)),
      facets,
      facetTotals,
      matchMode,
      ...(correctedQuery !== undefined ? { correctedQuery } : {}),
      ...(timeline ? { timeline } : {}),
      tookMs: 0,
    };
  }
}

