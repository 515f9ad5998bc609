import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { AppError } from "@/lib/errors";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { Deadline } from "@/lib/search/engines/sqlite/deadline";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

/** Issue 11, item 1: a search that runs past SEARCH_TIME_BUDGET_MS stops with a 503 instead of holding every reader. */

const WORDS = ["санкции", "переговоры", "энергетика", "безопасность", "интеграция", "дипломатия"];
const docs: CommentaryDocument[] = Array.from({ length: 1_200 }, (_, i) => ({
  id: `d${i}`,
  slug: `d${i}`,
  title: `Обзор ${i}`,
  paragraphs: [`Эксперт говорил про ${WORDS[i % WORDS.length]} и переговоры в ${2000 + (i % 20)} году.`],
  date: `20${String(10 + (i % 10))}-01-01`,
  topics: [],
  speakers: [{ name: "Анна Петрова" }],
  institutions: [],
  quotes: [{ text: `Переговоры продолжатся, а ${WORDS[i % WORDS.length]} важна`, speaker: "Анна Петрова", paragraph: 0 }],
  contentHash: `h${i}`,
}));

let engine: SqliteEngine;
async function archive(): Promise<SqliteEngine> {
  engine ??= await (async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
    await e.upsert(docs);
    return e;
  })();
  return engine;
}

const q = (text: string, over: Partial<SearchQuery> = {}): SearchQuery => ({ q: text, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10, ...over });

/** Every clock read moves time on by 100 ms, so "past the budget" does not depend on how fast this machine is. */
function slowClock() {
  let t = 0;
  return vi.spyOn(performance, "now").mockImplementation(() => (t += 100));
}

afterEach(() => {
  vi.restoreAllMocks();
  if (engine) engine.timeBudgetMs = Number.POSITIVE_INFINITY;
});

describe("search time budget", () => {
  it("stops a document search that reads rows past its budget with a 503 that says to narrow the query", async () => {
    const e = await archive();
    e.timeBudgetMs = 50;
    slowClock();
    const err = await e.search(q("переговоры")).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(503);
    expect((err as AppError).reason).toBe("too_costly");
    expect((err as Error).message).toMatch(/took longer than 50 ms and was stopped: narrow it/);
  });

  it("stops every kind of costly query: phrases, prefixes, exclusions, relaxed ORs, and statements", async () => {
    const e = await archive();
    e.timeBudgetMs = 50;
    slowClock();
    for (const text of ['"переговоры в"', "перегово*", "эксперт -санкции", "переговоры ИЛИ эксперт", "-переговоры"]) {
      await expect(e.search(q(text)), text).rejects.toMatchObject({ reason: "too_costly" });
    }
    await expect(e.searchStatements(q("переговоры"))).rejects.toMatchObject({ reason: "too_costly" });
  });

  it("answers in full once there is time, and a stopped search leaves nothing half-made in the caches", async () => {
    const e = await archive();
    e.timeBudgetMs = 50;
    const clock = slowClock();
    await expect(e.search(q("эксперт переговоры"))).rejects.toMatchObject({ reason: "too_costly" });
    clock.mockRestore();
    e.timeBudgetMs = Number.POSITIVE_INFINITY;
    const r = await e.search(q("эксперт переговоры"));
    expect(r.total).toBe(docs.length);
    expect(r.hits).toHaveLength(10);
    expect((await e.searchStatements(q("переговоры"))).total).toBe(docs.length);
  });

  it("does not stop a search that is within its budget (the default of a bare engine is none)", async () => {
    const e = await archive();
    slowClock();
    expect((await e.search(q("дипломатия"))).total).toBe(docs.length / WORDS.length);
  });
});

describe("Deadline", () => {
  it("looks at the clock on every 256th tick only, and throws once the budget is spent", () => {
    let t = 0;
    const now = vi.spyOn(performance, "now").mockImplementation(() => t);
    const d = new Deadline(100);
    const readsAtStart = now.mock.calls.length;
    t = 500;
    for (let i = 0; i < 255; i++) d.tick();
    expect(now.mock.calls.length).toBe(readsAtStart);
    expect(() => d.tick()).toThrow(/took longer than 100 ms/);
  });
});
