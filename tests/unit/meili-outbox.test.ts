/**
 * The outbox between the archive and Meilisearch: a change the archive holds but Meilisearch has
 * not confirmed is sent again by the next run, and health calls the index lagging meanwhile.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { drain, enqueue, flushOutbox, outboxSize, outboxState, pendingEntries } from "@/lib/archive/outbox";
import { parseConfig, type AppConfig } from "@/lib/config";
import { storeDocuments } from "@/lib/ingest/run-ingest";
import { LAG_GRACE_MS, MeilisearchEngine, archiveLink } from "@/lib/search/engines/meilisearch";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";
import { type FakeMeilisearch, startFakeMeilisearch } from "../contract/fake-meilisearch";

function doc(n: number): CommentaryDocument {
  return {
    id: `outbox-${n}`,
    slug: `outbox-${n}`,
    title: `Медиатор номер ${n}`,
    paragraphs: ["Казахстан выступает медиатором."],
    topics: [],
    speakers: [],
    institutions: [],
    quotes: [],
    contentHash: `outbox-${n}`,
  };
}

describe("the Meilisearch outbox", () => {
  let fake: FakeMeilisearch;
  let dir: string;
  let config: AppConfig;
  let engine: MeilisearchEngine;

  beforeAll(async () => {
    fake = await startFakeMeilisearch({ masterKey: "m" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "outbox-"));
    config = parseConfig({ ARCHIVE_DB_PATH: path.join(dir, "archive.db"), MEILI_URL: fake.url, MEILI_MASTER_KEY: "m", MEILI_INDEX: "outbox" });
    engine = new MeilisearchEngine(config, getAnalyzer(), "outbox", undefined, archiveLink(config.ARCHIVE_DB_PATH));
  });
  afterAll(async () => {
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const found = async () => (await engine.search({ q: "медиатор", filters: emptyFilters(), sort: "date", page: 1, perPage: 10 })).total;

  it("keeps what Meilisearch refused, and the next run sends it although the archive calls it unchanged", async () => {
    const db = openDatabase(config.ARCHIVE_DB_PATH);
    fake.options.failAdditions = true;
    await expect(storeDocuments([doc(1)], config)).rejects.toThrow(/archive is updated \(added 1, updated 0\), but Meilisearch has not confirmed 1 change/);
    expect(pendingEntries(db).map((e) => [e.docId, e.op])).toEqual([["outbox-1", "upsert"]]);

    // Meanwhile health tells: once the change has waited past the grace period, the index lags.
    const h = await engine.health(Date.now() + LAG_GRACE_MS + 1_000);
    expect(h).toMatchObject({ ok: false, pending: 1, archived: 1 });
    expect(h.message).toMatch(/lags the archive: 1 change/);
    expect((await engine.health()).ok).toBe(true);

    fake.options.failAdditions = false;
    const again = await storeDocuments([doc(1)], config);
    expect(again).toMatchObject({ added: 0, unchanged: 1 });
    expect(outboxSize(db)).toBe(0);
    expect(await found()).toBe(1);
    expect(await engine.health()).toMatchObject({ ok: true, documents: 1, archived: 1, pending: 0 });
  });

  it("sends a queued upsert of a document the archive no longer holds as a removal", async () => {
    const db = openDatabase(config.ARCHIVE_DB_PATH);
    await storeDocuments([doc(2)], config);
    expect(await found()).toBe(2);
    db.transaction(() => {
      db.prepare("DELETE FROM documents WHERE id = ?").run("outbox-2");
      enqueue(db, ["outbox-2"], "upsert");
    })();
    await storeDocuments([], config);
    expect(outboxSize(db)).toBe(0);
    expect(await found()).toBe(1);
  });

  it("calls the index inconsistent when its count differs from the archive's with nothing queued", async () => {
    const db = openDatabase(config.ARCHIVE_DB_PATH);
    await engine.remove(["outbox-1"]);
    expect(outboxState(db)).toMatchObject({ archived: 1, pending: 0 });
    const h = await engine.health();
    expect(h.ok).toBe(false);
    expect(h.message).toMatch(/holds 0 document\(s\), the archive 1: run npm run reindex/);
  });
});

describe("outbox entries", () => {
  it("keep the last operation per document and are drained only as read, not once queued again", () => {
    const db = openDatabase(":memory:");
    enqueue(db, ["a", "b"], "upsert");
    enqueue(db, ["a"], "remove");
    const read = pendingEntries(db);
    expect(read.map((e) => [e.docId, e.op])).toEqual([
      ["b", "upsert"],
      ["a", "remove"],
    ]);
    enqueue(db, ["b"], "upsert"); // changed again while the index was being written
    drain(db, read);
    expect(pendingEntries(db).map((e) => e.docId)).toEqual(["b"]);
  });

  it("are sent in batches, each drained once the index confirms it, and kept when it fails", async () => {
    const db = openDatabase(":memory:");
    enqueue(db, ["x1", "x2", "x3"], "remove");
    const calls: string[][] = [];
    let fail = false;
    const target = {
      upsert: async () => {},
      remove: async (ids: string[]) => {
        if (fail) throw new Error("down");
        calls.push(ids);
        fail = true;
      },
    };
    await expect(flushOutbox(db, target, 2)).rejects.toThrow("down");
    expect(calls).toEqual([["x1", "x2"]]);
    expect(pendingEntries(db).map((e) => e.docId)).toEqual(["x3"]);
    fail = false;
    calls.length = 0;
    target.remove = async (ids: string[]) => void calls.push(ids);
    expect(await flushOutbox(db, target, 2)).toEqual({ upserted: 0, removed: 1 });
    expect(outboxSize(db)).toBe(0);
  });
});
