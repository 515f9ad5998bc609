import type { Db } from "@/lib/archive/db";
import { getMeta, setMeta } from "@/lib/archive/db";
import { ArchiveStore } from "@/lib/archive/store";
import { AppError } from "@/lib/errors";
import type { AnalyzedToken, Analyzer } from "@/lib/text/analyzer";
import { type RawToken, tokenize } from "@/lib/text/tokenize";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { SearchEngine } from "@/lib/search/engine";
import { facetValuesOf, orderFacet } from "@/lib/search/facets";
import { toHit } from "@/lib/search/hit";
import { SqliteVocabulary, correctQueryText } from "@/lib/search/engines/sqlite-vocabulary";
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

/** Up to +50% score for a document matching every word of an OR / relaxed query (tuned on XQuAD-ru: 0.25 and 1.0 both worse). */
const COVERAGE_BOOST = 0.5;
const RERANK_WINDOW = 300;

/** Title matches count ten times a body match: a word in the headline says what the piece is about. */
const BM25_WEIGHTS = "10.0, 1.0, 10.0, 1.0";

/** Facet data held in memory so counting never scans the database per query. */
interface FacetMemory {
  version: number;
  values: Record<FacetField, string[]>;
  valueIds: Record<FacetField, Map<string, number>>;
  /** doc rowid → value ids, per field */
  docValues: Record<FacetField, Map<number, number[]>>;
  /** value id → doc rowids, per field */
  valueDocs: Record<FacetField, number[][]>;
  /** doc rowid → date (ISO) or "" */
  dates: Map<number, string>;
  allDocs: number[];
}

