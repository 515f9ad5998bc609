import { createHash } from "node:crypto";
import type { AppConfig } from "@/lib/config";
import { getEngine, openEmbeddedEngine } from "@/lib/search";
import type { SqliteEngine } from "@/lib/search/engines/sqlite";
import { ArchiveStore } from "@/lib/archive/store";
import type { CommentaryDocument } from "@/lib/validations/document";
import { rebuildRegistry } from "@/lib/archive/entities";
import { enqueue, flushOutbox, outboxSize } from "@/lib/archive/outbox";
import { getMeta, setMeta } from "@/lib/archive/db";
import { recordInputs } from "@/lib/archive/inputs";
import { resolveDocument } from "@/lib/entities/document";
import { loadPeopleOverrides, type PeopleOverrides } from "@/lib/entities/overrides";
import { IngestError } from "./errors";
import { readRecords } from "./read-files";
import { SeenDocuments } from "./seen-documents";
import { toDocument } from "./to-document";
import { inputHashOf, registryKey } from "./input-hash";
import { AnalysisPool, analysisThreads } from "./analysis-pool";
import { indexTexts, type IndexTextSource, type PreparedAnalyses } from "./prepared-analyses";

/** Imports of at least this many documents analyse their text on worker threads (analysis-pool.ts). */
const ANALYSIS_POOL_MIN_DOCUMENTS = 500;

/** meta key: registryKey() of the last rebuild an import made. */
export const REGISTRY_KEY = "entities_rebuilt_from";

/** Input hashes of the documents an import read, stored or unchanged, for the next import to reuse. */
export function inputRows(documents: readonly CommentaryDocument[]): { id: string; inputHash: string; contentHash: string }[] {
  const rows: { id: string; inputHash: string; contentHash: string }[] = [];
  for (const d of documents) {
    const h = inputHashOf(d);
    if (h) rows.push({ id: d.id, inputHash: h, contentHash: d.contentHash });
  }
  return rows;
}

export interface PreparedIngest {
  documents: { document: CommentaryDocument; file: string }[];
  errors: IngestError[];
}

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Documents whose stored content changed: what a secondary index must receive. */
  changed: CommentaryDocument[];
}

/**
 * A clashing slug gets a short, stable suffix from the document's id hash; ids that share a
 * prefix (bench-000001, bench-000002) still get distinct slugs because the suffix grows.
 */
export function uniqueSlug(slug: string, id: string, taken: (slug: string) => boolean): string {
  const hash = createHash("sha256").update(id).digest("hex");
  for (let n = 6; n <= hash.length; n += 2) {
    const candidate = `${slug}-${hash.slice(0, n)}`;
    if (!taken(candidate)) return candidate;
  }
  throw new Error(`no free slug for document ${id}`);
}

/** Read and validate every file; nothing is written. */
export function prepareIngest(files: readonly string[], onFile?: (file: string) => void): PreparedIngest {
  const documents: PreparedIngest["documents"] = [];
  const errors: IngestError[] = [];
  const seen = new SeenDocuments();
  for (const file of files) {
    try {
      for (const record of readRecords(file)) {
        try {
          const document = toDocument(record);
          const seenAs = seen.check(document, file, record.line);
          if (seenAs instanceof IngestError) throw seenAs;
          if (seenAs === "repeat") continue;
          documents.push({ document, file });
        } catch (e) {
          if (e instanceof IngestError) errors.push(e);
          else throw e;
        }
      }
    } catch (e) {
      if (e instanceof IngestError) errors.push(e);
      else errors.push(new IngestError(file, (e as Error).message));
    }
    onFile?.(file);
  }
  return { documents, errors };
}

/**
 * Store documents in the archive and the embedded index in one transaction:
 * either every change lands or none does. With `outbox`, what changed is also queued in the
 * same transaction for the derived index (lib/archive/outbox.ts).
 */
