import os from "node:os";
import { Worker } from "node:worker_threads";
import type { CommentaryDocument } from "@/lib/validations/document";
import type { AnalyzerName } from "@/lib/text/analyzer";
import type { Analysed, ExtractAnswer, ExtractJob } from "./extract-worker";
import { buildDocument, InputIssue, type ValidInput } from "./to-document";

/**
 * A built document, or what is wrong with the record's quotes (mapped to its line by the caller).
 * `analysed`: its index texts analysed on the same thread, when asked for and built on a thread.
 */
export type Built = { doc: CommentaryDocument; analysed?: Analysed } | { issue: { message: string; field: string } };

export interface Extractor {
  /** `analyse`: also analyse the document's index texts, where that runs off the calling thread (inline the commit does it anyway). */
  build(input: ValidInput, id: string, analyse?: boolean): Promise<Built>;
  close(): Promise<void>;
  /** Documents built on this thread and on worker threads, and how many threads ran. */
  readonly counts?: { inline: number; onThreads: number; threads: number };
}

/** On the calling thread: small imports, and wherever worker threads cannot start. */
export const inlineExtractor: Extractor = {
  async build(input, id) {
    try {
      return { doc: buildDocument(input, id) };
    } catch (e) {
      if (e instanceof InputIssue) return { issue: { message: e.message, field: e.field } };
      throw e;
    }
  },
  async close() {},
};

/** Documents extracted on the calling thread before workers are started: starting them costs about as much (loading code and dictionaries). */
const INLINE_FIRST = 48;
/** Each worker holds its own dictionaries and caches (~150 MB): more than the cores buys nothing. */
const MAX_WORKERS = 8;

export interface LazyOptions {
  /**
   * Wait for the threads once they are started, instead of extracting on this thread until they
   * have loaded (about a second, ~50–100 documents of news): a test then knows which documents the
   * threads built.
   */
  waitForThreads?: boolean;
}

/**
 * The import's extractor: the first documents inline, so a small import or a re-import with a
 * few changed documents never starts threads; past that, `workers` threads (default one per
 * core, at most 4), this thread going on extracting until they are ready rather than waiting idle.
 */
export function lazyExtractor(workers = Math.min(4, os.availableParallelism()), analyzer: AnalyzerName = "default", options: LazyOptions = {}): Extractor {
  const counts = { inline: 0, onThreads: 0, threads: 0 };
  let pool: SpawnedExtractor | undefined;
  const inline = (input: ValidInput, id: string) => {
    counts.inline++;
    return inlineExtractor.build(input, id);
  };
  const onThreads = (p: SpawnedExtractor, input: ValidInput, id: string, analyse?: boolean) => {
    counts.threads = p.size;
    counts.onThreads++;
    return p.build(input, id, analyse);
  };
  return {
    counts,
    build(input, id, analyse) {
      if (workers <= 0 || counts.inline < INLINE_FIRST) return inline(input, id);
      pool ??= spawnExtractor(workers, analyzer);
      const p = pool;
      if (p.ready()) return onThreads(p, input, id, analyse);
      if (!options.waitForThreads) return inline(input, id);
      return p.started.then((ok) => (ok ? onThreads(p, input, id, analyse) : inline(input, id)));
    },
    async close() {
      await pool?.close();
    },
  };
}

/** Worker threads being started: `ready()` says, without waiting, whether every one has loaded; `started` settles once they all have (true) or one failed (false). */
interface SpawnedExtractor extends Extractor {
  readonly size: number;
  ready(): boolean;
  readonly started: Promise<boolean>;
}

/**
 * Extraction (~10 ms a document of news text, nearly all an import's time) on worker threads:
 * the main thread keeps reading, validating and the one transaction, and takes the documents
 * back in order. Each worker keeps its own morphology caches across the documents it is given.
 * If the workers cannot start (no TypeScript loader, a bundled server), extraction runs inline.
 */
export async function startExtractor(workers: number, analyzer: AnalyzerName = "default"): Promise<Extractor> {
  if (Math.min(workers, MAX_WORKERS) <= 0) return inlineExtractor;
  const spawned = spawnExtractor(workers, analyzer);
  if (await spawned.started) return spawned;
  await spawned.close();
  return inlineExtractor;
}

function spawnExtractor(workers: number, analyzer: AnalyzerName): SpawnedExtractor {
  workers = Math.min(workers, MAX_WORKERS);
  const url = new URL("./extract-worker.mjs", import.meta.url);
  // Each worker adds one once loaded: the import reads it between two documents it extracts
  // itself, when no message event can run.
  const loaded = new Int32Array(new SharedArrayBuffer(4));
  const pool: { worker: Worker; busy: number }[] = [];
  const waiting = new Map<number, { resolve: (b: Built) => void; reject: (e: Error) => void; slot: { busy: number } }>();
  let failure: Error | undefined;
  const failAll = (e: Error) => {
    failure ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  const started = Promise.all(
    Array.from({ length: workers }, () => {
      const worker = new Worker(url, { execArgv: [], workerData: { analyzer, loaded } });
      const slot = { worker, busy: 0 };
      pool.push(slot);
      worker.on("message", (m: ExtractAnswer) => {
        if (!("job" in m)) return;
        const w = waiting.get(m.job);
        if (!w) return;
        waiting.delete(m.job);
        w.slot.busy--;
        if ("error" in m) w.reject(new Error(`extraction failed in a worker thread: ${m.error}`));
        else w.resolve("doc" in m ? { doc: m.doc, ...(m.analysed ? { analysed: m.analysed } : {}) } : { issue: m.issue });
      });
      return new Promise<boolean>((resolve) => {
        worker.on("message", (m: { ready?: boolean }) => m.ready && resolve(true));
        worker.on("error", (e) => {
          failAll(e);
          resolve(false);
        });
        worker.on("exit", (code) => {
          if (code !== 0) failAll(new Error(`an extraction worker exited with code ${code}`));
          resolve(false);
        });
      });
    }),
  ).then((all) => all.every(Boolean) && !failure);
  let next = 0;
  return {
    size: workers,
    started,
    ready: () => !failure && Atomics.load(loaded, 0) >= workers,
    build(input, id, analyse) {
      if (failure) return Promise.reject(failure);
      const slot = pool.reduce((a, b) => (b.busy < a.busy ? b : a));
      const job = next++;
      slot.busy++;
      return new Promise<Built>((resolve, reject) => {
        waiting.set(job, { resolve, reject, slot });
        slot.worker.postMessage({ job, input, id, ...(analyse ? { analyse } : {}) } satisfies ExtractJob);
      });
    },
    async close() {
      failure ??= new Error("extractor closed");
      await Promise.all(pool.map((p) => p.worker.terminate()));
    },
  };
}
