import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AppConfig } from "@/lib/config";
import { documentsPresent, importedFile, recordImportedFiles, type ImportedFile } from "@/lib/archive/import-files";
import { storedByInput } from "@/lib/archive/inputs";
import { flushOutbox, outboxSize } from "@/lib/archive/outbox";
import { ArchiveStore } from "@/lib/archive/store";
import { loadPeopleOverrides } from "@/lib/entities/overrides";
import { getEngine, openEmbeddedEngine } from "@/lib/search";
import type { SqliteEngine } from "@/lib/search/engines/sqlite";
import type { CommentaryDocument, Provenance } from "@/lib/validations/document";
import { StreamingCommit } from "./commit-stream";
import { collectGarbage } from "./memory";
import { IngestError } from "./errors";
import { assertFileSize } from "./file-size";
import { isStreamed, readRecordsAsync } from "./read-files";
import type { DumpProgress } from "./read-wiki-dump";
import { storeDocuments } from "./run-ingest";
import { fetchUrl, recordsFromFetched, type FetchOptions } from "./fetch-url";
import type { SourceRecord } from "./source-record";
import { issueError, validateRecord, type ValidRecord } from "./to-document";
import { withInputHash } from "./input-hash";
import { lazyExtractor, type Built, type Extractor } from "./extract-pool";
import { PreparedAnalyses } from "./prepared-analyses";
import { SeenDocuments } from "./seen-documents";

/** Records of a streamed file between two garbage collections. */
const GC_EVERY = 5_000;
/** Records being extracted at once, beyond the one the main thread waits for: enough to keep every worker busy. */
const IN_FLIGHT = 64;

export interface ImportOptions {
  /** Read every file, even those whose bytes did not change since their last import. */
  force?: boolean;
  onFile?: (file: string) => void;
  onDumpProgress?: (file: string, p: DumpProgress) => void;
  /** Called while a streamed import indexes what it stored. */
  onIndexProgress?: (done: number, total: number) => void;
  /** Errors kept for the report; the count goes on past them. */
  maxErrors?: number;
  /** Worker threads for extraction; default one per core once an import has more than a few documents to extract. */
  extractWorkers?: number;
  /** Wait for those threads to load instead of extracting on this thread meanwhile (lib/ingest/extract-pool.ts). */
  waitForThreads?: boolean;
  /** Pages or feeds to fetch over http(s) and import with the files. */
  urls?: readonly string[];
  fetch?: FetchOptions;
}

export interface ImportReport {
  /** Files read this run. */
  read: string[];
  /** URLs fetched and read this run. */
  fetched: string[];
  /** Files not read because their bytes did not change since their last import. */
  unchangedFiles: string[];
  /** Files converted to UTF-8, with the encoding they were in. */
  converted: { file: string; encoding: string }[];
  /** Pages of MediaWiki dumps with no text once the markup is gone. */
  emptyPages: number;
  errors: IngestError[];
  /** All errors, when more were found than kept. */
  errorCount: number;
  /** Valid documents read (before comparing with the archive). */
  documents: number;
  /**
   * Documents taken from the archive unchanged (not extracted again), and extracted here or on
   * worker threads; `analysedTexts`: index texts the commit took analysed from those threads.
   */
  extraction: { reused: number; inline: number; onThreads: number; threads: number; analysedTexts: number };
  /** What was stored; absent when errors rejected the run. */
  summary?: { added: number; updated: number; unchanged: number; archived: number; sent?: number };
}

