import type { Db } from "./db";
import { rebuildRegistry } from "./entities";
import { forgetFilesOf, importedFileCount } from "./import-files";
import { enqueue, outboxSize } from "./outbox";
import { ArchiveStore } from "./store";
import { resolveDocument } from "@/lib/entities/document";
import type { PeopleOverrides } from "@/lib/entities/overrides";
import type { SqliteEngine } from "@/lib/search/engines/sqlite";

/** One archived document as `npm run archive -- list` shows it. */
export interface ListedDocument {
  id: string;
  slug: string;
  title: string;
  date?: string;
  source?: string;
  sample: boolean;
  /** The file or URL it was imported from, when it was imported with provenance. */
  from?: string;
  format?: string;
  addedAt: string;
  updatedAt: string;
}

export function listDocuments(db: Db, filter: { source?: string } = {}): ListedDocument[] {
  const rows = db
    .prepare(
      `SELECT id, slug, title, date, json_extract(record, '$.source') AS source, json_extract(record, '$.sample') AS sample,
              json_extract(record, '$.provenance.from') AS origin, json_extract(record, '$.provenance.format') AS format, added_at, updated_at
         FROM documents
        ORDER BY date IS NULL, date DESC, title`,
    )
    .all() as {
    id: string;
    slug: string;
    title: string;
    date: string | null;
    source: string | null;
    sample: number | null;
    origin: string | null;
    format: string | null;
    added_at: string;
    updated_at: string;
  }[];
  // SQLite's lower() folds ASCII only; sources are Russian.
  const wanted = filter.source?.trim().toLocaleLowerCase("ru");
  return rows.filter((r) => wanted === undefined || r.source?.toLocaleLowerCase("ru") === wanted).map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    ...(r.date ? { date: r.date } : {}),
    ...(r.source ? { source: r.source } : {}),
    sample: r.sample === 1,
    ...(r.origin ? { from: r.origin } : {}),
    ...(r.format ? { format: r.format } : {}),
    addedAt: r.added_at,
    updatedAt: r.updated_at,
  }));
}

export interface RemoveResult {
  removed: string[];
  /** Arguments that are neither an archived id nor a slug. */
  notFound: string[];
  /** Other documents indexed again because the registry changed (a person they named now resolves differently). */
  reindexed: string[];
}

/**
 * Remove documents (by id or slug) from the archive and the embedded index in one transaction,
 * rebuild the entity registry without them and index again the documents whose names now
 * resolve differently; with `outbox`, queue the removals and those updates for Meilisearch in
 * the same transaction (flushOutbox sends them). Files that gave a removed document are
 * forgotten by the incremental import, so importing them again brings it back.
 */
export function removeDocuments(engine: SqliteEngine, refs: readonly string[], overrides: PeopleOverrides, outbox: boolean): RemoveResult {
  const db = engine.db;
  const store = new ArchiveStore(db);
  const result: RemoveResult = { removed: [], notFound: [], reindexed: [] };
  const byRef = db.prepare("SELECT id FROM documents WHERE id = ? OR slug = ?").pluck();
  db.transaction(() => {
    const stale = engine.isStale();
    for (const ref of refs) {
      const id = byRef.get(ref, ref) as string | undefined;
      const rowid = id === undefined ? undefined : store.remove(id);
      if (id === undefined || rowid === undefined) {
        result.notFound.push(ref);
        continue;
      }
      engine.unindexRow(rowid);
      result.removed.push(id);
    }
    if (result.removed.length === 0) return;
    forgetFilesOf(db, result.removed);
    const { registry, changed } = rebuildRegistry(db, overrides);
    if (stale) {
      engine.reindexAll(undefined, (doc) => resolveDocument(registry, doc));
      result.reindexed.push(...[...store.byRowids(changed).values()].map((d) => d.id));
    } else {
      for (let i = 0; i < changed.length; i += 500) {
        for (const [rowid, doc] of store.byRowids(changed.slice(i, i + 500))) {
          engine.indexRow(rowid, resolveDocument(registry, doc));
          result.reindexed.push(doc.id);
        }
      }
    }
    engine.markAnalyzer();
    if (outbox) {
      enqueue(db, result.removed, "remove");
      enqueue(db, result.reindexed, "upsert");
    }
  })();
  return result;
}

export interface ArchiveStats {
  documents: number;
  samples: number;
  undated: number;
  firstDate?: string;
  lastDate?: string;
  bySource: { source: string; documents: number }[];
  byFormat: { format: string; documents: number }[];
  entities: { kind: string; count: number }[];
  filesTracked: number;
  outboxPending: number;
}

export function archiveStats(db: Db): ArchiveStats {
  new ArchiveStore(db); // creates the registry tables on an archive that has none yet
  const one = <T>(sql: string) => db.prepare(sql).get() as T;
  const counts = one<{ n: number; samples: number; undated: number; first: string | null; last: string | null }>(
    `SELECT count(*) AS n, sum(json_extract(record, '$.sample') = 1) AS samples, sum(date IS NULL) AS undated, min(date) AS first, max(date) AS last FROM documents`,
  );
  const bySource = db
    .prepare(`SELECT coalesce(json_extract(record, '$.source'), '—') AS source, count(*) AS documents FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`)
    .all() as { source: string; documents: number }[];
  const byFormat = db
    .prepare(`SELECT coalesce(json_extract(record, '$.provenance.format'), 'unknown (imported before provenance)') AS format, count(*) AS documents FROM documents GROUP BY 1 ORDER BY 2 DESC`)
    .all() as { format: string; documents: number }[];
  const entities = db.prepare("SELECT kind, count(*) AS count FROM entities GROUP BY kind ORDER BY kind").all() as { kind: string; count: number }[];
  return {
    documents: counts.n,
    samples: counts.samples ?? 0,
    undated: counts.undated ?? 0,
    ...(counts.first ? { firstDate: counts.first } : {}),
    ...(counts.last ? { lastDate: counts.last } : {}),
    bySource,
    byFormat,
    entities,
    filesTracked: importedFileCount(db),
    outboxPending: outboxSize(db),
  };
}
