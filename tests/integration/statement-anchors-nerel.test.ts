/**
 * Over a real import: every statement extracted from the NEREL news texts (imported as plain
 * text, no metadata) is placed on its article page by its stored offsets, on its own words.
 * Reads ../shared/data; skips with a message without it, as in a fresh clone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareIngest } from "@/lib/ingest/run-ingest";
import { placeStatements } from "@/lib/statement-anchors";

const NEREL = path.resolve(__dirname, "../../../shared/data/nerel/NEREL-v1.1");
const present = fs.existsSync(NEREL);
if (!present) console.log(`NEREL not found at ${NEREL}: the NEREL statement-anchor test is skipped (it needs ../shared/data).`);

/** The words a statement's span holds, with an interruption («…, – сказал он. – …») removed as `text` has it. */
const words = (s: string) => s.replace(/[«»"„“”.,!?…:;()–—-]/gu, " ").split(/\s+/).filter(Boolean);

describe.skipIf(!present)("statement anchors over the NEREL import", () => {
  it("places every statement by offsets, exactly once, on the words it quotes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nerel-anchors-"));
    try {
      const lines: string[] = [];
      for (const split of ["train", "dev", "test"]) {
        for (const f of fs.readdirSync(path.join(NEREL, split)).filter((x) => x.endsWith(".txt")).sort()) {
          const ps = fs.readFileSync(path.join(NEREL, split, f), "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
          if (ps.length >= 2) lines.push(JSON.stringify({ id: `${split}/${f}`, title: ps[0], paragraphs: ps.slice(1) }));
        }
      }
      fs.writeFileSync(path.join(dir, "nerel.jsonl"), lines.join("\n"));
      const prepared = prepareIngest([path.join(dir, "nerel.jsonl")]);
      expect(prepared.errors).toEqual([]);
      let statements = 0;
      const misplaced: string[] = [];
      for (const { document: doc } of prepared.documents) {
        const parts = placeStatements(doc.paragraphs, doc.quotes);
        doc.quotes.forEach((q, i) => {
          statements++;
          const mine = parts.filter((p) => p.index === i);
          const anchors = mine.filter((p) => p.first);
          const span = mine.map((p) => doc.paragraphs[p.paragraph]!.slice(p.start, p.end)).join(" ");
          // Every word of the stored text is inside the span (the span may also hold an interruption).
          const inSpan = new Set(words(span));
          const ok = anchors.length === 1 && mine.every((p) => p.how === "offsets") && words(q.text).every((w) => inSpan.has(w));
          if (!ok) misplaced.push(`${doc.id} #${i + 1}: ${q.text.slice(0, 60)}`);
        });
      }
      expect(statements).toBeGreaterThan(500);
      expect(misplaced).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
