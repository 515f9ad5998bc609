/**
 * Imports and removals reach Meilisearch through the outbox: a streamed dump import queues what
 * it indexed in its transaction, and `archive remove` takes documents out of Meilisearch too.
 * Runs against the fake Meilisearch server, so it needs none.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { removeDocuments } from "@/lib/archive/manage";
import { flushOutbox, outboxSize } from "@/lib/archive/outbox";
import { parseConfig, type AppConfig } from "@/lib/config";
import { loadPeopleOverrides } from "@/lib/entities/overrides";
import { importFiles } from "@/lib/ingest/import";
import { openEmbeddedEngine } from "@/lib/search";
import { MeilisearchEngine, archiveLink } from "@/lib/search/engines/meilisearch";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { type FakeMeilisearch, startFakeMeilisearch } from "../contract/fake-meilisearch";

const FIXTURES = path.resolve("tests/fixtures/ingest");

describe("ingest and archive remove with Meilisearch", () => {
  let fake: FakeMeilisearch;
  let dir: string;
  let config: AppConfig;
  let meili: MeilisearchEngine;

  beforeAll(async () => {
    fake = await startFakeMeilisearch({ masterKey: "m" });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-meili-"));
    config = parseConfig({ ARCHIVE_DB_PATH: path.join(dir, "archive.db"), MEILI_URL: fake.url, MEILI_MASTER_KEY: "m", MEILI_INDEX: "ingest", PEOPLE_OVERRIDES_PATH: path.join(dir, "none.yaml") });
    meili = new MeilisearchEngine(config, getAnalyzer(), "ingest", undefined, archiveLink(config.ARCHIVE_DB_PATH));
  });
  afterAll(async () => {
    openDatabase(config.ARCHIVE_DB_PATH).close();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const found = async (q: string) => (await meili.search({ q, filters: emptyFilters(), sort: "date", page: 1, perPage: 10 })).total;

  it("a streamed dump and a page reach Meilisearch; a removed document leaves it", async () => {
    const report = await importFiles([path.join(FIXTURES, "wikinews-sample.xml.bz2"), path.join(FIXTURES, "text-with-headers.txt")], config);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ added: 3, sent: 3 });
    expect(await found("Ержанов")).toBe(1);
    expect(await found("Муратов")).toBe(1);

    const engine = openEmbeddedEngine(config);
    const id = engine.db.prepare("SELECT id FROM documents WHERE title LIKE 'В Нурабаде%'").pluck().get() as string;
    const result = removeDocuments(engine, [id], loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH), true);
    expect(result.removed).toEqual([id]);
    expect(outboxSize(engine.db)).toBeGreaterThanOrEqual(1);
    const flushed = await flushOutbox(engine.db, meili, config.MEILI_BATCH_SIZE);
    expect(flushed.removed).toBe(1);
    expect(await found("Ержанов")).toBe(0);
    expect(await found("Муратов")).toBe(1);
    expect(outboxSize(engine.db)).toBe(0);
  });
});
