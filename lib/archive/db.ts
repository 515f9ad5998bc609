import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT,
  content_hash TEXT NOT NULL,
  record TEXT NOT NULL,
  added_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_date ON documents(date);
`;

/**
 * On globalThis, not in this module: Next.js bundles the instrumentation hook, route handlers and
 * pages separately, each with its own copy of this module, and one process must still hold one
 * connection per file (issue 11, item 2).
 */
const OPEN = Symbol.for("archive.db.open");
const open: Map<string, Db> = ((globalThis as Record<symbol, unknown>)[OPEN] as Map<string, Db> | undefined) ?? new Map();
(globalThis as Record<symbol, unknown>)[OPEN] = open;

/** Closes every connection this process opened (npm start, before it hands over to the server). */
export function closeAllDatabases(): void {
  for (const db of open.values()) if (db.open) db.close();
  open.clear();
}

/** One connection per database file and process; WAL lets the app read while an import writes. */
export function openDatabase(file: string): Db {
  const key = file === ":memory:" ? `:memory:${open.size}` : path.resolve(file);
  const existing = file === ":memory:" ? undefined : open.get(key);
  if (existing?.open) return existing;
  if (file !== ":memory:") fs.mkdirSync(path.dirname(key), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("cache_size = -65536");
  db.pragma("temp_store = memory");
  db.exec(SCHEMA);
  if (file !== ":memory:") open.set(key, db);
  return db;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
}
