/**
 * On a real Meilisearch: a rebuild interrupted after it created its build indexes (the process
 * killed) leaves them behind; the next rebuild deletes them before its own build, keeps other
 * indexes, and swaps in all documents. Runs only when MEILI_URL is set.
 */
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { meiliClient } from "@/lib/search/engines/meilisearch/http";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";

const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info("meili-rebuild contract: MEILI_URL is not set, so leftover build indexes are not checked on a real server.");

describe.skipIf(!MEILI_URL)("Meilisearch rebuild after an interrupted one", () => {
  const config = MEILI_URL ? parseConfig(process.env) : undefined;
  const live = `rebuild_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const all = () => meiliClient(config!.MEILI_URL!, config!.MEILI_MASTER_KEY ?? config!.MEILI_ADMIN_KEY, config!.MEILI_TIMEOUT_MS).getRawIndexes({ limit: 1000 });
  const ours = async () => (await all()).results.map((i) => i.uid).filter((u) => u.startsWith(live)).sort();
  afterAll(async () => {
    for (const uid of await ours()) await meiliClient(config!.MEILI_URL!, config!.MEILI_MASTER_KEY, config!.MEILI_TIMEOUT_MS).deleteIndex(uid).waitTask();
  });

  it("deletes the leftover build pair and keeps the live one current", async () => {
    const engine = new MeilisearchEngine(config!, getAnalyzer(), live);
    // What a killed reindex leaves: a build pair with settings and some of its documents.
    const left = new MeilisearchEngine(config!, getAnalyzer(), `${live}_build_${(Date.now() - 60_000).toString(36)}`);
    await left.upsert(CONTRACT_DOCUMENTS.slice(0, 3));
    const kept = new MeilisearchEngine(config!, getAnalyzer(), `${live}_buildnote`);
    await kept.setup();
    expect(await ours()).toHaveLength(4);

    const reported: string[][] = [];
    await engine.rebuild(CONTRACT_DOCUMENTS, { onLeftovers: (uids) => reported.push(uids) });
    expect(reported).toEqual([[left.indexUid, left.statementsUid].sort()]);
    expect(await ours()).toEqual([live, `${live}_buildnote`, `${live}_buildnote_statements`, `${live}_statements`].sort());
    expect((await engine.health()).documents).toBe(CONTRACT_DOCUMENTS.length);
  });
});
