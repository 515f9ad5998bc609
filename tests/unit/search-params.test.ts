import { describe, expect, it } from "vitest";
import { fromURLSearchParams, parseSearchParams, toSearchString, toggleFacetHref } from "@/lib/validations/search-params";

const parse = (qs: string) => parseSearchParams(fromURLSearchParams(new URLSearchParams(qs)), 10);

describe("URL ↔ search state", () => {
  it("reads every parameter, with repeated facets as OR lists", () => {
    const r = parse("q=%D0%BC%D0%B5%D0%B4%D0%B8%D0%B0%D1%82%D0%BE%D1%80&speaker=A&speaker=B&topic=T&sort=date&page=3");
    expect(r).toEqual({ ok: true, query: { q: "медиатор", filters: { speaker: ["A", "B"], institution: [], country: [], topic: ["T"] }, sort: "newest", page: 3, perPage: 10 } });
  });

  it("defaults to relevance, page 1, no filters", () => {
    expect(parse("")).toEqual({ ok: true, query: { q: "", filters: { speaker: [], institution: [], country: [], topic: [] }, sort: "relevance", page: 1, perPage: 10 } });
  });

  it.each([
    ["page=abc", "page"],
    ["page=0", "page"],
    ["page=1.5", "page"],
    ["page=100000", "page"],
    ["sort=random", "sort"],
    [`q=${"я".repeat(501)}`, "q"],
    [`speaker=${"x".repeat(301)}`, "speaker"],
    ["exact=yes", "exact"],
  ])("rejects %s naming the parameter", (qs, field) => {
    const r = parse(qs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.field).toBe(field);
      expect(r.error.startsWith(`${field}: `)).toBe(true);
    }
  });

  it("round-trips through the URL, omitting defaults", () => {
    const r = parse('q=a "b"&speaker=Фонд "X" OR 1=1&sort=date&page=2');
    if (!r.ok) throw new Error(r.error);
    const back = parse(toSearchString(r.query).slice(1));
    expect(back).toEqual(r);
    expect(toSearchString({ q: "", filters: { speaker: [], institution: [], country: [], topic: [] }, sort: "relevance", page: 1 })).toBe("");
  });

  it("toggling a facet value adds or removes it and goes back to page 1", () => {
    const r = parse("q=x&speaker=A&page=4");
    if (!r.ok) throw new Error(r.error);
    expect(toggleFacetHref(r.query, "speaker", "B")).toBe("/?q=x&speaker=A&speaker=B");
    expect(toggleFacetHref(r.query, "speaker", "A")).toBe("/?q=x");
  });
});
