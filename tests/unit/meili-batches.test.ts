import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { RecordTooLargeError, byteBatches, taskTimeoutMs, uploadTimeoutMs } from "@/lib/search/engines/meilisearch/batches";
import { toMeiliDocument } from "@/lib/search/engines/meilisearch/document";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";
import { type FakeMeilisearch, startFakeMeilisearch } from "../contract/fake-meilisearch";

const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
const analyzer = getAnalyzer();
const rec = (pk: string, size: number) => ({ pk, t: "ж".repeat(size) });

describe("byteBatches", () => {
  it("keeps every batch under the byte limit, as UTF-8, in order, and loses no record", () => {
    const records = Array.from({ length: 40 }, (_, i) => rec(`r${i}`, 50 + ((i * 37) % 200)));
    const limit = 2_000;
    const batches = [...byteBatches(records, limit, 1_000, (r) => r.pk)];
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) {
      expect(b.bytes).toBe(Buffer.byteLength(b.json));
      expect(b.bytes).toBeLessThanOrEqual(limit);
    }
    expect(batches.flatMap((b) => (JSON.parse(b.json) as { pk: string }[]).map((r) => r.pk))).toEqual(records.map((r) => r.pk));
    // Greedy: no batch could have taken the next one's first record.
    for (let i = 0; i + 1 < batches.length; i++) {
      const next = (JSON.parse(batches[i + 1]!.json) as unknown[])[0];
      expect(batches[i]!.bytes + 1 + Buffer.byteLength(JSON.stringify(next))).toBeGreaterThan(limit);
    }
  });

  it("caps the records per batch as well", () => {
    const batches = [...byteBatches(Array.from({ length: 7 }, (_, i) => rec(`r${i}`, 1)), 1_000_000, 3, (r) => r.pk)];
    expect(batches.map((b) => b.count)).toEqual([3, 3, 1]);
  });

  it("names a record too large to send in any batch", () => {
    const gen = byteBatches([rec("small", 10), rec("huge", 5_000)], 1_000, 10, (r) => r.pk);
    expect(() => [...gen]).toThrow(RecordTooLargeError);
    expect(() => [...byteBatches([rec("huge", 5_000)], 1_000, 10, (r) => r.pk)]).toThrow(/record huge is \d+ bytes as JSON, over MEILI_PAYLOAD_LIMIT_BYTES \(1000\)/);
  });

  it("waits longer for larger batches, by records and by bytes", () => {
    expect(taskTimeoutMs(0)).toBeGreaterThan(5_000);
    expect(taskTimeoutMs(10_000)).toBeGreaterThan(taskTimeoutMs(1_000));
    expect(taskTimeoutMs(100, 90_000_000)).toBeGreaterThan(taskTimeoutMs(100, 1_000_000) + 60_000);
  });
});

it("gives an indexing request time to upload a full batch, never less than a search", () => {
  expect(uploadTimeoutMs(3_000, 100_000_000)).toBeGreaterThanOrEqual(160_000);
  expect(uploadTimeoutMs(3_000, 10_000_000)).toBeLessThan(uploadTimeoutMs(3_000, 100_000_000));
  expect(uploadTimeoutMs(120_000, 10_000)).toBe(120_000);
});

