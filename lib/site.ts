import { getConfig } from "@/lib/config";

/** The site's name as browsers, search engines and social cards show it. */
export const SITE_NAME = "Архив комментариев";
export const SITE_DESCRIPTION = "Кто что сказал о внешней политике, где и когда: поиск по цитатам экспертов.";

type HeaderBag = { get(name: string): string | null };

/** host[:port] as a browser sends it; anything else (a forged header) is not echoed into links. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The archive's public origin for absolute links (Open Graph, JSON-LD, citations, sitemap,
 * OpenSearch): SITE_URL when set, else the host the request came to. Behind a proxy that is
 * not trusted to set X-Forwarded-Host, set SITE_URL.
 */
export function siteOrigin(headers: HeaderBag, siteUrl: string | undefined = getConfig().SITE_URL): string {
  if (siteUrl) return siteUrl;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || "";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const scheme = proto === "https" || proto === "http" ? proto : "http";
  return HOST.test(host) ? `${scheme}://${host}` : "http://localhost";
}

/** An absolute address on this site for a path (/articles/…#quote-1). */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}
