import { IngestError, lineAt } from "./errors";
import type { SourceRecord } from "./source-record";

/**
 * Where JSON.parse failed. Node 20 says "at position N" for some errors and, for others, only
 * quotes about ten characters around the error ("...aphs": [}" is not valid JSON).
 */
export function jsonErrorOffset(text: string, message: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const near = /, (\.\.\.)?"([\s\S]*?)(\.\.\.)?" is not valid JSON/.exec(message);
  if (!near) return undefined;
  const at = text.indexOf(near[2]!);
  return at === -1 ? undefined : at + (near[1] ? Math.min(10, near[2]!.length - 1) : 0);
}

function parseJson(file: string, text: string, baseLine: number): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const offset = jsonErrorOffset(text, msg);
    const line = offset === undefined ? baseLine : baseLine + lineAt(text, offset) - 1;
    throw new IngestError(file, `invalid JSON: ${msg.replace(/, (\.\.\.)?"[\s\S]*" is not valid JSON$/, "")}`, line);
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
