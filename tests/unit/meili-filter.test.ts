import { describe, expect, it } from "vitest";
import { combineFilters, eq, facetFilters, inList, quoteFilterValue, textFilter } from "@/lib/search/engines/meilisearch/filter";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { parseQuery } from "@/lib/search/query-syntax";
import { getAnalyzer } from "@/lib/text/analyzers";
import { HOSTILE_INSTITUTION, HOSTILE_PREFIX, HOSTILE_TOPIC } from "../fixtures/contract-documents";
import { parseFilter } from "../contract/fake-meilisearch";

const analyzer = getAnalyzer();
const HOSTILE = [HOSTILE_INSTITUTION, HOSTILE_PREFIX, HOSTILE_TOPIC, 'a" OR speaker = "b', "ends with \\", '\\"', ") OR (1 = 1", "NOT x", "x = y", "", "  spaced  ", "перевод\nстроки"];

describe("quoteFilterValue", () => {
  it("escapes backslash before quote, so an escaped quote cannot be un-escaped", () => {
    expect(quoteFilterValue('a"b')).toBe('"a\\"b"');
    expect(quoteFilterValue("a\\b")).toBe('"a\\\\b"');
    expect(quoteFilterValue('\\"')).toBe('"\\\\\\""');
    expect(quoteFilterValue(HOSTILE_INSTITUTION)).toBe('"Фонд \\"Открытый \\\\ диалог\\" OR 1=1 )"');
  });

  it.each(HOSTILE)("reads back as one comparison with the original value: %j", (value) => {
    // A parser following Meilisearch's documented quoting rules sees exactly one condition.
    expect(parseFilter(eq("institution", value))).toEqual({ kind: "cmp", attr: "institution", op: "=", value });
  });
});

describe("inList", () => {
  it("quotes every value, so a hostile one stays one list item", () => {
    expect(inList("doc", ["a", 'b"]'])).toBe('doc IN ["a", "b\\"]"]');
    expect(parseFilter(inList("doc", HOSTILE))).toEqual({ kind: "in", attr: "doc", values: HOSTILE });
  });
});

describe("facet filters", () => {
  const [A, B, T] = ["A", "B", "T"].map(facetKey);

  it("ORs values within a group and ANDs groups, by facet key", () => {
    const parts = facetFilters({ speaker: ["A", "B"], institution: [], topic: ["T"] });
    expect(parts).toEqual([`(speaker_key = "${A}" OR speaker_key = "${B}")`, `topic_key = "${T}"`]);
    expect(combineFilters(parts)).toBe(`((speaker_key = "${A}" OR speaker_key = "${B}")) AND (topic_key = "${T}")`);
    expect(facetFilters({ country: ["Казахстан"] })).toEqual([`country_key = "${facetKey("Казахстан")}"`]);
  });

  it("leaves out the group a disjunctive count is for", () => {
    expect(facetFilters({ speaker: ["A"], topic: ["T"] }, "speaker")).toEqual([`topic_key = "${T}"`]);
  });

  it("keeps hostile values inside their group", () => {
    const f = combineFilters(facetFilters({ institution: [HOSTILE_INSTITUTION, "МГИМО"], topic: [HOSTILE_TOPIC] }))!;
    expect(parseFilter(f)).toEqual({
      kind: "and",
      items: [
        {
          kind: "or",
          items: [
            { kind: "cmp", attr: "institution_key", op: "=", value: facetKey(HOSTILE_INSTITUTION) },
            { kind: "cmp", attr: "institution_key", op: "=", value: facetKey("МГИМО") },
          ],
        },
        { kind: "cmp", attr: "topic_key", op: "=", value: facetKey(HOSTILE_TOPIC) },
      ],
    });
  });

  it("is undefined when nothing is selected", () => {
    expect(combineFilters(facetFilters({}))).toBeUndefined();
  });
});

describe("textFilter", () => {
  const tf = (q: string, mode: "all" | "any" = "all") => textFilter(parseQuery(q, analyzer), mode);

  it("matches analyzed terms, so word forms meet", () => {
    expect(tf("медиатора")).toBe('terms = "медиатор"');
    expect(tf("медиатором Турции")).toBe('(terms = "медиатор" AND terms = "турция")');
  });

  it("ORs alternatives and, in any mode, groups", () => {
    expect(tf("Астана ИЛИ Анкара")).toBe('(terms = "астана" OR terms = "анкара")');
    expect(tf("медиатор газ", "any")).toBe('(terms = "медиатор" OR terms = "газ")');
  });

  it("filters phrases by the adjacent pairs of their lemmas (any case form), a quoted word by its exact form", () => {
    expect(tf('"энергетическая безопасность Европы"')).toBe(
      '(keypairs = "энергетический безопасность" AND keypairs = "безопасность европа")',
    );
    expect(tf("«энергетической безопасности»")).toBe('keypairs = "энергетический безопасность"');
    expect(tf('"Ещё"')).toBe('words = "еще"');
  });

  it("matches a spelled-out alias name by its keys, in any case form", () => {
    const f = tf("ИМЭП")!;
    expect(f).toContain('keypairs = "институт мировой"');
    expect(f).toContain('terms = "имэп"');
  });

  it("excludes with NOT", () => {
    expect(tf("медиатор -Турция")).toBe('(terms = "медиатор" AND NOT terms = "турция")');
    expect(tf("-Турция -Анкара")).toBe('NOT (terms = "турция" OR terms = "анкара")');
    expect(tf("")).toBeUndefined();
  });

  it("parses back with the structure it was built with", () => {
    const tree = parseFilter(tf('Астана ИЛИ "роль медиатора" -газ')!);
    expect(tree).toEqual({
      kind: "and",
      items: [
        {
          kind: "or",
          items: [
            { kind: "cmp", attr: "terms", op: "=", value: "астана" },
            { kind: "cmp", attr: "keypairs", op: "=", value: "роль медиатор" },
          ],
        },
        { kind: "not", item: { kind: "cmp", attr: "terms", op: "=", value: "газ" } },
      ],
    });
  });
});
