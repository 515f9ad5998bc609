/**
 * Writing to Meilisearch: index settings, upserts and removals (documents with their statements),
 * and full rebuilds into a fresh pair of indexes swapped in atomically. Admin-key work only;
 * searching lives in the engine (index.ts), which hands its writes here.
 */
import { type EnqueuedTaskPromise, type IndexSwap, type Meilisearch, MeilisearchTaskTimeOutError, type Settings, type Task } from "meilisearch";
import { AppError } from "@/lib/errors";
import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { PRIMARY_KEY, primaryKeyOf, toMeiliDocument } from "@/lib/search/engines/meilisearch/document";
import type { documentsLink } from "@/lib/search/engines/meilisearch/archive-link";
import { RecordTooLargeError, byteBatches, taskTimeoutMs } from "@/lib/search/engines/meilisearch/batches";
import { failedTaskMessage } from "@/lib/search/engines/meilisearch/errors";
import { MEILI_ATTR, inList } from "@/lib/search/engines/meilisearch/filter";
import { meiliErrorCode } from "@/lib/search/engines/meilisearch/http";
import { type AliasMap, buildSettings, buildStatementSettings } from "@/lib/search/engines/meilisearch/settings";
import { STATEMENTS_SUFFIX, statementsIndexOf, toMeiliStatements } from "@/lib/search/engines/meilisearch/statements";
import type { MeiliConfig, RebuildOptions } from "@/lib/search/engines/meilisearch/types";

/** Between two polls of an indexing task. */
const TASK_POLL_MS = 100;

export class MeiliIndexer {
  constructor(
    private readonly config: MeiliConfig,
    private readonly analyzer: Analyzer,
    private readonly indexUid: string,
    private readonly client: Meilisearch | undefined,
    /** The error a failed call becomes: unreachable, wrong key, missing index, each named. */
    private readonly unavailable: (e: unknown) => AppError,
    private readonly aliases?: AliasMap,
    /** The engine's stand-in archive when it has none: what it indexes, it can read back. */
    private readonly own?: ReturnType<typeof documentsLink>,
  ) {}

  private get statementsUid(): string {
    return statementsIndexOf(this.indexUid);
  }

  private admin(): Meilisearch {
    if (!this.client) throw new Error("indexing Meilisearch needs MEILI_ADMIN_KEY or MEILI_MASTER_KEY; MEILI_SEARCH_KEY can only search");
    return this.client;
  }

  /**
   * Polls the task until it is done. Not the client's waitTask: it shares one abort signal across
   * its polls and leaves a listener on it for each (meilisearch-js 0.62), so any task taking over
   * ten polls printed MaxListenersExceededWarning; each poll here is a request of its own, under
   * the client's request timeout.
   */
  private async wait(enqueued: EnqueuedTaskPromise, documents: number, bytes = 0): Promise<Task> {
    const { taskUid } = await enqueued;
    const timeout = taskTimeoutMs(documents, bytes);
    const deadline = Date.now() + timeout;
    for (;;) {
      const task = await this.admin().tasks.getTask(taskUid);
      if (task.status !== "enqueued" && task.status !== "processing") {
        if (task.status !== "succeeded") throw new Error(failedTaskMessage(task));
        return task;
      }
      if (Date.now() >= deadline) throw new MeilisearchTaskTimeOutError(taskUid, timeout);
      await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
    }
  }

