/**
 * npm run meili:setup
 * Creates the Meilisearch indexes (MEILI_INDEX for documents, MEILI_INDEX_statements for
 * statements) if missing and applies their settings. Idempotent:
 * run it after changing settings code or config/aliases.ts; `npm run reindex` applies the same
 * settings to the index it builds.
 */
import { getConfig } from "@/lib/config";
import { MeilisearchEngine, checkMeilisearch } from "@/lib/search/engines/meilisearch";
import { loadAliases } from "@/lib/search/engines/meilisearch/aliases";
import { runCli } from "./lib/run-cli";

async function main(): Promise<number> {
  const config = getConfig();
  if (!config.MEILI_URL) {
    console.error("MEILI_URL is not set: there is no Meilisearch to set up (the embedded engine needs no setup).");
    return 1;
  }
  const aliases = await loadAliases();
  const engine = MeilisearchEngine.fromConfig(config, aliases);
  await engine.setup();
  const s = engine.settings();
  const st = engine.statementSettings();
  console.log(
    `settings applied to index "${config.MEILI_INDEX}" at ${config.MEILI_URL}: ${s.filterableAttributes?.length} filterable attributes, ` +
      `${Object.keys(s.synonyms ?? {}).length} synonym entries${aliases ? "" : " (config/aliases.ts not found)"}`,
  );
  console.log(`settings applied to statement index "${engine.statementsUid}": ${st.filterableAttributes?.length} filterable attributes`);
  console.log(await checkMeilisearch(config).catch((e: Error) => `note: ${e.message}`));
  return 0;
}

runCli(main);
