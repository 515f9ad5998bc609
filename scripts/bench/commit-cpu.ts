/**
 * The import's commit alone (storeDocuments: archive write, registry, index), for A/Bs of what
 * the main thread does after extraction: builds every document of a file on one extraction
 * thread — with its index texts analysed there too (`prepared`, as `npm run ingest` does) or not
 * (`inline`: the commit analyses them) — closes the thread, then times the commit into a fresh
 * archive with process.cpuUsage (no other thread of ours runs then, unless the analysis pool starts:
 * it does only below a load average of twice the cores, lib/ingest/analysis-pool.ts).
 *   npx tsx scripts/bench/commit-cpu.ts <scratch.db> <records file> inline|prepared
 */
import fs from "node:fs";
import { parseConfig } from "@/lib/config";
import { startExtractor } from "@/lib/ingest/extract-pool";
import { withInputHash } from "@/lib/ingest/input-hash";
import { PreparedAnalyses } from "@/lib/ingest/prepared-analyses";
import { readRecords } from "@/lib/ingest/read-files";
import { storeDocuments } from "@/lib/ingest/run-ingest";
import { validateRecord } from "@/lib/ingest/to-document";
import type { CommentaryDocument } from "@/lib/validations/document";

const [db, file, mode] = process.argv.slice(2);
if (!db || !file || (mode !== "inline" && mode !== "prepared")) {
  console.error("usage: npx tsx scripts/bench/commit-cpu.ts <scratch.db> <records file> inline|prepared");
  process.exit(2);
}
for (const ext of ["", "-wal", "-shm", ".postings", ".postings-wal", ".postings-shm"]) fs.rmSync(db + ext, { force: true });
const config = { ...parseConfig({ ARCHIVE_DB_PATH: db }), MEILI_URL: undefined };
const extractor = await startExtractor(1, config.ANALYZER);
const prepared = mode === "prepared" ? new PreparedAnalyses() : undefined;
const documents: CommentaryDocument[] = [];
const p0 = process.cpuUsage();
for (const record of readRecords(file)) {
  const v = validateRecord(record);
  const built = await extractor.build(v.input, v.id, prepared?.reserve(v.input));
  if (!("doc" in built)) throw new Error(`line ${record.line}: ${built.issue.message}`);
  const doc = withInputHash(built.doc, v.inputHash);
  if (built.analysed) prepared!.add(doc, built.analysed.texts, built.analysed.tokens);
  documents.push(doc);
}
const pc = process.cpuUsage(p0);
await extractor.close();
const c0 = process.cpuUsage();
const t0 = performance.now();
await storeDocuments(documents, config, prepared);
const c = process.cpuUsage(c0);
const ms = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);
console.log(JSON.stringify({ mode, docs: documents.length, buildCpuMs: ms(pc), commitCpuMs: ms(c), commitWallMs: Math.round(performance.now() - t0) }));
