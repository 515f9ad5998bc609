import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { SqliteVocabulary, correctQueryText } from "@/lib/search/vocabulary";
import { parseQuery } from "@/lib/search/query-syntax";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

/** Issue 11, item 1: typo correction costs at most N lookups per query, each cached, within a time budget. */

const analyzer = getAnalyzer("default");
const doc = (n: number, p: string): CommentaryDocument => ({ id: `d${n}`, slug: `d${n}`, title: `Документ ${n}`, paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: `h${n}` });

async function setup() {
  const e = new SqliteEngine(openDatabase(":memory:"), analyzer);
  await e.upsert([doc(1, "Новые санкций против Ирана, – отметил Ержан Салтыбаев."), doc(2, "Казахстан как медиатор в переговорах о газопроводе.")]);
  return e;
}

describe("bounded typo correction", () => {
  it("corrects at most maxWords unknown words; the rest stay as typed", async () => {
    const e = await setup();
    const v = new SqliteVocabulary(e.db, { maxWords: 2, budgetMs: 10_000 });
    const text = "санкцый медиатоор газопроводд Салтыбаеев";
    expect(correctQueryText(text, parseQuery(text, analyzer), analyzer, v)).toBe("санкций медиатор газопроводд Салтыбаеев");
    expect(v.scans).toBe(2);
    const off = new SqliteVocabulary(e.db, { maxWords: 0, budgetMs: 10_000 });
    expect(correctQueryText(text, parseQuery(text, analyzer), analyzer, off)).toBeNull();
  });

  it("caches each lookup until the index changes", async () => {
    const e = await setup();
    const v = new SqliteVocabulary(e.db, { maxWords: 5, budgetMs: 10_000 });
    const text = "санкцый медиатоор";
    const parsed = parseQuery(text, analyzer);
    expect(correctQueryText(text, parsed, analyzer, v)).toBe("санкций медиатор");
    const scans = v.scans;
    for (let i = 0; i < 50; i++) correctQueryText(text, parsed, analyzer, v);
    expect(v.scans).toBe(scans);
    // A write through this connection forgets the cache: a new word can now be the nearest.
    await e.upsert([doc(3, "Медиатоор — так писали в старых заметках о санкцыях.")]);
    correctQueryText(text, parsed, analyzer, v);
    expect(v.scans).toBeGreaterThan(scans);
  });

  it("past the time budget the query runs as typed", async () => {
    const e = await setup();
    const v = new SqliteVocabulary(e.db, { maxWords: 50, budgetMs: 10 });
    // Each lookup made to take 2 ms, as on a large vocabulary.
    const lookup = v.correct.bind(v);
    v.correct = (norm) => {
      const t = performance.now();
      while (performance.now() - t < 2);
      return lookup(norm);
    };
    const words = Array.from({ length: 40 }, (_, i) => `санкцыйй${"абвгдежзиклмнопрстуфхцчшщэюя"[i % 28]}${i}`);
    const text = words.join(" ");
    const started = performance.now();
    const r = correctQueryText(text, parseQuery(text, analyzer), analyzer, v);
    const ms = performance.now() - started;
    expect(r).toBeNull();
    expect(v.scans).toBeLessThanOrEqual(7);
    expect(ms).toBeLessThan(500);
  });
});
