/**
 * npm run archive:backup -- <file>
 * A consistent copy of the archive through SQLite's online backup, safe while the server runs
 * and while an import writes; the copy is integrity-checked before it takes the file's name.
 */
import { backupArchive } from "@/lib/archive/export";
import { getConfig } from "@/lib/config";
import { runCli } from "./lib/run-cli";

async function main(): Promise<number> {
  const target = process.argv.slice(2).find((a) => a !== "--" && !a.startsWith("--"));
  if (!target) {
    console.error("usage: npm run archive:backup -- <file>");
    return 2;
  }
  const started = performance.now();
  const { documents, bytes } = await backupArchive(getConfig().ARCHIVE_DB_PATH, target);
  console.log(`backed up ${documents} document(s), ${(bytes / 1e6).toFixed(1)} MB, to ${target} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return 0;
}

runCli(main);
