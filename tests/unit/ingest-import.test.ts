import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { archiveStats, listDocuments, removeDocuments } from "@/lib/archive/manage";
import { ArchiveStore } from "@/lib/archive/store";
import { getConfig, type AppConfig } from "@/lib/config";
import { loadPeopleOverrides } from "@/lib/entities/overrides";
import { importFiles } from "@/lib/ingest/import";
import { listInputs } from "@/lib/ingest/read-files";
import { openEmbeddedEngine } from "@/lib/search";
import { emptyFilters } from "@/lib/search/types";
import { writeSyntheticDump } from "../helpers/synthetic-wiki-dump";

const FIXTURES = path.resolve("tests/fixtures/ingest");

let dir: string;
let config: AppConfig;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-import-"));
  config = { ...getConfig(), ARCHIVE_DB_PATH: path.join(dir, "archive.db"), MEILI_URL: undefined, PEOPLE_OVERRIDES_PATH: path.join(dir, "none.yaml") };
});
afterEach(() => {
  openDatabase(config.ARCHIVE_DB_PATH).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function put(name: string, content: string | Buffer): string {
  const file = path.join(dir, "in", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function copy(name: string): string {
  return put(name, fs.readFileSync(path.join(FIXTURES, name)));
}

const search = (q: string) => openEmbeddedEngine(config).search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });

describe("which files are read", () => {
  it("names every file left out of a folder, with the reason; an unsupported file named alone is an error", () => {
    put("a.txt", "Заголовок\nТекст.\n");
    put("README.md", "# папка");
    put("scan.pdf", "%PDF");
    put("old.doc", "x");
    put("notes", "без расширения");
    put(".DS_Store", "x");
    put(".git/objects/ab", "x");
    put("sub/page.htm", "<p>x</p>");
    put("sitemap.xml", `<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>`);
    const { files, skipped } = listInputs([path.join(dir, "in")]);
    expect(files.map((f) => path.basename(f))).toEqual(["a.txt", "page.htm"]);
    const reasons = Object.fromEntries(skipped.map((s) => [path.relative(path.join(dir, "in"), s.file), s.reason]));
    expect(reasons).toEqual({
      ".DS_Store": "hidden file",
      ".git": "hidden folder",
      "README.md": expect.stringMatching(/README/),
      "notes": expect.stringMatching(/unsupported file type \(no extension\); expected one of .*\.docx/),
      "old.doc": expect.stringMatching(/save it as \.docx/),
      "scan.pdf": expect.stringMatching(/PDF is not read/),
      "sitemap.xml": "XML that is neither an RSS/Atom feed nor a MediaWiki dump (root element <urlset>)",
    });
    expect(() => listInputs([path.join(dir, "in", "scan.pdf")])).toThrow(/scan\.pdf: PDF is not read/);
  });
});

describe("importFiles", () => {
  async function folderOfEveryKind(): Promise<string> {
    for (const f of ["page-with-comments.html", "feed-rss.xml", "text-with-headers.txt", "cp1251.txt", "crlf.md", "wikinews-sample.xml.bz2"]) copy(f);
    put("memo.docx", Buffer.from(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Служебная записка о консультациях"), new Paragraph("Консультации продолжатся в Нурабаде.")] }] }))));
    return path.join(dir, "in");
  }

  it("imports every reader's files in one run, says which were converted, and records where each document came from", async () => {
    const { files } = listInputs([await folderOfEveryKind()]);
    const report = await importFiles(files, config);
    expect(report.errors.map((e) => e.message)).toEqual([]);
    // html 1 + feed 2 + txt 2 + md 1 + wiki 2 + docx 1
    expect(report.summary).toMatchObject({ added: 9, updated: 0, unchanged: 0, archived: 9 });
    expect(report.converted).toEqual([{ file: path.join(dir, "in", "cp1251.txt"), encoding: "windows-1251" }]);
    expect(report.emptyPages).toBe(1);
    const listed = listDocuments(openEmbeddedEngine(config).db);
    expect(new Set(listed.map((d) => d.format))).toEqual(new Set(["html", "feed", "txt", "md", "wiki", "docx"]));
    expect(listed.every((d) => d.from?.startsWith(path.join(dir, "in")))).toBe(true);
    const stored = [...new ArchiveStore(openEmbeddedEngine(config).db).all()].map((s) => s.document);
    expect(stored.find((d) => d.provenance?.encoding)?.provenance).toMatchObject({ encoding: "windows-1251", kind: "file", format: "txt" });
    expect((await search("Сарыозен")).total).toBeGreaterThan(0);
  });

  it("skips files whose bytes did not change before parsing them, reads touched-but-equal files by hash only, and reads changed ones", async () => {
    const { files } = listInputs([await folderOfEveryKind()]);
    await importFiles(files, config);
    const again = await importFiles(files, config);
    expect(again.unchangedFiles).toHaveLength(files.length);
    expect(again.read).toEqual([]);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 0 });

    const txt = path.join(dir, "in", "text-with-headers.txt");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(txt, later, later);
    const touched = await importFiles(files, config);
    expect(touched.unchangedFiles).toContain(txt);
    fs.appendFileSync(txt, "Третий абзац, дописанный позже.\n");
    const changed = await importFiles(files, config);
    expect(changed.read).toEqual([txt]);
    expect(changed.summary).toMatchObject({ added: 0, updated: 1, unchanged: 0 });

    const forced = await importFiles(files, config, { force: true });
    expect(forced.read).toHaveLength(files.length);
    expect(forced.summary).toMatchObject({ added: 0, updated: 0, unchanged: 9 });
  });

  it("is all or nothing with a dump in the run: one bad file and nothing is written, the dump included", async () => {
    copy("wikinews-sample.xml");
    put("bad.md", "---\ntitle: Без даты\ndate: 2031-02-30\n---\nТекст.\n");
    const report = await importFiles(listInputs([path.join(dir, "in")]).files, config);
    expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/bad\.md:3: date: /)]);
    expect(report.summary).toBeUndefined();
    expect(new ArchiveStore(openEmbeddedEngine(config).db).count()).toBe(0);
    expect((await search("Нурабаде")).total).toBe(0);
  });

  it("refuses a file larger than import may read before reading it, naming its size and the limit", async () => {
    const small = { ...config, MAX_FILE_BYTES: 200_000, MAX_DOCUMENT_CHARS: 1_000 };
    put("ok.txt", "Заголовок\nКороткий текст о переговорах.\n");
    put("big.txt", `Заголовок\n${"Длинный абзац о переговорах. ".repeat(2_000)}\n`);
    put("many.jsonl", `${JSON.stringify({ title: "Много", paragraphs: ["x".repeat(250_000)] })}\n`);
    const report = await importFiles(listInputs([path.join(dir, "in")]).files, small);
    const messages = report.errors.map((e) => e.message).sort();
    expect(messages).toEqual([
      expect.stringMatching(/big\.txt: .*MB on disk, more than .*MAX_DOCUMENT_CHARS \(1,000 characters\).*not read/),
      expect.stringMatching(/many\.jsonl: .*MB on disk, more than .*\(MAX_FILE_BYTES\).*not read/),
    ]);
    expect(report.summary).toBeUndefined();
    expect(new ArchiveStore(openEmbeddedEngine(config).db).count()).toBe(0);
  });

  it("streams a synthetic dump of 2,000 articles into the archive and its index", async () => {
    const file = path.join(dir, "in", "dump.xml");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    writeSyntheticDump(file, 2000);
    try {
      execFileSync("bzip2", [file]);
    } catch {
      // no bzip2 binary: the plain .xml is streamed the same way
    }
    const target = fs.existsSync(`${file}.bz2`) ? `${file}.bz2` : file;
    const report = await importFiles([target], config);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ added: 2000, archived: 2000 });
    expect((await search("консультаций Ташкент")).total).toBe(250);
  }, 120_000);
});

