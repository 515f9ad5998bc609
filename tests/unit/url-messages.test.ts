import { describe, expect, it } from "vitest";
import { parseEntitiesParams, parseEntityIndexParams } from "@/lib/validations/entities-params";
import { parseSearchParams, type RawParams } from "@/lib/validations/search-params";

/** Issue 14, item 9: a bad search address is explained in Russian inside the Russian page. */
const ENGLISH = /\b(must|is|are|at most|or more|be|whole|number|characters|required)\b/i;

function expectRussian(error: string, field: string) {
  expect(error.startsWith(`${field}: `)).toBe(true);
  const message = error.slice(field.length + 2);
  expect(message).toMatch(/[а-яё]{4}/i);
  expect(message).not.toMatch(ENGLISH);
}

describe("URL parameter messages", () => {
  const cases: [RawParams, string][] = [
    [{ sort: "bogus" }, "sort"],
    [{ page: "abc" }, "page"],
    [{ page: "0" }, "page"],
    [{ page: "1.5" }, "page"],
    [{ page: "100000" }, "page"],
    [{ view: "x" }, "view"],
    [{ exact: "2" }, "exact"],
    [{ q: "я".repeat(501) }, "q"],
    [{ speaker: Array.from({ length: 21 }, (_, i) => `Эксперт ${i}`) }, "speaker"],
    [{ topic: "т".repeat(301) }, "topic"],
    [{ from: "2024-13" }, "from"],
  ];
  for (const [raw, field] of cases) {
    it(`${JSON.stringify(raw).slice(0, 40)} names ${field} and says what is wrong in Russian`, () => {
      const parsed = parseSearchParams(raw, 10);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.field).toBe(field);
      expectRussian(parsed.error, field);
    });
  }

  it("index pages and the entities API explain theirs in Russian too", () => {
    for (const [raw, field] of [
      [{ sort: "alphabet" }, "sort"],
      [{ page: "abc" }, "page"],
      [{ q: "я".repeat(201) }, "q"],
    ] as const) {
      const parsed = parseEntityIndexParams(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expectRussian(parsed.error, field);
    }
    for (const [raw, field] of [
      [{}, "type"],
      [{ type: "bogus" }, "type"],
      [{ type: "person", limit: "0" }, "limit"],
      [{ type: "person", offset: "-1" }, "offset"],
    ] as const) {
      const parsed = parseEntitiesParams(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expectRussian(parsed.error, field);
    }
  });
});
