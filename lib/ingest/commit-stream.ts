import { rebuildRegistry } from "@/lib/archive/entities";
import { enqueue } from "@/lib/archive/outbox";
import { ArchiveStore } from "@/lib/archive/store";
import { resolveDocument } from "@/lib/entities/document";
import type { PeopleOverrides } from "@/lib/entities/overrides";
import type { SqliteEngine } from "@/lib/search/engines/sqlite";
import type { CommentaryDocument } from "@/lib/validations/document";
import { collectGarbage } from "./memory";
import { recordInputs } from "@/lib/archive/inputs";
import { getMeta, setMeta } from "@/lib/archive/db";
import { inputRows, REGISTRY_KEY, uniqueSlug } from "./run-ingest";
import { registryKey } from "./input-hash";

const INDEX_BATCH = 500;
/** SQLite's page cache while streaming, in KiB (the connection's usual 64 MB is put back after). */
const STREAM_CACHE_KIB = 16_384;

/**
 * commitIngest for imports too big to hold in memory (a MediaWiki dump of 100k articles): one
 * SQLite transaction opened first, documents saved to the archive as they are read, then the
 * entity registry rebuilt once and the changed rows indexed in batches, then COMMIT — or
 * ROLLBACK, so the import stays all or nothing. Memory holds one batch, the ids and slugs seen,
 * and the registry; the rules (slugs kept across updates, clashes suffixed, stale index rebuilt,
 * outbox queued in the same transaction) are commitIngest's.
 */
export class StreamingCommit {
  private readonly store: ArchiveStore;
  private readonly stale: boolean;
  private readonly saved: number[] = [];
  private readonly slugsThisRun = new Map<string, string>();
  private open = true;
  private readonly cacheSize: number;
  readonly counts = { added: 0, updated: 0, unchanged: 0 };

  constructor(
    private readonly engine: SqliteEngine,
    private readonly overrides: PeopleOverrides,
    private readonly outbox: boolean,
  ) {
    this.store = new ArchiveStore(engine.db);
    this.cacheSize = engine.db.pragma("cache_size", { simple: true }) as number;
    engine.db.pragma(`cache_size = -${STREAM_CACHE_KIB}`);
    engine.db.exec("BEGIN IMMEDIATE");
    this.stale = engine.isStale();
  }

  add(incoming: CommentaryDocument): "added" | "updated" | "unchanged" {
    const kind = this.store.classify(incoming);
    this.counts[kind]++;
    recordInputs(this.engine.db, inputRows([incoming]));
    if (kind === "unchanged") return kind;
    const stored = this.store.slugOf(incoming.id);
    const doc = { ...incoming, slug: stored ?? incoming.slug };
    const clash = (slug: string) => this.store.slugTakenByOther(slug, doc.id) || (this.slugsThisRun.has(slug) && this.slugsThisRun.get(slug) !== doc.id);
    if (!stored && clash(doc.slug)) doc.slug = uniqueSlug(doc.slug, doc.id, clash);
    this.slugsThisRun.set(doc.slug, doc.id);
    this.saved.push(this.store.save(doc));
    return kind;
  }

  /** Rebuild the registry, index what changed, queue it for Meilisearch, commit. Returns the ids indexed. */
  finish(onProgress?: (done: number, total: number) => void): string[] {
    const db = this.engine.db;
    try {
      // The registry rebuild holds every document's names at once: what this object no longer needs goes first.
      this.slugsThisRun.clear();
      const key = registryKey(this.overrides);
      if (this.saved.length === 0 && !this.stale && key !== undefined && getMeta(db, REGISTRY_KEY) === key) {
        db.exec("COMMIT");
        this.open = false;
        db.pragma(`cache_size = ${this.cacheSize}`);
        return [];
      }
      collectGarbage();
      const { registry, changed } = rebuildRegistry(db, this.overrides);
      if (key !== undefined) setMeta(db, REGISTRY_KEY, key);
      collectGarbage();
      const rowids = [...new Set([...this.saved, ...changed])];
      const ids: string[] = [];
      if (this.stale) {
        this.engine.reindexAll(undefined, (doc) => resolveDocument(registry, doc));
        const idOf = db.prepare("SELECT id FROM documents WHERE rowid IN (SELECT value FROM json_each(?))").pluck();
        for (let i = 0; i < rowids.length; i += INDEX_BATCH) ids.push(...(idOf.all(JSON.stringify(rowids.slice(i, i + INDEX_BATCH))) as string[]));
      } else {
        for (let i = 0; i < rowids.length; i += INDEX_BATCH) {
          for (const [rowid, doc] of this.store.byRowids(rowids.slice(i, i + INDEX_BATCH))) {
            this.engine.indexRow(rowid, resolveDocument(registry, doc));
            ids.push(doc.id);
          }
          onProgress?.(Math.min(i + INDEX_BATCH, rowids.length), rowids.length);
          if ((i / INDEX_BATCH) % 10 === 9) collectGarbage();
        }
      }
      this.engine.markAnalyzer();
      if (this.outbox) enqueue(db, ids, "upsert");
      db.exec("COMMIT");
      this.open = false;
      db.pragma(`cache_size = ${this.cacheSize}`);
      return ids;
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  abort(): void {
    if (!this.open) return;
    this.open = false;
    if (this.engine.db.inTransaction) this.engine.db.exec("ROLLBACK");
    this.engine.db.pragma(`cache_size = ${this.cacheSize}`);
  }
}
