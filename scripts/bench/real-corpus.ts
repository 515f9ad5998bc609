/**
 * Real text for `npm run bench -- --real`: every NEREL and factRuEval article as an ingest JSONL
 * record (title = first line, paragraphs = the other non-empty lines), no metadata, so the import
 * runs quote, speaker and institution extraction on each. Written to the system's temp folder,
 * never into the project: the texts are ../shared/data's, not ours.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NEREL_DIR, SHARED_DATA } from "./corpus";

const FACTRU_DIR = path.join(SHARED_DATA, "factrueval");

function articles(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const add = (dir: string, prefix: string) => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith(".txt")) out.push({ name: `${prefix}/${f}`, text: fs.readFileSync(path.join(dir, f), "utf8") });
  };
  for (const split of ["train", "dev", "test"]) add(path.join(NEREL_DIR, split), `nerel/${split}`);
  for (const split of ["devset", "testset"]) add(path.join(FACTRU_DIR, split), `factrueval/${split}`);
  return out;
}

/** Writes the JSONL once per content and returns its path and the number of records. */
export function ensureRealCorpus(limit = Infinity): { file: string; docs: number } {
  const lines: string[] = [];
  for (const a of articles()) {
    if (lines.length >= limit) break;
    const all = a.text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    let [title, ...paragraphs] = all;
    if (!title || paragraphs.length === 0) continue;
    // factRuEval has no headline: a first line too long for a title stays a paragraph, its first words the title.
    if (title.length > 200) {
      paragraphs = all;
      title = title.slice(0, 200).replace(/\s+\S*$/, "") + "…";
    }
    // The importer's own id would join two articles with one headline; the file name keeps them apart.
    const id = createHash("sha256").update(`real:${a.name}`).digest("hex").slice(0, 16);
    lines.push(JSON.stringify({ id, title, paragraphs }));
  }
  const body = lines.join("\n") + "\n";
  const dir = path.join(os.tmpdir(), `bench-real-${createHash("sha256").update(body).digest("hex").slice(0, 12)}`);
  const file = path.join(dir, "real.jsonl");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, body);
  }
  return { file, docs: lines.length };
}
