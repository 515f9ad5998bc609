import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/lib/archive/db";
import { NO_OVERRIDES } from "@/lib/entities/overrides";
import { AnalysisPool } from "@/lib/ingest/analysis-pool";
import { listInputFiles } from "@/lib/ingest/read-files";
import { commitIngest, prepareIngest } from "@/lib/ingest/run-ingest";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";

// The seed article and the fictional samples shipped in content/: real text, several topics per piece.
const documents = () => prepareIngest(listInputFiles(["content"])).documents.map((d) => d.document);

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "analysis-pool-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every indexed token with its document, column and position, read back from FTS5 itself. */
function instances(db: Db, table: string): string[] {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_${table} USING fts5vocab(main, ${table}, instance)`);
  return (db.prepare(`SELECT term, doc, col, offset FROM temp.v_${table} ORDER BY term, doc, col, offset`).raw().all() as unknown[][]).map((r) => r.join("\u0001"));
}

function build(name: string, pool?: AnalysisPool): Db {
  const engine = new SqliteEngine(openDatabase(path.join(dir, name)), getAnalyzer("default"));
  commitIngest(engine, documents(), NO_OVERRIDES, false, pool);
  return engine.db;
}

describe("analysis on worker threads (lib/ingest/analysis-pool.ts)", () => {
  it("builds the index the main thread builds: every token at the same document, column and offset, and the same saved token analyses", async () => {
    const pool = new AnalysisPool(getAnalyzer("default"), 2);
    try {
      const inline = build("inline.db");
      const threaded = build("threaded.db", pool);
      // Titles, bodies (their topics added after the registry: TokenMemo.composed) and quotes all came from the threads.
      const docs = documents();
      expect(docs.length).toBeGreaterThan(20);
      expect(pool.taken).toBe(docs.length * 2 + docs.reduce((n, d) => n + d.quotes.length, 0));
      for (const table of ["fts", "stmt_fts"]) {
        const a = instances(inline, table);
        expect(a.length).toBeGreaterThan(1000);
        expect(instances(threaded, table)).toEqual(a);
      }
      const tokens = (db: Db) => db.prepare("SELECT surface, analysis FROM token_analysis ORDER BY surface").raw().all();
      expect(tokens(threaded)).toEqual(tokens(inline));
    } finally {
      await pool.close();
    }
  });

  it("keeps at most a window of text with the threads, and still answers a text asked for out of order", async () => {
    const a = getAnalyzer("default");
    const pool = new AnalysisPool(a, 1, 200);
    try {
      // Fictional sentences, written for this test.
      const texts = Array.from({ length: 40 }, (_, i) => `Эксперт номер ${i} обсуждал санкции и переговоры в столицах.`);
      for (const t of texts) pool.submit([t]);
      // The last one first: its job was still queued behind the window.
      for (const t of [...texts].reverse()) expect(pool.take(t)).toEqual([a.indexText(t), a.exactText(t)]);
      expect(pool.taken).toBe(40);
    } finally {
      await pool.close();
    }
  });

  it("answers nothing for a text it was not given, so the engine analyses that one itself", async () => {
    const pool = new AnalysisPool(getAnalyzer("default"), 1);
    try {
      pool.submit(["Первый текст."]);
      expect(pool.take("Другой текст.")).toBeUndefined();
      const a = getAnalyzer("default");
      expect(pool.take("Первый текст.")).toEqual([a.indexText("Первый текст."), a.exactText("Первый текст.")]);
      // Taken once: a second take of the same submission is not answered from the pool.
      expect(pool.take("Первый текст.")).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});
