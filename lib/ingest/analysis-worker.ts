/**
 * A worker thread of lib/ingest/analysis-pool.ts: turns texts into the embedded index's analysed
 * and exact columns with the same TokenMemo the engine uses, so its answers are the engine's own.
 * It never touches the archive; the import's transaction stays on the main thread.
 */
import { workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { TokenMemo, type TokenAnalysis } from "@/lib/search/engines/sqlite/token-memo";
import type { AnalyzerName } from "@/lib/text/analyzer";
import { getAnalyzer } from "@/lib/text/analyzers";

export type AnalysisJob = { id: number; texts: string[] };
export type AnalysisAnswer = { id: number; out: [string, string][]; tokens: [string, TokenAnalysis][] } | { id: number; error: string };

const { port, signal, analyzer } = workerData as { port: MessagePort; signal: Int32Array; analyzer: AnalyzerName };
const memo = new TokenMemo(getAnalyzer(analyzer));
// The analyses this thread made for the first time go back with the job, for the token_analysis table.
const fresh: [string, TokenAnalysis][] = [];
memo.store = { get: () => undefined, put: (surface, a) => fresh.push([surface, a]) };

port.on("message", (job: AnalysisJob) => {
  let answer: AnalysisAnswer;
  try {
    answer = { id: job.id, out: job.texts.map((t) => memo.indexAndExact(t)), tokens: fresh.splice(0) };
  } catch (e) {
    answer = { id: job.id, error: (e as Error).stack ?? String(e) };
  }
  port.postMessage(answer);
  // The main thread may be blocked in a synchronous commit, waiting on this counter.
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
