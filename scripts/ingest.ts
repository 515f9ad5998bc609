/**
 * npm run ingest -- <file-or-folder>…
 * Imports .txt, .md (YAML front matter), .json and .jsonl into the archive. All or nothing:
 * one bad file rejects the whole run and nothing is written.
 */
import cliProgress from "cli-progress";
import { getConfig } from "@/lib/config";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest, storeDocuments } from "@/lib/ingest/run-ingest";
import { runCli } from "./lib/run-cli";

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const quiet = args.includes("--quiet");
  const paths = args.filter((a) => !a.startsWith("--"));
  if (paths.length === 0) {
    console.error("usage: npm run ingest -- <file-or-folder>… [--quiet]");
    return 2;
  }
  const config = getConfig();
  let files: string[];
  try {
    files = listInputFiles(paths);
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
  const started = performance.now();
  const bar =
    !quiet && files.length > 20 && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: "reading  [{bar}] {value}/{total} files", stream: process.stderr }, cliProgress.Presets.shades_classic)
      : undefined;
  bar?.start(files.length, 0);
  const prepared = prepareIngest(files, () => bar?.increment());
  bar?.stop();

  if (prepared.errors.length > 0) {
    for (const e of prepared.errors) console.error(`error: ${e.message}`);
    console.error(`\nrejected ${prepared.errors.length} file(s); nothing was written (${prepared.documents.length} valid document(s) not imported).`);
    console.log(`added 0, updated 0, unchanged 0, rejected ${prepared.errors.length}`);
    return 1;
  }

  const summary = await storeDocuments(
    prepared.documents.map((d) => d.document),
    config,
  );
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `added ${summary.added}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected 0 — ${files.length} file(s) in ${secs} s; archive holds ${summary.archived} document(s)` +
      (summary.sent !== undefined ? `; Meilisearch confirmed ${summary.sent} change(s)` : ""),
  );
  return 0;
}

runCli(main);
