import type { Db } from "./db";

/**
 * What the archive knows of each imported file: its size, mtime and sha256 when it was last
 * imported, and the documents it gave. A file whose bytes did not change is skipped before it
 * is parsed (size and mtime equal, or else the same sha256) — as long as its documents are all
 * still in the archive.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS import_files (
  path TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  doc_ids TEXT NOT NULL
);
`;

export interface ImportedFile {
  path: string;
  sha256: string;
  size: number;
  mtimeMs: number;
  importedAt: string;
  docIds: string[];
}

export function ensureImportFiles(db: Db): void {
  db.exec(SCHEMA);
}

export function importedFile(db: Db, path: string): ImportedFile | undefined {
  ensureImportFiles(db);
  const row = db.prepare("SELECT path, sha256, size, mtime_ms, imported_at, doc_ids FROM import_files WHERE path = ?").get(path) as
    | { path: string; sha256: string; size: number; mtime_ms: number; imported_at: string; doc_ids: string }
    | undefined;
  return row && { path: row.path, sha256: row.sha256, size: row.size, mtimeMs: row.mtime_ms, importedAt: row.imported_at, docIds: JSON.parse(row.doc_ids) as string[] };
}

/** Whether every document the file gave is still archived (one removed means the file must be read again). */
export function documentsPresent(db: Db, ids: readonly string[]): boolean {
  if (ids.length === 0) return true;
  const n = db.prepare("SELECT count(*) FROM documents WHERE id IN (SELECT value FROM json_each(?))").pluck().get(JSON.stringify(ids)) as number;
  return n === new Set(ids).size;
}

export function recordImportedFiles(db: Db, files: readonly ImportedFile[]): void {
  ensureImportFiles(db);
  const put = db.prepare(
    `INSERT INTO import_files (path, sha256, size, mtime_ms, imported_at, doc_ids) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(path) DO UPDATE SET sha256 = excluded.sha256, size = excluded.size, mtime_ms = excluded.mtime_ms,
       imported_at = excluded.imported_at, doc_ids = excluded.doc_ids`,
  );
  db.transaction(() => {
    for (const f of files) put.run(f.path, f.sha256, f.size, Math.trunc(f.mtimeMs), f.importedAt, JSON.stringify(f.docIds));
  })();
}

/** Forget the files that gave any of these documents, so the next import reads them again. */
export function forgetFilesOf(db: Db, ids: readonly string[]): number {
  ensureImportFiles(db);
  return db
    .prepare("DELETE FROM import_files WHERE EXISTS (SELECT 1 FROM json_each(import_files.doc_ids) d WHERE d.value IN (SELECT value FROM json_each(?)))")
    .run(JSON.stringify(ids)).changes;
}

export function importedFileCount(db: Db): number {
  ensureImportFiles(db);
  return db.prepare("SELECT count(*) FROM import_files").pluck().get() as number;
}
