import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { ArchiveStore } from "@/lib/archive/store";
import { listInputFiles } from "@/lib/ingest/read-files";
import { commitIngest, prepareIngest } from "@/lib/ingest/run-ingest";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";

const SEED = path.resolve("content/kazakhstan-mediator.txt");

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

function freshEngine() {
  return new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
}

const GOOD_MD = `---
title: "Санкции и параллельный импорт"
date: 2023-09-12
source: "Евразийский вестник"
url: "https://example.org/a"
topics: ["Санкции"]
speakers:
  - name: "Игорь Левашов"
    role: "директор по исследованиям"
    institution: "Московский центр евразийских исследований"
institutions: ["Московский центр евразийских исследований"]
---
Первый абзац о санкциях.

«Вторичные санкции меняют логистику всего региона», – отметил директор по исследованиям Игорь Левашов.
`;

describe("reading files", () => {
  it("reads the seed .txt: first line is the title, then paragraphs, with its three quotes attributed", () => {
    const { documents, errors } = prepareIngest([SEED]);
    expect(errors).toEqual([]);
    const doc = documents[0]!.document;
    expect(doc.title).toBe("Казахстан сделают площадкой для решения сложных споров и конфликтов");
    expect(doc.paragraphs).toHaveLength(7);
    expect(doc.quotes).toHaveLength(3);
    expect(doc.quotes.every((q) => q.speaker === "Ержан Салтыбаев")).toBe(true);
    expect(doc.speakers.map((s) => s.name)).toEqual(["Ержан Салтыбаев"]);
  });

  it("reads Markdown front matter, keeps the date as text and extracts quotes for metadata speakers", () => {
    const { documents, errors } = prepareIngest([write("a.md", GOOD_MD)]);
    expect(errors).toEqual([]);
    const doc = documents[0]!.document;
    expect(doc).toMatchObject({ title: "Санкции и параллельный импорт", date: "2023-09-12", source: "Евразийский вестник", topics: ["Санкции"] });
    expect(doc.paragraphs).toHaveLength(2);
    // The quote is placed by offsets inside its marks, so its anchor is exactly the quoted words.
    expect(doc.quotes).toEqual([{ text: "Вторичные санкции меняют логистику всего региона", speaker: "Игорь Левашов", paragraph: 1, start: 1, end: 49, kind: "direct" }]);
    expect(doc.paragraphs[1]!.slice(1, 49)).toBe(doc.quotes[0]!.text);
  });

  it("reads .json (one object or an array) and .jsonl", () => {
    const one = { title: "Один", paragraphs: ["Текст один."] };
    const files = [
      write("one.json", JSON.stringify(one)),
      write("many.json", JSON.stringify([{ title: "Два", paragraphs: ["Текст два."] }, { title: "Три", paragraphs: ["Текст три."] }])),
      write("lines.jsonl", `${JSON.stringify({ title: "Четыре", paragraphs: ["Текст."] })}\n\n${JSON.stringify({ title: "Пять", paragraphs: ["Текст."] })}\n`),
    ];
    const { documents, errors } = prepareIngest(files);
    expect(errors).toEqual([]);
    expect(documents.map((d) => d.document.title)).toEqual(["Один", "Два", "Три", "Четыре", "Пять"]);
  });

  it("expands folders recursively, skipping README files and unsupported types", () => {
    write("sub/a.md", GOOD_MD);
    write("README.md", "# not a document");
    write("notes.pdf", "x");
    expect(listInputFiles([dir]).map((f) => path.relative(dir, f))).toEqual(["sub/a.md"]);
  });
});

