import fs from "node:fs";
import path from "node:path";
import { IngestError } from "./errors";
import { readJson, readJsonLines } from "./read-json";
import { readMarkdown } from "./read-markdown";
import { readText } from "./read-text";
import type { SourceRecord } from "./source-record";

const READERS: Record<string, (file: string, text: string) => SourceRecord[]> = {
  ".txt": readText,
  ".md": readMarkdown,
  ".json": readJson,
  ".jsonl": readJsonLines,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/** README files describe a folder; they are not documents. */
function isReadme(file: string): boolean {
  return /^readme(\.[a-z]+)?$/i.test(path.basename(file));
}

/** Expand files and folders (recursively) into the files to import, in a stable order. */
export function listInputFiles(args: readonly string[]): string[] {
  const out: string[] = [];
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
        if (SUPPORTED_EXTENSIONS.includes(path.extname(full).toLowerCase()) && !isReadme(full) && fs.statSync(full).isFile()) out.push(full);
      }
    } else {
      if (!SUPPORTED_EXTENSIONS.includes(path.extname(arg).toLowerCase())) {
        throw new IngestError(arg, `unsupported file type; expected one of ${SUPPORTED_EXTENSIONS.join(", ")}`);
      }
      out.push(arg);
    }
  }
  return [...new Set(out)];
}

export function readRecords(file: string): SourceRecord[] {
  const reader = READERS[path.extname(file).toLowerCase()];
  if (!reader) throw new IngestError(file, `unsupported file type; expected one of ${SUPPORTED_EXTENSIONS.join(", ")}`);
  const bytes = fs.readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(file, "not valid UTF-8 text");
  }
  return reader(file, text);
}
