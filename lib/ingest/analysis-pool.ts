import os from "node:os";
import { MessageChannel, type MessagePort, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { PreAnalyzed, TokenAnalysis } from "@/lib/search/engines/sqlite/token-memo";
import type { Analyzer } from "@/lib/text/analyzer";
import type { AnalysisAnswer, AnalysisJob } from "./analysis-worker";

/** Texts per message: fewer messages, while the first answers still come back early. */
const JOB_TEXTS = 48;
/**
 * Characters handed to the threads and not yet taken by the commit, at most: the texts (two bytes
 * a Cyrillic character) and their answers (~2.5× as long) stay in memory until taken, and a 10,000
 * document shard sent at once took a 100k import's peak RSS from ~1.8 to 3.2 GB.
 */
const WINDOW_CHARS = 8_000_000;
/** How long the commit waits for one text before analysing everything left itself. */
const GIVE_UP_MS = 20_000;

/**
 * The embedded index's text analysis (tokens, lemmas, the analysed and exact columns; ~40 % of
 * an import's CPU on the bench corpus) on worker threads, while the main thread writes the
 * archive and the index in its one synchronous transaction. The commit asks `take(text)` for
 * each text it indexes: a finished answer is used at once, a pending one is waited for (the
 * answers arrive through receiveMessageOnPort, since the event loop does not run inside the
 * transaction), and a text never submitted is analysed inline as before. A thread that fails
 * or hangs turns the pool off and the rest is analysed inline, so the index is the same either way.
 */
export class AnalysisPool implements PreAnalyzed {
  private readonly workers: { worker: Worker; port: MessagePort }[] = [];
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly jobs = new Map<number, string[]>();
  /** Submitted texts not yet taken, with how many times each was submitted. */
  private readonly pending = new Map<string, number>();
  private readonly done = new Map<string, [string, string]>();
  private tokens: [string, TokenAnalysis][] = [];
  private nextJob = 0;
  /** Jobs not posted yet (the window is full), oldest first; the job each pending text is in. */
  private readonly queue: AnalysisJob[] = [];
  private readonly jobOf = new Map<string, number>();
  private posted = -1;
  private outstanding = 0;
  private broken = false;
  /** Texts answered by the threads and taken by the commit, and how long the commit waited for them. */
  taken = 0;
  waitedMs = 0;

  constructor(
    readonly analyzer: Analyzer,
    threads: number,
    private readonly windowChars = WINDOW_CHARS,
  ) {
    const url = new URL("./analysis-worker.mjs", import.meta.url);
    for (let i = 0; i < threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(url, { execArgv: [], workerData: { port: port2, signal: this.signal, analyzer: analyzer.name }, transferList: [port2] });
      // An error here (no loader, a bundled server) only means the texts are analysed inline.
      worker.on("error", () => (this.broken = true));
      worker.unref();
      port1.unref();
      this.workers.push({ worker, port: port1 });
    }
  }

  /** Queue texts for the threads; duplicates are analysed once a submission. */
  submit(texts: readonly string[]): void {
    if (this.broken || this.workers.length === 0) return;
    for (let i = 0; i < texts.length; i += JOB_TEXTS) {
      const batch = texts.slice(i, i + JOB_TEXTS);
      const id = this.nextJob++;
      this.jobs.set(id, batch);
      for (const t of batch) {
        this.pending.set(t, (this.pending.get(t) ?? 0) + 1);
        this.jobOf.set(t, id);
      }
      this.queue.push({ id, texts: batch });
    }
    this.pump();
  }

  /** Posts queued jobs while the window has room, and every job up to `through` regardless. */
  private pump(through = -1): void {
    while (this.queue.length > 0 && (this.outstanding < this.windowChars || this.queue[0]!.id <= through)) {
      const job = this.queue.shift()!;
      for (const t of job.texts) this.outstanding += t.length;
      this.posted = job.id;
      this.workers[job.id % this.workers.length]!.port.postMessage(job);
    }
  }

  private drain(): void {
    for (const { port } of this.workers) {
      for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
        const answer = m.message as AnalysisAnswer;
        const texts = this.jobs.get(answer.id);
        this.jobs.delete(answer.id);
        if ("error" in answer || !texts) {
          this.broken = true;
          continue;
        }
        // After a reset, answers to what was dropped are not kept.
        texts.forEach((t, i) => this.pending.has(t) && this.done.set(t, answer.out[i]!));
        if (answer.tokens.length > 0) this.tokens.push(...answer.tokens);
      }
    }
  }

  take(text: string): [string, string] | undefined {
    const left = this.pending.get(text);
    if (left === undefined || this.broken) return undefined;
    let answer = this.done.get(text);
    const job = this.jobOf.get(text) ?? -1;
    if (answer === undefined && job > this.posted) this.pump(job);
    const started = performance.now();
    while (answer === undefined && !this.broken) {
      const seen = Atomics.load(this.signal, 0);
      this.drain();
      answer = this.done.get(text);
      if (answer !== undefined) break;
      if (performance.now() - started > GIVE_UP_MS) this.broken = true;
      else Atomics.wait(this.signal, 0, seen, 200);
    }
    this.waitedMs += performance.now() - started;
    if (answer === undefined) return undefined;
    if (left <= 1) {
      this.pending.delete(text);
      this.done.delete(text);
      this.jobOf.delete(text);
    } else this.pending.set(text, left - 1);
    this.taken++;
    this.outstanding -= text.length;
    this.pump();
    return answer;
  }

  drainTokens(put: (surface: string, a: TokenAnalysis) => void): void {
    if (this.tokens.length === 0) return;
    const tokens = this.tokens;
    this.tokens = [];
    for (const [surface, a] of tokens) put(surface, a);
  }

  /** Forget what was submitted and not taken (texts a commit did not index after all). */
  reset(): void {
    this.drain();
    this.pending.clear();
    this.done.clear();
    this.jobOf.clear();
    this.queue.length = 0;
    this.outstanding = 0;
  }

  async close(): Promise<void> {
    this.broken = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * One thread fewer than the cores (at most three), and none on a busy machine. Measured on the
 * 2-core development machine, 5,000 bench documents, alternating runs: at load average 2.1-3.3 a
 * thread cut the commit from 16.4-17.8 s to 11.5-11.7 s (+150-200 MB of RSS: its own
 * dictionaries and caches); at 5-12 (four engineers' jobs) it made it slower, 112 s against 66-84 s
 * inline, since it then only takes CPU time from the main thread. Hence the cut at twice the cores.
 */
export function analysisThreads(): number {
  const cores = os.availableParallelism();
  if (os.loadavg()[0]! >= 2 * cores) return 0;
  return Math.max(0, Math.min(3, cores - 1));
}