function quoteFts(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function clauseToFts(c: Clause): string {
  if (c.kind === "term") return `{title body} : ${quoteFts(c.key)}`;
  // Alias names match in any case form: their keys close together in the analyzed text. A token can
  // carry several lemmas, so the window is twice the name's length rather than an exact phrase.
  if (c.keys && c.keys.length > 1) return `{title body} : NEAR(${c.keys.map(quoteFts).join(" ")}, ${2 * c.keys.length})`;
  return `{title_exact body_exact} : ${quoteFts(c.words.join(" "))}`;
}

function groupToFts(g: Clause[]): string {
  return g.length === 1 ? clauseToFts(g[0]!) : `(${g.map(clauseToFts).join(" OR ")})`;
}

export function buildFtsMatch(groups: Clause[][], mode: "all" | "any"): string {
  return groups.map(groupToFts).join(mode === "all" ? " AND " : " OR ");
}

type TokenAnalysis = Pick<AnalyzedToken, "norm" | "terms" | "key" | "stop"> & { joined: string };

/**
 * The analyzer's per-token output, memoised by surface form. analyzeToken looks at nothing
 * but the token's surface, so this returns exactly what the analyzer would; it exists because
 * the lemmatizing analyzer costs ~4 µs a token even when its lemma cache hits, against one
 * Map lookup here, and ingest and snippets analyze every token of every document they touch.
 */
class TokenMemo {
  private readonly forms = new Map<string, TokenAnalysis>();
  /** The wrapped analyzer with analyze() served from the memo, for highlighting and snippets. */
  readonly analyzer: Analyzer;

  constructor(private readonly base: Analyzer) {
    const memo = this;
    this.analyzer = Object.create(base, {
      analyze: { value: (text: string) => memo.analyze(text) },
    }) as Analyzer;
  }

  private of(t: RawToken): TokenAnalysis {
    let a = this.forms.get(t.surface);
    if (a === undefined) {
      const full = this.base.analyzeToken(t);
      a = { norm: full.norm, terms: full.terms, key: full.key, stop: full.stop, joined: full.terms.join(" ") };
      // Bounded like the lemma cache: a pathological import must not grow memory without limit.
      if (this.forms.size >= 500_000) this.forms.clear();
      this.forms.set(t.surface, a);
    }
    return a;
  }

  analyze(text: string): AnalyzedToken[] {
    return tokenize(text).map((t) => {
      const a = this.of(t);
      return { surface: t.surface, start: t.start, end: t.end, norm: a.norm, terms: a.terms, key: a.key, stop: a.stop };
    });
  }

  /** Same string as Analyzer.indexText. */
  indexText(text: string): string {
    const out: string[] = [];
    for (const t of tokenize(text)) {
      const j = this.of(t).joined;
      if (j) out.push(j);
    }
    return out.join(" ");
  }

  /** Same string as Analyzer.exactText. */
  exactText(text: string): string {
    return tokenize(text)
      .map((t) => this.of(t).norm)
      .join(" ");
  }
}

export class SqliteEngine implements SearchEngine {
  readonly kind = "sqlite" as const;
  private readonly store: ArchiveStore;
  private memory: FacetMemory | undefined;
  private vocabulary: SqliteVocabulary | undefined;
  private readonly tokens: TokenMemo;

  constructor(
    readonly db: Db,
    readonly analyzer: Analyzer,
  ) {
    db.exec(INDEX_SCHEMA);
    this.store = new ArchiveStore(db);
    this.tokens = new TokenMemo(analyzer);
  }

  // ---- indexing -------------------------------------------------------------

  /** Synchronous, so ingest can run it in the same transaction as the archive write. */
  indexRow(rowid: number, doc: CommentaryDocument): void {
    this.unindexRow(rowid);
    const a = this.tokens;
    const body = doc.paragraphs.join("\n");
    this.db
      .prepare("INSERT INTO fts (rowid, title, body, title_exact, body_exact) VALUES (?, ?, ?, ?, ?)")
      .run(rowid, a.indexText(doc.title), a.indexText(body), a.exactText(doc.title), a.exactText(body));
    const insert = this.db.prepare("INSERT OR IGNORE INTO doc_facets (doc, field, value) VALUES (?, ?, ?)");
    const values = facetValuesOf(doc);
    for (const field of FACET_FIELDS) for (const v of values[field]) insert.run(rowid, field, v);
    this.memory = undefined;
  }

  unindexRow(rowid: number): void {
    this.db.prepare("DELETE FROM fts WHERE rowid = ?").run(rowid);
    this.db.prepare("DELETE FROM doc_facets WHERE doc = ?").run(rowid);
    this.memory = undefined;
  }

  /** Record which analyzer built the index; searching a stale index is refused. */
  markAnalyzer(): void {
    setMeta(this.db, "analyzer", this.analyzer.version);
  }

  indexedAnalyzer(): string | undefined {
    return getMeta(this.db, "analyzer");
  }

  isStale(): boolean {
    const built = this.indexedAnalyzer();
    if (built === undefined) return this.store.count() > 0;
    return built !== this.analyzer.version;
  }

  /** Rebuild the embedded index from the archive itself. */
  reindexAll(onProgress?: (done: number) => void): number {
    let n = 0;
    const run = this.db.transaction(() => {
      this.db.exec("DELETE FROM fts; DELETE FROM doc_facets;");
      for (const { rowid, document } of this.store.all()) {
        this.indexRow(rowid, document);
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
      for (const doc of all) this.indexRow(this.store.save(doc), doc);
      this.markAnalyzer();
    })();
  }

  // ---- reading ----------------------------------------------------------------

  private assertFresh(): void {
    if (this.isStale()) {
      throw new AppError(
        "unavailable",
        `The search index was built with analyzer "${this.indexedAnalyzer() ?? "none"}" but this server uses "${this.analyzer.version}". Run \`npm run reindex\`.`,
      );
    }
  }

  private facetMemory(): FacetMemory {
    const version = this.db.pragma("data_version", { simple: true }) as number;
    if (this.memory && this.memory.version === version) return this.memory;
    const mk = <T>(f: () => T) => ({ speaker: f(), institution: f(), topic: f() });
    const m: FacetMemory = {
      version,
      values: mk(() => [] as string[]),
      valueIds: mk(() => new Map<string, number>()),
      docValues: mk(() => new Map<number, number[]>()),
      valueDocs: mk(() => [] as number[][]),
      dates: new Map(),
      allDocs: [],
    };
    for (const row of this.db.prepare("SELECT doc, field, value FROM doc_facets").iterate() as Iterable<{ doc: number; field: FacetField; value: string }>) {
      if (!m.values[row.field]) continue;
      let id = m.valueIds[row.field].get(row.value);
      if (id === undefined) {
        id = m.values[row.field].push(row.value) - 1;
        m.valueIds[row.field].set(row.value, id);
        m.valueDocs[row.field][id] = [];
      }
      m.valueDocs[row.field][id]!.push(row.doc);
      const list = m.docValues[row.field].get(row.doc);
      if (list) list.push(id);
      else m.docValues[row.field].set(row.doc, [id]);
    }
    // Newest first is the browse order; rowid breaks ties so paging is stable.
    for (const row of this.db.prepare("SELECT rowid, date FROM documents ORDER BY date DESC NULLS LAST, rowid DESC").iterate() as Iterable<{
      rowid: number;
      date: string | null;
    }>) {
      m.dates.set(row.rowid, row.date ?? "");
      m.allDocs.push(row.rowid);
    }
    this.memory = m;
    return m;
  }

  /** Matching rowids with bm25 scores (lower is better), or null when the query has no positive words. */
  private match(parsed: ParsedQuery, mode: "all" | "any"): { rowid: number; score: number }[] | null {
    if (isEmptyQuery(parsed)) return null;
    let expr = buildFtsMatch(parsed.groups, mode);
    if (parsed.excluded.length > 0) expr = `(${expr}) NOT (${parsed.excluded.map(clauseToFts).join(" OR ")})`;
    const rows = this.db.prepare(`SELECT rowid, bm25(fts, ${BM25_WEIGHTS}) AS score FROM fts WHERE fts MATCH ?`).all(expr) as {
      rowid: number;
      score: number;
    }[];
    const clauses = parsed.groups.flat();
    const partial = mode === "any" || parsed.groups.some((g) => g.length > 1);
    if (!partial || clauses.length < 2 || rows.length < 2) return rows;
    // Where a document may match only some of the words (ORs, relaxed AND), one that matches more of
    // them ranks higher, as Meilisearch's "words" rule does: BM25 alone lets one rare word outweigh
    // several. A soft boost, not a strict sort (strict sorting measured worse on XQuAD-ru); only the
    // best RERANK_WINDOW rows are touched, so the cost stays bounded on a large archive, and boosting
    // only raises |score|, so rows outside the window stay below it.
    rows.sort((a, b) => a.score - b.score);
    const window = rows.slice(0, RERANK_WINDOW);
    const ids = JSON.stringify(window.map((r) => r.rowid));
    const coverage = new Map<number, number>();
    const one = this.db.prepare("SELECT rowid FROM fts WHERE fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))").pluck();
    for (const c of clauses) for (const id of one.all(clauseToFts(c), ids) as number[]) coverage.set(id, (coverage.get(id) ?? 0) + 1);
    for (const r of window) r.score *= 1 + (COVERAGE_BOOST * (coverage.get(r.rowid) ?? 0)) / clauses.length;
    return rows;
  }

  private excludedSet(parsed: ParsedQuery): Set<number> {
    if (parsed.excluded.length === 0) return new Set();
    const expr = parsed.excluded.map(clauseToFts).join(" OR ");
    return new Set((this.db.prepare("SELECT rowid FROM fts WHERE fts MATCH ?").all(expr) as { rowid: number }[]).map((r) => r.rowid));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    this.assertFresh();
    const mem = this.facetMemory();
    let parsed = parseQuery(query.q, this.analyzer);
    this.vocabulary ??= new SqliteVocabulary(this.db);
    const correctedQuery = correctQueryText(query.q, parsed, this.analyzer, this.vocabulary) ?? undefined;
    if (correctedQuery !== undefined) parsed = parseQuery(correctedQuery, this.analyzer);

    let matchMode: "all" | "any" = "all";
    let scored = this.match(parsed, "all");
    if (scored && scored.length === 0 && parsed.groups.length > 1) {
      scored = this.match(parsed, "any");
      matchMode = "any";
    }

    let candidates: number[];
    const scores = new Map<number, number>();
    if (scored === null) {
      const excluded = this.excludedSet(parsed);
      candidates = mem.allDocs.filter((d) => !excluded.has(d));
    } else {
      candidates = [];
      for (const r of scored) {
        if (!mem.dates.has(r.rowid)) continue;
        scores.set(r.rowid, r.score);
        candidates.push(r.rowid);
      }
    }

    const groupSets = {} as Record<FacetField, Set<number> | null>;
    for (const f of FACET_FIELDS) {
      const selected = query.filters[f];
      if (selected.length === 0) {
        groupSets[f] = null;
        continue;
      }
      const set = new Set<number>();
      for (const v of selected) {
        const id = mem.valueIds[f].get(v);
        if (id !== undefined) for (const d of mem.valueDocs[f][id]!) set.add(d);
      }
      groupSets[f] = set;
    }
    const passes = (doc: number, except: FacetField | null) => {
      for (const f of FACET_FIELDS) {
        const s = groupSets[f];
        if (f !== except && s && !s.has(doc)) return false;
      }
      return true;
    };

    const hits = candidates.filter((d) => passes(d, null));
    if (query.sort === "date" || scored === null) {
      hits.sort((a, b) => cmpDateDesc(mem.dates.get(a)!, mem.dates.get(b)!) || b - a);
    } else {
      hits.sort((a, b) => scores.get(a)! - scores.get(b)! || cmpDateDesc(mem.dates.get(a)!, mem.dates.get(b)!) || b - a);
    }

    const facets = {} as SearchResult["facets"];
    for (const f of FACET_FIELDS) {
      const counts = new Map<number, number>();
      for (const d of candidates) {
        if (!passes(d, f)) continue;
        for (const id of mem.docValues[f].get(d) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      facets[f] = orderFacet(new Map([...counts].map(([id, n]) => [mem.values[f][id]!, n])), query.filters[f]);
    }

    const total = hits.length;
    const pageCount = Math.max(1, Math.ceil(total / query.perPage));
    const pageRows = hits.slice((query.page - 1) * query.perPage, query.page * query.perPage);
    const docs = this.store.byRowids(pageRows);
    const terms = highlightTermsOf(parsed);
    const pageHits: SearchHit[] = pageRows.flatMap((rowid) => {
      const doc = docs.get(rowid);
      return doc ? [toHit(doc, this.tokens.analyzer, terms)] : [];
    });

    return {
      hits: pageHits,
      total,
      page: query.page,
      perPage: query.perPage,
      pageCount,
      facets,
      matchMode,
      ...(correctedQuery !== undefined ? { correctedQuery } : {}),
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  async getDocument(slug: string): Promise<CommentaryDocument | null> {
    return this.store.bySlug(slug)?.document ?? null;
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
    return { documents: rows.flatMap((r) => (byRow.has(r) ? [byRow.get(r)!] : [])), total: docs.length };
  }

  async facetValues(field: FacetField): Promise<{ value: string; count: number }[]> {
    const mem = this.facetMemory();
    const counts = new Map<string, number>();
    mem.values[field].forEach((v, id) => counts.set(v, mem.valueDocs[field][id]!.length));
    return orderFacet(counts, []).map(({ value, count }) => ({ value, count }));
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

function cmpDateDesc(a: string, b: string): number {
  return a === b ? 0 : a < b ? 1 : -1;
}

// Kept as a re-export: toHit moved to lib/search/hit.ts so the Meilisearch engine shares it.
export { toHit };
