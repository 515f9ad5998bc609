/**
 * npx tsx scripts/eval/show-gold.ts [doc …]
 * Prints every label of tests/gold/nerel-statements.jsonl with text.slice(start, end) read from
 * ../shared/data, to check the offsets by eye. Nothing is written.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadGold, nerelTextFile } from "./statements";

const data = path.resolve(import.meta.dirname, "../../../shared/data");
if (!existsSync(data)) {
  console.error(`../shared/data not found at ${data}`);
  process.exit(1);
}
const only = new Set(process.argv.slice(2));
const { labels } = loadGold();
const texts = new Map<string, string>();
for (const l of labels) {
  if (only.size && !only.has(l.doc)) continue;
  if (!texts.has(l.doc)) texts.set(l.doc, readFileSync(nerelTextFile(data, l.doc), "utf8"));
  const slice = texts.get(l.doc)!.slice(l.start, l.end).replace(/\s+/g, " ");
  const who = l.kind === "non-statement" ? l.what : [l.speaker, ...(l.aliases ?? [])].join(" = ");
  console.log(`${l.doc} ${l.start}-${l.end} ${l.kind} ${who} | ${slice.length > 160 ? `${slice.slice(0, 100)} … ${slice.slice(-50)}` : slice}`);
}
