import type { CommentaryDocument } from "@/lib/validations/document";
import { IngestError } from "./errors";
import type { Built, Extractor } from "./extract-pool";
import { withInputHash } from "./input-hash";
import type { PreparedAnalyses } from "./prepared-analyses";
import { readRecords } from "./read-files";
import { SeenDocuments } from "./seen-documents";
import type { PreparedIngest } from "./run-ingest";
import type { SourceRecord } from "./source-record";
import { issueError, validateRecord, type ValidRecord } from "./to-document";

/** Records being built at once beyond the one waited for, as lib/ingest/import.ts keeps. */
const IN_FLIGHT = 64;

/**
 * prepareIngest with each document built by `extractor` (worker threads), which also analyses
 * its index texts into `prepared` while there is room: reading and validation stay on this
 * thread, documents come back in reading order, and the result is prepareIngest's (the same
 * documents, the same errors at the same lines).
 */
export async function prepareIngestOnThreads(files: readonly string[], extractor: Extractor, prepared?: PreparedAnalyses): Promise<PreparedIngest> {
  const documents: PreparedIngest["documents"] = [];
  const errors: IngestError[] = [];
  const seen = new SeenDocuments();
  for (const file of files) {
    type Pending = { record: SourceRecord; valid: ValidRecord; built: Promise<Built> };
    const pending: Pending[] = [];
    const settle = async ({ record, valid, built }: Pending) => {
      const b = await built;
      if ("issue" in b) return void errors.push(issueError(record, b.issue));
      const document: CommentaryDocument = withInputHash(b.doc, valid.inputHash);
      const seenAs = seen.check(document, file, record.line);
      if (seenAs instanceof IngestError) return void errors.push(seenAs);
      if (seenAs === "repeat") return;
      if (b.analysed) prepared?.add(document, b.analysed.texts, b.analysed.tokens);
      documents.push({ document, file });
    };
    try {
      for (const record of readRecords(file)) {
        let valid: ValidRecord;
        try {
          valid = validateRecord(record);
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          // Reported where prepareIngest reports it: after the records before it.
          while (pending.length > 0) await settle(pending.shift()!);
          errors.push(e);
          continue;
        }
        const built = extractor.build(valid.input, valid.id, prepared?.reserve(valid.input));
        built.catch(() => {}); // awaited by settle; only keeps a failure from counting as unhandled meanwhile
        pending.push({ record, valid, built });
        while (pending.length > IN_FLIGHT) await settle(pending.shift()!);
      }
      while (pending.length > 0) await settle(pending.shift()!);
    } catch (e) {
      while (pending.length > 0) await settle(pending.shift()!).catch(() => {});
      errors.push(e instanceof IngestError ? e : new IngestError(file, (e as Error).message));
    }
  }
  return { documents, errors };
}
