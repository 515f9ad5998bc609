import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { storedByInput } from "@/lib/archive/inputs";
import { getConfig, type AppConfig } from "@/lib/config";
import { importFiles } from "@/lib/ingest/import";
import { canonicalJson } from "@/lib/ingest/input-hash";
import { readRecords } from "@/lib/ingest/read-files";
import { toDocument } from "@/lib/ingest/to-document";

// Fictional sample text, written for this test.
const DOC = {
  id: "reuse-1",
  title: "Эксперт обсудил санкции",
  paragraphs: ["«Санкции не сработают», – отметил директор Института условных исследований Иван Образцов.", "Он добавил, что торговля продолжится."],
};

let dir: string;
let config: AppConfig;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-reuse-"));
  config = { ...getConfig(), ARCHIVE_DB_PATH: path.join(dir, "archive.db"), MEILI_URL: undefined, PEOPLE_OVERRIDES_PATH: path.join(dir, "none.yaml") };
});
afterEach(() => {
  openDatabase(config.ARCHIVE_DB_PATH).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, docs: object[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
  return file;
}

/** The same fields in another order, as another exporter would write them. */
const reordered = (d: typeof DOC) => ({ paragraphs: d.paragraphs, title: d.title, id: d.id });

const db = () => openDatabase(config.ARCHIVE_DB_PATH);
const firstRecord = (file: string) => [...readRecords(file)][0]!;

describe("re-import of unchanged documents", () => {
  it("takes a document stored from the same input from the archive instead of extracting it again, whatever the key order", async () => {
    await importFiles([write("a.jsonl", [DOC])], config);
    // Mark the stored record without touching its content hash: only a reused document carries the mark.
    db().prepare(`UPDATE documents SET record = json_set(record, '$.topics', json('["Метка теста"]')) WHERE id = ?`).run(DOC.id);
    const stored = storedByInput(db());

    const same = toDocument(firstRecord(write("b.jsonl", [reordered(DOC)])), stored);
    expect(same.topics).toEqual(["Метка теста"]);

    const extracted = toDocument(firstRecord(write("c.jsonl", [DOC])));
    expect(extracted.topics).not.toContain("Метка теста");
    expect(extracted.contentHash).toBe(same.contentHash);

    const edited = toDocument(firstRecord(write("d.jsonl", [{ ...DOC, paragraphs: [...DOC.paragraphs, "Третий абзац."] }])), stored);
    expect(edited.topics).not.toContain("Метка теста");
    expect(edited.paragraphs).toHaveLength(3);

    // A stored document changed since (another content hash) is no longer what this input gives.
    db().prepare("UPDATE documents SET content_hash = 'other' WHERE id = ?").run(DOC.id);
    expect(toDocument(firstRecord(write("e.jsonl", [DOC])), storedByInput(db())).topics).not.toContain("Метка теста");
  });

  it("reports a re-import from another file unchanged and an edited document updated", async () => {
    const first = await importFiles([write("a.jsonl", [DOC])], config);
    expect(first.summary).toMatchObject({ added: 1 });
    const again = await importFiles([write("b.jsonl", [reordered(DOC)])], config);
    expect(again.summary).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(again.extraction).toMatchObject({ reused: 1, inline: 0, onThreads: 0 });
    const edited = await importFiles([write("c.jsonl", [{ ...DOC, paragraphs: [DOC.paragraphs[0]!] }])], config);
    expect(edited.summary).toMatchObject({ added: 0, updated: 1, unchanged: 0 });
  });

  it("needs no migration: documents stored before input hashes existed are extracted once more and reused after", async () => {
    await importFiles([write("a.jsonl", [DOC])], config);
    db().exec("DROP TABLE document_inputs");
    const again = await importFiles([write("b.jsonl", [DOC])], config);
    expect(again.summary).toMatchObject({ unchanged: 1 });
    expect(db().prepare("SELECT count(*) FROM document_inputs WHERE id = ?").pluck().get(DOC.id)).toBe(1);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves undefined members out", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe("extraction on worker threads", () => {
  it("gives the documents extraction on the main thread gives, in the same order, with a bad record still reported at its line", async () => {
    // Fictional people and bodies, numbered so that every document differs.
    const docs = Array.from({ length: 70 }, (_, i) => ({
      id: `pool-${i}`,
      title: `Консультации по торговле, выпуск ${i + 1}`,
      paragraphs: [`«Переговоры продолжатся в ${i % 2 ? "Астане" : "Женеве"}», – отметил директор Института условных исследований Пётр Примеров${i}.`, `Эксперт добавил, что санкции обсуждались ${i + 2} часа.`],
    }));
    const file = write("many.jsonl", docs);
    const stored = (c: AppConfig) => {
      const rows = openDatabase(c.ARCHIVE_DB_PATH).prepare("SELECT id, content_hash, record FROM documents ORDER BY rowid").all() as { id: string; content_hash: string; record: string }[];
      return rows.map((r) => ({ ...r, record: { ...JSON.parse(r.record), provenance: undefined } }));
    };
    const inline = await importFiles([file], config, { extractWorkers: 0 });
    expect(inline.summary).toMatchObject({ added: 70 });
    const onThreads = { ...config, ARCHIVE_DB_PATH: path.join(dir, "threads.db") };
    const threaded = await importFiles([file], onThreads, { extractWorkers: 2, waitForThreads: true });
    expect(threaded.summary).toMatchObject({ added: 70 });
    expect(threaded.extraction).toMatchObject({ threads: 2, reused: 0 });
    expect(threaded.extraction.onThreads).toBeGreaterThan(0);
    expect(threaded.extraction.inline + threaded.extraction.onThreads).toBe(70);
    expect(stored(onThreads)).toEqual(stored(config));
    // The threads also analysed what they built (title, body, each quote) and the commit took those
    // answers: the index and the saved token analyses are still the main thread's own.
    expect(inline.extraction.analysedTexts).toBe(0);
    expect(threaded.extraction.analysedTexts).toBeGreaterThanOrEqual(threaded.extraction.onThreads * 2);
    const index = (c: AppConfig) => {
      const d = openDatabase(c.ARCHIVE_DB_PATH);
      d.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_fts USING fts5vocab(main, fts, instance)");
      d.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_stmt USING fts5vocab(main, stmt_fts, instance)");
      return {
        fts: d.prepare("SELECT term, doc, col, offset FROM temp.v_fts ORDER BY term, doc, col, offset").raw().all(),
        statements: d.prepare("SELECT term, doc, col, offset FROM temp.v_stmt ORDER BY term, doc, col, offset").raw().all(),
        tokens: d.prepare("SELECT surface, analysis FROM token_analysis ORDER BY surface").raw().all(),
      };
    };
    const main = index(config);
    expect(main.fts.length).toBeGreaterThan(1000);
    expect(main.statements.length).toBeGreaterThan(100);
    expect(index(onThreads)).toEqual(main);
    openDatabase(onThreads.ARCHIVE_DB_PATH).close();

    const bad = write("bad.jsonl", [...docs.slice(0, 60), { ...docs[60]!, quotes: [{ text: "x", speaker: "Пётр Примеров", paragraph: 5 }] }, ...docs.slice(61)]);
    const rejected = await importFiles([bad], { ...config, ARCHIVE_DB_PATH: path.join(dir, "bad.db") }, { extractWorkers: 2, waitForThreads: true });
    expect(rejected.errors.map((e) => e.message)).toEqual([expect.stringMatching(/bad\.jsonl:61: .*quote paragraph 5 is past the last paragraph/)]);
    openDatabase(path.join(dir, "bad.db")).close();
  }, 60_000);
});
