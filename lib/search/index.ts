import { openDatabase } from "@/lib/archive/db";
import { getConfig, type AppConfig } from "@/lib/config";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { SearchEngine } from "./engine";
import { SqliteEngine } from "./engines/sqlite";

export type { SearchEngine } from "./engine";

/** The embedded engine over the archive database: always there, since the archive lives in it. */
export function openEmbeddedEngine(config: AppConfig = getConfig()): SqliteEngine {
  return new SqliteEngine(openDatabase(config.ARCHIVE_DB_PATH), getAnalyzer(config.ANALYZER));
}

let engine: Promise<SearchEngine> | undefined;

/** The engine that serves search: Meilisearch when MEILI_URL is set, else the embedded one. */
export function getEngine(config: AppConfig = getConfig()): Promise<SearchEngine> {
  // A failed start (say, a bad key) is not remembered: the next request tries again.
  engine ??= createEngine(config).catch((e: unknown) => {
    engine = undefined;
    throw e;
  });
  return engine;
}

async function createEngine(config: AppConfig): Promise<SearchEngine> {
  if (config.MEILI_URL) {
    const { MeilisearchEngine } = await import("./engines/meilisearch");
    return MeilisearchEngine.fromConfig(config);
  }
  return openEmbeddedEngine(config);
}
