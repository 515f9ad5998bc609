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
    const paths = fake.requests.filter((r) => r.method !== "GET").map((r) => r.path.replace(/live_build_[a-z0-9]+/, "FRESH"));
    // These documents have no statements; a fresh index has no surplus statements to delete.
    const batch = ["/indexes/FRESH/documents"];
    expect(paths).toEqual([
      "/indexes",
      "/indexes/FRESH/settings",
      "/indexes",
      "/indexes/FRESH_statements/settings",
      ...batch,
      ...batch,
      ...batch,
      // Compacted once complete, before it goes live: batches leave free pages behind.
      "/indexes/FRESH/compact",
      "/indexes/FRESH_statements/compact",
      "/swap-indexes",
      "/indexes/FRESH",
      "/indexes/FRESH_statements",
    ]);
    // Both pairs swap in one task.
    const swap = fake.requests.find((r) => r.path === "/swap-indexes")!.body as { indexes: string[] }[];
    expect(swap.map((x) => x.indexes[0])).toEqual(["live", "live_statements"]);
    // Searches saw the old two documents until the swap, and all of them after.
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length);
    expect([...fake.indexes.keys()].sort()).toEqual(["live", "live_statements"]);
  });

  it("reports a failed task with Meilisearch's error and leaves the live index alone", async () => {
    fake.options.failAdditions = true;
    await expect(engine.rebuild(slowly(), { batchSize: 5 })).rejects.toThrow(
      /^Meilisearch task \d+ \(documentAdditionOrUpdate\) failed: fake: this batch is refused \(invalid_document_fields\)$/,
    );
    fake.options.failAdditions = false;
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length);
    expect([...fake.indexes.keys()].sort()).toEqual(["live", "live_statements"]);
  });

  it("deletes the build indexes an interrupted rebuild left, and only those", async () => {
    const admin = new MeilisearchEngine(parseConfig(testEnv({ MEILI_URL: fake.url, MEILI_MASTER_KEY: "m" })), getAnalyzer(), "live_build_k3x9");
    await admin.setup();
    await new MeilisearchEngine(admin.config, getAnalyzer(), "livestock_build_a").setup();
    await new MeilisearchEngine(admin.config, getAnalyzer(), "live_build_old_copy").setup();
    const seen: string[][] = [];
    await engine.rebuild(slowly(), { batchSize: 5, onLeftovers: (uids) => seen.push(uids) });
    expect(seen).toEqual([["live_build_k3x9", "live_build_k3x9_statements"]]);
    expect([...fake.indexes.keys()].sort()).toEqual([
      "live",
      "live_build_old_copy",
      "live_build_old_copy_statements",
      "live_statements",
      "livestock_build_a",
      "livestock_build_a_statements",
    ]);
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length);
    // Nothing left: no report.
    await engine.rebuild(slowly(), { batchSize: 5, onLeftovers: (uids) => seen.push(uids) });
    expect(seen).toHaveLength(1);
  });

  it("waits longer for bigger batches than the client's 5 s default", () => {
    expect(taskTimeoutMs(0)).toBeGreaterThan(5_000);
    expect(taskTimeoutMs(10_000)).toBeGreaterThan(taskTimeoutMs(1_000));
  });
});
