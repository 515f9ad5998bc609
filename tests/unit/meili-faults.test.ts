import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

/** Next's typings require NODE_ENV in ProcessEnv; the config parser does not. */
const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
import { AppError } from "@/lib/errors";
import { MeilisearchEngine, checkMeilisearch } from "@/lib/search/engines/meilisearch";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";
import { type FakeMeilisearch, type FakeOptions, startFakeMeilisearch } from "../contract/fake-meilisearch";

const analyzer = getAnalyzer();
const query = { q: "медиатор", filters: emptyFilters(), sort: "relevance" as const, page: 1, perPage: 10 };
let fake: FakeMeilisearch | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(options: FakeOptions, env: Record<string, string> = {}) {
  fake = await startFakeMeilisearch({ masterKey: "master", ...options });
  const config = parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "master", MEILI_TIMEOUT_MS: "300", ...env }));
  return { config, engine: new MeilisearchEngine(config, analyzer) };
}

async function seeded(env: Record<string, string> = {}) {
  const s = await setUp({}, env);
  await new MeilisearchEngine({ ...s.config, MEILI_SEARCH_KEY: undefined, MEILI_MASTER_KEY: "master" }, analyzer).upsert(CONTRACT_DOCUMENTS);
  return s;
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe("Meilisearch faults", () => {
  it("answers 503 within the timeout when Meilisearch is slow", async () => {
    const { engine, config } = await seeded();
    fake!.options.delayMs = 5_000;
    const started = Date.now();
    const e = await failure(engine.search(query));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(e.status).toBe(503);
    expect(e.message).toBe(`Meilisearch at ${config.MEILI_URL} did not answer within 300 ms (MEILI_TIMEOUT_MS)`);
  });

  it("answers 503 when Meilisearch is unreachable", async () => {
    const { config } = await setUp({});
    await fake!.close();
    fake = undefined;
    const e = await failure(new MeilisearchEngine(config, analyzer).search(query));
    expect(e.status).toBe(503);
    expect(e.message).toMatch(/^cannot reach Meilisearch at http:\/\/127\.0\.0\.1:\d+ \(connection refused, ECONNREFUSED\)/);
  });

  it("answers 503 when Meilisearch itself fails", async () => {
    const { engine } = await seeded();
    fake!.options.failStatus = 503;
    const e = await failure(engine.getDocument("kazakhstan-mediator"));
    expect(e.status).toBe(503);
    expect(e.message).toContain("HTTP 503");
  });

  it("names the key that was rejected", async () => {
    const { engine } = await seeded({ MEILI_SEARCH_KEY: "wrong" });
    const e = await failure(engine.search(query));
    expect(e.status).toBe(503);
    expect(e.message).toContain("rejected the MEILI_SEARCH_KEY (invalid_api_key)");
  });

  it("says to run setup when the index is missing", async () => {
    const { engine } = await setUp({});
    const e = await failure(engine.facetValues("speaker"));
    expect(e.message).toContain('has no index "commentary": run `npm run meili:setup && npm run reindex`');
  });

  it("reports health as ok/false with a message, never throwing", async () => {
    const { engine } = await seeded();
    expect(await engine.health()).toEqual({ engine: "meilisearch", ok: true, documents: CONTRACT_DOCUMENTS.length, analyzer: analyzer.version });
    fake!.options.delayMs = 5_000;
    const slow = await engine.health();
    expect(slow.ok).toBe(false);
    expect(slow.message).toContain("did not answer within 300 ms");
  });

  it("cannot index with a search key alone", async () => {
    const { config } = await setUp({});
    const searchOnly = new MeilisearchEngine({ ...config, MEILI_MASTER_KEY: undefined, MEILI_SEARCH_KEY: "s" }, analyzer);
    await expect(searchOnly.upsert(CONTRACT_DOCUMENTS)).rejects.toThrow(/needs MEILI_ADMIN_KEY or MEILI_MASTER_KEY/);
  });
});

describe("checkMeilisearch", () => {
  it("describes a working server in one line", async () => {
    const { config } = await seeded();
    expect(await checkMeilisearch(config)).toBe(`Meilisearch 1.99.0-fake at ${config.MEILI_URL}: index "commentary" holds 8 document(s)`);
  });

  it("says exactly what is wrong, in one line", async () => {
    const { config } = await setUp({});
    await expect(checkMeilisearch(config)).rejects.toThrow(/^Meilisearch at .* has no index "commentary": run/);
    await expect(checkMeilisearch({ ...config, MEILI_MASTER_KEY: "nope" })).rejects.toThrow(/rejected the MEILI_MASTER_KEY \(invalid_api_key\)/);
    await expect(checkMeilisearch({ ...config, MEILI_MASTER_KEY: undefined })).rejects.toThrow(/requires an API key: set MEILI_SEARCH_KEY/);
    await fake!.close();
    fake = undefined;
    await expect(checkMeilisearch(config)).rejects.toThrow(/^cannot reach Meilisearch at .* \(connection (refused, ECONNREFUSED|closed, UND_ERR_SOCKET)\)/);
  });

  it("recognises a server that is not Meilisearch", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>hello</html>");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(checkMeilisearch(parseConfig(testEnv({ MEILI_URL: url })))).rejects.toThrow(`${url} answered something that is not JSON: is MEILI_URL a Meilisearch server?`);
    } finally {
      server.close();
    }
  });

  it("accepts an unset MEILI_URL", async () => {
    expect(await checkMeilisearch(parseConfig(testEnv({})))).toMatch(/embedded engine/);
  });
});
