/**
 * npm run reindex
 * Rebuilds the search index from the archive, the system of record. With MEILI_URL set it
 * builds a fresh Meilisearch index in batches of MEILI_BATCH_SIZE and swaps it in, so
 * searches never see a half-built index; without it, it rebuilds the embedded index (what
 * to run after an analyzer change).
 */
import cliProgress from "cli-progress";
import { rebuildRegistry } from "@/lib/archive/entities";
import { drain, enqueue, flushOutbox, pendingEntries } from "@/lib/archive/outbox";
import { ArchiveStore } from "@/lib/archive/store";
import { resolveDocument } from "@/lib/entities/document";
import { loadPeopleOverrides } from "@/lib/entities/overrides";
import { getConfig } from "@/lib/config";
import { openEmbeddedEngine } from "@/lib/search";
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { loadAliases } from "@/lib/search/engines/meilisearch/aliases";
import type { CommentaryDocument } from "@/lib/validations/document";
import { runCli } from "./lib/run-cli";

function progressBar(label: string, total: number) {
  if (!process.stderr.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} documents, {duration_formatted}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

async function main(): Promise<number> {
  const config = getConfig();
  const started = performance.now();
  const embedded = openEmbeddedEngine(config);
  const store = new ArchiveStore(embedded.db);
  const total = store.count();
  const secs = () => ((performance.now() - started) / 1000).toFixed(1);
  // People, institutions and countries are resolved again first: the overrides file may have changed.
  const registry = embedded.db.transaction(() => {
    const rebuilt = rebuildRegistry(embedded.db, loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH));
    // The embedded index also serves pages while Meilisearch is down: it follows the registry too.
    if (config.MEILI_URL) for (const [rowid, doc] of store.byRowids(rebuilt.changed)) embedded.indexRow(rowid, resolveDocument(rebuilt.registry, doc));
    return rebuilt.registry;
  })();
  const view = (doc: CommentaryDocument) => resolveDocument(registry, doc);
  console.log(`entities: ${registry.entities.filter((e) => e.kind === "person").length} people, ${registry.entities.filter((e) => e.kind === "institution").length} institutions, ${registry.entities.filter((e) => e.kind === "country").length} countries`);

  if (!config.MEILI_URL) {
    const bar = progressBar("embedded  ", total);
    const n = embedded.reindexAll((done) => bar?.update(done), view);
    bar?.stop();
    console.log(`embedded index rebuilt: ${n} document(s) with analyzer ${embedded.analyzer.version} in ${secs()} s (${config.ARCHIVE_DB_PATH})`);
    return 0;
  }

  if (total > config.MEILI_MAX_TOTAL_HITS) {
    console.warn(`warning: the archive holds ${total} documents but MEILI_MAX_TOTAL_HITS is ${config.MEILI_MAX_TOTAL_HITS}: totals and listings will stop there; raise it and run npm run meili:setup`);
  }
  const engine = MeilisearchEngine.fromConfig(config, await loadAliases());
  const bar = progressBar("meilisearch", total);
  let statements = 0;
  function* documents(): Generator<CommentaryDocument> {
    for (const { document } of store.all(config.MEILI_BATCH_SIZE)) {
      statements += document.quotes.length;
      yield view(document);
    }
  }
  // The rebuild reads the whole archive, so every change queued before it starts is delivered by it.
  const queued = pendingEntries(embedded.db);
  const rebuildStarted = new Date().toISOString();
  const onLeftovers = (uids: string[]) => console.log(`deleted ${uids.length} build index(es) an interrupted reindex had left: ${uids.join(", ")}`);
  try {
    await engine.rebuild(documents(), { batchSize: config.MEILI_BATCH_SIZE, onProgress: (done) => bar?.update(done), onLeftovers });
  } finally {
    bar?.stop();
  }
  drain(embedded.db, queued);
  // An import during the rebuild may have written to the index the swap replaced: send its documents again.
  embedded.db.transaction(() => {
    const since = embedded.db.prepare("SELECT id FROM documents WHERE updated_at >= ?").pluck().all(rebuildStarted) as string[];
    enqueue(embedded.db, since, "upsert");
  })();
  await flushOutbox(embedded.db, engine, config.MEILI_BATCH_SIZE);
  if (statements > config.MEILI_MAX_TOTAL_HITS) {
    console.warn(`warning: the archive holds ${statements} statements but MEILI_MAX_TOTAL_HITS is ${config.MEILI_MAX_TOTAL_HITS}: statement totals and paging will stop there; raise it and run npm run meili:setup`);
  }
  console.log(`Meilisearch index "${config.MEILI_INDEX}" rebuilt and swapped in: ${total} document(s) in batches of ${config.MEILI_BATCH_SIZE}, ${secs()} s (${config.MEILI_URL})`);
  return 0;
}

runCli(main);
