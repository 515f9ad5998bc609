import { describe, expect, it } from "vitest";
import { TypingHistory } from "@/lib/typing-history";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { lastPageHref } from "@/lib/validations/search-href";

describe("typing history (issue 14, item 9)", () => {
  it("pushes once per burst of typing and replaces that entry for the rest of it", () => {
    const h = new TypingHistory();
    expect(h.modeFor("/?q=ЕАЭС")).toBe("push");
    h.navigated("/?q=ЕАЭС");
    // The push landed: the rest of the burst replaces it.
    expect(h.modeFor("/?q=Казахстан")).toBe("replace");
    h.navigated("/?q=Казахстан");
    expect(h.modeFor("/?q=Казахстан+медиатор")).toBe("replace");
    // A pause (or a submit) ends the burst: the next word is a new entry.
    h.end();
    expect(h.modeFor("/?q=Казахстан+медиатор")).toBe("push");
  });

  it("never replaces the entry the burst started from, even before its first push has landed", () => {
    const h = new TypingHistory();
    h.navigated("/?q=ЕАЭС");
    expect(h.modeFor("/?q=ЕАЭС")).toBe("push");
    h.navigated("/?q=ЕАЭС");
    expect(h.modeFor("/?q=Каз")).toBe("replace");
  });
});

describe("page past the end", () => {
  const q = (page: number, over: Partial<SearchQuery> = {}): SearchQuery => ({ q: "санкции", filters: emptyFilters(), sort: "relevance", page, perPage: 10, ...over });

  it("goes to the last page, keeping the rest of the search", () => {
    expect(lastPageHref(q(99, { sort: "oldest", filters: { ...emptyFilters(), topic: ["Санкции"] } }), 3)).toBe("/?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8&topic=%D0%A1%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8&sort=oldest&page=3");
  });

  it("goes to the first page when nothing matched, and nowhere when the page exists", () => {
    expect(lastPageHref(q(5), 0)).toBe("/?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8");
    expect(lastPageHref(q(3), 3)).toBeUndefined();
    expect(lastPageHref(q(1), 0)).toBeUndefined();
  });
});
