import type { XMLParser } from "fast-xml-parser";
import { IngestError } from "./errors";
import { collapse, htmlToLine, htmlToParagraphs } from "./html-text";
import { lazyXmlParser } from "./lazy";
import { normaliseDate } from "./metadata";
import type { SourceRecord } from "./source-record";

type Node = Record<string, unknown>;

let parser: XMLParser | undefined;
const newParser = () => new (lazyXmlParser().XMLParser)({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  // Entities are XML's five and numeric references; HTML inside descriptions is decoded later, by linkedom.
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ["item", "entry", "link", "category", "author", "dc:creator"].includes(name),
});

/** Text of an element that may carry attributes (`{"#text": …, "@_type": …}`) or be repeated. */
function textOf(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (typeof v === "object") {
    const t = (v as Node)["#text"];
    if (t !== undefined) return String(t);
    // Atom's type="xhtml": a <div> of markup, here as nested objects; its text is what is left.
    return Object.entries(v as Node)
      .filter(([k]) => !k.startsWith("@_"))
      .map(([, x]) => textOf(x) ?? "")
      .join(" ");
  }
  return undefined;
}

function absolute(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/** An Atom <link>: the alternate one, else the first without rel. */
function atomLink(links: unknown, base: string | undefined): string | undefined {
  const list = (Array.isArray(links) ? links : links ? [links] : []) as Node[];
  const pick = list.find((l) => l["@_rel"] === "alternate") ?? list.find((l) => l["@_rel"] === undefined) ?? list[0];
  return absolute(typeof pick === "string" ? pick : (pick?.["@_href"] as string | undefined), base);
}

/** Relative links inside item HTML follow the item, so its text keeps no broken addresses: they are only dropped with the markup. */
function paragraphsOf(html: string | undefined): string[] {
  return html ? htmlToParagraphs(html) : [];
}

export interface FeedItem {
  title: string;
  paragraphs: string[];
  date?: string;
  url?: string;
  source?: string;
  author?: string;
}

export function isFeedRoot(name: string): boolean {
  return name === "rss" || name === "feed" || name === "rdf:RDF";
}

/**
 * An RSS 2.0 (or RSS 1.0/RDF) or Atom feed: one document per item, with its date, its link
 * (relative links resolved against the feed's own), the feed's title as the source. The text is
 * `content:encoded` (RSS) or `content` (Atom) when present, else the description or summary;
 * HTML in them is turned into paragraphs.
 */
export function parseFeed(file: string, xml: string, feedUrl?: string): FeedItem[] {
  const valid = lazyXmlParser().XMLValidator.validate(xml);
  if (valid !== true) throw new IngestError(file, `invalid XML: ${valid.err.msg}`, valid.err.line);
  parser ??= newParser();
  const root = parser.parse(xml) as Node;
  if (root.rss || root["rdf:RDF"]) {
    const channel = ((root.rss as Node | undefined)?.channel ?? (root["rdf:RDF"] as Node).channel ?? {}) as Node;
    const items = ((root.rss ? channel.item : (root["rdf:RDF"] as Node).item) ?? []) as Node[];
    const base = absolute(textOf(Array.isArray(channel.link) ? (channel.link as unknown[]).find((l) => typeof l === "string") : channel.link), feedUrl) ?? feedUrl;
    const source = collapse(htmlToLine(textOf(channel.title) ?? "")) || undefined;
    return items.map((item) => {
      const link = textOf(item.link) ?? (item.guid && (item.guid as Node)["@_isPermaLink"] !== "false" ? textOf(item.guid) : undefined);
      const full = paragraphsOf(textOf(item["content:encoded"]));
      const date = textOf(item.pubDate) ?? textOf(item["dc:date"]);
      const author = textOf(item["dc:creator"]) ?? textOf(item.author);
      return {
        title: htmlToLine(textOf(item.title) ?? ""),
        paragraphs: full.length > 0 ? full : paragraphsOf(textOf(item.description)),
        ...(date ? { date: normaliseDate(date) } : {}),
        ...(absolute(link, base) ? { url: absolute(link, base) } : {}),
        ...(source ? { source } : {}),
        ...(author ? { author: collapse(author) } : {}),
      };
    });
  }
  if (root.feed) {
    const feed = root.feed as Node;
    const base = absolute(feed["@_xml:base"] as string | undefined, feedUrl) ?? atomLink(feed.link, feedUrl) ?? feedUrl;
    const source = collapse(htmlToLine(textOf(feed.title) ?? "")) || undefined;
    return ((feed.entry ?? []) as Node[]).map((entry) => {
      const entryBase = absolute(entry["@_xml:base"] as string | undefined, base) ?? base;
      const content = textOf(entry.content);
      const full = paragraphsOf(content);
      const date = textOf(entry.published) ?? textOf(entry.updated);
      const author = ((entry.author ?? feed.author ?? []) as Node[]).map((a) => textOf(a.name)).filter(Boolean).join(", ");
      const url = atomLink(entry.link, entryBase);
      return {
        title: htmlToLine(textOf(entry.title) ?? ""),
        paragraphs: full.length > 0 ? full : paragraphsOf(textOf(entry.summary)),
        ...(date ? { date: normaliseDate(date) } : {}),
        ...(url ? { url } : {}),
        ...(source ? { source } : {}),
        ...(author ? { author } : {}),
      };
    });
  }
  throw new IngestError(file, `not an RSS or Atom feed (root element <${Object.keys(root).find((k) => !k.startsWith("?")) ?? "none"}>)`, 1);
}

export function readFeed(file: string, text: string, feedUrl?: string): SourceRecord[] {
  const items = parseFeed(file, text, feedUrl);
  if (items.length === 0) throw new IngestError(file, "the feed has no items", 1);
  return items.map((data, item) => ({ file, line: 1, format: "feed" as const, data, item, lineOf: () => 1 }));
}
