import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { Db } from "./db";

/**
 * Backups and the round trip (issue 11, item 6): every document out as JSON Lines that
 * `npm run ingest` reads back, a checksum that says two archives hold the same documents, and
 * SQLite's online backup of the live file.
 */

/** The fields an importer may give, in the order `toDocument` keeps them: what makes a document this document. */
const CONTENT_FIELDS = [
  "id",
  "slug",
  "title",
  "paragraphs",
  "date",
  "source",
  "url",
  "author",
  "license",
  "topics",
  "speakers",
  "institutions",
  "institutionDetails",
  "mentionedOrganizations",
  "quotes",
  "countries",
  "sample",
] as const;

/**
 * One stored document as an import record: its content under the importer's field names, with
 * its id and slug (so it keeps its address) and, as `provenance`, where it first came from. The
 * importer ignores `provenance` and recomputes the content hash.
 */
export function exportRecord(doc: CommentaryDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = doc as unknown as Record<string, unknown>;
  for (const f of CONTENT_FIELDS) if (fields[f] !== undefined) out[f] = fields[f];
  if (fields.provenance) out.provenance = fields.provenance;
  return out;
}

function* storedRecords(db: Db): Generator<{ id: string; slug: string; hash: string; record: string }> {
  const stmt = db.prepare("SELECT rowid, id, slug, content_hash AS hash, record FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 500");
  let after = 0;
  for (;;) {
    const rows = stmt.all(after) as { rowid: number; id: string; slug: string; hash: string; record: string }[];
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.rowid;
  }
}

/** Writes every document, one JSON object a line, in archive order; returns how many. */
export function exportArchive(db: Db, file: string): number {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.part`;
  const fd = fs.openSync(tmp, "w");
  let n = 0;
  try {
    for (const row of storedRecords(db)) {
      fs.writeSync(fd, `${JSON.stringify(exportRecord(JSON.parse(row.record) as CommentaryDocument))}\n`);
      n++;
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  // Whole or not at all: a reader never sees half an export under the final name.
  fs.renameSync(tmp, file);
  return n;
}

/** JSON with object keys sorted: the same value gives the same text whatever order its keys were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * sha256 over every document's id, slug and stored content (import times and provenance aside),
 * in id order, keys sorted: equal for two archives holding the same documents, whatever order or
 * time they were imported in. The stored content hash is left out: it hashes the content's key
 * order as the importer built it (a quote extracted from the text and the same quote read from
 * JSON list their keys differently), not the content.
 */
export function archiveChecksum(db: Db): { documents: number; sha256: string } {
  const rows = [...storedRecords(db)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const h = createHash("sha256");
  for (const r of rows) {
    const doc = JSON.parse(r.record) as CommentaryDocument;
    h.update(canonicalJson([r.id, r.slug, exportRecordWithoutProvenance(doc)]));
    h.update("\n");
  }
  return { documents: rows.length, sha256: h.digest("hex") };
}

function exportRecordWithoutProvenance(doc: CommentaryDocument): Record<string, unknown> {
  const { provenance: _omit, ...rest } = exportRecord(doc);
  return rest;
}

/**
 * A consistent copy of the archive while the server (or an import) uses it: SQLite's online
 * backup through a connection of its own, written next to the target and renamed into place,
 * then checked. Returns the copy's document count.
 */
export async function backupArchive(source: string, target: string, onProgress?: (remaining: number, total: number) => void): Promise<{ documents: number; bytes: number }> {
  if (!fs.existsSync(source)) throw new Error(`no archive at ${source}`);
  const dest = path.resolve(target);
  if (dest === path.resolve(source)) throw new Error("the backup cannot overwrite the archive itself");
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const tmp = `${dest}.part`;
  fs.rmSync(tmp, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(tmp, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(remainingPages, totalPages);
        // Small steps, so a busy server's writers are never held up for long.
        return 256;
      },
    });
  } finally {
    db.close();
  }
  const copy = new Database(tmp, { fileMustExist: true });
  let documents: number;
  try {
    const check = copy.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`the backup failed its integrity check: ${String(check)}`);
    documents = copy.prepare("SELECT count(*) FROM documents").pluck().get() as number;
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  fs.renameSync(tmp, dest);
  return { documents, bytes: fs.statSync(dest).size };
}
