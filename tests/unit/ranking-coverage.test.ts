import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { clauseCoverage, typedForms, typedShare } from "@/lib/search/coverage";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { RANKING } from "@/lib/search/proximity";
import { type Clause, parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";

const a = getAnalyzer("default");
const term = (key: string, expansion = false): Clause => ({ kind: "term", raw: key, key, ...(expansion ? { expansion: true } : {}) });

describe("coverage signals (lib/search/coverage.ts)", () => {
  // Two groups: a typed word with two expansions, and a plain typed word. Clauses 0–2, then 3.
  const groups = [[term("английский"), term("великобритания", true), term("британец", true)], [term("язык")]];
  const rowWith = (...i: number[]) => (c: number) => i.includes(c);

  it("counts the clauses a row has, expansions included", () => {
    expect(clauseCoverage(groups, rowWith(0, 1, 2, 3))).toBe(1);
    expect(clauseCoverage(groups, rowWith(1, 3))).toBe(0.5);
    expect(clauseCoverage(groups, rowWith())).toBe(0);
  });

  it("credits an expanded group only when the row has the word as typed", () => {
    expect(typedShare(groups, rowWith(0))).toBe(0.5);
    expect(typedShare(groups, rowWith(1, 2, 3))).toBe(0);
    // A group without expansions is not the typed share's concern: it has nothing to be exact against.
    expect(typedShare(groups, rowWith(3))).toBe(0);
    expect(typedShare([], rowWith())).toBe(0);
  });
});

describe("exactness: the form typed (lib/search/coverage.ts typedForms)", () => {
  it("takes each word's form as typed, normalised", () => {
    expect(typedForms(parseQuery("французском", a))).toEqual(["французском"]);
    expect(typedForms(parseQuery("МИД Франции", a))).toEqual(["мид", "франции"]);
  });

  it("leaves out name parts, ORed alternatives and prefixes, whose form says nothing", () => {
    expect(typedForms(parseQuery("Путина", a))).toEqual([]);
    expect(typedForms(parseQuery("Ержана Салтыбаева", a))).toEqual([]);
    expect(typedForms(parseQuery("санкции ИЛИ пошлины", a))).toEqual([]);
    expect(typedForms(parseQuery("санкци*", a))).toEqual([]);
  });
});

const mk = (id: string, title: string, p: string) => ({ id, slug: id, title, paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });

describe("the word as typed ranks above its expansions", () => {
  const DOCS = [
    mk("britain", "Ответ Великобритании", "Великобритания не изменит курс."),
    mk("language", "Интервью", "Он ответил на английском, и переводчик не понадобился; разговор шёл долго и о многом другом."),
    // Unrelated pages, so the words above are rare enough for bm25's idf to mean something.
    ...["Погода в Москве", "Урожай пшеницы", "Курс рубля", "Новый стадион", "Выставка картин", "Ремонт дорог"].map((t, i) => mk(`other-${i}`, t, `${t}: подробности в материале.`)),
  ];
  const top = async (q: string) => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert(DOCS);
    return (await e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id);
  };

  it("expands «английском» to Великобритания and ranks the page in English first", async () => {
    expect(parseQuery("английском", a).groups[0]!.some((c) => c.kind === "term" && c.key === "великобритания")).toBe(true);
    const hits = await top("английском");
    expect(hits).toEqual(["language", "britain"]);
  });

  it("ranks the page with the form typed above one with other forms of the word", async () => {
    const docs = [
      mk("french-state", "Визит в Брюссель", "Французский президент прибыл на саммит."),
      mk("french-language", "Интервью", "Разговор шёл на французском, переводчик не понадобился, и беседа продлилась больше часа."),
      ...DOCS.slice(2),
    ];
    const first = async () => {
      const e = new SqliteEngine(openDatabase(":memory:"), a);
      await e.upsert(docs);
      return (await e.search({ q: "французском", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id);
    };
    expect(await first()).toEqual(["french-language", "french-state"]);
    const saved = RANKING.exactBoost;
    try {
      RANKING.exactBoost = 0;
      expect((await first())[0]).toBe("french-state");
    } finally {
      RANKING.exactBoost = saved;
    }
  });

  it("without the typed boost bm25 puts the page repeating the expansion first", async () => {
    const saved = RANKING.typedBoost;
    try {
      RANKING.typedBoost = 0;
      expect((await top("английском"))[0]).toBe("britain");
    } finally {
      RANKING.typedBoost = saved;
    }
  });
});
