/**
 * Statements as records in the embedded engine: one FTS5 row per quote of a document, analysed
 * like documents, with the facet values it is filed under (statementFacetValues). SqliteEngine
 * calls index/unindex/clear inside its own indexing transactions, so the two indexes never
 * disagree; searchStatements answers «what did X say about Y» with the speaker's words only.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "@/lib/archive/db";
import { getMeta, setMeta } from "@/lib/archive/db";
import { statementCache } from "@/lib/archive/statements";
import { ArchiveStore } from "@/lib/archive/store";
import { AppError } from "@/lib/errors";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { orderFacet } from "../facets";
import { type Clause, type ParsedQuery, highlightTermsOf, isEmptyQuery, parseQuery } from "../query-syntax";
import { type StatementHit, type StatementResult, statementFacetValues, toStatementHit } from "../statement-hit";
import { FACET_FIELDS, type FacetField, type SearchQuery } from "../types";

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
  if (c.kind === "term") return `body : ${quoteFts(c.key)}`;
  if (c.keys && c.keys.length > 1) return `body : NEAR(${c.keys.map(quoteFts).join(" ")}, ${2 * c.keys.length})`;
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
  /** position → statement rowid, document rowid, quote index */
  rowids: Int32Array;
  docs: Int32Array;
  idx: Int32Array;
  /** statement rowid → position */
  pos: Map<number, number>;
  values: Record<FacetField, string[]>;
  valueIds: Record<FacetField, Map<string, number>>;
  /** position → value ids, per field */
  valuesAt: Record<FacetField, number[][]>;
}

