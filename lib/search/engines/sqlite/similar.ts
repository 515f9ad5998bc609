import type { Db } from "@/lib/archive/db";
import type { ArchiveStore } from "@/lib/archive/store";
import { statementCache } from "@/lib/archive/statements";
import { facetValuesOf } from "@/lib/search/facets";
import { type Candidate, SIMILAR_FACETS, SIMILAR_LIMIT, SIMILAR_POOL, type SimilarCandidates, type SimilarDocument, keyTerms, maxUsefulDf, rankSimilar } from "@/lib/search/similar";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { documentRef } from "@/lib/search/document-ref";

/**
 * Similar documents from the embedded index (lib/search/similar.ts scores them): each key term's
 * document count from fts5vocab, its documents from the analyzed columns (newest rows first when
 * more than the pool hold it), and the documents sharing a speaker, topic or institution from doc_facets;
 * candidates are read from columns, never as whole records.
 */
export function sqliteSimilar(
  ctx: { db: Db; store: ArchiveStore; analyzer: Pick<Analyzer, "indexText">; view: (doc: CommentaryDocument) => CommentaryDocument },
  slug: string,
  limit = SIMILAR_LIMIT,
): SimilarDocument[] {
  const stored = ctx.store.bySlug(slug);
  if (!stored) return [];
  const source = ctx.view(stored.document);
  const statement = statementCache(ctx.db);
  // Per row (document), over every column: how many documents hold the term.
  ctx.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab_row USING fts5vocab(main, fts, row)");
  const total = ctx.store.count();
  const rowsOf = new Set<number>();
  const terms = keyTerms(source, ctx.analyzer).map(({ term, tf }) => {
    const df = (statement("SELECT doc FROM temp.fts_vocab_row WHERE term = ?").pluck().get(term) as number | undefined) ?? 0;
    if (df === 0 || df > maxUsefulDf(total)) return { term, tf, df, docs: [] as string[] };
    const rows = statement("SELECT rowid FROM fts WHERE fts MATCH ? AND rowid != ? ORDER BY rowid DESC LIMIT ?")
      .pluck()
      .all(`{title body} : "${term.replace(/"/g, '""')}"`, stored.rowid, SIMILAR_POOL) as number[];
    return { term, tf, df, docs: rows.map(String), rows };
  });
  for (const t of terms) for (const r of t.rows ?? []) rowsOf.add(r);
  const values = facetValuesOf(source);
  const facetRows = statement(
    `SELECT doc FROM doc_facets
     WHERE ((field = 'speaker' AND value IN (SELECT value FROM json_each(?)))
         OR (field = 'topic' AND value IN (SELECT value FROM json_each(?)))
         OR (field = 'institution' AND value IN (SELECT value FROM json_each(?))))
       AND doc != ?
     GROUP BY doc ORDER BY count(*) DESC, doc DESC LIMIT ?`,
  )
    .pluck()
    .all(JSON.stringify(values.speaker), JSON.stringify(values.topic), JSON.stringify(values.institution), stored.rowid, SIMILAR_POOL) as number[];
  for (const r of facetRows) rowsOf.add(r);
  // Candidates from the archive's columns and doc_facets (the indexed, resolved names): parsing and
  // resolving ~1,700 whole records would cost more than the lookups themselves.
  const rowids = JSON.stringify([...rowsOf]);
  const idOf = new Map<number, string>();
  const documents = new Map<string, Candidate>();
  const byRow = new Map<number, Candidate>();
  for (const r of statement(
    `SELECT rowid, id, slug, title, date, json_extract(record, '$.source') AS source, json_extract(record, '$.sample') AS sample
     FROM documents WHERE rowid IN (SELECT value FROM json_each(?))`,
  ).all(rowids) as { rowid: number; id: string; slug: string; title: string; date: string | null; source: string | null; sample: number | null }[]) {
    const c: Candidate = { ...documentRef(r), facets: { speaker: [], topic: [], institution: [] } };
    idOf.set(r.rowid, r.id);
    documents.set(r.id, c);
    byRow.set(r.rowid, c);
  }
  for (const f of statement(
    `SELECT doc, field, value FROM doc_facets WHERE doc IN (SELECT value FROM json_each(?)) AND field IN ('speaker', 'topic', 'institution')`,
  ).all(rowids) as { doc: number; field: (typeof SIMILAR_FACETS)[number]; value: string }[])
    byRow.get(f.doc)?.facets[f.field].push(f.value);
  const candidates: SimilarCandidates = {
    total,
    terms: terms.map(({ term, tf, df, rows }) => ({ term, tf, df, docs: (rows ?? []).flatMap((r) => (idOf.has(r) ? [idOf.get(r)!] : [])) })),
    documents,
  };
  return rankSimilar(source, candidates, limit);
}
