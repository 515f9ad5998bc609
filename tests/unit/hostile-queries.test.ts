import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";

const HOSTILE = [
  '"', '""', '"""', "-", "--", "-\"", "ИЛИ", "OR OR", "ИЛИ медиатор", "медиатор ИЛИ", "AND", "NOT", "NEAR(медиатор споры)",
  "медиатор*", "^медиатор", "title:медиатор", "{title}: x", "(", ")", "((медиатор", "медиатор)", "'; DROP TABLE documents; --",
  "\u0000", "\u202e", "🙂", "ё".repeat(500), "a\nb\tc", "%00", "\\", "\\\"", "-медиатор", "-\"споров\"", "\"медиатор", "*", ":",
];

/** A seeded stream of strings made of the characters FTS5 and our own syntax care about. */
function* randomQueries(n: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = ['"', "-", "(", ")", "*", ":", "^", "{", "}", " ", " ", "ИЛИ", "OR", "AND", "NOT", "NEAR", "медиатор", "споров", "ё", "\\", "'", ","];
  for (let i = 0; i < n; i++) {
    const len = 1 + (next() % 8);
    yield Array.from({ length: len }, () => alphabet[next() % alphabet.length]).join(next() % 2 ? " " : "");
  }
}

describe("hostile query strings", () => {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  const ready = engine.upsert([
    {
      id: "seed",
      slug: "seed",
      title: "Казахстан как медиатор",
      paragraphs: ["Имидж эффективного медиатора в урегулировании споров."],
      topics: [],
      speakers: [],
      institutions: [],
      quotes: [],
      contentHash: "h",
    },
  ]);

  it("never throw and never match more than the archive holds", async () => {
    await ready;
    for (const q of [...HOSTILE, ...randomQueries(400)]) {
      const r = await engine.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
      expect(r.total, `query ${JSON.stringify(q)}`).toBeLessThanOrEqual(1);
    }
  });

  it("read FTS5 operators as plain words", async () => {
    await ready;
    const r = await engine.search({ q: "NEAR(медиатор споры)", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    // As an operator NEAR(…) would match every word; as a word, "near" is missing, so only the fallback finds it.
    expect(r.matchMode).toBe("any");
    expect(r.total).toBe(1);
    const star = await engine.search({ q: "медиатор*", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    expect(star.total).toBe(1);
  });
});
