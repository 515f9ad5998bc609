import { describe, expect, it } from "vitest";
import { lazyExtractor } from "@/lib/ingest/extract-pool";
import type { ValidInput } from "@/lib/ingest/to-document";
import { validateRecord } from "@/lib/ingest/to-document";

// Fictional records, written for this test.
const input = (n: number): ValidInput =>
  validateRecord({ data: { id: `x-${n}`, title: `Выпуск ${n}`, paragraphs: [`«Переговоры продолжатся», – отметил эксперт Пётр Примеров${n}.`] }, file: "t.jsonl", line: n, format: "jsonl", lineOf: () => n } as never).input;

describe("the import's extractor (lib/ingest/extract-pool.ts: lazyExtractor)", () => {
  it("goes on extracting on the calling thread while its threads load, then hands documents to them", async () => {
    const extractor = lazyExtractor(2);
    try {
      const inline = [];
      for (let n = 0; n < 48; n++) inline.push(await extractor.build(input(n), `x-${n}`));
      expect(extractor.counts).toMatchObject({ inline: 48, onThreads: 0 });
      // The 49th starts the threads, which take far longer than one call to load: built here, not waited for.
      await extractor.build(input(48), "x-48");
      expect(extractor.counts).toMatchObject({ inline: 49, onThreads: 0 });
      let n = 49;
      const deadline = Date.now() + 60_000;
      while (extractor.counts!.onThreads === 0 && Date.now() < deadline) {
        await extractor.build(input(n), `x-${n}`);
        n++;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(extractor.counts).toMatchObject({ onThreads: 1, threads: 2 });
      const onThread = await extractor.build(input(3), "x-3");
      expect(onThread).toEqual(inline[3]);
    } finally {
      await extractor.close();
    }
  }, 90_000);
});
