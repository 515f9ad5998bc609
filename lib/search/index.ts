import { closeAllDatabases, openDatabase } from "@/lib/archive/db";
import { getConfig, type AppConfig } from "@/lib/config";
import { currentRegistry } from "@/lib/archive/entities";
import { resolveDocument } from "@/lib/entities/document";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { SearchEngine } from "./engine";
import { SqliteEngine } from "@/lib/search/engines/sqlite";

export type { SearchEngine } from "./engine";

/**
 * One engine per process, shared by the warm-up, pages and route handlers: Next.js bundles each
 * of them with its own copy of this module, so the instances live on globalThis (issue 11, item 2).
 */
interface Shared {
  engine?: Promise<SearchEngine>;
  embedded: Map<string, SqliteEngine>;
  /** Embedded engines created in this process: tests and /proc checks count them. */
  opened: number;
}
const SHARED = Symbol.for("archive.search.shared");
const shared: Shared = ((globalThis as Record<symbol, unknown>)[SHARED] as Shared | undefined) ?? { embedded: new Map(), opened: 0 };
(globalThis as Record<symbol, unknown>)[SHARED] = shared;

/** The embedded engine over the archive database: always there, since the archive lives in it. One per file and analyzer. */
export function openEmbeddedEngine(config: AppConfig = getConfig()): SqliteEngine {
  const key = `${config.ANALYZER}\u0000${config.ARCHIVE_DB_PATH}`;
  const existing = shared.embedded.get(key);
  if (existing?.db.open) return existing;
  const created = new SqliteEngine(openDatabase(config.ARCHIVE_DB_PATH), getAnalyzer(config.ANALYZER));
  // Readers see names as entities; the archive keeps them as extracted.
  created.view = (doc) => resolveDocument(currentRegistry(created.db), doc);
  created.timeBudgetMs = config.SEARCH_TIME_BUDGET_MS;
  shared.embedded.set(key, created);
  shared.opened++;
  return created;
}

/** Drops this process's engines and closes its database connections (npm start, before it hands over to the server). */
export function releaseEngines(): void {
  shared.embedded.clear();
  shared.engine = undefined;
  closeAllDatabases();
}

/** How many embedded engines this process has created (1 in a server, whoever asked). */
export function embeddedEnginesOpened(): number {
  return shared.opened;
}

/** The engine that serves search: Meilisearch when MEILI_URL is set, else the embedded one. */
export function getEngine(config: AppConfig = getConfig()): Promise<SearchEngine> {
  // A failed start (say, a bad key) is not remembered: the next request tries again.
  shared.engine ??= createEngine(config).catch((e: unknown) => {
    shared.engine = undefined;
    throw e;
  });
  return shared.engine;
}

async function createEngine(config: AppConfig): Promise<SearchEngine> {
  if (config.MEILI_URL) {
    const { MeilisearchEngine } = await import("@/lib/search/engines/meilisearch");
    return MeilisearchEngine.fromConfig(config);
  }
  return forServing(openEmbeddedEngine(config));
}

/**
 * SQLite's own page cache for a process that serves search: 16 MB instead of the 64 MB imports
 * use (lib/archive/db.ts). Searching reads large doclists once per word (its posting is kept after,
 * engines/sqlite/term-postings.ts), the OS keeps the file's pages anyway, and the cache filled to 64
 * MB was ~50 MB of the serving RSS at 100k documents (issue 12's target is 300 MB).
 */
export function forServing(engine: SqliteEngine): SqliteEngine {
  engine.db.pragma("cache_size = -16384");
  return engine;
}
