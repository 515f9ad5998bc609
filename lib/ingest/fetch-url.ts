import iconv from "iconv-lite";
import robotsParser from "robots-parser";
import { decodeText } from "./decode";
import { IngestError } from "./errors";
import { isFeedRoot, readFeed } from "./read-feed";
import { readHtml } from "./read-html";
import type { SourceRecord } from "./source-record";
import { SaxesParser } from "saxes";

export const USER_AGENT = "ForeignPolicyCommentaryArchive/0.1 (an analyst's import; one page at a time; respects robots.txt)";
/** The product token robots.txt rules are matched against. */
const ROBOTS_AGENT = "ForeignPolicyCommentaryArchive";

export interface FetchOptions {
  /** Whole request (each hop, and robots.txt), ms. */
  timeoutMs?: number;
  /** Largest body read, bytes. */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

const DEFAULTS: Required<FetchOptions> = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, userAgent: USER_AGENT };

export interface Fetched {
  /** The address the body came from, after redirects. */
  url: string;
  contentType: string;
  bytes: Buffer;
}

async function readCapped(res: Response, url: string, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw new IngestError(url, `larger than ${maxBytes} bytes (Content-Length ${declared})`);
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new IngestError(url, `larger than ${maxBytes} bytes; not imported`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

async function get(url: string, o: Required<FetchOptions>, accept: string): Promise<Response> {
  try {
    return await fetch(url, { redirect: "manual", headers: { "user-agent": o.userAgent, accept }, signal: AbortSignal.timeout(o.timeoutMs) });
  } catch (e) {
    const err = e as Error & { cause?: Error };
    const why = err.name === "TimeoutError" ? `no answer within ${o.timeoutMs} ms` : (err.cause?.message ?? err.message);
    throw new IngestError(url, `could not fetch: ${why}`);
  }
}

const robotsCache = new Map<string, ReturnType<typeof robotsParser> | null>();

/** Whether robots.txt of the URL's site lets this importer fetch it (no robots.txt, or an unreadable one, allows). */
async function robotsAllow(url: string, o: Required<FetchOptions>): Promise<boolean> {
  const origin = new URL(url).origin;
  if (!robotsCache.has(origin)) {
    const robotsUrl = `${origin}/robots.txt`;
    let robots: ReturnType<typeof robotsParser> | null = null;
    try {
      const res = await get(robotsUrl, o, "text/plain");
      if (res.status >= 200 && res.status < 300) robots = robotsParser(robotsUrl, (await readCapped(res, robotsUrl, 512 * 1024)).toString("utf8"));
      else await res.body?.cancel();
    } catch {
      robots = null;
    }
    robotsCache.set(origin, robots);
  }
  const robots = robotsCache.get(origin);
  return robots ? robots.isAllowed(url, ROBOTS_AGENT) !== false : true;
}

/** Forget what robots.txt files said (tests; a long-running process would refresh it). */
export function clearRobotsCache(): void {
  robotsCache.clear();
}

/**
 * GET a page or a feed over http(s): a clear User-Agent, robots.txt respected (checked for every
 * hop), at most `maxRedirects` redirects, a time limit per request and a size cap on the body.
 */
export async function fetchUrl(address: string, options: FetchOptions = {}): Promise<Fetched> {
  const o = { ...DEFAULTS, ...options };
  let url = address;
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new IngestError(address, "not a valid URL");
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new IngestError(address, `only http(s) addresses are fetched, not ${parsed.protocol}`);
    if (!(await robotsAllow(url, o))) throw new IngestError(url, "robots.txt of the site does not allow fetching this address");
    const res = await get(url, o, "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5");
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel();
      if (hop >= o.maxRedirects) throw new IngestError(address, `more than ${o.maxRedirects} redirects`);
      url = new URL(res.headers.get("location")!, url).href;
      continue;
    }
    if (res.status < 200 || res.status >= 300) {
      await res.body?.cancel();
      throw new IngestError(url, `the server answered ${res.status} ${res.statusText}`.trim());
    }
    return { url, contentType: res.headers.get("content-type") ?? "", bytes: await readCapped(res, url, o.maxBytes) };
  }
}

function rootName(text: string): string | undefined {
  const parser = new SaxesParser();
  let root: string | undefined;
  parser.on("opentag", (t) => (root ??= t.name));
  parser.on("error", () => undefined);
  try {
    parser.write(text.slice(0, 64 * 1024));
  } catch {
    // only the first element matters
  }
  return root;
}

/**
 * The records of a fetched page or feed, through the same readers as files: the charset the
 * server declares, else the file decoder's detection; a feed by its media type or root element,
 * anything else as an HTML page (relative links resolved against the final URL).
 */
export function recordsFromFetched(fetched: Fetched): { records: SourceRecord[]; encoding: string } {
  const charset = /charset=["']?([\w-]+)/i.exec(fetched.contentType)?.[1];
  let text: string;
  let encoding: string;
  if (charset && !/^utf-?8$/i.test(charset) && iconv.encodingExists(charset)) {
    text = iconv.decode(fetched.bytes, charset).replace(/\r\n?/g, "\n");
    encoding = charset;
  } else {
    const decoded = decodeText(fetched.url, fetched.bytes);
    text = decoded.text;
    encoding = decoded.encoding;
  }
  const type = fetched.contentType.split(";")[0]!.trim().toLowerCase();
  const xmlish = /(rss|atom|xml)/.test(type) || (!/html/.test(type) && /^\s*<\?xml/.test(text));
  const root = xmlish ? rootName(text) : undefined;
  if (root && isFeedRoot(root)) return { records: readFeed(fetched.url, text, fetched.url), encoding };
  if (root === "mediawiki") throw new IngestError(fetched.url, "MediaWiki dumps are imported from a downloaded file, not fetched");
  return { records: readHtml(fetched.url, text, fetched.url), encoding };
}

export function isUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}
