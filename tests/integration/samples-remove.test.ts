import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { loadRegistry } from "@/lib/archive/entities";
import { ArchiveStore } from "@/lib/archive/store";
import { entitiesOf } from "@/lib/entities/registry";
import { parseConfig, type AppConfig } from "@/lib/config";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest, storeDocuments } from "@/lib/ingest/run-ingest";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";
import { loadContent, removeSamples } from "@/scripts/lib/samples";
import { startFakeMeilisearch, type FakeMeilisearch } from "../contract/fake-meilisearch";

const CONTENT = path.resolve("content");
const SEED_TITLE = "Казахстан сделают площадкой для решения сложных споров и конфликтов";
const shippedSamples = prepareIngest(listInputFiles([path.join(CONTENT, "samples")])).documents.map((d) => d.document);
const sampleSpeakers = new Set(shippedSamples.flatMap((d) => d.speakers.map((s) => s.name)));

/** A document someone imported themselves: whatever happens to samples must leave it alone. */
function userDocument(over: Partial<CommentaryDocument> = {}): CommentaryDocument {
  return {
    id: "user-1",
    slug: "user-1",
    title: "Собственный материал редакции",
    paragraphs: ["Казахстан как медиатор в переговорах, по мнению редакции."],
    topics: [],
    speakers: [],
    institutions: [],
    quotes: [],
    contentHash: "user-1",
    ...over,
  };
}

let dir: string;
let config: AppConfig;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "samples-"));
  config = parseConfig({ ARCHIVE_DB_PATH: path.join(dir, "archive.db") });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function archive(c: AppConfig = config) {
  const engine = new SqliteEngine(openDatabase(c.ARCHIVE_DB_PATH), getAnalyzer(c.ANALYZER));
  const docs = [...new ArchiveStore(engine.db).all()].map((r) => r.document);
  return { engine, docs, titles: docs.map((d) => d.title).sort() };
}

async function search(engine: SqliteEngine, q: string) {
  return engine.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 100 });
}

describe("npm start's content loading (SAMPLES)", () => {
  it("includes the samples by default, and with SAMPLES=exclude takes them out of the archive and the index", async () => {
    expect(config.SAMPLES).toBe("include");
    const included = await loadContent(config, CONTENT);
    expect(included).toMatchObject({ added: shippedSamples.length + 1, samplesRemoved: 0 });
    expect(archive().docs.filter((d) => d.sample)).toHaveLength(shippedSamples.length);

    const excluded = await loadContent({ ...config, SAMPLES: "exclude" }, CONTENT);
    expect(excluded).toMatchObject({ added: 0, unchanged: 1, samplesRemoved: shippedSamples.length });
    const { engine, titles } = archive();
    expect(titles).toEqual([SEED_TITLE]);
    const hits = await search(engine, "медиатор");
    expect(hits.hits.map((h) => h.title)).toEqual([SEED_TITLE]);
    expect((await engine.facetValues("speaker")).filter((f) => sampleSpeakers.has(f.value))).toEqual([]);
    // The registry follows: index pages and the entities API no longer offer the sample people.
    expect(entitiesOf(loadRegistry(engine.db), "person").map((p) => p.name)).toEqual(["Ержан Салтыбаев"]);

    // Excluded stays excluded: a second start loads none and removes none.
    expect(await loadContent({ ...config, SAMPLES: "exclude" }, CONTENT)).toMatchObject({ added: 0, samplesRemoved: 0 });
  });

  it("with samples included, removes samples that are no longer shipped and nothing else", async () => {
    const stale = userDocument({ id: "old-sample", slug: "old-sample", title: "Старый образец", sample: true, contentHash: "old" });
    await storeDocuments([stale, userDocument()], config);
    const loaded = await loadContent(config, CONTENT);
    expect(loaded).toMatchObject({ samplesRemoved: 1 });
    const { titles } = archive();
    expect(titles).not.toContain("Старый образец");
    expect(titles).toContain("Собственный материал редакции");
    expect(titles).toHaveLength(shippedSamples.length + 2);
  });

  it("rejects a SAMPLES value it does not know, naming the variable", () => {
    expect(() => parseConfig({ SAMPLES: "false" })).toThrow(/SAMPLES: SAMPLES must be "include" or "exclude"/);
    const r = spawnSync("npx", ["tsx", "scripts/start.ts"], { env: { ...process.env, ARCHIVE_DB_PATH: config.ARCHIVE_DB_PATH, SAMPLES: "no" }, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SAMPLES: /);
  });
});

describe("npm run samples:remove", () => {
  function removeCli() {
    return spawnSync("npx", ["tsx", "scripts/remove-samples.ts"], { env: { ...process.env, ARCHIVE_DB_PATH: config.ARCHIVE_DB_PATH, MEILI_URL: "" }, encoding: "utf8", timeout: 60_000 });
  }

  it("removes every sample from the archive and the embedded index, says how many, and keeps real documents", async () => {
    await loadContent(config, CONTENT);
    await storeDocuments([userDocument()], config);
    const before = archive();
    expect((await search(before.engine, "Темиркулов")).total).toBeGreaterThan(0);

    const r = removeCli();
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`removed ${shippedSamples.length} sample document(s)`);

    const after = archive();
    expect(after.titles).toEqual([SEED_TITLE, "Собственный материал редакции"].sort());
    expect((await search(after.engine, "Темиркулов")).total).toBe(0);
    expect((await search(after.engine, "медиатор")).hits.map((h) => h.title).sort()).toEqual([SEED_TITLE, "Собственный материал редакции"].sort());

    const again = removeCli();
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("removed 0 sample document(s)");
  });
});

describe("removing samples with Meilisearch configured", () => {
  let fake: FakeMeilisearch;
  beforeAll(async () => {
    fake = await startFakeMeilisearch({ masterKey: "samples-key" });
  });
  afterAll(() => fake.close());

  it("removes them from the Meilisearch index too, leaving the real documents there", async () => {
    const meili = parseConfig({ ARCHIVE_DB_PATH: config.ARCHIVE_DB_PATH, MEILI_URL: fake.url, MEILI_MASTER_KEY: "samples-key", MEILI_INDEX: "samples_test" });
    await loadContent(meili, CONTENT);
    // Records carry the archive id and no originals (hits are read back from the archive).
    const indexed = () => [...fake.indexes.get("samples_test")!.docs.values()].map((d) => d.id as string);
    const sampleIds = new Set(archive(meili).docs.filter((d) => d.sample).map((d) => d.id));
    expect(sampleIds.size).toBe(shippedSamples.length);
    expect(indexed().filter((id) => sampleIds.has(id))).toHaveLength(shippedSamples.length);

    expect(await removeSamples(meili)).toBe(shippedSamples.length);
    expect(archive(meili).titles).toEqual([SEED_TITLE]);
    expect(indexed()).toEqual(archive(meili).docs.map((d) => d.id));
  });
});
