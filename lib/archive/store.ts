import type { CommentaryDocument } from "@/lib/validations/document";
import type { Statement } from "better-sqlite3";
import type { Db } from "./db";
import { ensureEntitySchema, removeDocumentNames, saveDocumentNames } from "./entities";
import { statementCache } from "./statements";
import { ensureInputSchema, removeInput } from "./inputs";

export interface StoredDocument {
  rowid: number;
  document: CommentaryDocument;
}

export type ChangeKind = "added" | "updated" | "unchanged";

/**
 * The archive: the system of record for every accepted document. Search indexes,
 * embedded or Meilisearch, are derived from it and can be rebuilt from it.
 */
export class ArchiveStore {
  private readonly statement: (sql: string) => Statement;

  constructor(readonly db: Db) {
    this.statement = statementCache(db);
    ensureEntitySchema(db);
    ensureInputSchema(db);
  }

  count(): number {
    return (this.db.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
  }

  /** What saving this document would do, given what is stored. */
  classify(doc: CommentaryDocument): ChangeKind {
    const row = this.statement("SELECT content_hash FROM documents WHERE id = ?").get(doc.id) as { content_hash: string } | undefined;
    if (!row) return "added";
    return row.content_hash === doc.contentHash ? "unchanged" : "updated";
  }

  /** The slug stored for an id, so a document keeps its address across updates. */
  slugOf(id: string): string | undefined {
    return (this.statement("SELECT slug FROM documents WHERE id = ?").get(id) as { slug: string } | undefined)?.slug;
  }

  slugTakenByOther(slug: string, id: string): boolean {
    const row = this.statement("SELECT id FROM documents WHERE slug = ?").get(slug) as { id: string } | undefined;
    return row !== undefined && row.id !== id;
  }

  /** Insert or replace; returns the rowid. Call inside a transaction with the index update. */
  save(doc: CommentaryDocument, now = new Date().toISOString()): number {
    const row = this
      .statement(
        `INSERT INTO documents (id, slug, title, date, content_hash, record, added_at, updated_at)
         VALUES (@id, @slug, @title, @date, @hash, @record, @now, @now)
         ON CONFLICT(id) DO UPDATE SET slug = excluded.slug, title = excluded.title, date = excluded.date,
           content_hash = excluded.content_hash, record = excluded.record, updated_at = excluded.updated_at
         RETURNING rowid`,
      )
      .get({ id: doc.id, slug: doc.slug, title: doc.title, date: doc.date ?? null, hash: doc.contentHash, record: JSON.stringify(doc), now }) as {
      rowid: number;
    };
    saveDocumentNames(this.db, row.rowid, doc);
    return row.rowid;
  }

  remove(id: string): number | undefined {
    const row = this.db.prepare("DELETE FROM documents WHERE id = ? RETURNING rowid").get(id) as { rowid: number } | undefined;
    if (row) removeDocumentNames(this.db, row.rowid);
    removeInput(this.db, id);
    return row?.rowid;
  }

  bySlug(slug: string): StoredDocument | undefined {
    const row = this.db.prepare("SELECT rowid, record FROM documents WHERE slug = ?").get(slug) as { rowid: number; record: string } | undefined;
    return row && { rowid: row.rowid, document: JSON.parse(row.record) as CommentaryDocument };
  }

  byRowids(rowids: readonly number[]): Map<number, CommentaryDocument> {
    const out = new Map<number, CommentaryDocument>();
    if (rowids.length === 0) return out;
    const stmt = this.db.prepare(`SELECT rowid, record FROM documents WHERE rowid IN (SELECT value FROM json_each(?))`);
    for (const row of stmt.iterate(JSON.stringify(rowids)) as Iterable<{ rowid: number; record: string }>) {
      out.set(row.rowid, JSON.parse(row.record) as CommentaryDocument);
    }
    return out;
  }

  /** Documents by archive id (ids not archived are absent from the map). */
  byIds(ids: readonly string[]): Map<string, CommentaryDocument> {
    const out = new Map<string, CommentaryDocument>();
    if (ids.length === 0) return out;
    const stmt = this.db.prepare(`SELECT id, record FROM documents WHERE id IN (SELECT value FROM json_each(?))`);
    for (const row of stmt.iterate(JSON.stringify(ids)) as Iterable<{ id: string; record: string }>) out.set(row.id, JSON.parse(row.record) as CommentaryDocument);
    return out;
  }

  *all(batch = 500): Generator<StoredDocument> {
    let after = 0;
    const stmt = this.db.prepare("SELECT rowid, record FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?");
    for (;;) {
      const rows = stmt.all(after, batch) as { rowid: number; record: string }[];
      if (rows.length === 0) return;
      for (const r of rows) yield { rowid: r.rowid, document: JSON.parse(r.record) as CommentaryDocument };
      after = rows[rows.length - 1]!.rowid;
    }
  }

  ids(): string[] {
    return (this.db.prepare("SELECT id FROM documents").all() as { id: string }[]).map((r) => r.id);
  }
}
