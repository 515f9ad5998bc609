/**
 * Role phrases on real news text, by document id (nothing of the texts is copied here). Reads
 * ../shared/data; skips with a message without it, as in a fresh clone.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractFromParagraphs } from "@/lib/extract/commentary";

const DATA = path.resolve(__dirname, "../../../shared/data");
const present = fs.existsSync(DATA);
if (!present) console.log(`${DATA} not found: the real-text role tests are skipped (they need ../shared/data).`);

function paragraphsOf(file: string): string[] {
  return fs.readFileSync(path.join(DATA, file), "utf8").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

describe.skipIf(!present)("«лидер» stands for the leader just named, whatever post they hold", () => {
  it("factRuEval book_3702: «Об этом украинский лидер заявил» is Порошенко (a president), not Путин mentioned before him", () => {
    const r = extractFromParagraphs(paragraphsOf("factrueval/testset/book_3702.txt"));
    // The reported statement at paragraph 6 (of the non-empty lines), characters 181–347.
    const plan = r.quotes.filter((q) => q.paragraph === 6 && q.start === 181 && q.end === 347);
    expect(plan.map((q) => [q.kind, q.speaker])).toEqual([["reported", "Пётр Порошенко"]]);
  });

  it("NEREL train 158501: «Китайский лидер отметил» is Си Цзиньпин", () => {
    const r = extractFromParagraphs(paragraphsOf("nerel/NEREL-v1.1/train/158501_text.txt"));
    // The quote at paragraph 5, characters 30–70, which the old rule left uncredited.
    const legacy = r.quotes.filter((q) => q.paragraph === 5 && q.start === 30 && q.end === 70);
    expect(legacy.map((q) => [q.kind, q.speaker])).toEqual([["direct", "Си Цзиньпин"]]);
  });
});