export function commitIngest(
  engine: SqliteEngine,
  documents: readonly CommentaryDocument[],
  overrides: PeopleOverrides = loadPeopleOverrides(),
  outbox = false,
  analysis?: IndexTextSource,
): IngestSummary {
  const store = new ArchiveStore(engine.db);
  const summary: IngestSummary = { added: 0, updated: 0, unchanged: 0, rejected: 0, changed: [] };
  const run = engine.db.transaction(() => {
    const stale = engine.isStale();
    const saved = new Map<number, CommentaryDocument>();
    const slugsThisRun = new Map<string, string>();
    for (const incoming of documents) {
      const kind = store.classify(incoming);
      summary[kind]++;
      if (kind === "unchanged") continue;
      const doc = { ...incoming, slug: store.slugOf(incoming.id) ?? incoming.slug };
      const clash = (slug: string) => store.slugTakenByOther(slug, doc.id) || (slugsThisRun.has(slug) && slugsThisRun.get(slug) !== doc.id);
      if (!store.slugOf(doc.id) && clash(doc.slug)) doc.slug = uniqueSlug(doc.slug, doc.id, clash);
      slugsThisRun.set(doc.slug, doc.id);
      saved.set(store.save(doc), doc);
      // The threads analyse while this thread writes the archive and rebuilds the registry. The
      // body without its topics: their canonical names come with the registry (TokenMemo.composed).
      analysis?.submit(indexTexts(doc));
    }
    recordInputs(engine.db, inputRows(documents));
    // Nothing stored, the index current, the registry built by this code from these overrides: nothing to redo.
    const key = registryKey(overrides);
    if (saved.size === 0 && !stale && key !== undefined && getMeta(engine.db, REGISTRY_KEY) === key) return;
    // The registry is the archive's, so one new document can change how others read: a surname
    // alone finds its person once a full name arrives. Those documents are indexed again too.
    const { registry, changed } = rebuildRegistry(engine.db, overrides);
    if (key !== undefined) setMeta(engine.db, REGISTRY_KEY, key);
    // Ascending rowids, as reading them back gave: FTS5 flushes its pending terms when a rowid goes down.
    const rowids = [...new Set([...saved.keys(), ...changed])].sort((a, b) => a - b);
    // What this run saved is in hand (parsing 10,000 records of ~13 kB back cost ~2 % of an import); only the documents the registry changed are read.
    const readBack = store.byRowids(rowids.filter((r) => !saved.has(r)));
    const toIndex = rowids.flatMap((r): [number, CommentaryDocument][] => {
      const doc = saved.get(r) ?? readBack.get(r);
      return doc ? [[r, doc]] : [];
    });
    engine.withPreanalyzed(analysis, () => {
      if (stale) {
        engine.reindexAll(undefined, (doc) => resolveDocument(registry, doc));
        summary.changed.push(...toIndex.map(([, doc]) => resolveDocument(registry, doc)));
      } else {
        for (const [rowid, doc] of toIndex) {
          const view = resolveDocument(registry, doc);
          engine.indexRow(rowid, view);
          summary.changed.push(view);
        }
      }
    });
    engine.markAnalyzer();
    if (outbox) enqueue(engine.db, summary.changed.map((d) => d.id), "upsert");
  });
  try {
    run();
  } finally {
    analysis?.reset();
  }
  return summary;
}

/**
 * Store validated documents in the archive and its embedded index, then hand what changed to
 * the engine that serves search when that is Meilisearch (a derived index of the archive).
 */
export async function storeDocuments(
  documents: readonly CommentaryDocument[],
  config: AppConfig,
  /** Index texts analysed already (by the import's extraction threads); the pool starts only for what they leave. */
  prepared?: PreparedAnalyses,
): Promise<IngestSummary & { archived: number; /** changes Meilisearch confirmed, this run's and earlier runs' */ sent?: number }> {
  const engine = openEmbeddedEngine(config);
  // Starting a thread costs about what analysing a few hundred documents does.
  const left = documents.length - (prepared?.documents ?? 0);
  const threads = left >= ANALYSIS_POOL_MIN_DOCUMENTS ? analysisThreads() : 0;
  const pool = threads > 0 ? new AnalysisPool(engine.analyzer, threads) : undefined;
  if (prepared) prepared.fallback = pool;
  let summary: IngestSummary;
  try {
    summary = commitIngest(engine, documents, loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH), Boolean(config.MEILI_URL), prepared ?? pool);
  } finally {
    await pool?.close();
  }
  // Sends this run's changes and any an earlier run could not deliver; unconfirmed ones stay queued.
  let sent: number | undefined;
  if (config.MEILI_URL) {
    try {
      const flushed = await flushOutbox(engine.db, await getEngine(config), config.MEILI_BATCH_SIZE);
      sent = flushed.upserted + flushed.removed;
    } catch (e) {
      const n = outboxSize(engine.db);
      throw new Error(
        `the archive is updated (added ${summary.added}, updated ${summary.updated}), but Meilisearch has not confirmed ${n} change(s): ${(e as Error).message}. ` +
          "They wait in the archive's outbox and are sent again by the next `npm run ingest`, `npm start` or `npm run reindex`.",
        { cause: e },
      );
    }
  }
  return { ...summary, archived: new ArchiveStore(engine.db).count(), ...(sent !== undefined ? { sent } : {}) };
}
