import { describe, expect, it } from "vitest";
import { decodeFacetKey, facetKey, isHashedKey } from "@/lib/search/engines/meilisearch/keys";
import { parseFilter } from "../contract/fake-meilisearch";
import { eq } from "@/lib/search/engines/meilisearch/filter";

describe("facet keys", () => {
  const values = ["ИМЭМО РАН", "Имэмо ран", "имэмо ран", "Фонд \"Открытый \\ диалог\" OR 1=1 )", "Ёлкин", "Елкин", "\u00e9", "e\u0301", "", "a", "ab", "abc", "abcd", "abcde"];

  it("round-trips every value exactly", () => {
    for (const v of values) expect(decodeFacetKey(facetKey(v))).toBe(v);
  });

  it("survives Meilisearch's folding: lowercase ASCII letters and digits only, distinct per value", () => {
    const keys = values.map(facetKey);
    for (const k of keys) {
      expect(k).toMatch(/^[a-z2-7]*$/);
      expect(k.toLowerCase().normalize("NFKD")).toBe(k);
    }
    expect(new Set(keys).size).toBe(values.length);
  });

  it("hashes a value too long for Meilisearch's 468-byte limit, still folding-proof", () => {
    const long = "Институт ".repeat(40);
    const key = facetKey(long);
    expect(isHashedKey(key)).toBe(true);
    expect(key).toMatch(/^#[0-9a-f]{64}$/);
    expect(decodeFacetKey(key)).toBeUndefined();
    expect(facetKey(long.toLowerCase())).not.toBe(key);
  });

  it("stays one comparison in a filter", () => {
    expect(parseFilter(eq("institution_key", facetKey(values[3]!)))).toEqual({ kind: "cmp", attr: "institution_key", op: "=", value: facetKey(values[3]!) });
  });
});