describe("archive management", () => {
  it("removes documents by id or slug from the archive, its index and the registry; the file that gave them is read again next time", async () => {
    const txt = copy("text-with-headers.txt");
    const html = copy("page-with-comments.html");
    await importFiles([txt, html], config);
    const engine = openEmbeddedEngine(config);
    const [fromTxt] = listDocuments(engine.db).filter((d) => d.format === "txt");
    expect(listDocuments(engine.db, { source: "вымышленные ИЗВЕСТИЯ" }).map((d) => d.id)).toEqual([fromTxt!.id]);
    const people = () => engine.db.prepare("SELECT name FROM entities WHERE kind = 'person'").pluck().all() as string[];
    expect(people()).toContain("Ильяс Муратов");

    const result = removeDocuments(engine, [fromTxt!.slug, "no-such-id"], loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH), false);
    expect(result.removed).toEqual([fromTxt!.id]);
    expect(result.notFound).toEqual(["no-such-id"]);
    expect(listDocuments(engine.db).map((d) => d.format)).toEqual(["html"]);
    expect(people()).not.toContain("Ильяс Муратов");
    expect((await search("Муратов")).total).toBe(0);
    expect((await search("Жолдасов")).total).toBe(1);

    const again = await importFiles([txt, html], config);
    expect(again.read).toEqual([txt]);
    expect(again.summary).toMatchObject({ added: 1, unchanged: 0 });
    expect(archiveStats(engine.db)).toMatchObject({ documents: 2, filesTracked: 2, byFormat: expect.arrayContaining([{ format: "txt", documents: 1 }]) });
  });
});

describe("npm run ingest (the CLI)", () => {
  it("names skipped files with the reason, lists converted ones, and says how many were unchanged on the next run", () => {
    copy("page-with-comments.html");
    copy("cp1251.txt");
    put("scan.pdf", "%PDF");
    const run = () => {
      const r = spawnSync("npx", ["tsx", "scripts/ingest.ts", path.join(dir, "in")], {
        env: { ...process.env, ARCHIVE_DB_PATH: config.ARCHIVE_DB_PATH, PEOPLE_OVERRIDES_PATH: config.PEOPLE_OVERRIDES_PATH, MEILI_URL: "" },
        encoding: "utf8",
      });
      return { code: r.status, out: r.stdout, err: r.stderr };
    };
    const first = run();
    expect({ code: first.code, err: first.err }).toMatchObject({ code: 0 });
    expect(first.err).toMatch(/skipped 1 file\(s\):\n {2}\S*scan\.pdf: PDF is not read/);
    expect(first.err).toMatch(/converted to UTF-8: 1 file\(s\):\n {2}\S*cp1251\.txt \(windows-1251\)/);
    expect(first.out).toMatch(/^added 2, updated 0, unchanged 0, rejected 0 — 2 of 2 file\(s\) read in [\d.]+ s \(1 skipped, 1 converted to UTF-8\); archive holds 2 document\(s\)/m);
    const second = run();
    expect({ code: second.code, out: second.out, err: second.err }).toMatchObject({ code: 0 });
    expect(second.out).toMatch(/^added 0, updated 0, unchanged 0, rejected 0 — 0 of 2 file\(s\) read .*\(2 file\(s\) unchanged since their last import, not read, 1 skipped\)/m);
  }, 60_000);
});