describe("bad files are rejected with where and what", () => {
  const cases: [string, string, string, RegExp][] = [
    ["bad date", "d.md", GOOD_MD.replace("2023-09-12", "2023-13-45"), /d\.md:3: date: /],
    ["missing title", "t.md", GOOD_MD.replace(/^title: .*$/m, ""), /t\.md:\d+: title: /],
    ["broken YAML", "y.md", GOOD_MD.replace('topics: ["Санкции"]', 'topics: ["Санкции"'), /y\.md:\d+: invalid YAML front matter/],
    ["no front matter", "n.md", "Просто текст", /n\.md:1: expected YAML front matter/],
    ["invalid JSON", "j.json", '{"title": "x",\n "paragraphs": [}', /j\.json:2: invalid JSON/],
    ["bad JSONL line", "l.jsonl", `${JSON.stringify({ title: "ok", paragraphs: ["a"] })}\n{"title": 5, "paragraphs": ["a"]}\n`, /l\.jsonl:2: title: /],
    ["empty paragraphs", "e.json", JSON.stringify({ title: "x", paragraphs: [] }), /e\.json:\d+: paragraphs: a document needs at least one paragraph/],
    ["bad url", "u.json", JSON.stringify({ title: "x", paragraphs: ["a"], url: "javascript:alert(1)" }), /u\.json:\d+: url: /],
  ];
  for (const [name, file, text, message] of cases) {
    it(name, () => {
      const { errors } = prepareIngest([write(file, text)]);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(message);
    });
  }

  it("rejects the same document twice in one run with different content", () => {
    const a = write("a.md", GOOD_MD);
    const b = write("b.md", GOOD_MD.replace("Первый абзац", "Другой абзац"));
    const { errors } = prepareIngest([a, b]);
    expect(errors[0]!.message).toMatch(/b\.md:1: .*also in .*a\.md with different content/);
  });

  it("rejects text that is not UTF-8 nor a Cyrillic encoding, with the line and byte offset", () => {
    const file = path.join(dir, "latin1.txt");
    fs.writeFileSync(file, Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xe9, 0xe8]));
    expect(prepareIngest([file]).errors[0]!.message).toMatch(/latin1\.txt:2: not valid UTF-8 text \(byte 6, line 2\)/);
  });
});

describe("storing", () => {
  it("is idempotent: the same content twice is stored once; a change is an update", async () => {
    const engine = freshEngine();
    const file = write("a.md", GOOD_MD);
    const first = commitIngest(engine, prepareIngest([file, SEED]).documents.map((d) => d.document));
    expect([first.added, first.updated, first.unchanged]).toEqual([2, 0, 0]);
    const again = commitIngest(engine, prepareIngest([file, SEED]).documents.map((d) => d.document));
    expect([again.added, again.updated, again.unchanged]).toEqual([0, 0, 2]);
    expect(new ArchiveStore(engine.db).count()).toBe(2);

    fs.writeFileSync(file, GOOD_MD.replace("Первый абзац о санкциях.", "Первый абзац о санкциях и логистике."));
    const changed = commitIngest(engine, prepareIngest([file]).documents.map((d) => d.document));
    expect([changed.added, changed.updated, changed.unchanged]).toEqual([0, 1, 0]);
    const r = await engine.search({ q: "логистике", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    expect(r.total).toBe(1);
    expect(new ArchiveStore(engine.db).count()).toBe(2);
  });

  it("keeps a document's slug across updates and gives a clashing title its own slug", () => {
    const engine = freshEngine();
    const a = write("a.md", GOOD_MD);
    const b = write("b.md", GOOD_MD.replace("https://example.org/a", "https://example.org/b"));
    const { documents } = prepareIngest([a, b]);
    commitIngest(engine, documents.map((d) => d.document));
    const slugs = (engine.db.prepare("SELECT slug FROM documents ORDER BY rowid").pluck().all() as string[]);
    expect(new Set(slugs).size).toBe(2);
    expect(slugs[0]).toBe("sanktsii-i-parallelniy-import");
    expect(slugs[1]).toMatch(/^sanktsii-i-parallelniy-import-[0-9a-f]{6}$/);
  });

  it("gives distinct slugs to many same-titled documents whose ids share a prefix", () => {
    const engine = freshEngine();
    const docs = Array.from({ length: 30 }, (_, i) => ({ id: `bench-${String(i).padStart(6, "0")}`, title: "Один заголовок", paragraphs: [`Текст ${i}.`] }));
    const { documents, errors } = prepareIngest([write("same.json", JSON.stringify(docs))]);
    expect(errors).toEqual([]);
    const summary = commitIngest(engine, documents.map((d) => d.document));
    expect(summary.added).toBe(30);
    const slugs = engine.db.prepare("SELECT slug FROM documents").pluck().all() as string[];
    expect(new Set(slugs).size).toBe(30);
  });

  it("writes nothing when the run is rejected: the CLI is all or nothing", async () => {
    const { execFileSync } = await import("node:child_process");
    const db = path.join(dir, "archive.db");
    const good = write("in/good.md", GOOD_MD);
    write("in/bad.json", '{"title": ');
    const run = (...args: string[]) => {
      try {
        return { code: 0, out: execFileSync("npx", ["tsx", "scripts/ingest.ts", ...args], { env: { ...process.env, ARCHIVE_DB_PATH: db }, encoding: "utf8", stdio: "pipe" }) };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    const bad = run(path.join(dir, "in"));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/bad\.json:1: invalid JSON/);
    expect(bad.out).toMatch(/nothing was written/);
    expect(bad.out).toMatch(/rejected 1/);
    const ok = run(good);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/added 1, updated 0, unchanged 0, rejected 0/);
    const archive = new ArchiveStore(openDatabase(db));
    expect(archive.count()).toBe(1);
  }, 60_000);
});
