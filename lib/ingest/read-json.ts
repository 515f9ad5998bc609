import { IngestError, lineAt } from "./errors";
import type { SourceRecord } from "./source-record";

function parseJson(file: string, text: string, baseLine: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const lc = /line (\d+)/.exec(msg);
    const line = pos ? baseLine + lineAt(text, Number(pos[1])) - 1 : lc ? baseLine + Number(lc[1]) - 1 : baseLine;
    throw new IngestError(file, `invalid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)$/, "")}`, line);
  }
}

function fieldLine(text: string, base: number): (field: string) => number {
  return (field) => {
    const i = text.indexOf(`"${field}"`);
    return i === -1 ? base : base + lineAt(text, i) - 1;
  };
}

/** A .json file holds one document object or an array of them. */
export function readJson(file: string, text: string): SourceRecord[] {
  const source = text.replace(/^\uFEFF/, "");
  const value = parseJson(file, source, 1);
  const items = Array.isArray(value) ? value : [value];
  return items.map((data, i) => ({
    file,
    line: 1,
    format: "json" as const,
    data,
    lineOf: Array.isArray(value) ? () => 1 : fieldLine(source, 1),
    ...(Array.isArray(value) ? { item: i } : {}),
  }));
}

/** One document object per line; blank lines are skipped. */
export function readJsonLines(file: string, text: string): SourceRecord[] {
  const out: SourceRecord[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((lineText, i) => {
      if (lineText.trim() === "") return;
      const line = i + 1;
      out.push({ file, line, format: "jsonl", data: parseJson(file, lineText, line), lineOf: () => line });
    });
  return out;
}
