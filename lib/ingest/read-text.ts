import type { SourceRecord } from "./source-record";

/**
 * Plain text in the seed's shape: the first non-empty line is the title, every
 * following non-empty line is a paragraph.
 */
export function readText(file: string, text: string): SourceRecord[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const numbered = lines.map((l, i) => ({ text: l.trim(), line: i + 1 })).filter((l) => l.text.length > 0);
  const [title, ...paragraphs] = numbered;
  return [
    {
      file,
      line: title?.line ?? 1,
      format: "txt",
      data: { title: title?.text ?? "", paragraphs: paragraphs.map((p) => p.text) },
      lineOf: (field) => (field === "paragraphs" ? (paragraphs[0]?.line ?? (title?.line ?? 1) + 1) : (title?.line ?? 1)),
    },
  ];
}
