/** Issue 14, items 5 and 7: JSON-LD that user text cannot break out of, page metadata, OpenSearch and the sitemap. */
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { JSON_LD_BODY_CHARS, JSON_LD_MAX_QUOTATIONS, articleJsonLd, personJsonLd, serializeJsonLd } from "@/lib/structured-data";
import { articleDescription, clip, pageMetadata } from "@/lib/page-metadata";
import { openSearchXml, sitemapXml } from "@/lib/discovery";
import { siteOrigin } from "@/lib/site";
import type { CommentaryDocument } from "@/lib/validations/document";

const HOSTILE = 'Цитата </script><script>alert(1)</script> <!-- & \u2028 конец';

const DOC = {
  id: "d1",
  slug: "vymyshlennaya-statya",
  title: `Вымышленная статья ${HOSTILE}`,
  date: "2031-03-03",
  source: "Вымышленные известия",
  url: "https://izvestia.example/a",
  paragraphs: [`«${HOSTILE}», – сказал Ильяс Муратов.`, "Второй абзац."],
  speakers: [{ name: "Ильяс Муратов", role: "директор", institution: "Институт Нурабада" }],
  institutions: ["Институт Нурабада"],
  topics: ["Дипломатия"],
  quotes: [
    { text: HOSTILE, speaker: "Ильяс Муратов", paragraph: 0 },
    { text: "Данные уточняются", speaker: "МВД Нурабада", speakerKind: "body", paragraph: 1 },
  ],
  sample: true,
  contentHash: "h",
} as unknown as CommentaryDocument;

const ORIGIN = "https://archive.example";

describe("JSON-LD", () => {
  it("carries the opening of a long article and its first quotations, not all of them", () => {
    const long = { ...DOC, paragraphs: Array.from({ length: 40 }, (_, i) => `Абзац ${i} ${"о переговорах и санкциях ".repeat(2_000)}`), quotes: Array.from({ length: 300 }, (_, i) => ({ text: `Цитата ${i}`, speaker: "Ильяс Муратов", paragraph: 0 })) } as unknown as CommentaryDocument;
    const out = serializeJsonLd(articleJsonLd(long, ORIGIN));
    expect(out.length).toBeLessThan(JSON_LD_BODY_CHARS + JSON_LD_MAX_QUOTATIONS * 800 + 5_000);
    const graph = (JSON.parse(out) as { "@graph": Record<string, any>[] })["@graph"];
    expect(graph[0]!.articleBody).toMatch(/^Абзац 0 о переговорах .* …$/);
    expect(graph[0]!.articleBody.length).toBeLessThanOrEqual(JSON_LD_BODY_CHARS + 2);
    expect(graph.filter((n) => n["@type"] === "Quotation")).toHaveLength(JSON_LD_MAX_QUOTATIONS);
  });

  it("escapes <, >, & and line separators so no text can close the script element, and parses back to the same value", () => {
    const value = { text: HOSTILE };
    const out = serializeJsonLd(value);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it("an article is a NewsArticle with its statements as Quotations at their permalinks, spoken by a Person or an Organization", () => {
    const ld = JSON.parse(serializeJsonLd(articleJsonLd(DOC, ORIGIN))) as { "@graph": Record<string, any>[] };
    const [article, q1, q2] = ld["@graph"];
    expect(article).toMatchObject({ "@type": "NewsArticle", headline: DOC.title, datePublished: "2031-03-03", url: `${ORIGIN}/articles/${DOC.slug}`, publisher: { name: "Вымышленные известия" }, isBasedOn: DOC.url });
    expect(article!.disambiguatingDescription).toMatch(/Образец/);
    expect(q1).toMatchObject({ "@type": "Quotation", text: HOSTILE, url: `${ORIGIN}/articles/${DOC.slug}#quote-1`, spokenByCharacter: { "@type": "Person", name: "Ильяс Муратов", jobTitle: "директор" } });
    expect(q1!.creator).toEqual(q1!.spokenByCharacter);
    expect(q2!.spokenByCharacter).toEqual({ "@type": "Organization", name: "МВД Нурабада" });
  });

  it("a speaker is a Person with the latest role and institution", () => {
    const ld = personJsonLd({ name: "Ильяс Муратов", slug: "ilyas-muratov", role: "директор", institution: "Институт Нурабада", sampleOnly: false }, ORIGIN) as Record<string, any>;
    expect(ld).toMatchObject({ "@type": "Person", name: "Ильяс Муратов", url: `${ORIGIN}/speakers/ilyas-muratov`, jobTitle: "директор", worksFor: { name: "Институт Нурабада" } });
  });
});

describe("page metadata", () => {
  it("clips descriptions at a word and says a sample is invented", () => {
    expect(clip("слово ".repeat(100)).length).toBeLessThanOrEqual(200);
    expect(clip("слово ".repeat(100)).endsWith("слово…")).toBe(true);
    expect(articleDescription(DOC)).toMatch(/^Образец \(вымышленный текст\)\. Вымышленные известия, .*2031.*Высказывания: Ильяс Муратов\./);
    const m = pageMetadata({ title: "Т", description: "Д", path: "/x" });
    expect(m.openGraph).toMatchObject({ title: "Т", description: "Д", url: "/x", locale: "ru_RU" });
  });
});

describe("discovery", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

  it("the OpenSearch description points the browser at the search page with {searchTerms}", () => {
    const xml = parser.parse(openSearchXml("https://a.example", "Архив комментариев", "Поиск & цитаты")).OpenSearchDescription;
    expect(xml.ShortName.length).toBeLessThanOrEqual(16);
    expect(xml.Description).toBe("Поиск & цитаты");
    const html = (xml.Url as { type: string; template: string }[]).find((u) => u.type === "text/html")!;
    expect(html.template).toBe("https://a.example/?q={searchTerms}");
  });

  it("the sitemap lists the home page, entities, then articles, never more than the bound", () => {
    const xml = sitemapXml(ORIGIN, { entities: [{ path: "/speakers/a" }, { path: "/topics/b" }], articles: [{ path: "/articles/c", lastModified: "2031-03-03T10:00:00Z" }, { path: "/articles/d&e" }] });
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod?: string }[];
    expect(urls.map((u) => u.loc)).toEqual([`${ORIGIN}/`, `${ORIGIN}/speakers/a`, `${ORIGIN}/topics/b`, `${ORIGIN}/articles/c`, `${ORIGIN}/articles/d&e`]);
    expect(urls[3]!.lastmod).toBe("2031-03-03T10:00:00Z");
    const bounded = parser.parse(sitemapXml(ORIGIN, { entities: [{ path: "/speakers/a" }], articles: [{ path: "/articles/c" }] }, 2)).urlset.url as { loc: string }[];
    expect(bounded.map((u) => u.loc)).toEqual([`${ORIGIN}/`, `${ORIGIN}/speakers/a`]);
  });

  it("the origin is SITE_URL, else the request's host; a forged host is not echoed", () => {
    const h = (o: Record<string, string>) => ({ get: (k: string) => o[k] ?? null });
    expect(siteOrigin(h({ host: "a.example:3000" }), undefined)).toBe("http://a.example:3000");
    expect(siteOrigin(h({ host: "a.example", "x-forwarded-proto": "https" }), undefined)).toBe("https://a.example");
    expect(siteOrigin(h({ host: 'evil"><script>' }), undefined)).toBe("http://localhost");
    expect(siteOrigin(h({ host: "a.example" }), "https://archive.example")).toBe("https://archive.example");
  });
});
