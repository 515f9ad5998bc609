import { Readability } from "@mozilla/readability";
import type { parseHTML } from "linkedom";
import { blockTexts, collapse } from "./html-text";
import { lazyLinkedom } from "./lazy";
import { normaliseDate } from "./metadata";
import type { SourceRecord } from "./source-record";

type Doc = ReturnType<typeof parseHTML>["document"];

function meta(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const v = el?.getAttribute("content");
    if (v && collapse(v)) return collapse(v);
  }
  return undefined;
}

type Json = Record<string, unknown>;

/** Every JSON-LD object on the page, @graph and arrays flattened. */
function jsonLd(doc: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      out.push(v as Json);
      if (Array.isArray((v as Json)["@graph"])) visit((v as Json)["@graph"]);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ""));
    } catch {
      // A broken JSON-LD block is the page's problem; the other sources of metadata remain.
    }
  }
  return out;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === "string") return collapse(v) || undefined;
  if (Array.isArray(v)) return v.map(nameOf).filter(Boolean).join(", ") || undefined;
  if (v && typeof v === "object" && typeof (v as Json).name === "string") return collapse((v as Json).name as string) || undefined;
  return undefined;
}

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting/;

function absolute(href: string | null | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

export interface HtmlPage {
  title?: string;
  date?: string;
  author?: string;
  url?: string;
  source?: string;
  paragraphs: string[];
}

/**
 * A saved article page: the main text found by Mozilla's Readability (menus, comments, related
 * links and footers dropped) over linkedom's DOM, one paragraph per block; title, date and
 * author from <meta>, JSON-LD and <time>; the canonical URL; the source from og:site_name.
 * `pageUrl` resolves relative addresses (a page fetched from the web).
 */
export function parseHtmlPage(html: string, pageUrl?: string): HtmlPage {
  const { parseHTML } = lazyLinkedom();
  const { document: doc } = parseHTML(html);
  const ld = jsonLd(doc);
  const article = ld.find((o) => ARTICLE_TYPES.test(String(o["@type"] ?? ""))) ?? ld[0];
  const time = doc.querySelector("article time[datetime], time[datetime]")?.getAttribute("datetime") ?? undefined;
  const rawDate =
    meta(doc, "article:published_time", "datePublished", "date", "DC.date.issued", "dc.date", "pubdate", "og:published_time") ??
    (typeof article?.datePublished === "string" ? article.datePublished : undefined) ??
    time;
  const canonical = absolute(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"), pageUrl) ?? absolute(meta(doc, "og:url"), pageUrl);
  const source =
    meta(doc, "og:site_name", "application-name") ?? nameOf((article as Json | undefined)?.publisher) ?? (pageUrl ? new URL(pageUrl).hostname : undefined);
  const author = meta(doc, "author", "article:author", "byl") ?? nameOf(article?.author);
  const metaTitle = meta(doc, "og:title", "twitter:title") ?? (typeof article?.headline === "string" ? collapse(article.headline) : undefined);
  const h1 = collapse(doc.querySelector("h1")?.textContent ?? "");
  const docTitle = collapse(doc.querySelector("title")?.textContent ?? "");

  // Readability changes the tree it reads; metadata is taken first. Navigation, footers, asides
  // and forms are never the article's text, so they go before it looks (a short page would
  // otherwise come back whole); a <header> goes unless it is the article's own.
  for (const el of doc.querySelectorAll("nav, footer, aside, form, [role=navigation], [role=contentinfo], [role=complementary]")) el.remove();
  for (const el of doc.querySelectorAll("header")) if (!el.closest("article")) el.remove();
  // Readability keeps a byline block when the page's <meta> already names the author; it is metadata here.
  for (const el of doc.querySelectorAll('[class*="byline"], [class*="dateline"], [rel="author"], [itemprop="author"], [class~="author"], [class*="post-meta"]')) {
    if (collapse(el.textContent ?? "").length <= 120) el.remove();
  }
  const parsed = new Readability(doc as unknown as Document, { charThreshold: 100 }).parse();
  const title = metaTitle || h1 || collapse(parsed?.title ?? "") || docTitle || undefined;
  // The page's own heading is the title, not a paragraph (Readability turns an <h1> into an <h2>);
  // a first paragraph that repeats the title is still the text's.
  const dropHeading = (root: Doc) => {
    const heading = root.querySelector("h1, h2");
    const t = collapse(heading?.textContent ?? "");
    if (heading && (t === title || t === h1)) heading.remove();
  };
  let paragraphs: string[];
  if (parsed?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${parsed.content}</body></html>`);
    // A dateline (<time> alone in its block) is metadata, not a paragraph.
    for (const t of content.querySelectorAll("time")) {
      const parent = t.parentElement;
      if (!parent || /^(ARTICLE|DIV|SECTION|HEADER|MAIN|BODY)$/i.test(parent.tagName) || collapse(parent.textContent ?? "") === collapse(t.textContent ?? "")) t.remove();
    }
    dropHeading(content);
    paragraphs = blockTexts(content.body as never);
  } else {
    // Too little text for Readability to call it an article: the body without its chrome.
    const { document: page } = parseHTML(html);
    for (const el of page.querySelectorAll("nav, header, footer, aside, script, style, form, [role=navigation], [role=complementary]")) el.remove();
    dropHeading(page);
    paragraphs = blockTexts((page.querySelector("article, main") ?? page.body) as never);
  }
  return {
    ...(title ? { title } : {}),
    ...(rawDate ? { date: normaliseDate(rawDate) } : {}),
    ...(author ? { author } : {}),
    ...(canonical ? { url: canonical } : {}),
    ...(source ? { source } : {}),
    paragraphs,
  };
}

export function readHtml(file: string, text: string, pageUrl?: string): SourceRecord[] {
  const page = parseHtmlPage(text, pageUrl);
  const { paragraphs, ...fields } = page;
  return [
    {
      file,
      line: 1,
      format: "html",
      data: { ...fields, title: page.title ?? "", paragraphs },
      lineOf: () => 1,
    },
  ];
}
