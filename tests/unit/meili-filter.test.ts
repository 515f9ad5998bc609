import { describe, expect, it } from "vitest";
import { combineFilters, eq, facetFilters, inList, quoteFilterValue } from "@/lib/search/engines/meilisearch/filter";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { HOSTILE_INSTITUTION, HOSTILE_PREFIX, HOSTILE_TOPIC } from "../fixtures/contract-documents";
import { parseFilter } from "../contract/fake-meilisearch";

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
