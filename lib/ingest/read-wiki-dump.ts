import fs from "node:fs";
import { PassThrough, type Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { SaxesParser } from "saxes";
import unbzip2 from "unbzip2-stream";
import { IngestError } from "./errors";
import { collapse } from "./html-text";
import { lazyWtf } from "./lazy";
import { normaliseDate } from "./metadata";
import type { SourceRecord } from "./source-record";

/** Wikinews is published under CC BY 2.5 (ru.wikinews.org, «Викиновости:Авторское право»). */
export const WIKINEWS_LICENSE = "CC BY 2.5, Викиновости (https://creativecommons.org/licenses/by/2.5/)";

/** Sections that list sources and links, not the article's text. */
const NOT_TEXT_SECTIONS = /^(источники|ссылки|примечания|см\.? также|литература|sources|references|external links|see also|notes)$/i;
/** Templates that carry the article's date: {{дата|12 марта 2024}} on Russian Wikinews, {{date|…}} on English. */
const DATE_TEMPLATES = new Set(["дата", "date", "date published"]);

interface Page {
  title: string;
  ns: string;
  id?: string;
  redirect: boolean;
  text: string;
  timestamps: string[];
  line: number;
}

export interface WikiArticle {
  title: string;
  paragraphs: string[];
  date?: string;
  url: string;
  source: string;
  license: string;
}

/** One page's wikitext as plain paragraphs (templates, tables, references and categories dropped by wtf_wikipedia), and the date its template gives. */
export function wikitextToArticle(wikitext: string): { paragraphs: string[]; date?: string } {
  const doc = lazyWtf()(wikitext);
  let date: string | undefined;
  for (const t of [doc.templates()].flat() as { json(): object }[]) {
    const json = t.json() as { template?: string; list?: string[]; date?: string; 1?: string };
    if (json.template && DATE_TEMPLATES.has(json.template.toLowerCase())) {
      const raw = json.list?.[0] ?? json.date ?? json[1];
      if (raw) {
        const d = normaliseDate(raw);
        if (/^\d{4}-\d{2}-\d{2}$/.test(d)) date = d;
        break;
      }
    }
  }
  const paragraphs: string[] = [];
  for (const section of doc.sections()) {
    if (NOT_TEXT_SECTIONS.test(collapse(section.title()))) continue;
    for (const p of [section.paragraphs()].flat() as { text(): string }[]) {
      for (const line of p.text().split(/\n+/)) {
        const t = collapse(line);
        if (t) paragraphs.push(t);
      }
    }
  }
  return { paragraphs, ...(date ? { date } : {}) };
}

function pageUrl(base: string, title: string): string {
  return `${base}${encodeURIComponent(title.replace(/ /g, "_")).replace(/%2F/g, "/").replace(/%3A/g, ":")}`;
}

export interface DumpProgress {
  /** Bytes of the file read so far (compressed, for .bz2). */
  bytesRead: number;
  bytesTotal: number;
  pages: number;
}

/**
 * A MediaWiki XML dump (`pages-articles`, .xml or .xml.bz2), streamed: one article per page of
 * the main namespace that is not a redirect, in bounded memory (a chunk of the file and one page
 * at a time). The date comes from the article's date template, else its earliest revision; the
 * source is the wiki's name («Викиновости»), the URL the page's address, the licence Wikinews'.
 * Pages whose text is empty once the markup is gone are counted in `skipped`, not returned.
 */
export async function* readWikiDump(
  file: string,
  options: { onProgress?: (p: DumpProgress) => void; skipped?: { count: number } } = {},
): AsyncGenerator<SourceRecord> {
  const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  const bytesTotal = fs.statSync(file).size;
  let bytesRead = 0;
  raw.on("data", (c: Buffer | string) => (bytesRead += c.length));
  // unbzip2-stream is a classic through stream: piped into a PassThrough it gets backpressure and async iteration.
  let input: Readable = raw;
  if (file.toLowerCase().endsWith(".bz2")) {
    const out = new PassThrough({ highWaterMark: 256 * 1024 });
    const bz = raw.pipe(unbzip2());
    bz.on("error", (e: Error) => out.destroy(e));
    raw.on("error", (e: Error) => out.destroy(e));
    input = bz.pipe(out);
  }

  const parser = new SaxesParser({ position: true });
  const ready: Page[] = [];
  let sitename = "Викиновости";
  let base = "https://ru.wikinews.org/wiki/";
  let page: Page | undefined;
  const path: string[] = [];
  let buffer = "";
  let pages = 0;
  parser.on("opentag", (tag) => {
    path.push(tag.name);
    buffer = "";
    if (tag.name === "page") page = { title: "", ns: "0", redirect: false, text: "", timestamps: [], line: parser.line };
    else if (tag.name === "redirect" && page) page.redirect = true;
  });
  parser.on("text", (t) => (buffer += t));
  parser.on("cdata", (t) => (buffer += t));
  parser.on("closetag", (tag) => {
    const parent = path[path.length - 2];
    path.pop();
    if (tag.name === "sitename") sitename = buffer.trim() || sitename;
    else if (tag.name === "base" && parent === "siteinfo") {
      try {
        base = `${new URL(buffer.trim()).origin}/wiki/`;
      } catch {
        // keep the default
      }
    } else if (page) {
      if (tag.name === "title" && parent === "page") page.title = buffer.trim();
      else if (tag.name === "ns" && parent === "page") page.ns = buffer.trim();
      else if (tag.name === "id" && parent === "page") page.id = buffer.trim();
      else if (tag.name === "timestamp") page.timestamps.push(buffer.trim());
      // The text of the last revision (a pages-articles dump has one).
      else if (tag.name === "text") page.text = buffer;
      else if (tag.name === "page") {
        ready.push(page);
        page = undefined;
        pages++;
      }
    }
    buffer = "";
  });

  const decoder = new StringDecoder("utf8");
  const flushPages = function* (): Generator<SourceRecord> {
    while (ready.length > 0) {
      const p = ready.shift()!;
      if (p.ns !== "0" || p.redirect) continue;
      const { paragraphs, date } = wikitextToArticle(p.text);
      if (paragraphs.length === 0 || !p.title) {
        if (options.skipped) options.skipped.count++;
        continue;
      }
      const first = [...p.timestamps].sort()[0];
      const data: WikiArticle = {
        title: p.title,
        paragraphs,
        ...(date ? { date } : first ? { date: first.slice(0, 10) } : {}),
        url: pageUrl(base, p.title),
        source: sitename,
        license: WIKINEWS_LICENSE,
      };
      yield { file, line: p.line, format: "wiki", data, lineOf: () => p.line, ...(p.id ? { item: Number(p.id) } : {}) };
    }
  };
  try {
    for await (const chunk of input) {
      parser.write(decoder.write(chunk as Buffer));
      yield* flushPages();
      options.onProgress?.({ bytesRead, bytesTotal, pages });
    }
    parser.write(decoder.end()).close();
    yield* flushPages();
  } catch (e) {
    if (e instanceof IngestError) throw e;
    const msg = (e as Error).message;
    const line = /^(?:[^:]*:)?(\d+):\d+:/.exec(msg)?.[1];
    throw new IngestError(file, `invalid MediaWiki dump: ${msg.replace(/^(?:[^:]*:)?\d+:\d+: ?/, "")}`, line ? Number(line) : parser.line);
  } finally {
    raw.destroy();
  }
  options.onProgress?.({ bytesRead, bytesTotal, pages });
}

/** Whether an XML file is a MediaWiki dump or a feed, from its root element (read by saxes from the first 64 kB). */
export function xmlRootName(file: string): string | undefined {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, head, 0, head.length, 0);
    const parser = new SaxesParser();
    let root: string | undefined;
    parser.on("opentag", (t) => (root ??= t.name));
    parser.on("error", () => undefined);
    try {
      parser.write(new StringDecoder("utf8").write(head.subarray(0, n)));
    } catch {
      // a truncated head is expected; the root tag, when there is one, came first
    }
    return root;
  } finally {
    fs.closeSync(fd);
  }
}
