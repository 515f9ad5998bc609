import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;

/**
 * The archive's generation: a counter every write to the documents bumps in the writer's own
 * transaction, so whatever is derived from the archive and saved in it (the facet memory,
 * lib/search/engines/sqlite/facet-store.ts) can tell whether it still matches. PRAGMA
 * data_version would not do: it counts per connection, and only while it stays open. Triggers,
 * so no write path (an older build, the sqlite3 shell) can skip it.
 */
const BUMP = `INSERT INTO meta (key, value) VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;`;

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

const GENERATION_SCHEMA = `
CREATE TRIGGER IF NOT EXISTS documents_generation_insert AFTER INSERT ON documents BEGIN ${BUMP} END;
CREATE TRIGGER IF NOT EXISTS documents_generation_update AFTER UPDATE ON documents BEGIN ${BUMP} END;
CREATE TRIGGER IF NOT EXISTS documents_generation_delete AFTER DELETE ON documents BEGIN ${BUMP} END;
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
  try {
    db.exec(GENERATION_SCHEMA);
  } catch (e) {
    // An archive from before generations, on a read-only file, still opens: nothing can write it
    // through this connection, and nothing is saved in it that a generation would have to guard.
    if (!String((e as { code?: string }).code).startsWith("SQLITE_READONLY")) throw e;
  }
  if (file !== ":memory:") open.set(key, db);
  return db;
}

const changeStatements = new WeakMap<Db, Database.Statement>();

/**
 * Moves whenever the archive may have changed under this connection: data_version when another
 * connection commits, total_changes when this one writes. Read on every search by what is
 * derived from the archive in memory, so its statement is prepared once per connection.
 */
export function changeVersion(db: Db): string {
  let st = changeStatements.get(db);
  if (!st) {
    st = db.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck();
    changeStatements.set(db, st);
  }
  return st.get() as string;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
}

/** 0 for an archive never written since generations were counted. */
export function archiveGeneration(db: Db): number {
  return Number(getMeta(db, "generation") ?? 0);
}

/** For writes the triggers do not see: what the index derives from documents (doc_facets). */
export function bumpGeneration(db: Db): void {
  let stmt = bumps.get(db);
  if (!stmt) bumps.set(db, (stmt = db.prepare(BUMP)));
  stmt.run();
}

/** Indexing bumps once per document: preparing each time would cost more than the write. */
const bumps = new WeakMap<Db, Database.Statement>();