export interface StatementIndexText {
  /** Analyzer.indexText and Analyzer.exactText of one text (the engine's memoised analysis). */
  indexAndExact(text: string): [string, string];
  /** The analyzer for queries and highlighting. */
  analyzer: Analyzer;
}

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
    const insert = this.statement("INSERT INTO stmt (doc, idx, date) VALUES (?, ?, ?) RETURNING rowid").pluck();
    const fts = this.statement("INSERT INTO stmt_fts (rowid, body, body_exact) VALUES (?, ?, ?)");
    const facet = this.statement("INSERT OR IGNORE INTO stmt_facets (stmt, field, value) VALUES (?, ?, ?)");
    doc.quotes.forEach((quote, i) => {
      const rowid = insert.get(docRowid, i, doc.date ?? null) as number;
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
        for (const { rowid, document } of this.store.all()) this.index(rowid, document);
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
    // Undated documents last; a later document first on equal dates; text order within a document.
    const rows = this.db
      .prepare("SELECT s.rowid, s.doc, s.idx FROM stmt s JOIN documents d ON d.rowid = s.doc ORDER BY s.date DESC NULLS LAST, s.doc DESC, s.idx ASC")
      .raw()
      .all() as [number, number, number][];
    const n = rows.length;
    const rowids = new Int32Array(n);
    const docs = new Int32Array(n);
    const idx = new Int32Array(n);
    const pos = new Map<number, number>();
    rows.forEach(([r, d, i], p) => {
      rowids[p] = r;
      docs[p] = d;
      idx[p] = i;
      pos.set(r, p);
    });
    const values = {} as StatementMemory["values"];
    const valueIds = {} as StatementMemory["valueIds"];
    const valuesAt = {} as StatementMemory["valuesAt"];
    for (const f of FACET_FIELDS) {
      values[f] = [];
      valueIds[f] = new Map();
      valuesAt[f] = Array.from({ length: n }, () => []);
    }
    for (const [stmt, field, value] of this.db.prepare("SELECT stmt, field, value FROM stmt_facets").raw().iterate() as Iterable<
      [number, FacetField, string]
    >) {
      const p = pos.get(stmt);
      if (p === undefined || !values[field]) continue;
      let id = valueIds[field].get(value);
      if (id === undefined) {
        id = values[field].push(value) - 1;
        valueIds[field].set(value, id);
      }
      valuesAt[field][p]!.push(id);
    }
    this.memory = { version, rowids, docs, idx, pos, values, valueIds, valuesAt };
    return this.memory;
  }

  /** Matching positions with bm25 scores (lower is better), or null when the query has no positive words. */
  private match(mem: StatementMemory, parsed: ParsedQuery, mode: "all" | "any", ranked: boolean): { pos: number; score: number }[] | null {
    if (isEmptyQuery(parsed)) return null;
    const rows = this.statement(`SELECT rowid, ${ranked ? "bm25(stmt_fts)" : "0"} FROM stmt_fts WHERE stmt_fts MATCH ?`)
      .raw()
      .all(matchExpression(parsed, mode)) as [number, number][];
    const out: { pos: number; score: number }[] = [];
    for (const [rowid, score] of rows) {
      const p = mem.pos.get(rowid);
      if (p !== undefined) out.push({ pos: p, score });
    }
    return out;
  }

  private excluded(mem: StatementMemory, parsed: ParsedQuery): Set<number> {
    if (parsed.excluded.length === 0) return new Set();
    const rowids = this.statement("SELECT rowid FROM stmt_fts WHERE stmt_fts MATCH ?")
      .pluck()
      .all(parsed.excluded.map(clauseToFts).join(" OR ")) as number[];
    return new Set(rowids.flatMap((r) => (mem.pos.has(r) ? [mem.pos.get(r)!] : [])));
  }

  search(query: SearchQuery): StatementResult {
    const started = performance.now();
    if (this.isStale()) this.buildFromArchive();
    const mem = this.facetMemory();
    const analyzer = this.text.analyzer;
    const parsed = parseQuery(query.q, analyzer);
    const ranked = query.sort !== "date";
    let matchMode: "all" | "any" = "all";
    let scored = this.match(mem, parsed, "all", ranked);
    if (scored && scored.length === 0 && parsed.groups.length > 1) {
      scored = this.match(mem, parsed, "any", ranked);
      matchMode = "any";
    }
    let cand: { pos: number; score: number }[];
    if (scored === null) {
      const excluded = this.excluded(mem, parsed);
      cand = [];
      for (let p = 0; p < mem.rowids.length; p++) if (!excluded.has(p)) cand.push({ pos: p, score: 0 });
    } else cand = scored;

    // Disjunctive facets, as for documents: a statement passing every filter is a hit and counts
    // everywhere; one failing only one field's filter still counts for that field.
    const filters = FACET_FIELDS.map((f) => {
      const selected = query.filters[f] ?? [];
      if (selected.length === 0) return null;
      return new Set(selected.flatMap((v) => (mem.valueIds[f].has(v) ? [mem.valueIds[f].get(v)!] : [])));
    });
    const counts = FACET_FIELDS.map(() => new Map<number, number>());
    const count = (fi: number, p: number) => {
      const c = counts[fi]!;
      for (const id of mem.valuesAt[FACET_FIELDS[fi]!][p]!) c.set(id, (c.get(id) ?? 0) + 1);
    };
    const hits: { pos: number; score: number }[] = [];
    for (const c of cand) {
      let fails = 0;
      let failed = -1;
      filters.forEach((set, fi) => {
        if (set && !mem.valuesAt[FACET_FIELDS[fi]!][c.pos]!.some((id) => set.has(id))) {
          fails++;
          failed = fi;
        }
      });
      if (fails === 0) {
        hits.push(c);
        for (let fi = 0; fi < FACET_FIELDS.length; fi++) count(fi, c.pos);
      } else if (fails === 1) count(failed, c.pos);
    }
    const facets = {} as StatementResult["facets"];
    const facetTotals = {} as StatementResult["facetTotals"];
    FACET_FIELDS.forEach((f, fi) => {
      const byValue = new Map([...counts[fi]!].map(([id, n]) => [mem.values[f][id]!, n] as [string, number]));
      facets[f] = orderFacet(byValue, query.filters[f] ?? []);
      facetTotals[f] = byValue.size;
    });

    // Position is the browse order, so it breaks every tie and paging is stable.
    hits.sort(ranked && scored !== null ? (a, b) => a.score - b.score || a.pos - b.pos : (a, b) => a.pos - b.pos);
    const total = hits.length;
    const pageRows = hits.slice((query.page - 1) * query.perPage, query.page * query.perPage);
    const docs = this.store.byRowids([...new Set(pageRows.map((h) => mem.docs[h.pos]!))]);
    const terms = highlightTermsOf(parsed);
    const pageHits: StatementHit[] = pageRows.flatMap((h) => {
      const doc = docs.get(mem.docs[h.pos]!);
      const i = mem.idx[h.pos]!;
      return doc && doc.quotes[i] ? [toStatementHit(doc, i, analyzer, terms)] : [];
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
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }
}
