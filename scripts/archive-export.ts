/**
 * npm run archive:export -- out.jsonl
 * Every document of the archive with its metadata, one JSON object a line; `npm run ingest --
 * out.jsonl` into an empty archive gives the same archive (same checksum, printed by both ends).
 */
import { archiveChecksum, exportArchive } from "@/lib/archive/export";
import { openDatabase } from "@/lib/archive/db";
import { getConfig } from "@/lib/config";
import { runCli } from "./lib/run-cli";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const checksumOnly = args.includes("--checksum");
  const out = args.find((a) => !a.startsWith("--"));
  if (!out && !checksumOnly) {
    console.error("usage: npm run archive:export -- <out.jsonl>   (or -- --checksum to print the archive's checksum)");
    return 2;
  }
  const db = openDatabase(getConfig().ARCHIVE_DB_PATH);
  const sum = archiveChecksum(db);
  if (out) {
    const n = exportArchive(db, out);
    console.log(`exported ${n} document(s) to ${out}`);
  }
  console.log(`archive checksum ${sum.sha256} (${sum.documents} document(s))`);
  return 0;
}

runCli(main);
