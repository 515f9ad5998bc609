import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startExtractor, type Extractor } from "@/lib/ingest/extract-pool";
import { prepareIngestOnThreads } from "@/lib/ingest/prepare-threads";
import { PreparedAnalyses } from "@/lib/ingest/prepared-analyses";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest } from "@/lib/ingest/run-ingest";

let dir: string;
let extractor: Extractor;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "prepare-threads-"));
  extractor = await startExtractor(2);
});
afterAll(async () => {
  await extractor.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const summary = (p: ReturnType<typeof prepareIngest>) => ({
  documents: p.documents.map((d) => ({ file: d.file, document: d.document })),
  errors: p.errors.map((e) => e.message),
});

describe("preparing an ingest on the extraction threads (lib/ingest/prepare-threads.ts)", () => {
  it("gives prepareIngest's documents in its order, with their index texts analysed on the threads", async () => {
    // The seed article and the fictional samples shipped in content/.
    const files = listInputFiles(["content"]);
    const prepared = new PreparedAnalyses();
    const threaded = await prepareIngestOnThreads(files, extractor, prepared);
    const inline = prepareIngest(files);
    expect(inline.documents.length).toBeGreaterThan(20);
    expect(summary(threaded)).toEqual(summary(inline));
    expect(prepared.documents).toBe(inline.documents.length);
  }, 60_000);

  it("reports the errors prepareIngest reports, in its order: an invalid record, a bad quote, a repeated id with other content", async () => {
    // Fictional records, written for this test.
    const ok = (n: number) => ({ id: `p-${n}`, title: `Заголовок ${n}`, paragraphs: [`«Текст ${n}», – сказал Иван Примеров.`] });
    const file = path.join(dir, "mixed.jsonl");
    const records = [ok(1), { id: "broken" }, ok(2), { ...ok(3), quotes: [{ text: "x", speaker: "Иван Примеров", paragraph: 4 }] }, { ...ok(1), title: "Другой заголовок" }, ok(4)];
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    const threaded = await prepareIngestOnThreads([file], extractor);
    const inline = prepareIngest([file]);
    expect(inline.errors).toHaveLength(3);
    expect(summary(threaded)).toEqual(summary(inline));
    expect(threaded.errors.map((e) => e.line)).toEqual(inline.errors.map((e) => e.line));
  }, 60_000);
});
