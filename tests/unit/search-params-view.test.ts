import { describe, expect, it } from "vitest";
import { emptyFilters } from "@/lib/search/types";
import { fromURLSearchParams, parseSearchParams, toSearchString, toggleFacetHref } from "@/lib/validations/search-params";

const parse = (qs: string) => parseSearchParams(fromURLSearchParams(new URLSearchParams(qs)), 10);

describe("view=statements in the URL", () => {
  it("reads view=statements, and leaves documents (the default) out of the query", () => {
    const r = parse("q=санкции&view=statements");
    expect(r.ok && r.query.view).toBe("statements");
    const d = parse("q=санкции&view=documents");
    expect(d.ok && "view" in d.query).toBe(false);
    expect(parse("q=санкции").ok && "view" in (parse("q=санкции") as { query: object }).query).toBe(false);
  });

  it("rejects any other view, naming the parameter", () => {
    const r = parse("view=quotes");
    expect(r).toMatchObject({ ok: false, field: "view" });
    if (!r.ok) expect(r.error).toMatch(/^view: /);
  });

  it("writes it back, keeps it in facet toggles and pages, and round-trips", () => {
    const r = parse("q=санкции&speaker=Глеб Ракитин&view=statements&page=2");
    if (!r.ok) throw new Error(r.error);
    expect(toSearchString(r.query)).toContain("view=statements");
    expect(parse(toSearchString(r.query).slice(1))).toEqual(r);
    const toggled = toggleFacetHref(r.query, "topic", "Санкции");
    expect(toggled).toContain("view=statements");
    expect(toggled).not.toContain("page=");
    expect(toSearchString({ q: "", filters: emptyFilters(), sort: "relevance", page: 1, view: "documents" })).toBe("");
  });
});
