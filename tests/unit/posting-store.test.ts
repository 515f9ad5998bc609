import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, setMeta, archiveGeneration } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

/** Postings saved beside the archive (posting-store.ts) are read only while the archive is what they were made from. */

/** Enough rows for a word's posting to be saved (smaller ones are walked again). */
const N = 1_100;

function doc(n: number, text: string): CommentaryDocument {
  return { id: `d${n}`, slug: `d${n}`, title: `Обзор ${n}`, paragraphs: [text], topics: [], speakers: [], institutions: [], quotes: [], contentHash: `h${n}-${text.length}` };
}

const q = (text: string): SearchQuery => ({ q: text, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
/** The save runs after the answer (setImmediate); this waits for it. */
const saved = () => new Promise((r) => setImmediate(r));
const dirs: string[] = [];

function tempArchive(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "postings-"));
  dirs.push(dir);
  return path.join(dir, "archive.db");
}

function storedRows(file: string): { term: string; n: number }[] {
  const db = new Database(`${file}.postings`, { readonly: true });
  try {
    // Clause postings only; the rows of the exact word forms (names starting with =) are saved beside them.
    return db.prepare("SELECT term, n FROM postings WHERE term NOT LIKE '=%'").all() as { term: string; n: number }[];
  } finally {
    db.close();
  }
}

/** Drops the last row of every saved posting, so an answer built from the store is told apart from one FTS5 gave. */
function tamper(file: string): void {
  const db = new Database(`${file}.postings`);
  for (const { term, n } of db.prepare("SELECT term, n FROM postings WHERE term NOT LIKE '=%'").all() as { term: string; n: number }[]) {
    db.prepare("UPDATE postings SET n = ?, rowids = substr(rowids, 1, ?), scores = substr(scores, 1, ?) WHERE term = ?").run(n - 1, (n - 1) * 4, (n - 1) * 8, term);
  }
  db.close();
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe("saved postings", () => {
  it("are saved after a ranked search, read by the next engine, and ignored once the archive changes", async () => {
    const file = tempArchive();
    const db = openDatabase(file);
    const first = new SqliteEngine(db, getAnalyzer());
    await first.upsert(Array.from({ length: N }, (_, i) => doc(i, i % 2 ? "Санкции против экспорта." : "Новые санкции.")));
    const before = await first.search(q("санкции"));
    expect(before.total).toBe(N);
    await saved();
    expect(storedRows(file)).toEqual([{ term: expect.stringContaining("санкц"), n: N }]);

    // A later engine (a restarted server) answers from the saved posting, not from FTS5.
    tamper(file);
    const second = new SqliteEngine(db, getAnalyzer());
    expect((await second.search(q("санкции"))).total).toBe(N - 1);

    // A new document moves the generation: the saved posting no longer counts.
    await second.upsert([doc(N, "Санкции снова.")]);
    const third = new SqliteEngine(db, getAnalyzer());
    const after = await third.search(q("санкции"));
    expect(after.total).toBe(N + 1);
    expect(after.hits.map((h) => h.id)).toEqual((await second.search(q("санкции"))).hits.map((h) => h.id));
    db.close();
  });

  it("are not read by another archive built at the same path, even at the same generation", async () => {
    const file = tempArchive();
    let db = openDatabase(file);
    await new SqliteEngine(db, getAnalyzer()).upsert(Array.from({ length: N }, (_, i) => doc(i, "Санкции.")));
    await new SqliteEngine(db, getAnalyzer()).search(q("санкции"));
    await saved();
    expect(storedRows(file)).toHaveLength(1);
    const generation = archiveGeneration(db);
    db.close();
    for (const ext of ["", "-wal", "-shm"]) fs.rmSync(file + ext, { force: true });

    // Rebuilt with the same documents, a hundred of them without the word, its generation set to
    // the old one: the sidecar file stays behind.
    db = openDatabase(file);
    await new SqliteEngine(db, getAnalyzer()).upsert(Array.from({ length: N }, (_, i) => doc(i, i < 100 ? "Пошлины." : "Санкции.")));
    setMeta(db, "generation", String(generation));
    const res = await new SqliteEngine(db, getAnalyzer()).search(q("санкции"));
    expect(res.total).toBe(N - 100);
    db.close();
  });
});
