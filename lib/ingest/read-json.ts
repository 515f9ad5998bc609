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

/**
 * Where each item of a top-level JSON array starts (character offsets), found by a scan that
 * follows strings and nesting; JSON.parse has already said the text is valid.
 */
export function arrayItemOffsets(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let inString = false;
  let expectItem = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (expectItem && !/\s/.test(c)) {
      expectItem = false;
      if (c !== "]") out.push(i);
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth === 1 && c === "[") expectItem = true;
    } else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 1) expectItem = true;
  }
  return out;
}

/** A .json file holds one document object or an array of them. */
export function readJson(file: string, text: string): SourceRecord[] {
  const source = text.replace(/^\uFEFF/, "");
  const value = parseJson(file, source, 1);
  if (!Array.isArray(value)) return [{ file, line: 1, format: "json" as const, data: value, lineOf: fieldLine(source, 1) }];
  if (value.length === 0) throw new IngestError(file, "the array holds no documents", 1);
  const starts = arrayItemOffsets(source);
  return value.map((data, i) => {
    const start = starts[i] ?? 0;
    const itemText = source.slice(start, starts[i + 1] ?? source.length);
    const line = lineAt(source, start);
    return { file, line, format: "json" as const, data, item: i, lineOf: fieldLine(itemText, line) };
  });
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
  if (out.length === 0) throw new IngestError(file, "empty .jsonl file: expected one JSON document per line", 1);
  return out;
}
