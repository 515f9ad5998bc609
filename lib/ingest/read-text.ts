import { readHeaders } from "./metadata";
import type { SourceRecord } from "./source-record";

/**
 * Plain text in the seed's shape: the first non-empty line is the title, every following
 * non-empty line is a paragraph. Header lines at the top (`Дата:`, `Источник:`, `URL:`,
 * `Автор:`, lib/ingest/metadata.ts) become the document's metadata.
 */
export function readText(file: string, text: string): SourceRecord[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headers = readHeaders(lines);
  const numbered = lines
    .map((l, i) => ({ text: l.trim(), line: i + 1 }))
    .slice(headers.next)
    .filter((l) => l.text.length > 0);
  const [title, ...paragraphs] = headers.fields.title ? [{ text: headers.fields.title, line: headers.at.title! + 1 }, ...numbered] : numbered;
  const { title: _t, ...meta } = headers.fields;
  return [
    {
      file,
      line: title?.line ?? 1,
      format: "txt",
      data: { ...meta, title: title?.text ?? "", paragraphs: paragraphs.map((p) => p.text) },
      lineOf: (field) =>
        headers.at[field] !== undefined
          ? headers.at[field]! + 1
          : field === "paragraphs"
            ? (paragraphs[0]?.line ?? (title?.line ?? 1) + 1)
            : (title?.line ?? 1),
    },
  ];
}
