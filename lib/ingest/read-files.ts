import fs from "node:fs";
import path from "node:path";
import { decodeText, type DecodedText } from "./decode";
import { IngestError } from "./errors";
import { readDocx } from "./read-docx";
import { isFeedRoot, readFeed } from "./read-feed";
import { readHtml } from "./read-html";
import { readJson, readJsonLines } from "./read-json";
import { readMarkdown } from "./read-markdown";
import { readText } from "./read-text";
import { readWikiDump, xmlRootName, type DumpProgress } from "./read-wiki-dump";
import type { SourceRecord } from "./source-record";

/** Readers of decoded text, one call per file. */
const TEXT_READERS: Record<string, (file: string, text: string) => SourceRecord[]> = {
  ".txt": readText,
  ".md": readMarkdown,
  ".markdown": readMarkdown,
  ".json": readJson,
  ".jsonl": readJsonLines,
  ".html": readHtml,
  ".htm": readHtml,
  ".xhtml": readHtml,
  ".rss": readFeed,
  ".atom": readFeed,
};

/** Every extension a file may have to be read; `.xml` is a feed or a MediaWiki dump by its root element. */
export const SUPPORTED_EXTENSIONS = [...Object.keys(TEXT_READERS), ".xml", ".xml.bz2", ".docx"];

/** Files that look importable but are not, with what to do instead. */
const KNOWN_UNSUPPORTED: Record<string, string> = {
  ".doc": "old Word format (.doc) is not read; save it as .docx",
  ".rtf": "RTF is not read; save it as .docx or .txt",
  ".pdf": "PDF is not read; save the text as .txt or the page as .html",
  ".odt": "OpenDocument is not read; save it as .docx",
  ".bz2": "only MediaWiki dumps are read compressed (name them .xml.bz2)",
};

export type ReaderKind = "text" | "xml" | "docx" | "wiki";

/** The extension that decides the reader: `.xml.bz2` counts as one. */
export function extensionOf(file: string): string {
  const lower = file.toLowerCase();
  return lower.endsWith(".xml.bz2") ? ".xml.bz2" : path.extname(lower);
}

export function readerKind(file: string): ReaderKind | undefined {
  const ext = extensionOf(file);
  if (ext in TEXT_READERS) return "text";
  if (ext === ".xml") return "xml";
  if (ext === ".xml.bz2") return "wiki";
  if (ext === ".docx") return "docx";
  return undefined;
}

function unsupportedReason(file: string): string {
  const ext = extensionOf(file);
  return KNOWN_UNSUPPORTED[ext] ?? `unsupported file type${ext ? ` (${ext})` : " (no extension)"}; expected one of ${SUPPORTED_EXTENSIONS.join(", ")}`;
}

/** README files describe a folder; they are not documents. */
function isReadme(file: string): boolean {
  return /^readme(\.[a-z]+)?$/i.test(path.basename(file));
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface InputListing {
  files: string[];
  /** Files in the folders given that are not imported, each with why. */
  skipped: SkippedFile[];
}

/**
 * Expand files and folders (recursively) into the files to import, in a stable order, and the
 * files left out with the reason: README files, hidden files and folders (named once, by the
 * topmost hidden one), types no reader takes, and .xml that is neither a feed nor a dump. A file named explicitly with an unsupported
 * type is an error, not a skip.
 */
export function listInputs(args: readonly string[]): InputListing {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const hidden = new Set<string>();
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new IngestError(arg, "no such file or folder");
    }
    if (stat.isDirectory()) {
      const entries = fs.readdirSync(arg, { recursive: true, encoding: "utf8" }).sort();
      for (const e of entries) {
        const full = path.join(arg, e);
        const parts = e.split(path.sep);
        const h = parts.findIndex((p) => p.startsWith("."));
        if (h !== -1) {
          const top = path.join(arg, ...parts.slice(0, h + 1));
          if (!hidden.has(top)) {
            hidden.add(top);
            skipped.push({ file: top, reason: h === parts.length - 1 && !fs.statSync(top).isDirectory() ? "hidden file" : "hidden folder" });
          }
          continue;
        }
        if (!fs.statSync(full).isFile()) continue;
        if (isReadme(full)) skipped.push({ file: full, reason: "README files describe a folder, they are not imported" });
        else if (readerKind(full) === undefined) skipped.push({ file: full, reason: unsupportedReason(full) });
        else if (readerKind(full) === "xml" && !isKnownXml(full)) {
          skipped.push({ file: full, reason: `XML that is neither an RSS/Atom feed nor a MediaWiki dump (root element <${xmlRootName(full) ?? "none"}>)` });
        } else files.push(full);
      }
    } else {
      if (readerKind(arg) === undefined) throw new IngestError(arg, unsupportedReason(arg));
      files.push(arg);
    }
  }
  return { files: [...new Set(files)], skipped };
}

