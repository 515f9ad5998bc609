/**
 * A worker thread of lib/ingest/extract-pool.ts: builds documents from validated input (the
 * extraction), nothing else. It never touches the archive: the import's transaction stays on the
 * main thread, so a killed import leaves nothing half-written here.
 */
import { parentPort } from "node:worker_threads";
import { buildDocument, InputIssue, type ValidInput } from "./to-document";

export type ExtractJob = { job: number; input: ValidInput; id: string };
export type ExtractAnswer =
  | { job: number; doc: import("@/lib/validations/document").CommentaryDocument }
  | { job: number; issue: { message: string; field: string } }
  | { job: number; error: string };

parentPort!.on("message", (m: ExtractJob) => {
  let answer: ExtractAnswer;
  try {
    answer = { job: m.job, doc: buildDocument(m.input, m.id) };
  } catch (e) {
    answer = e instanceof InputIssue ? { job: m.job, issue: { message: e.message, field: e.field } } : { job: m.job, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(answer);
});
parentPort!.postMessage({ ready: true });
