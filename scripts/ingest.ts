/**
 * npm run ingest -- <file-or-folder-or-URL>… [--force] [--quiet]
 * Imports .txt, .md, .json, .jsonl, .html, RSS/Atom feeds, .docx and MediaWiki dumps (.xml,
 * .xml.bz2) into the archive, and pages or feeds fetched from http(s) URLs through the same readers. All or nothing: one bad file rejects the whole run and nothing is
 * written. Files skipped are named with the reason; files unchanged since their last import are
 * not read again (--force reads them).
 */
import cliProgress from "cli-progress";
import { getConfig } from "@/lib/config";
import { importFiles } from "@/lib/ingest/import";
import { isUrl } from "@/lib/ingest/fetch-url";
import { listInputs, type InputListing } from "@/lib/ingest/read-files";
import { runCli } from "./lib/run-cli";

const SHOW = 50;

function list<T>(items: readonly T[], line: (t: T) => string): void {
  for (const t of items.slice(0, SHOW)) console.error(`  ${line(t)}`);
  if (items.length > SHOW) console.error(`  … and ${items.length - SHOW} more`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const quiet = args.includes("--quiet");
  const force = args.includes("--force");
  const inputs = args.filter((a) => !a.startsWith("--"));
  const urls = inputs.filter(isUrl);
  const paths = inputs.filter((a) => !isUrl(a));
  if (inputs.length === 0) {
    console.error("usage: npm run ingest -- <file-or-folder-or-http(s)-URL>… [--force] [--quiet]");
    return 2;
  }
  const config = getConfig();
  let listing: InputListing;
  try {
    listing = paths.length > 0 ? listInputs(paths) : { files: [], skipped: [] };
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
  const { files, skipped } = listing;
  if (skipped.length > 0) {
    console.error(`skipped ${skipped.length} file(s):`);
    list(skipped, (s) => `${s.file}: ${s.reason}`);
  }
  const started = performance.now();
  const tty = !quiet && process.stderr.isTTY;
  const bar = tty && files.length > 20 ? new cliProgress.SingleBar({ format: "reading  [{bar}] {value}/{total} files", stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(files.length, 0);
  let dumpBar: cliProgress.SingleBar | undefined;
  let lastLine = 0;
  const report = await importFiles(files, config, {
    force,
    urls,
    onFile: () => bar?.increment(),
    onDumpProgress: (file, p) => {
      if (tty && !bar) {
        dumpBar ??= new cliProgress.SingleBar(
          { format: `${file} [{bar}] {percentage}% | {pages} pages`, stream: process.stderr },
          cliProgress.Presets.shades_classic,
        );
        if (!dumpBar.isActive) dumpBar.start(p.bytesTotal, 0, { pages: 0 });
        dumpBar.update(p.bytesRead, { pages: p.pages });
      } else if (!quiet && !tty && performance.now() - lastLine > 10_000) {
        lastLine = performance.now();
        console.error(`${file}: ${Math.round((100 * p.bytesRead) / Math.max(p.bytesTotal, 1))}%, ${p.pages} pages`);
      }
    },
  });
  dumpBar?.stop();
  bar?.stop();

  if (report.converted.length > 0) {
    console.error(`converted to UTF-8: ${report.converted.length} file(s):`);
    list(report.converted, (c) => `${c.file} (${c.encoding})`);
  }
  if (report.emptyPages > 0) console.error(`left out ${report.emptyPages} wiki page(s) with no text once the markup is gone`);
  const notes = [
    ...(report.unchangedFiles.length ? [`${report.unchangedFiles.length} file(s) unchanged since their last import, not read`] : []),
    ...(skipped.length ? [`${skipped.length} skipped`] : []),
    ...(report.converted.length ? [`${report.converted.length} converted to UTF-8`] : []),
    ...(report.extraction.reused ? [`${report.extraction.reused} document(s) as stored, not extracted again`] : []),
    ...(report.extraction.onThreads ? [`${report.extraction.onThreads} extracted on ${report.extraction.threads} worker threads`] : []),
  ];
  if (report.errorCount > 0) {
    for (const e of report.errors) console.error(`error: ${e.message}`);
    if (report.errorCount > report.errors.length) console.error(`… and ${report.errorCount - report.errors.length} more error(s)`);
    console.error(`\nrejected ${report.errorCount} file(s) or item(s); nothing was written (${report.documents} valid document(s) not imported).`);
    console.log(`added 0, updated 0, unchanged 0, rejected ${report.errorCount}${notes.length ? `; ${notes.join(", ")}` : ""}`);
    return 1;
  }
  const summary = report.summary!;
  const secs = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `added ${summary.added}, updated ${summary.updated}, unchanged ${summary.unchanged}, rejected 0 — ${report.read.length} of ${files.length} file(s)${urls.length ? ` and ${report.fetched.length} URL(s)` : ""} read in ${secs} s` +
      `${notes.length ? ` (${notes.join(", ")})` : ""}; archive holds ${summary.archived} document(s)` +
      (summary.sent !== undefined ? `; Meilisearch confirmed ${summary.sent} change(s)` : ""),
  );
  return 0;
}

runCli(main);
