import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { MeilisearchEngine, taskTimeoutMs } from "@/lib/search/engines/meilisearch";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";
import { type FakeMeilisearch, startFakeMeilisearch } from "../contract/fake-meilisearch";

const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;

describe("Meilisearch rebuild", () => {
  let fake: FakeMeilisearch;
  let engine: MeilisearchEngine;
  beforeAll(async () => {
    fake = await startFakeMeilisearch({ masterKey: "m" });
    engine = new MeilisearchEngine(parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "m" })), getAnalyzer(), "live");
  });
  afterAll(() => fake.close());

  async function* slowly() {
    for (const d of CONTRACT_DOCUMENTS) yield d;
  }

  it("builds a fresh index in batches, swaps it in and drops the old one", async () => {
    await engine.upsert(CONTRACT_DOCUMENTS.slice(0, 2));
    const progress: number[] = [];
    fake.requests.length = 0;
    await engine.rebuild(slowly(), { batchSize: 3, onProgress: (n) => progress.push(n) });
    expect(progress).toEqual([3, 6, 8]);
    const paths = fake.requests.filter((r) => r.method !== "GET").map((r) => r.path.replace(/live_build_\w+/, "FRESH"));
    expect(paths).toEqual([
      "/indexes",
      "/indexes/FRESH/settings",
      "/indexes/FRESH/documents",
      "/indexes/FRESH/documents",
      "/indexes/FRESH/documents",
      "/swap-indexes",
      "/indexes/FRESH",
    ]);
    // Searches saw the old two documents until the swap, and all of them after.
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length);
    expect([...fake.indexes.keys()]).toEqual(["live"]);
  });

  it("reports a failed task with Meilisearch's error and leaves the live index alone", async () => {
    fake.options.failAdditions = true;
    await expect(engine.rebuild(slowly(), { batchSize: 5 })).rejects.toThrow(
      /^Meilisearch task \d+ \(documentAdditionOrUpdate\) failed: fake: this batch is refused \(invalid_document_fields\)$/,
    );
    fake.options.failAdditions = false;
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length);
    expect([...fake.indexes.keys()]).toEqual(["live"]);
  });

  it("waits longer for bigger batches than the client's 5 s default", () => {
    expect(taskTimeoutMs(0)).toBeGreaterThan(5_000);
    expect(taskTimeoutMs(10_000)).toBeGreaterThan(taskTimeoutMs(1_000));
  });
});
