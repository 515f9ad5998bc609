import { describe, expect, it } from "vitest";
import { parseQuery, highlightTermsOf } from "@/lib/search/query-syntax";
import { getAnalyzer } from "@/lib/text/analyzers";
import { escapeHtml, highlight, makeSnippet, segmentsToHtml } from "@/lib/text/highlight";

const analyzer = getAnalyzer();
const termsFor = (q: string) => highlightTermsOf(parseQuery(q, analyzer));

describe("highlighting", () => {
  it("marks every form of the query's words and nothing else", () => {
    const segs = highlight("Имидж эффективного медиатора в урегулировании споров.", analyzer, termsFor("медиатор споры"));
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(["медиатора", "споров"]);
    expect(segs.map((s) => s.text).join("")).toBe("Имидж эффективного медиатора в урегулировании споров.");
  });

  it("marks an exact phrase only where its words stand together", () => {
    const segs = highlight("Астана клуба нет, но клуба Астана есть.", analyzer, termsFor('"Астана клуба"'));
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(["Астана", "клуба"]);
  });

  it("does not mark excluded words", () => {
    const segs = highlight("Санкции и медиатор.", analyzer, termsFor("медиатор -санкции"));
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(["медиатор"]);
  });

  it("escapes hostile text in snippet HTML, hits included", () => {
    const text = `Слово <script>alert("x")</script> & <img src=x onerror='y'> медиатора`;
    const html = segmentsToHtml(makeSnippet([text], analyzer, termsFor("медиатор script")).segments);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;");
    expect(html).toContain("&amp; &lt;img src=x onerror=&#39;y&#39;&gt;");
    expect(html).toContain("<mark>медиатора</mark>");
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });

  it("picks the paragraph and window with the most distinct hits, cut at words with ellipses", () => {
    const filler = "Вводные слова о конференции и её участниках. ".repeat(12);
    const paragraphs = ["Первый абзац без искомых слов.", `${filler}Здесь медиатор урегулирует споры. ${filler}`];
    const snip = makeSnippet(paragraphs, analyzer, termsFor("медиатор споры"), 200);
    expect(snip.paragraph).toBe(1);
    expect(snip.hits).toBe(2);
    const text = snip.segments.map((s) => s.text).join("");
    expect(text.startsWith("… ")).toBe(true);
    expect(text.endsWith(" …")).toBe(true);
    expect(text.length).toBeLessThan(215);
    expect(text).toContain("медиатор урегулирует споры");
  });

  it("keeps the window full when the hit ends the paragraph", () => {
    const text = `${"Долгое вступление о дипломатии и переговорах. ".repeat(10)}Так сказал медиатор.`;
    const snip = makeSnippet([text], analyzer, termsFor("медиатор"), 200);
    const shown = snip.segments.map((s) => s.text).join("");
    expect(shown.endsWith("медиатор.")).toBe(true);
    expect(shown.length).toBeGreaterThan(170);
  });

  it("falls back to the opening of the first paragraph when nothing matches", () => {
    const snip = makeSnippet(["Начало текста. ".repeat(40)], analyzer, termsFor(""), 100);
    expect(snip.hits).toBe(0);
    expect(snip.segments.map((s) => s.text).join("")).toMatch(/^Начало текста\..* …$/);
  });
});

describe("snippets of very long documents", () => {
  /** The analyzer, counting the characters it is given. */
  function counting() {
    let chars = 0;
    const counted = Object.create(analyzer, { analyze: { value: (t: string) => ((chars += t.length), analyzer.analyze(t)) } }) as typeof analyzer;
    return { counted, chars: () => chars };
  }
  const filler = (n: number) => "Обычный абзац о погоде и урожае в этом году. ".repeat(Math.ceil(n / 46)).slice(0, n);

  it("finds a hit deep in a 2-million-character document while analysing a bounded share of it", () => {
    const paragraphs = Array.from({ length: 44 }, () => filler(45_000));
    paragraphs[40] = `${filler(30_000)} Эксперт назвал Казахстан эффективным медиатором в споре. ${filler(14_000)}`;
    const { counted, chars } = counting();
    const s = makeSnippet(paragraphs, counted, termsFor("медиатор"));
    expect(s.paragraph).toBe(40);
    expect(s.segments.filter((x) => x.hit).map((x) => x.text)).toEqual(["медиатором"]);
    expect(segmentsToHtml(s.segments)).toMatch(/^… .*Казахстан эффективным <mark>медиатором<\/mark> в споре.* …$/);
    expect(chars()).toBeLessThan(50_000);
  });

  it("stops analysing past SNIPPET_MAX_CHARS, whatever the document holds", () => {
    // Every paragraph has a likely hit (the substring «медиат»), none a real one.
    const paragraphs = Array.from({ length: 2_000 }, () => `${filler(2_000)} медиатека ${filler(2_000)}`);
    const { counted, chars } = counting();
    const s = makeSnippet(paragraphs, counted, termsFor("медиатор"));
    expect(s.hits).toBe(0);
    expect(chars()).toBeLessThan(130_000);
  });

  it("keeps the best passage of a document within the full scan as before", () => {
    const paragraphs = ["Вступление без слов запроса.", "Медиатор и споры: медиатор урегулировал споры.", "Только медиатор."];
    const s = makeSnippet(paragraphs, analyzer, termsFor("медиатор споры"));
    expect(s.paragraph).toBe(1);
    expect(s.segments.filter((x) => x.hit).map((x) => x.text)).toEqual(["Медиатор", "споры", "медиатор", "споры"]);
  });
});
