import path from "node:path";
import type { AppConfig } from "@/lib/config";
import { IngestError } from "./errors";

/**
 * The largest file import reads into memory, decided from its size on disk before a byte is read:
 * a 200 MB text file once took 4 GB of memory only to be rejected afterwards for its length.
 * A file that holds one document (.txt, .md) cannot be longer than MAX_DOCUMENT_CHARS at four
 * bytes a character plus a header; files that hold many documents or markup are capped by
 * MAX_FILE_BYTES. MediaWiki dumps are read as streams and have no cap.
 */
const ONE_DOCUMENT = new Set([".txt", ".md", ".markdown"]);
const HEADER_SLACK = 64 * 1024;

export function fileByteLimit(file: string, config: Pick<AppConfig, "MAX_DOCUMENT_CHARS" | "MAX_FILE_BYTES">): { bytes: number; why: string } {
  const ext = path.extname(file).toLowerCase();
  if (ONE_DOCUMENT.has(ext)) {
    const bytes = Math.min(config.MAX_FILE_BYTES, config.MAX_DOCUMENT_CHARS * 4 + HEADER_SLACK);
    return { bytes, why: bytes === config.MAX_FILE_BYTES ? "MAX_FILE_BYTES" : `one document of at most MAX_DOCUMENT_CHARS (${config.MAX_DOCUMENT_CHARS.toLocaleString("en")} characters)` };
  }
  return { bytes: config.MAX_FILE_BYTES, why: "MAX_FILE_BYTES" };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Throws a located IngestError when the file is larger than import may read. */
export function assertFileSize(file: string, size: number, config: Pick<AppConfig, "MAX_DOCUMENT_CHARS" | "MAX_FILE_BYTES">): void {
  const limit = fileByteLimit(file, config);
  if (size <= limit.bytes) return;
  const hint = path.extname(file).toLowerCase() === ".json" ? "; split it, or write it as .jsonl" : "; split it into smaller files";
  throw new IngestError(file, `${mb(size)} on disk, more than ${mb(limit.bytes)} (${limit.why}): not read${hint}`);
}
