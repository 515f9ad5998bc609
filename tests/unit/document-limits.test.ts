import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareIngest } from "@/lib/ingest/run-ingest";
import { documentLimitIssue } from "@/lib/validations/limits";

/** Issue 11, item 1: a paragraph's length, a document's size and its paragraph count are bounded at import. */

const limits = { paragraphChars: 100, documentChars: 250, paragraphs: 3 };

describe("import limits", () => {
  it("names the first limit broken, the field and by how much", () => {
    expect(documentLimitIssue({ title: "T", paragraphs: ["a", "b"] }, limits)).toBeUndefined();
    expect(documentLimitIssue({ title: "T", paragraphs: ["a", "b", "c", "d"] }, limits)).toMatchObject({ field: "paragraphs", message: expect.stringMatching(/^4 paragraphs, more than MAX_PARAGRAPHS \(3\)/) });
    expect(documentLimitIssue({ title: "T", paragraphs: ["a", "x".repeat(101)] }, limits)).toMatchObject({ field: "paragraphs.1", message: expect.stringMatching(/^paragraph 2 has 101 characters, more than MAX_PARAGRAPH_CHARS \(100\)/) });
    expect(documentLimitIssue({ title: "T", paragraphs: ["x".repeat(100), "x".repeat(100), "x".repeat(100)] }, limits)).toMatchObject({ field: "paragraphs", message: expect.stringMatching(/^301 characters, more than MAX_DOCUMENT_CHARS \(250\)/) });
  });

  it("an import of a document past the default paragraph limit is rejected with its file and line, before extraction", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "limits-"));
    try {
      const file = path.join(dir, "huge.txt");
      fs.writeFileSync(file, `Заголовок\n\nПервый абзац.\n\n${"Очень длинный абзац без конца. ".repeat(2_000)}\n`);
      const started = performance.now();
      const r = prepareIngest([file]);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(r.documents).toHaveLength(0);
      expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+: paragraphs\\.1: paragraph 2 has 61,999 characters, more than MAX_PARAGRAPH_CHARS \\(50,000\\)`))]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
