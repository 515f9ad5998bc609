import os from "node:os";
import Database from "better-sqlite3";
import type { Db } from "@/lib/archive/db";
import type { Posting } from "@/lib/search/engines/sqlite/term-postings";

/**
 * Per-word postings (every row with the word's bm25, term-postings.ts) saved for the archive's
 * current generation, so a word that cost FTS5 a full doclist walk with bm25 (~2 µs a row: up to
 * ~0.3 s for a word in most of 100k documents) costs a blob read (~1 ms) in every later query and
 * process, until the archive changes.
 *
 * A file beside the archive, not a table in it: the server writes here while it reads, and a
 * write through the archive's own connection would move its total_changes (which the vocabulary
 * watches) and, for other processes, data_version (which the facet memory watches); a separate file
 * also never waits for, or blocks, an import holding the archive's write lock. Everything in it
 * is derived and tagged with the generation, so deleting it only costs the walks again.
 */

/** Bumped with the layout; the byte order is part of it, as the arrays are saved as the machine holds them. */
const FORMAT = `postings-1-${os.endianness()}`;

/** ~12 bytes a row on disk: 40 M rows is ~480 MB, about a sixth of the 100k bench archive. */
export const MAX_STORED_ROWS = 40_000_000;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS postings (term TEXT PRIMARY KEY, key TEXT NOT NULL, n INTEGER NOT NULL, rowids BLOB NOT NULL, scores BLOB NOT NULL);
`;

export class PostingStore {
  private readonly db: Database.Database;
  private readonly get;
  private readonly put;
  /** Rows saved under `key`; -1 until counted. */
  private stored = -1;
  private storedKey = "";

  private constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("busy_timeout = 0");
    this.db.exec(SCHEMA);
    this.get = this.db.prepare("SELECT n, rowids, scores FROM postings WHERE term = ? AND key = ?").raw();
    this.put = this.db.prepare("INSERT OR REPLACE INTO postings (term, key, n, rowids, scores) VALUES (?, ?, ?, ?, ?)");
  }

  /** The store beside an archive file; none for an in-memory archive or where the file cannot be made. */
  static beside(archive: Db): PostingStore | undefined {
    if (archive.memory || archive.name === "" || archive.readonly) return undefined;
    try {
      return new PostingStore(`${archive.name}.postings`);
    } catch {
      return undefined;
    }
  }

  /** `scope` names what the scores depend on besides the archive: its generation, the bm25 weights. */
  static key(generation: number, scope: string): string {
    return `${FORMAT}:${generation}:${scope}`;
  }

  load(term: string, key: string): Posting | undefined {
    try {
      const row = this.get.get(term, key) as [number, Buffer, Buffer] | undefined;
      if (!row) return undefined;
      const [n, r, s] = row;
      // No scores: a list of rows only (the exact word forms' rows, SqliteEngine.exactFormRows).
      if (r.byteLength !== n * 4 || (s.byteLength !== n * 8 && s.byteLength !== 0)) return undefined;
      // Copies: typed-array views need aligned offsets, and the driver's buffer is not ours to keep.
      const rowids = new Int32Array(n);
      new Uint8Array(rowids.buffer).set(r);
      const scores = new Float64Array(s.byteLength / 8);
      new Uint8Array(scores.buffer).set(s);
      return { rowids, scores };
    } catch {
      return undefined;
    }
  }

  /** Saves a posting; false when the store is full, busy (another process writing) or failing. */
  save(term: string, key: string, p: Posting): boolean {
    try {
      if (this.storedKey !== key) {
        // Rows of another generation can never be read again: they go before the first new one.
        this.db.prepare("DELETE FROM postings WHERE key != ?").run(key);
        this.stored = (this.db.prepare("SELECT coalesce(sum(n), 0) FROM postings").pluck().get() as number) ?? 0;
        this.storedKey = key;
      }
      if (this.stored + p.rowids.length > MAX_STORED_ROWS) return false;
      this.put.run(
        term,
        key,
        p.rowids.length,
        Buffer.from(p.rowids.buffer, p.rowids.byteOffset, p.rowids.byteLength),
        Buffer.from(p.scores.buffer, p.scores.byteOffset, p.scores.byteLength),
      );
      this.stored += p.rowids.length;
      return true;
    } catch {
      // Busy, read-only, disk full: the posting stays in memory and is walked again by a later process.
      this.storedKey = "";
      return false;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
