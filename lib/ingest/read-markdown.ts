import matter from "gray-matter";
import { IngestError } from "./errors";
import type { SourceRecord } from "./source-record";

/** Markdown with YAML front matter (title, date, source, url, speakers, institutions, topics); paragraphs are separated by blank lines. */
export function readMarkdown(file: string, text: string): SourceRecord[] {
  const source = text.replace(/^\uFEFF/, "");
  if (!/^---\r?\n/.test(source)) throw new IngestError(file, "expected YAML front matter starting with --- on the first line", 1);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // An empty options object stops gray-matter from caching by content, which would hide a fixed file's new errors.
    parsed = matter(source, {});
  } catch (e) {
    const err = e as { mark?: { line?: number }; reason?: string; message: string };
    const line = err.mark?.line !== undefined ? err.mark.line + 2 : 1;
    throw new IngestError(file, `invalid YAML front matter: ${err.reason ?? err.message.split("\n")[0]}`, line);
  }
  const fmLines = parsed.matter.split(/\r?\n/);
  const bodyStart = source.split(/\r?\n/).length - parsed.content.split(/\r?\n/).length + 1;
  const paragraphs = parsed.content
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
  const data = { ...(parsed.data as Record<string, unknown>) };
  // YAML reads an unquoted 2021-06-14 as a Date; the archive keeps calendar dates as text.
  if (data.date instanceof Date && !Number.isNaN(data.date.getTime())) data.date = data.date.toISOString().slice(0, 10);
  if (data.paragraphs === undefined) data.paragraphs = paragraphs;
  return [
    {
      file,
      line: 1,
      format: "md",
      data,
      lineOf: (field) => {
        if (field === "paragraphs") return bodyStart;
        const i = fmLines.findIndex((l) => l.startsWith(`${field}:`));
        return i === -1 ? 1 : i + 2;
      },
    },
  ];
}
