import { expect, test } from "@playwright/test";

const SEED = "Казахстан сделают площадкой для решения сложных споров и конфликтов";

interface Facet {
  value: string;
  count: number;
  selected: boolean;
}

test.describe("GET /api/search", () => {
  test("споры finds the seed article, which says «споров», with an escaped highlighted snippet", async ({ request }) => {
    const res = await request.get(`/api/search?q=${encodeURIComponent("споры")}`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["hits", "facets", "total", "page", "tookMs"]));
    const seed = body.hits.find((h: { title: string }) => h.title === SEED);
    expect(seed.snippetHtml).toContain("<mark>споров</mark>");
  });

  test("медиатор with a speaker returns the seed and disjunctive speaker counts", async ({ request }) => {
    const all = await (await request.get(`/api/search?q=${encodeURIComponent("медиатор")}`)).json();
    const one = await (await request.get(`/api/search?q=${encodeURIComponent("медиатор")}&speaker=${encodeURIComponent("Ержан Салтыбаев")}`)).json();
    expect(one.hits.map((h: { title: string }) => h.title)).toContain(SEED);
    expect(one.total).toBeLessThan(all.total);
    // Counts within the speaker group ignore the speaker selection: they equal the unfiltered ones.
    const counts = (facets: Facet[]) => Object.fromEntries(facets.map((f) => [f.value, f.count]));
    expect(counts(one.facets.speaker)).toEqual(counts(all.facets.speaker));
    expect(one.facets.speaker.find((f: Facet) => f.value === "Ержан Салтыбаев").selected).toBe(true);
  });

  test("snippets from a document holding <script> come back escaped", async ({ request }) => {
    const body = await (await request.get(`/api/search?q=${encodeURIComponent("экранирование")}`)).json();
    const html: string = body.hits[0].snippetHtml;
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script");
  });

  test("invalid parameters are a 400 naming the parameter, never a 500", async ({ request }) => {
    for (const qs of ["page=0", "page=x", "sort=best", `q=${"я".repeat(600)}`, "exact=2"]) {
      const res = await request.get(`/api/search?${qs}`);
      expect(res.status(), qs).toBe(400);
      expect((await res.json()).message).toMatch(/^(page|sort|q|exact): /);
    }
  });

  test("health reports the embedded engine", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ engine: "sqlite", ok: true });
  });
});
