/**
 * Extraction alone, for profiles and A/Bs of lib/extract: validates every record of a file,
 * then builds every document `passes` times on this thread, printing the CPU time of each pass —
 * the first pays the morphology's first sight of each word form, the later ones the rules alone —
 * and a hash of the documents, which a change that keeps extraction's output must keep.
 *   npx tsx scripts/bench/extract-cpu.ts <records file> [passes=2]
 * `npm run bench -- --real` writes the NEREL + factRuEval articles as such a file, under the system's
 * temp folder (scripts/bench/real-corpus.ts: bench-real-<hash>/real.jsonl).
 */
import { createHash } from "node:crypto";
import { readRecords } from "@/lib/ingest/read-files";
import { buildDocument, validateRecord } from "@/lib/ingest/to-document";

const [file, passArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: npx tsx scripts/bench/extract-cpu.ts <records file> [passes]");
  process.exit(2);
}
const inputs = readRecords(file).map(validateRecord);
for (let pass = 1; pass <= Number(passArg ?? 2); pass++) {
  const hash = createHash("sha256");
  const c0 = process.cpuUsage();
  for (const v of inputs) hash.update(JSON.stringify(buildDocument(v.input, v.id)));
  const c = process.cpuUsage(c0);
  const ms = (c.user + c.system) / 1000;
  console.log(JSON.stringify({ pass, docs: inputs.length, cpuMs: Math.round(ms), msPerDoc: +(ms / inputs.length).toFixed(2), hash: hash.digest("hex").slice(0, 16) }));
}
