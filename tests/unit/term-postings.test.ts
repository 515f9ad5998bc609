import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { combine, contains, intersect, subtract, union, type Posting } from "@/lib/search/engines/sqlite/term-postings";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";

const P = (pairs: [number, number][]): Posting => ({ rowids: Int32Array.from(pairs, (p) => p[0]), scores: Float64Array.from(pairs, (p) => p[1]) });
const pairs = (p: Posting) => Array.from(p.rowids, (r, i) => [r, p.scores[i]]);

describe("posting algebra", () => {
  const a = P([[1, -1], [3, -2], [5, -3], [9, -4]]);
  const b = P([[3, -10], [4, -20], [9, -30]]);
  it("union keeps every row and adds the scores of rows in both", () => {
    expect(pairs(union(a, b))).toEqual([[1, -1], [3, -12], [4, -20], [5, -3], [9, -34]]);
  });
  it("intersect keeps rows in both with summed scores", () => {
    expect(pairs(intersect(a, b))).toEqual([[3, -12], [9, -34]]);
    expect(pairs(intersect(b, a))).toEqual([[3, -12], [9, -34]]);
  });
  it("subtract drops excluded rows and keeps the scores", () => {
    expect(pairs(subtract(a, b))).toEqual([[1, -1], [5, -3]]);
  });
  it("contains finds rows by binary search", () => {
    expect([1, 2, 9, 10].map((r) => contains(a, r))).toEqual([true, false, true, false]);
  });
});

describe("postings reproduce FTS5's bm25 for word queries", () => {
  const WORDS = ["санкции", "медиатор", "переговоры", "энергетика", "Казахстан", "Астана", "безопасность", "интеграция", "дипломатия", "транзит"];
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const docs = Array.from({ length: 120 }, (_, i) => ({
    id: `d${i}`,
    slug: `d${i}`,
    title: WORDS.filter(() => rnd() < 0.1).join(" ") || "Без заголовка",
    paragraphs: [Array.from({ length: 5 + Math.floor(rnd() * 40) }, () => (rnd() < 0.3 ? WORDS[Math.floor(rnd() * WORDS.length)] : "текст")).join(" ")],
    topics: [],
    speakers: [],
    institutions: [],
    quotes: [],
    contentHash: `h${i}`,
  }));
  const ready = engine.upsert(docs);
  const key = (w: string) => getAnalyzer().queryKey(w)!;
  const ftsTerm = (w: string) => `{title body} : "${key(w)}"`;
  const single = (w: string): Posting => {
    const rows = engine.db.prepare("SELECT rowid, bm25(fts, 10.0, 1.0, 10.0, 1.0) FROM fts WHERE fts MATCH ? ORDER BY rowid").raw(true).all(ftsTerm(w)) as [number, number][];
    return P(rows);
  };

  it.each([
    [[["санкции"], ["медиатор"]], [], "all"],
    [[["санкции", "энергетика"], ["Казахстан"]], [], "all"],
    [[["переговоры"], ["Астана"], ["транзит"]], ["безопасность"], "all"],
    [[["санкции"], ["дипломатия"], ["интеграция"]], [], "any"],
  ] as const)("%j minus %j (%s)", async (groups, excluded, mode) => {
    await ready;
    let expr = groups.map((g) => (g.length === 1 ? ftsTerm(g[0]!) : `(${g.map(ftsTerm).join(" OR ")})`)).join(mode === "all" ? " AND " : " OR ");
    if (excluded.length) expr = `(${expr}) NOT (${excluded.map(ftsTerm).join(" OR ")})`;
    const reference = engine.db.prepare("SELECT rowid, bm25(fts, 10.0, 1.0, 10.0, 1.0) FROM fts WHERE fts MATCH ? ORDER BY rowid").raw(true).all(expr) as [number, number][];
    const ours = combine(groups.map((g) => g.map(single)), excluded.map(single), mode);
    expect(reference.length).toBeGreaterThan(0);
    expect(Array.from(ours.rowids)).toEqual(reference.map((r) => r[0]));
    // Bitwise: a score an ulp off could swap two tied rows.
    expect(Array.from(ours.scores)).toEqual(reference.map((r) => r[1]));
  });
});
