/**
 * The outbox of a derived index (Meilisearch): archive changes it has not confirmed yet.
 *
 * An entry is written in the same transaction as the archive change, so no change can be in
 * the archive without either being confirmed by the index or waiting here. It is deleted only
 * after the index reports the write done (drain), and only if it was not queued again in the
 * meantime. Whatever is left is sent again by the next ingest, `npm start` or reindex, and
 * health reports the index as lagging while entries wait.
 */
import { loadRegistry } from "@/lib/archive/entities";
import { resolveDocument } from "@/lib/entities/document";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { Db } from "./db";

export type OutboxOp = "upsert" | "remove";

export interface OutboxEntry {
  docId: string;
  op: OutboxOp;
  /** ms since the epoch, strictly increasing across the table, so a re-queued entry never looks like the one drained. */
  queuedAt: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS index_outbox (
  doc_id TEXT PRIMARY KEY,
  op TEXT NOT NULL CHECK (op IN ('upsert', 'remove')),
  queued_at INTEGER NOT NULL
);
`;

const ready = new WeakSet<Db>();

export function ensureOutbox(db: Db): void {
  if (ready.has(db)) return;
  db.exec(SCHEMA);
  ready.add(db);
}

/** Queue documents for the index; the last operation queued for a document wins. Call inside the archive's transaction. */
export function enqueue(db: Db, ids: Iterable<string>, op: OutboxOp): void {
  ensureOutbox(db);
  const put = db.prepare(
    "INSERT INTO index_outbox (doc_id, op, queued_at) VALUES (?, ?, ?) ON CONFLICT(doc_id) DO UPDATE SET op = excluded.op, queued_at = excluded.queued_at",
  );
  // Writers are serialised by SQLite, so max + 1 read inside the caller's transaction is unique.
  let at = Math.max(Date.now(), ((db.prepare("SELECT max(queued_at) FROM index_outbox").pluck().get() as number | null) ?? 0) + 1);
  for (const id of ids) put.run(id, op, at++);
}

export function pendingEntries(db: Db, limit = Number.MAX_SAFE_INTEGER): OutboxEntry[] {
  ensureOutbox(db);
  return (db.prepare("SELECT doc_id, op, queued_at FROM index_outbox ORDER BY queued_at LIMIT ?").raw().all(limit) as [string, OutboxOp, number][]).map(
    ([docId, op, queuedAt]) => ({ docId, op, queuedAt }),
  );
}

export function outboxSize(db: Db): number {
  ensureOutbox(db);
  return db.prepare("SELECT count(*) FROM index_outbox").pluck().get() as number;
}

/** When the oldest waiting entry was queued (ms since the epoch), or undefined when none waits. */
export function oldestPending(db: Db): number | undefined {
  ensureOutbox(db);
  return (db.prepare("SELECT min(queued_at) FROM index_outbox").pluck().get() as number | null) ?? undefined;
}

/** Delete confirmed entries, unless queued again since they were read. */
export function drain(db: Db, entries: readonly OutboxEntry[]): void {
  ensureOutbox(db);
  const del = db.prepare("DELETE FROM index_outbox WHERE doc_id = ? AND queued_at = ?");
  db.transaction(() => {
    for (const e of entries) del.run(e.docId, e.queuedAt);
  })();
}

/** What a derived index needs to apply the outbox. */
export interface OutboxTarget {
  upsert(documents: CommentaryDocument[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export interface FlushResult {
  upserted: number;
  removed: number;
}

/**
 * Send every waiting change to the index, in batches, draining each batch once the index has
 * confirmed it. A document queued for upsert is sent as the archive holds it now (its names
 * resolved with the stored registry), or removed if the archive no longer holds it. Throws the
 * index's error after the batches before it were drained; what is left waits for the next flush.
 */
export async function flushOutbox(db: Db, target: OutboxTarget, batchSize = 1000): Promise<FlushResult> {
  const result: FlushResult = { upserted: 0, removed: 0 };
  let registry: ReturnType<typeof loadRegistry> | undefined;
  const byId = db.prepare("SELECT record FROM documents WHERE id = ?").pluck();
  for (;;) {
    const entries = pendingEntries(db, batchSize);
    if (entries.length === 0) return result;
    const upserts: CommentaryDocument[] = [];
    const removals: string[] = [];
    for (const e of entries) {
      const record = e.op === "upsert" ? (byId.get(e.docId) as string | undefined) : undefined;
      if (record === undefined) {
        removals.push(e.docId);
        continue;
      }
      registry ??= loadRegistry(db);
      upserts.push(resolveDocument(registry, JSON.parse(record) as CommentaryDocument));
    }
    if (upserts.length > 0) await target.upsert(upserts);
    if (removals.length > 0) await target.remove(removals);
    drain(db, entries);
    result.upserted += upserts.length;
    result.removed += removals.length;
  }
}

export interface OutboxState {
  /** Documents the archive holds. */
  archived: number;
  /** Changes waiting for the index. */
  pending: number;
  /** When the oldest of them was queued, ms since the epoch. */
  oldestQueuedAt?: number;
}

export function outboxState(db: Db): OutboxState {
  const archived = db.prepare("SELECT count(*) FROM documents").pluck().get() as number;
  const oldest = oldestPending(db);
  return { archived, pending: outboxSize(db), ...(oldest !== undefined ? { oldestQueuedAt: oldest } : {}) };
}
