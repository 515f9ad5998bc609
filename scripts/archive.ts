/**
 * npm run archive -- list [--source S] [--json]
 * npm run archive -- remove ID_OR_SLUG…
 * npm run archive -- stats [--json]
 * What the archive holds and where it came from; removing a document takes it out of the
 * archive, the embedded index and Meilisearch (when MEILI_URL is set), and re-indexes the
 * documents whose people or institutions resolve differently without it. Nothing else changes.
 */
import { getConfig } from "@/lib/config";
import { flushOutbox, outboxSize } from "@/lib/archive/outbox";
import { archiveStats, listDocuments, removeDocuments } from "@/lib/archive/manage";
import { loadPeopleOverrides } from "@/lib/entities/overrides";
import { getEngine, openEmbeddedEngine } from "@/lib/search";
import { runCli } from "./lib/run-cli";

const USAGE = "usage: npm run archive -- list [--source S] [--json] | remove ID_OR_SLUG… | stats [--json]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const [command, ...rest] = args;
  const json = rest.includes("--json");
  const config = getConfig();
  const engine = openEmbeddedEngine(config);

  if (command === "list") {
    const source = option(rest, "source");
    if (rest.includes("--source") && !source) {
      console.error(USAGE);
      return 2;
    }
    const docs = listDocuments(engine.db, source ? { source } : {});
    if (json) console.log(JSON.stringify(docs, null, 2));
    else {
      for (const d of docs) {
        console.log([d.id, d.date ?? "—", d.source ?? "—", d.title + (d.sample ? " [Образец]" : ""), d.from ? `${d.from} (${d.format}, ${d.addedAt.slice(0, 19)})` : `(${d.addedAt.slice(0, 19)})`].join("\t"));
      }
      console.error(`${docs.length} document(s)${source ? ` from source «${source}»` : ""}`);
    }
    return 0;
  }

  if (command === "remove") {
    const refs = rest.filter((a) => !a.startsWith("--"));
    if (refs.length === 0) {
      console.error(USAGE);
      return 2;
    }
    const result = removeDocuments(engine, refs, loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH), Boolean(config.MEILI_URL));
    for (const ref of result.notFound) console.error(`error: no archived document has id or slug "${ref}"`);
    let meili = "";
    if (config.MEILI_URL && result.removed.length > 0) {
      try {
        const flushed = await flushOutbox(engine.db, await getEngine(config), config.MEILI_BATCH_SIZE);
        meili = `; Meilisearch confirmed ${flushed.removed} removal(s) and ${flushed.upserted} update(s)`;
      } catch (e) {
        meili = `; Meilisearch has not confirmed ${outboxSize(engine.db)} change(s) (${(e as Error).message}); they wait in the outbox for the next ingest, start or reindex`;
      }
    }
    console.log(`removed ${result.removed.length} document(s)${result.reindexed.length ? `, re-indexed ${result.reindexed.length} whose names resolve differently now` : ""}${meili}`);
    return result.notFound.length > 0 ? 1 : 0;
  }

  if (command === "stats") {
    const s = archiveStats(engine.db);
    if (json) {
      console.log(JSON.stringify(s, null, 2));
      return 0;
    }
    console.log(`documents: ${s.documents} (${s.samples} sample, ${s.undated} undated)${s.firstDate ? `, dated ${s.firstDate} … ${s.lastDate}` : ""}`);
    console.log(`by source: ${s.bySource.map((x) => `${x.source} ${x.documents}`).join("; ") || "—"}`);
    console.log(`by format: ${s.byFormat.map((x) => `${x.format} ${x.documents}`).join("; ") || "—"}`);
    console.log(`entities: ${s.entities.map((x) => `${x.kind} ${x.count}`).join("; ") || "—"}`);
    console.log(`files tracked for incremental import: ${s.filesTracked}; changes waiting for Meilisearch: ${s.outboxPending}`);
    return 0;
  }

  console.error(USAGE);
  return 2;
}

runCli(main);
