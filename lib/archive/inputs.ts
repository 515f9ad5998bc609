import type { CommentaryDocument } from "@/lib/validations/document";
import type { Db } from "./db";
import { statementCache } from "./statements";

/**
 * Each document's input hash (lib/ingest/input-hash.ts) with the content hash it gave. A row
 * counts only while the document still has that content hash, so a document changed or
 * re-imported from elsewhere since is extracted again; documents stored before this table
 * existed have no row, are extracted as always on their next import, and get one then.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS document_inputs (
  id TEXT PRIMARY KEY,
  input_hash TEXT NOT NULL,
  content_hash TEXT NOT NULL
);
`;

const statements = new WeakMap<Db, ReturnType<typeof statementCache>>();
function statement(db: Db, sql: string) {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = statementCache(db)));
  return cache(sql);
}

export function ensureInputSchema(db: Db): void {
  db.exec(SCHEMA);
}

/** Looks stored documents up by id and input hash: the document extraction would give again. */
export function storedByInput(db: Db): (id: string, inputHash: string) => CommentaryDocument | undefined {
  ensureInputSchema(db);
  const stmt = db
    .prepare(
      `SELECT d.record FROM document_inputs i JOIN documents d ON d.id = i.id AND d.content_hash = i.content_hash
       WHERE i.id = ? AND i.input_hash = ?`,
    )
    .pluck();
  return (id, inputHash) => {
    const record = stmt.get(id, inputHash) as string | undefined;
    return record === undefined ? undefined : (JSON.parse(record) as CommentaryDocument);
  };
}

/** Call with the table in place (ArchiveStore's constructor makes it). */
export function recordInputs(db: Db, rows: readonly { id: string; inputHash: string; contentHash: string }[]): void {
  if (rows.length === 0) return;
  const put = statement(db, 
    "INSERT INTO document_inputs (id, input_hash, content_hash) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET input_hash = excluded.input_hash, content_hash = excluded.content_hash",
  );
  for (const r of rows) put.run(r.id, r.inputHash, r.contentHash);
}

export function removeInput(db: Db, id: string): void {
  statement(db, "DELETE FROM document_inputs WHERE id = ?").run(id);
}
