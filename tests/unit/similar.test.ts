/** Issue 14, item 6: key terms, the shared scoring, and the Meilisearch request builder for similar documents. */
import { describe, expect, it } from "vitest";
import { similarCandidates, similarIds, similarRequests } from "@/lib/search/engines/meilisearch/similar";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { SIMILAR_POOL, candidateOf, keyTerms, maxUsefulDf, rankSimilar } from "@/lib/search/similar";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

const analyzer = getAnalyzer();
const doc = (slug: string, extra: Partial<CommentaryDocument> = {}): CommentaryDocument =>
  ({ id: `id-${slug}`, slug, title: "Медиатор", paragraphs: [], quotes: [], speakers: [], institutions: [], topics: [], contentHash: slug, ...extra }) as CommentaryDocument;

describe("key terms", () => {
  it("are lemmas by frequency, title counted twice, numbers, short terms and stop words left out", () => {
    const terms = keyTerms({ title: "Медиатор на переговорах", paragraphs: ["Медиаторы и переговоры в 2031 году.", "Медиатора ждут, и он придёт."] }, analyzer);
    expect(terms[0]).toEqual({ term: analyzer.indexText("медиатор"), tf: 4 });
    expect(terms.map((t) => t.term)).toContain(analyzer.indexText("переговоры").split(" ")[0]);
    expect(terms.map((t) => t.term)).not.toContain("2031");
    expect(terms.map((t) => t.term)).not.toContain("он");
    expect(terms.map((t) => t.term)).not.toContain("и");
  });
});

describe("scoring", () => {
  const source = doc("a", { speakers: [{ name: "Ильяс Муратов" }], topics: ["Посредничество"] });
  it("adds text weight (tf × idf) and facet bonuses, leaves out the source and terms too common to tell", () => {
    const b = doc("b");
    const c = doc("c", { speakers: [{ name: "Ильяс Муратов" }] });
    const d = doc("d", { topics: ["Посредничество"], date: "2031-01-01" });
    const e = doc("e", { topics: ["Посредничество"], date: "2030-01-01" });
    const ranked = rankSimilar(source, {
      total: 10_000,
      terms: [
        { term: "медиатор", tf: 3, df: 10, docs: [b.id, source.id] },
        // In more documents than maxUsefulDf: ignored however many share it.
        { term: "год", tf: 5, df: maxUsefulDf(10_000) + 1, docs: [c.id, d.id, e.id] },
      ],
      documents: new Map([b, c, d, e, source].map((x) => [x.id, candidateOf(x)])),
    });
    expect(ranked.map((r) => r.slug)).toEqual(["b", "c", "d", "e"]);
    expect(ranked[0]!.shared).toEqual({ speakers: [], topics: [], terms: 1 });
    expect(ranked[1]!.shared.terms).toBe(0);
  });
});

describe("Meilisearch request builder", () => {
  const source = doc('sl"ug', { speakers: [{ name: "Ильяс Муратов" }], topics: ["Посредничество"], institutions: ["Институт Нурабада"] });
  const terms = [
    { term: "медиатор", tf: 3 },
    { term: "переговоры", tf: 2 },
  ];
  const requests = similarRequests("docs", source, terms);

  it("counts the archive, then asks per term for its matches (Meilisearch's q, no typos or prefixes), newest first, the article left out", () => {
    expect(requests).toHaveLength(4);
    expect(requests[0]!.queries).toEqual([{ indexUid: "docs", q: "", matchingStrategy: "all", page: 1, hitsPerPage: 0 }]);
    expect(requests[1]!.queries[0]).toMatchObject({ indexUid: "docs", q: "ъмедиатор", filter: 'NOT slug = "sl\\"ug"', page: 1, hitsPerPage: SIMILAR_POOL, sort: ["dateValue:desc"], attributesToRetrieve: ["id"] });
    expect(requests[2]!.queries[0]).toMatchObject({ q: "ъпереговоры", filter: 'NOT slug = "sl\\"ug"' });
  });

  it("asks once for documents sharing a speaker, topic or institution, by their facet keys", () => {
    const filter = requests[3]!.queries[0]!.filter as string;
    expect(filter).toContain(`speaker_key = "${facetKey("Ильяс Муратов")}"`);
    expect(filter).toContain(`topic_key = "${facetKey("Посредничество")}"`);
    expect(filter).toContain(`institution_key = "${facetKey("Институт Нурабада")}"`);
    expect(filter).toMatch(/^\(.+ OR .+ OR .+\) AND NOT slug = /);
    expect(similarRequests("docs", doc("lonely"), terms)).toHaveLength(3);
  });

  it("reads the answers back as candidates: counts as document frequencies, the article dropped even in another case", () => {
    const archived = ["x", 'SL"UG'.toLowerCase(), "y", "z"].map((slug) => doc(slug, { id: `id-${slug}` }));
    const byId = new Map(archived.map((d) => [d.id, d]));
    const hit = (slug: string) => ({ id: `id-${slug}` });
    const answers = [
      { hits: [], totalHits: 50 },
      { hits: [hit("x"), hit('SL"UG'.toLowerCase()), { id: "id-gone" }], totalHits: 2 },
      { hits: [hit("y")], totalHits: 1 },
      { hits: [hit("z")], totalHits: 1 },
    ];
    expect(similarIds(answers)).toEqual(["id-x", 'id-sl"ug', "id-gone", "id-y", "id-z"]);
    const c = similarCandidates(source, terms, answers, byId);
    expect(c.total).toBe(50);
    expect(c.terms).toEqual([
      { term: "медиатор", tf: 3, df: 2, docs: ["id-x"] },
      { term: "переговоры", tf: 2, df: 1, docs: ["id-y"] },
    ]);
    expect([...c.documents.keys()].sort()).toEqual(["id-x", "id-y", "id-z"]);
  });
});
