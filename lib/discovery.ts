/**
 * What lets browsers and crawlers find the archive: the OpenSearch description (/opensearch.xml,
 * so a browser can add the archive as a search engine) and the sitemap (/sitemap.xml). Pure
 * builders; the routes in app/ give them the site's origin and the archive's pages.
 */

/** The sitemap protocol's limit for one file (sitemaps.org): 50,000 addresses and 50 MB. */
export const SITEMAP_MAX_URLS = 50_000;

export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/** OpenSearch 1.1 ShortName: at most 16 characters. */
const SHORT_NAME = "Комментарии";

export function openSearchXml(origin: string, name: string, description: string): string {
  const at = (path: string) => xmlEscape(new URL(path, `${origin}/`).toString().replace(/%7BsearchTerms%7D/g, "{searchTerms}"));
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${xmlEscape(SHORT_NAME)}</ShortName>
  <LongName>${xmlEscape(name)}</LongName>
  <Description>${xmlEscape(description)}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <OutputEncoding>UTF-8</OutputEncoding>
  <Language>ru-ru</Language>
  <Image height="32" width="32" type="image/x-icon">${at("/favicon.ico")}</Image>
  <Url type="text/html" method="get" template="${at("/?q={searchTerms}")}"/>
  <Url type="application/atom+xml" method="get" template="${at("/feed?q={searchTerms}")}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${at("/opensearch.xml")}"/>
  <moz:SearchForm>${at("/")}</moz:SearchForm>
</OpenSearchDescription>
`;
}

export interface SitemapEntry {
  path: string;
  /** YYYY-MM-DD or a full ISO time. */
  lastModified?: string;
}

/**
 * A sitemap of at most `max` addresses: the home page, then the entity pages in the order given
 * (most documents first), then as many articles (newest first) as still fit, so that however large
 * the archive grows the file stays inside the protocol's bounds and the pages that lead to the
 * most documents are always in it.
 */
export function sitemapXml(origin: string, groups: { entities: SitemapEntry[]; articles: SitemapEntry[] }, max = SITEMAP_MAX_URLS): string {
  const entries = [{ path: "/" }, ...groups.entities, ...groups.articles].slice(0, max);
  const lines = entries.map((e) => {
    const loc = xmlEscape(new URL(e.path, `${origin}/`).toString());
    const mod = e.lastModified && /^\d{4}-\d{2}-\d{2}/.test(e.lastModified) ? `<lastmod>${xmlEscape(e.lastModified)}</lastmod>` : "";
    return `  <url><loc>${loc}</loc>${mod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${lines.join("\n")}
</urlset>
`;
}
