/**
 * A worker thread of lib/ingest/extract-pool.ts: builds documents from validated input (the
 * extraction) and, when asked, analyses the texts the commit will index (prepared-analyses.ts),
 * nothing else. It never touches the archive: the import's transaction stays on the main thread,
 * so a killed import leaves nothing half-written here.
 */
import { parentPort, workerData } from "node:worker_threads";
import { TokenMemo, type TokenAnalysis } from "@/lib/search/engines/sqlite/token-memo";
import type { AnalyzerName } from "@/lib/text/analyzer";
import { getAnalyzer } from "@/lib/text/analyzers";
import { indexTexts } from "./prepared-analyses";
import { buildDocument, InputIssue, type ValidInput } from "./to-document";

export type ExtractJob = { job: number; input: ValidInput; id: string; analyse?: boolean };
export type Analysed = { texts: [string, string][]; tokens: [string, TokenAnalysis][] };
export type ExtractAnswer =
  | { job: number; doc: import("@/lib/validations/document").CommentaryDocument; analysed?: Analysed }
  | { job: number; issue: { message: string; field: string } }
  | { job: number; error: string };

const data = workerData as { analyzer?: AnalyzerName; loaded?: Int32Array } | undefined;
const analyzer = data?.analyzer ?? "default";
let memo: TokenMemo | undefined;
// The analyses this thread made for the first time go back with the document, for the token_analysis table.
const fresh: [string, TokenAnalysis][] = [];

function analyse(doc: import("@/lib/validations/document").CommentaryDocument): Analysed {
  if (!memo) {
    memo = new TokenMemo(getAnalyzer(analyzer));
    memo.store = { get: () => undefined, put: (surface, a) => fresh.push([surface, a]) };
  }
  const m = memo;
  return { texts: indexTexts(doc).map((t) => m.indexAndExact(t)), tokens: fresh.splice(0) };
}

parentPort!.on("message", (m: ExtractJob) => {
  let answer: ExtractAnswer;
  try {
    const doc = buildDocument(m.input, m.id);
    answer = m.analyse ? { job: m.job, doc, analysed: analyse(doc) } : { job: m.job, doc };
  } catch (e) {
    answer = e instanceof InputIssue ? { job: m.job, issue: { message: e.message, field: e.field } } : { job: m.job, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(answer);
});
// Read by the import between two documents it extracts itself (extract-pool.ts: lazyExtractor).
if (data?.loaded) Atomics.add(data.loaded, 0, 1);
parentPort!.postMessage({ ready: true });