  private async adminCall<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      if (e instanceof RecordTooLargeError || (e instanceof Error && e.message.startsWith("Meilisearch task"))) throw e;
      throw this.unavailable(e);
    }
  }

  settings(): Settings {
    return buildSettings(this.config, this.analyzer, this.aliases);
  }

  statementSettings(): Settings {
    return buildStatementSettings(this.config, this.analyzer, this.aliases);
  }

  /** Creates the index when missing; true when it did. */
  private async ensureIndex(indexUid: string): Promise<boolean> {
    return this.adminCall(async () => {
      const client = this.admin();
      const exists = await client.getIndex(indexUid).then(
        () => true,
        (e: unknown) => {
          if (meiliErrorCode(e) === "index_not_found") return false;
          throw e;
        },
      );
      if (!exists) await this.wait(client.createIndex(indexUid, { primaryKey: PRIMARY_KEY }), 0);
      return !exists;
    });
  }

  private async applySettings(indexUid: string, settings: Settings): Promise<void> {
    await this.ensureIndex(indexUid);
    await this.adminCall(async () => {
      const index = this.admin().index(indexUid);
      // Changing settings on a full index re-indexes it, so that wait grows with its size.
      const documents = (await index.getStats()).numberOfDocuments;
      await this.wait(index.updateSettings(settings), documents);
    });
  }

  /**
   * Create the document index and its statement index if missing and apply their settings;
   * safe to run any number of times.
   */
  async setup(indexUid = this.indexUid): Promise<void> {
    await this.applySettings(indexUid, this.settings());
    await this.applySettings(statementsIndexOf(indexUid), this.statementSettings());
  }

  /**
   * A batch of documents into a document index and its statement index. Statements are added
   * first and only then are a document's surplus ones (from a longer earlier version) deleted,
   * so a search never sees a document without its statements; a fresh index has none to delete.
   */
  private async addBatch(indexUid: string, batch: CommentaryDocument[], fresh = false): Promise<void> {
    this.own?.add(batch);
    await this.send(indexUid, batch.map((d) => toMeiliDocument(d, this.analyzer)));
    const statementsUid = statementsIndexOf(indexUid);
    await this.send(statementsUid, batch.flatMap((d) => toMeiliStatements(d, this.analyzer)));
    if (fresh) return;
    // One task for the batch: documents grouped by how many statements they now have.
    const byCount = new Map<number, string[]>();
    for (const d of batch) {
      const pks = byCount.get(d.quotes.length) ?? [];
      pks.push(primaryKeyOf(d.id));
      byCount.set(d.quotes.length, pks);
    }
    const filter = [...byCount].map(([n, pks]) => `(${inList(MEILI_ATTR.statementDoc, pks)} AND ${MEILI_ATTR.statementIdx} >= ${n})`).join(" OR ");
    await this.adminCall(() => this.wait(this.admin().index(statementsUid).deleteDocuments({ filter }), batch.length));
  }

  /** Records into an index in requests under MEILI_PAYLOAD_LIMIT_BYTES, each waited for. */
  private async send(indexUid: string, records: Iterable<{ pk: string }>): Promise<void> {
    const index = this.admin().index(indexUid);
    for (const b of byteBatches(records, this.config.MEILI_PAYLOAD_LIMIT_BYTES, this.config.MEILI_BATCH_SIZE, (r) => r.pk)) {
      await this.adminCall(() => this.wait(index.addDocumentsFromString(b.json, "application/json", { primaryKey: PRIMARY_KEY }), b.count, b.bytes));
    }
  }

  async upsert(documents: CommentaryDocument[]): Promise<void> {
    if (documents.length === 0) return;
    // An index Meilisearch creates implicitly on first write would have no settings.
    const created = await this.ensureIndex(this.indexUid);
    const createdStatements = await this.ensureIndex(this.statementsUid);
    if (created || createdStatements) await this.setup();
    const size = this.config.MEILI_BATCH_SIZE;
    for (let i = 0; i < documents.length; i += size) await this.addBatch(this.indexUid, documents.slice(i, i + size));
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.adminCall(() => this.wait(this.admin().index(this.indexUid).deleteDocuments(ids.map(primaryKeyOf)), ids.length));
    const size = this.config.MEILI_BATCH_SIZE;
    for (let i = 0; i < ids.length; i += size) {
      const filter = inList(MEILI_ATTR.statementDoc, ids.slice(i, i + size).map(primaryKeyOf));
      await this.adminCall(() => this.wait(this.admin().index(this.statementsUid).deleteDocuments({ filter }), size));
    }
  }

  /**
   * A full rebuild into a fresh pair of indexes (documents and statements), swapped in together,
   * atomically, when complete, so searches keep using the old pair until then. On failure the
   * fresh indexes are deleted and the live ones are untouched.
   */
  async rebuild(documents: Iterable<CommentaryDocument> | AsyncIterable<CommentaryDocument>, options: RebuildOptions = {}): Promise<void> {
    const size = options.batchSize ?? this.config.MEILI_BATCH_SIZE;
    const client = this.admin();
    const leftovers = await this.dropLeftoverBuilds();
    if (leftovers.length > 0) options.onLeftovers?.(leftovers);
    const fresh = `${this.indexUid}_build_${Date.now().toString(36)}`;
    const dropFresh = async () => {
      for (const uid of [fresh, statementsIndexOf(fresh)]) await client.deleteIndexIfExists(uid).catch(() => undefined);
    };
    let done = 0;
    try {
      await this.setup(fresh);
      let batch: CommentaryDocument[] = [];
      for await (const doc of documents) {
        batch.push(doc);
        if (batch.length >= size) {
          await this.addBatch(fresh, batch, true);
          done += batch.length;
          options.onProgress?.(done);
          batch = [];
        }
      }
      if (batch.length > 0) {
        await this.addBatch(fresh, batch, true);
        done += batch.length;
        options.onProgress?.(done);
      }
      // Indexing in batches leaves freed pages in the index file; a fresh index is compacted once, before it goes live.
      await this.compact(fresh, done);
      await this.compact(statementsIndexOf(fresh), done);
      // Swapping needs both indexes of each pair; settings travel with the swap, so the live ones need none.
      await this.ensureIndex(this.indexUid);
      await this.ensureIndex(this.statementsUid);
      // `rename` is left out: servers before v1.18 reject the field, and a plain swap is what we want.
      // Both swaps in one task: Meilisearch applies them together, so documents and statements never disagree.
      const swaps = [{ indexes: [this.indexUid, fresh] }, { indexes: [this.statementsUid, statementsIndexOf(fresh)] }] as IndexSwap[];
      await this.adminCall(() => this.wait(client.swapIndexes(swaps), 0));
    } catch (e) {
      await dropFresh();
      throw e;
    }
    // After the swap the fresh names hold the old indexes.
    await this.adminCall(async () => {
      await this.wait(client.deleteIndex(fresh), 0);
      await this.wait(client.deleteIndex(statementsIndexOf(fresh)), 0);
    }).catch(() => undefined);
  }

  /**
   * Rewrites an index's file without its free pages (POST /indexes/{uid}/compact, Meilisearch
   * 1.23+). Only disk space rides on it: a server without the route, or a failed compaction,
   * leaves the index as it was.
   */
  private async compact(indexUid: string, documents: number): Promise<void> {
    try {
      await this.wait(this.admin().index(indexUid).compact(), documents);
    } catch {
      // An older server, or one that could not compact: the index is complete either way.
    }
  }

  /**
   * Build indexes an earlier rebuild left behind (interrupted before it could delete them: the
   * process killed, the machine stopped), deleted before a new build starts; their names.
   */
  async dropLeftoverBuilds(): Promise<string[]> {
    const pattern = new RegExp(`^${this.indexUid}_build_[0-9a-z]+(${STATEMENTS_SUFFIX})?$`);
    return this.adminCall(async () => {
      const client = this.admin();
      const found: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = await client.getRawIndexes({ offset, limit: 100 });
        found.push(...page.results.map((i) => i.uid).filter((uid) => pattern.test(uid)));
        if (offset + 100 >= page.total) break;
      }
      for (const uid of found) await this.wait(client.deleteIndex(uid), 0);
      return found;
    });
  }

  /** Delete this engine's index, e.g. a test's throw-away one. */
  async dropIndex(): Promise<void> {
    await this.adminCall(async () => {
      await this.admin().deleteIndexIfExists(this.indexUid);
      await this.admin().deleteIndexIfExists(this.statementsUid);
    });
  }
}
