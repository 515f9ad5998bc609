import { describe, expect, it } from "vitest";
import { expandedFacets, facetsHref, MORE_PARAM } from "@/lib/expanded-facets";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { fromURLSearchParams, parseSearchParams } from "@/lib/validations/search-params";

const query = (over: Partial<SearchQuery> = {}): SearchQuery => ({ q: "", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10, ...over });

/** What the page reads back from a link: the search and the expanded groups. */
function readBack(href: string) {
  const url = new URL(href, "http://archive.test");
  const raw = fromURLSearchParams(url.searchParams);
  const parsed = parseSearchParams(raw, 10);
  if (!parsed.ok) throw new Error(parsed.error);
  return { query: parsed.query, expanded: expandedFacets(raw[MORE_PARAM]), hash: url.hash };
}

describe("expanded facet groups in the address", () => {
  it("reads known groups only, in the page's order, once each", () => {
    expect(expandedFacets(undefined)).toEqual([]);
    expect(expandedFacets("topic")).toEqual(["topic"]);
    expect(expandedFacets(["topic", "speaker", "topic", "nonsense", "<script>"])).toEqual(["speaker", "topic"]);
  });

  it("a toggle link keeps the whole search and changes only which groups are open", () => {
    const q = query({ q: "«Астана клуб» & санкции", filters: { ...emptyFilters(), speaker: ["Ержан Салтыбаев"], topic: ["Санкции"] }, sort: "newest", page: 3, view: "statements", from: "2024" });
    const back = readBack(facetsHref(q, ["speaker", "country"], "country"));
    expect(back.query).toEqual(q);
    expect(back.expanded).toEqual(["speaker", "country"]);
    expect(back.hash).toBe("#facet-country");
  });

  it("collapsing the last open group leaves a plain search address", () => {
    expect(facetsHref(query({ q: "медиатор" }), [], "speaker")).toBe("/?q=%D0%BC%D0%B5%D0%B4%D0%B8%D0%B0%D1%82%D0%BE%D1%80#facet-speaker");
    expect(facetsHref(query(), [], "topic")).toBe("/#facet-topic");
    expect(readBack(facetsHref(query(), ["institution"], "institution")).expanded).toEqual(["institution"]);
  });
});