/** The files to import (see listInputs); what is skipped is not returned. */
export function listInputFiles(args: readonly string[]): string[] {
  return listInputs(args).files;
}

export interface ReadFile {
  records: SourceRecord[];
  /** How the text was decoded; absent for binary formats. */
  decoded?: Omit<DecodedText, "text">;
}

/** Whether an .xml file in a folder is one the readers take; other XML (sitemaps, configs) is skipped, not an error. */
function isKnownXml(file: string): boolean {
  const root = xmlRootName(file);
  return root === "mediawiki" || (root !== undefined && isFeedRoot(root));
}

/** What an .xml file is: a feed is read at once, a MediaWiki dump streamed. */
function xmlKind(file: string): "feed" | "wiki" {
  const root = xmlRootName(file);
  if (root === "mediawiki") return "wiki";
  if (root && isFeedRoot(root)) return "feed";
  throw new IngestError(file, `XML that is neither an RSS/Atom feed nor a MediaWiki dump (root element <${root ?? "none"}>)`, 1);
}

/** Whether a file is read as a stream of records (a MediaWiki dump), so it never sits in memory whole. */
export function isStreamed(file: string): boolean {
  const kind = readerKind(file);
  return kind === "wiki" || (kind === "xml" && xmlKind(file) === "wiki");
}

/** Read one file of a format read at once (not a dump, not .docx), from its bytes. */
export function readTextFile(file: string, bytes: Buffer = fs.readFileSync(file)): ReadFile {
  const kind = readerKind(file);
  if (kind !== "text" && kind !== "xml") {
    if (kind === undefined) throw new IngestError(file, unsupportedReason(file));
    throw new IngestError(file, `${kind === "docx" ? "Word files" : "MediaWiki dumps"} are read by \`npm run ingest\` (an asynchronous reader)`);
  }
  const { text, ...decoded } = decodeText(file, bytes);
  const records = kind === "text" ? TEXT_READERS[extensionOf(file)]!(file, text) : xmlKind(file) === "feed" ? readFeed(file, text) : [];
  if (kind === "xml" && records.length === 0) throw new IngestError(file, "MediaWiki dumps are read by `npm run ingest` (streamed)");
  return { records, decoded };
}

/** The records of a file read at once (see readTextFile). */
export function readRecords(file: string): SourceRecord[] {
  return readTextFile(file).records;
}

export interface ReadOptions {
  onProgress?: (p: DumpProgress) => void;
  /** Counts dump pages left out because no text remains once the markup is gone. */
  skipped?: { count: number };
  /** The file's bytes, when already read (to hash them). Not used for dumps, which are streamed. */
  bytes?: Buffer;
  /** Called once with how the text was decoded. */
  onDecoded?: (decoded: Omit<DecodedText, "text">) => void;
}

/** Every reader, the streamed and asynchronous ones included: the records of one file, one by one. */
export async function* readRecordsAsync(file: string, options: ReadOptions = {}): AsyncGenerator<SourceRecord> {
  if (isStreamed(file)) {
    yield* readWikiDump(file, options);
    return;
  }
  if (readerKind(file) === "docx") {
    yield* await readDocx(file, options.bytes ?? fs.readFileSync(file));
    return;
  }
  const read = readTextFile(file, options.bytes);
  if (read.decoded) options.onDecoded?.(read.decoded);
  yield* read.records;
}