describe("indexing by bytes", () => {
  let fake: FakeMeilisearch | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("splits an upsert into requests under MEILI_PAYLOAD_LIMIT_BYTES and indexes every document", async () => {
    fake = await startFakeMeilisearch({ masterKey: "master" });
    const sizes = CONTRACT_DOCUMENTS.map((d) => Buffer.byteLength(JSON.stringify(toMeiliDocument(d, analyzer))));
    const limit = Math.max(...sizes) * 2 + 10;
    // Below the configurable minimum, so that the 8 small fixtures need several requests.
    const config = { ...parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "master" })), MEILI_PAYLOAD_LIMIT_BYTES: limit };
    await new MeilisearchEngine(config, analyzer, "bytes_test").upsert(CONTRACT_DOCUMENTS);
    const adds = fake.requests.filter((r) => r.method === "POST" && r.path === "/indexes/bytes_test/documents");
    expect(adds.length).toBeGreaterThanOrEqual(Math.ceil(sizes.reduce((a, b) => a + b, 0) / limit));
    for (const a of adds) expect(Buffer.byteLength(JSON.stringify(a.body))).toBeLessThanOrEqual(limit);
    expect(fake.indexes.get("bytes_test")!.docs.size).toBe(CONTRACT_DOCUMENTS.length);
  });

  it("waits out a task that stays processing for many polls, without piling listeners on one signal", async () => {
    // meilisearch-js's own waitTask left a listener on its shared signal per poll: the eleventh warned.
    fake = await startFakeMeilisearch({ masterKey: "master", processingPolls: 11 });
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      await new MeilisearchEngine(parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "master" })), analyzer, "slow_tasks").upsert(CONTRACT_DOCUMENTS);
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off("warning", onWarning);
    }
    expect(fake.indexes.get("slow_tasks")!.docs.size).toBe(CONTRACT_DOCUMENTS.length);
    const polls = fake.requests.filter((r) => r.method === "GET" && r.path.startsWith("/tasks/"));
    expect(polls.length).toBeGreaterThan(11);
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  });
});

describe("indexing errors name their cause", () => {
  let server: http.Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = undefined;
  });

  /** A server answering index lookups as Meilisearch does, and document additions with `onAdd`. */
  async function serve(onAdd: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<string> {
    server = http.createServer((req, res) => {
      if (req.url?.includes("/documents") && req.method === "POST") return onAdd(req, res);
      req.resume();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ uid: "commentary", primaryKey: "pk", numberOfDocuments: 0 }));
    });
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const engineAt = (url: string, env: Record<string, string> = {}) =>
    new MeilisearchEngine(parseConfig(testEnv({ MEILI_URL: url, MEILI_MASTER_KEY: "master", MEILI_TIMEOUT_MS: "2000", ...env })), analyzer);

  it("413: the payload limit, and the setting to lower", async () => {
    const url = await serve((_req, res) => {
      // As Meilisearch does: answered from the Content-Length, before the body is read.
      res.writeHead(413, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "The provided payload reached the size limit.", code: "payload_too_large", type: "invalid_request", link: "" }));
    });
    await expect(engineAt(url).upsert(CONTRACT_DOCUMENTS)).rejects.toThrow(
      `Meilisearch at ${url} refused a request as too large (payload_too_large): set MEILI_PAYLOAD_LIMIT_BYTES below the server's --http-payload-size-limit`,
    );
  });

  it("a connection closed while a large body is sent: the payload limit, not an unreachable server", async () => {
    const url = await serve((req) => req.once("data", () => req.socket.destroy()));
    // Over 1 MB as a record (which holds the analysed text, not the original).
    const big = { ...CONTRACT_DOCUMENTS[0]!, paragraphs: Array.from({ length: 300 }, (_, i) => `Абзац ${i} ${"слово ".repeat(600)}`) };
    await expect(engineAt(url).upsert([big])).rejects.toThrow(/closed the connection while receiving \d+ bytes \((EPIPE|ECONNRESET)\): its --http-payload-size-limit is likely below MEILI_PAYLOAD_LIMIT_BYTES/);
  });

  it("401/403: the key that was rejected", async () => {
    const url = await serve((req, res) => {
      req.resume();
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "The provided API key is invalid.", code: "invalid_api_key", type: "auth", link: "" }));
    });
    await expect(engineAt(url).upsert(CONTRACT_DOCUMENTS)).rejects.toThrow(/rejected the MEILI_MASTER_KEY \(invalid_api_key\)/);
  });

  it("unreachable: connection refused", async () => {
    const url = await serve(() => undefined);
    server!.close();
    server = undefined;
    await expect(engineAt(url).upsert(CONTRACT_DOCUMENTS)).rejects.toThrow(/^cannot reach Meilisearch at .* \(connection refused, ECONNREFUSED\)/);
  });
});
