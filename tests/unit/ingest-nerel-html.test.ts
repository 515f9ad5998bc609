/**
 * The HTML reader against the .txt reader on real text: the 933 NEREL news texts, each written by
 * the helper below as a minimal HTML page (title in <title> and <h1>, one <p> per paragraph),
 * must give the same title and paragraphs, character for character, as the .txt — except that a
 * run of spaces inside a paragraph is one space in HTML, as a browser shows it. Reads
 * ../shared/data; skips with a message without it, as in a fresh clone.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHtml } from "@/lib/ingest/read-html";
import { readText } from "@/lib/ingest/read-text";

const NEREL = path.resolve(__dirname, "../../../shared/data/nerel/NEREL-v1.1");
const present = fs.existsSync(NEREL);
if (!present) console.log(`NEREL not found at ${NEREL}: the NEREL HTML-reader equivalence test is skipped (it needs ../shared/data).`);

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A minimal article page for a text in the .txt shape (first line the title, then one paragraph a line). */
export function minimalHtmlPage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html>\n<html lang="ru">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n<article>\n<h1>${escapeHtml(title)}</h1>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}\n</article>\n</body>\n</html>\n`;
}

type Data = { title: string; paragraphs: string[] };

describe.skipIf(!present)("NEREL through the HTML reader", () => {
  it("gives every one of the 933 texts the same title and paragraphs as the .txt reader", () => {
    const files: string[] = [];
    for (const split of ["train", "dev", "test"]) {
      for (const f of fs.readdirSync(path.join(NEREL, split)).filter((x) => x.endsWith(".txt")).sort()) files.push(path.join(NEREL, split, f));
    }
    expect(files).toHaveLength(933);
    const differ: string[] = [];
    let exact = 0;
    // HTML collapses a run of spaces into one, as a browser shows it; the .txt keeps them. That is the one difference allowed.
    const collapseRuns = (ps: string[]) => ps.map((p) => p.replace(/[ \t\f]+/g, " "));
    for (const file of files) {
      const asText = readText(file, fs.readFileSync(file, "utf8"))[0]!.data as Data;
      const asHtml = readHtml(`${file}.html`, minimalHtmlPage(asText.title, asText.paragraphs))[0]!.data as Data;
      if (asHtml.title === asText.title && JSON.stringify(asHtml.paragraphs) === JSON.stringify(asText.paragraphs)) {
        exact++;
        continue;
      }
      const want = collapseRuns(asText.paragraphs);
      if (asHtml.title !== asText.title || JSON.stringify(asHtml.paragraphs) !== JSON.stringify(want)) {
        const i = asHtml.paragraphs.findIndex((p, k) => p !== want[k]);
        differ.push(`${path.relative(NEREL, file)}: title ${asHtml.title === asText.title ? "same" : "differs"}, paragraphs ${want.length} vs ${asHtml.paragraphs.length}, first difference at ${i}: ${JSON.stringify(want[i])} vs ${JSON.stringify(asHtml.paragraphs[i])}`);
      }
    }
    console.log(`NEREL through HTML: ${exact} of ${files.length} texts character-identical to the .txt, ${files.length - exact - differ.length} identical once runs of spaces are collapsed, ${differ.length} different`);
    expect(differ.slice(0, 10)).toEqual([]);
    expect(exact).toBeGreaterThan(850);
  }, 120_000);
});
