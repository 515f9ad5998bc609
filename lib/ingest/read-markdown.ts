import matter from "gray-matter";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { IngestError } from "./errors";
import type { SourceRecord } from "./source-record";

/** Markdown with YAML front matter (title, date, source, url, speakers, institutions, topics); paragraphs are separated by blank lines. */
export function readMarkdown(file: string, text: string): SourceRecord[] {
  const source = text.replace(/^\uFEFF/, "");
  if (!/^---\r?\n/.test(source)) throw new IngestError(file, "expected YAML front matter starting with --- on the first line", 1);
  let parsed: matter.GrayMatterFile<string>;
  try {
    // YAML 1.2 core schema: 2023-13-45 stays text for the date check to reject, instead of
    // YAML 1.1 timestamps silently rolling it over into 2024. The empty options object also
    // stops gray-matter from caching by content.
    parsed = matter(source, { engines: { yaml: (s: string) => parseYaml(s, { schema: "core" }) as object } });
  } catch (e) {
    const line = e instanceof YAMLParseError && e.linePos ? e.linePos[0].line + 1 : 1;
    const reason = e instanceof YAMLParseError ? e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") : (e as Error).message;
    throw new IngestError(file, `invalid YAML front matter: ${reason}`, line);
  }
  const fmLines = parsed.matter.split(/\r?\n/);
  const bodyStart = source.split(/\r?\n/).length - parsed.content.split(/\r?\n/).length + 1;
  const paragraphs = parsed.content
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter((p) => p.length > 0);
  const data = { ...(parsed.data as Record<string, unknown>) };
  if (data.paragraphs === undefined) data.paragraphs = paragraphs;
  return [
    {
      file,
      line: 1,
      format: "md",
      data,
      lineOf: (field) => {
        if (field === "paragraphs") return bodyStart;
        // gray-matter's matter starts with the newline that ends the opening ---, so its line i is line i + 1 of the file.
        const i = fmLines.findIndex((l) => l.startsWith(`${field}:`));
        return i === -1 ? 1 : i + (/^\r?\n/.test(parsed.matter) ? 1 : 2);
      },
    },
  ];
}