function sha256File(file: string): string {
  const hash = createHash("sha256");
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

interface FilePlan {
  file: string;
  abs: string;
  stat: fs.Stats;
  sha: string;
  bytes?: Buffer;
  streamed: boolean;
}

/**
 * `npm run ingest`'s whole path: which files changed since their last import (size and mtime,
 * else sha256, against the archive's import_files table — unchanged ones are not parsed), every
 * reader (the asynchronous and streamed ones too), validation, and one all-or-nothing commit.
 * Without a MediaWiki dump the commit is storeDocuments'; with one, a StreamingCommit, so the
 * dump never sits in memory. Documents carry their provenance (file, reader, time, encoding).
 */
export async function importFiles(files: readonly string[], config: AppConfig, options: ImportOptions = {}): Promise<ImportReport> {
  const extractor = lazyExtractor(options.extractWorkers, config.ANALYZER, { waitForThreads: options.waitForThreads });
  try {
    const report = await importWith(files, config, options, extractor);
    Object.assign(report.extraction, extractor.counts);
    return report;
  } finally {
    await extractor.close();
  }
}

async function importWith(files: readonly string[], config: AppConfig, options: ImportOptions, extractor: Extractor): Promise<ImportReport> {
  const maxErrors = options.maxErrors ?? 200;
  const engine = openEmbeddedEngine(config);
  const db = engine.db;
  const report: ImportReport = { read: [], fetched: [], unchangedFiles: [], converted: [], emptyPages: 0, errors: [], errorCount: 0, documents: 0, extraction: { reused: 0, inline: 0, onThreads: 0, threads: 0, analysedTexts: 0 } };
  const fail = (e: IngestError) => {
    report.errorCount++;
    if (report.errors.length < maxErrors) report.errors.push(e);
  };

  const plans: FilePlan[] = [];
  const skippedUnchanged: ImportedFile[] = [];
  for (const file of files) {
    const abs = path.resolve(file);
    const stat = fs.statSync(file);
    const prev = options.force ? undefined : importedFile(db, abs);
    const known = prev && documentsPresent(db, prev.docIds) ? prev : undefined;
    if (known && known.size === stat.size && known.mtimeMs === Math.trunc(stat.mtimeMs)) {
      report.unchangedFiles.push(file);
      options.onFile?.(file);
      continue;
    }
    let streamed = false;
    try {
      streamed = isStreamed(file);
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      fail(e);
      options.onFile?.(file);
      continue;
    }
    if (!streamed) {
      try {
        assertFileSize(file, stat.size, config);
      } catch (e) {
        if (!(e instanceof IngestError)) throw e;
        fail(e);
        options.onFile?.(file);
        continue;
      }
    }
    const bytes = streamed ? undefined : fs.readFileSync(file);
    const sha = bytes ? createHash("sha256").update(bytes).digest("hex") : sha256File(file);
    if (known && known.sha256 === sha) {
      // Touched, not changed: remember the new mtime so the next run need not hash it.
      skippedUnchanged.push({ ...known, mtimeMs: stat.mtimeMs, size: stat.size });
      report.unchangedFiles.push(file);
      options.onFile?.(file);
      continue;
    }
    plans.push({ file, abs, stat, sha, ...(bytes ? { bytes } : {}), streamed });
  }

  const importedAt = new Date().toISOString();
  // Documents already stored from the same input by the same code are not extracted again; --force extracts everything.
  const stored = options.force ? undefined : storedByInput(db);
  const seen = new SeenDocuments();
  const docIds = new Map<string, string[]>();
  const direct = plans.filter((p) => !p.streamed);
  const streamed = plans.filter((p) => p.streamed);
  // One commit of documents held in memory: the threads that extract them analyse their index texts too, for that commit.
  const prepared = streamed.length === 0 ? new PreparedAnalyses() : undefined;
  /** Validate each record, build its document (reused, or extracted by `extractor`, in order), keep it unless it is invalid or a repeat. */
  const accept = async (
    plan: Pick<FilePlan, "file" | "abs" | "streamed">,
    records: AsyncIterable<SourceRecord>,
    take: (d: CommentaryDocument) => void,
    encoding?: () => string | undefined,
    kind: Provenance["kind"] = "file",
  ) => {
    const ids: string[] = [];
    docIds.set(plan.abs, ids);
    // Records whose documents are being built; settled in reading order, so reports and commits keep the files' order.
    type Pending = { error: IngestError } | { record: SourceRecord; valid: ValidRecord; built: Promise<Built> };
    const pending: Pending[] = [];
    const settle = async (p: Pending) => {
      if ("error" in p) return fail(p.error);
      const { record, valid } = p;
      const built = await p.built;
      if ("issue" in built) return fail(issueError(record, built.issue));
      const document = withInputHash(built.doc, valid.inputHash);
      ids.push(document.id);
      const seenAs = seen.check(document, plan.file, record.line);
      if (seenAs instanceof IngestError) return fail(seenAs);
      if (seenAs === "repeat") return;
      const enc = encoding?.();
      const provenance: Provenance = { from: plan.abs, kind, format: record.format, importedAt, ...(enc ? { encoding: enc } : {}) };
      report.documents++;
      const final = withInputHash({ ...document, provenance }, valid.inputHash);
      if (built.analysed) prepared?.add(final, built.analysed.texts, built.analysed.tokens);
      take(final);
    };
    try {
      let n = 0;
      for await (const record of records) {
        // A streamed file's garbage is collected as it goes (lib/ingest/memory.ts), so the heap stays near what is live.
        if (plan.streamed && ++n % GC_EVERY === 0) collectGarbage();
        let valid: ValidRecord;
        try {
          valid = validateRecord(record);
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          pending.push({ error: e });
          continue;
        }
        const known = valid.inputHash && stored ? stored(valid.id, valid.inputHash) : undefined;
        if (known) report.extraction.reused++;
        const built = known ? Promise.resolve({ doc: known }) : extractor.build(valid.input, valid.id, prepared?.reserve(valid.input));
        built.catch(() => {}); // awaited by settle; this only keeps a failure from counting as unhandled meanwhile
        pending.push({ record, valid, built });
        while (pending.length > IN_FLIGHT) await settle(pending.shift()!);
      }
      while (pending.length > 0) await settle(pending.shift()!);
    } catch (e) {
      // What was read before the failure is still reported, as when records were built one by one.
      try {
        while (pending.length > 0) await settle(pending.shift()!);
      } catch {
        /* the first failure is the one reported */
      }
      fail(e instanceof IngestError ? e : new IngestError(plan.file, (e as Error).message));
    }
    if (kind === "file") report.read.push(plan.file);
    options.onFile?.(plan.file);
  };
  /** Pages and feeds fetched from the web, through the same readers; a page without a canonical URL keeps the one it was fetched from. */
  const fetchedDocuments = async (take: (d: CommentaryDocument) => void) => {
    for (const address of options.urls ?? []) {
      let got: { records: SourceRecord[]; encoding: string; url: string };
      try {
        const fetched = await fetchUrl(address, options.fetch);
        got = { ...recordsFromFetched(fetched), url: fetched.url };
      } catch (e) {
        fail(e instanceof IngestError ? e : new IngestError(address, (e as Error).message));
        continue;
      }
      // A page without a canonical URL is known by the address it came from; feed items keep their own links.
      const records = got.records.map((r) => (r.format === "html" ? { ...r, data: { url: got.url, ...(r.data as object) } } : r));
      const converted = !/^utf-?8$/i.test(got.encoding);
      if (converted) report.converted.push({ file: address, encoding: got.encoding });
      await accept({ file: address, abs: got.url, streamed: false }, (async function* () { yield* records; })(), take, () => (converted ? got.encoding : undefined), "url");
      report.fetched.push(address);
    }
  };
  const recordsOf = (plan: FilePlan, onEncoding: (enc: string) => void) => {
    const skipped = { count: 0 };
    const gen = readRecordsAsync(plan.file, {
      ...(plan.bytes ? { bytes: plan.bytes } : {}),
      skipped,
      onDecoded: (d) => {
        if (d.converted) {
          report.converted.push({ file: plan.file, encoding: d.encoding });
          onEncoding(d.encoding);
        }
      },
      onProgress: (p) => options.onDumpProgress?.(plan.file, p),
    });
    return {
      gen: (async function* () {
        yield* gen;
        report.emptyPages += skipped.count;
      })(),
    };
  };

  const fileStates = (): ImportedFile[] => [
    ...skippedUnchanged,
    ...plans.map((p) => ({ path: p.abs, sha256: p.sha, size: p.stat.size, mtimeMs: p.stat.mtimeMs, importedAt, docIds: docIds.get(p.abs) ?? [] })),
  ];

  if (streamed.length === 0) {
    const documents: CommentaryDocument[] = [];
    await fetchedDocuments((d) => documents.push(d));
    for (const plan of direct) {
      let enc: string | undefined;
      await accept(plan, recordsOf(plan, (e) => (enc = e)).gen, (d) => documents.push(d), () => enc);
    }
    if (report.errorCount > 0) return report;
    if (documents.length === 0) {
      // Nothing new to read: no commit (it would rebuild the whole registry), only what an earlier run left for Meilisearch.
      recordImportedFiles(db, fileStates());
      const sent = await flushToMeilisearch(engine, config, { added: 0, updated: 0 });
      report.summary = { added: 0, updated: 0, unchanged: 0, archived: new ArchiveStore(db).count(), ...(sent !== undefined ? { sent } : {}) };
      return report;
    }
    const stored = await storeDocuments(documents, config, prepared);
    report.extraction.analysedTexts = prepared?.taken ?? 0;
    recordImportedFiles(db, fileStates());
    report.summary = { added: stored.added, updated: stored.updated, unchanged: stored.unchanged, archived: stored.archived, ...(stored.sent !== undefined ? { sent: stored.sent } : {}) };
    return report;
  }

  const commit = new StreamingCommit(engine, loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH), Boolean(config.MEILI_URL));
  try {
    // Once a record is invalid nothing will be written, so the rest is only validated.
    const take = (d: CommentaryDocument) => {
      if (report.errorCount === 0) commit.add(d);
    };
    await fetchedDocuments(take);
    for (const plan of [...direct, ...streamed]) {
      let enc: string | undefined;
      await accept(plan, recordsOf(plan, (e) => (enc = e)).gen, take, () => enc);
    }
    if (report.errorCount > 0) {
      commit.abort();
      return report;
    }
    seen.clear(); // not needed to finish, and the registry rebuild needs the room
    commit.finish(options.onIndexProgress);
  } catch (e) {
    commit.abort();
    throw e;
  }
  recordImportedFiles(db, fileStates());
  const sent = await flushToMeilisearch(engine, config, commit.counts);
  report.summary = { ...commit.counts, archived: new ArchiveStore(db).count(), ...(sent !== undefined ? { sent } : {}) };
  return report;
}

/** As storeDocuments does after its commit: send the outbox when Meilisearch is configured. */
async function flushToMeilisearch(engine: SqliteEngine, config: AppConfig, counts: { added: number; updated: number }): Promise<number | undefined> {
  if (!config.MEILI_URL) return undefined;
  try {
    const flushed = await flushOutbox(engine.db, await getEngine(config), config.MEILI_BATCH_SIZE);
    return flushed.upserted + flushed.removed;
  } catch (e) {
    throw new Error(
      `the archive is updated (added ${counts.added}, updated ${counts.updated}), but Meilisearch has not confirmed ${outboxSize(engine.db)} change(s): ${(e as Error).message}. ` +
        "They wait in the archive's outbox and are sent again by the next `npm run ingest`, `npm start` or `npm run reindex`.",
      { cause: e },
    );
  }
}
