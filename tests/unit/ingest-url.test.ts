import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { listDocuments } from "@/lib/archive/manage";
import { getConfig, type AppConfig } from "@/lib/config";
import { clearRobotsCache, fetchUrl, recordsFromFetched, USER_AGENT } from "@/lib/ingest/fetch-url";
import { importFiles } from "@/lib/ingest/import";
import { openEmbeddedEngine } from "@/lib/search";

const FIXTURES = path.resolve("tests/fixtures/ingest");
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

/** A local server with the fixtures, a robots.txt, redirects, a slow and a big answer; never the internet. */
let server: http.Server;
let base: string;
const agents: string[] = [];
beforeAll(async () => {
  server = http.createServer((req, res) => {
    agents.push(String(req.headers["user-agent"]));
    const url = req.url ?? "/";
    if (url === "/robots.txt") return res.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nDisallow: /private/\n");
    if (url === "/article") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(fixture("page-with-comments.html"));
    if (url === "/bare") return res.writeHead(200, { "content-type": "text/html" }).end("<html><head><title>Без адреса</title></head><body><article><h1>Заметка без canonical</h1><p>«Мы продолжим консультации в Нурабаде», – сказал посол Ильяс Муратов.</p><p>Второй абзац заметки без адреса страницы.</p></article></body></html>");
    if (url === "/cp1251") return res.writeHead(200, { "content-type": "text/html; charset=windows-1251" }).end(iconv.encode("<html><body><article><h1>Страница в кодировке Windows-1251</h1><p>Текст страницы, которую сервер отдаёт в windows-1251.</p><p>Ещё один абзац этой страницы.</p></article></body></html>", "windows-1251"));
    if (url === "/feed") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(fixture("feed-rss.xml"));
    if (url === "/moved") return res.writeHead(301, { location: "/article" }).end();
    if (url.startsWith("/loop")) return res.writeHead(302, { location: `/loop${url.length}` }).end();
    if (url === "/to-private") return res.writeHead(302, { location: "/private/page" }).end();
    if (url.startsWith("/private/")) return res.writeHead(200, { "content-type": "text/html" }).end("<p>secret</p>");
    if (url === "/slow") return void setTimeout(() => res.writeHead(200).end("<p>late</p>"), 2_000);
    if (url === "/big") {
      res.writeHead(200, { "content-type": "text/html" });
      res.write(Buffer.alloc(300_000, "a"));
      return res.end();
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let dir: string;
let config: AppConfig;
beforeEach(() => {
  clearRobotsCache();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-url-"));
  config = { ...getConfig(), ARCHIVE_DB_PATH: path.join(dir, "archive.db"), MEILI_URL: undefined, PEOPLE_OVERRIDES_PATH: path.join(dir, "none.yaml") };
});
afterEach(() => {
  openDatabase(config.ARCHIVE_DB_PATH).close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("fetching", () => {
  it("fetches a page with a clear User-Agent, follows redirects and reads it with the HTML reader", async () => {
    const fetched = await fetchUrl(`${base}/moved`);
    expect(fetched.url).toBe(`${base}/article`);
    expect(agents).toContain(USER_AGENT);
    const { records } = recordsFromFetched(fetched);
    expect(records[0]!.data).toMatchObject({ title: "Эксперт: переговоры о транзите вышли на новый уровень", source: "Вестник Степи" });
  });

  it("respects robots.txt, also for an address a redirect leads to", async () => {
    await expect(fetchUrl(`${base}/private/page`)).rejects.toThrow(/robots\.txt of the site does not allow/);
    await expect(fetchUrl(`${base}/to-private`)).rejects.toThrow(/private\/page: robots\.txt/);
  });

  it("gives up on too many redirects, a slow server, a body over the cap, an error status and a non-http address", async () => {
    await expect(fetchUrl(`${base}/loop`, { maxRedirects: 3 })).rejects.toThrow(/more than 3 redirects/);
    await expect(fetchUrl(`${base}/slow`, { timeoutMs: 300 })).rejects.toThrow(/no answer within 300 ms/);
    await expect(fetchUrl(`${base}/big`, { maxBytes: 100_000 })).rejects.toThrow(/larger than 100000 bytes/);
    await expect(fetchUrl(`${base}/missing`)).rejects.toThrow(/answered 404/);
    await expect(fetchUrl("ftp://example.org/x")).rejects.toThrow(/only http\(s\)/);
  });
});

describe("npm run ingest -- URL", () => {
  it("imports a page, a feed and a windows-1251 page through the same readers, with the URL as provenance", async () => {
    const report = await importFiles([], config, { urls: [`${base}/article`, `${base}/feed`, `${base}/bare`, `${base}/cp1251`] });
    expect(report.errors.map((e) => e.message)).toEqual([]);
    expect(report.summary).toMatchObject({ added: 5 });
    expect(report.converted).toEqual([{ file: `${base}/cp1251`, encoding: "windows-1251" }]);
    const docs = listDocuments(openEmbeddedEngine(config).db);
    expect(docs.every((d) => d.from?.startsWith(base))).toBe(true);
    expect(new Set(docs.map((d) => d.format))).toEqual(new Set(["html", "feed"]));
    const stored = openEmbeddedEngine(config).db.prepare("SELECT json_extract(record, '$.url') FROM documents WHERE title = 'Заметка без canonical'").pluck().get();
    expect(stored).toBe(`${base}/bare`);
    expect(docs.find((d) => d.title === "Страница в кодировке Windows-1251")).toBeDefined();
  });

  it("a URL that cannot be fetched rejects the run like a bad file", async () => {
    const report = await importFiles([], config, { urls: [`${base}/article`, `${base}/private/x`] });
    expect(report.errors.map((e) => e.message)).toEqual([expect.stringMatching(/private\/x: robots\.txt/)]);
    expect(report.summary).toBeUndefined();
  });
});
