import http from "node:http";
import type { AddressInfo } from "node:net";
import { MeilisearchRequestTimeOutError } from "meilisearch";
import { afterEach, describe, expect, it } from "vitest";
import { meiliClient, meiliErrorCode, unwrapMeiliError } from "@/lib/search/engines/meilisearch/http";

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

/** A server counting the connections it accepts; `handle` answers each request. */
async function serve(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void) {
  const seen = { connections: 0, requests: 0 };
  server = http.createServer((req, res) => {
    seen.requests++;
    handle(req, res);
  });
  server.on("connection", () => seen.connections++);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (status: number, body: unknown) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  });
};

describe("Meilisearch transport", () => {
  it("is one client per address, key and timeout", () => {
    expect(meiliClient("http://127.0.0.1:1", "k", 100)).toBe(meiliClient("http://127.0.0.1:1", "k", 100));
    expect(meiliClient("http://127.0.0.1:1", "k", 100)).not.toBe(meiliClient("http://127.0.0.1:1", "other", 100));
  });

  it("keeps the connection alive across requests", async () => {
    const { url, seen } = await serve(json(200, { status: "available" }));
    const client = meiliClient(url, "k", 1_000);
    for (let i = 0; i < 10; i++) expect(await client.health()).toEqual({ status: "available" });
    expect(seen.requests).toBe(10);
    expect(seen.connections).toBe(1);
  });

  it("sends the key and the JSON body", async () => {
    let got: { auth?: string; body?: string } = {};
    const { url } = await serve((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        got = { auth: req.headers.authorization, body };
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ results: [] }));
      });
    });
    await meiliClient(url, "secret", 1_000).multiSearch({ queries: [{ indexUid: "i", q: "мир" }] });
    expect(got.auth).toBe("Bearer secret");
    expect(JSON.parse(got.body!)).toEqual({ queries: [{ indexUid: "i", q: "мир" }] });
  });

  it("gives an error status as Meilisearch's error with its code", async () => {
    const { url } = await serve(json(404, { message: "Index `x` not found.", code: "index_not_found", type: "invalid_request", link: "" }));
    const e = await meiliClient(url, "k", 1_000).getIndex("x").catch((x: unknown) => x);
    expect(meiliErrorCode(e)).toBe("index_not_found");
    expect((unwrapMeiliError(e) as { response: Response }).response.status).toBe(404);
  });

  it("times out as the client's own timeout", async () => {
    const { url } = await serve(() => undefined);
    const started = Date.now();
    const e = await meiliClient(url, "k", 200).health().catch((x: unknown) => x);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect((e as { cause?: unknown }).cause).toBeInstanceOf(MeilisearchRequestTimeOutError);
  });

  it("tries once more when a pooled connection was closed by the server meanwhile", async () => {
    const { url, seen } = await serve(json(200, { status: "available" }));
    const client = meiliClient(url, "k2", 1_000);
    await client.health();
    // The server drops its idle connections (a restart, its keep-alive timeout) without the pool knowing.
    server!.closeIdleConnections();
    expect(await client.health()).toEqual({ status: "available" });
    expect(seen.connections).toBe(2);
  });
});
