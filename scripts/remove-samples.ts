/**
 * npm run samples:remove
 * Takes every document marked `sample: true` out of the archive and its indexes (the embedded
 * one, and Meilisearch when MEILI_URL is set), so an archive in real use keeps no fictional
 * quotes. Real documents are untouched. Run npm start with SAMPLES=exclude so they stay out.
 */
import { getConfig } from "@/lib/config";
import { runCli } from "./lib/run-cli";
import { removeSamples } from "./lib/samples";

async function main(): Promise<number> {
  const config = getConfig();
  const removed = await removeSamples(config);
  const where = config.MEILI_URL ? `${config.ARCHIVE_DB_PATH} and Meilisearch index "${config.MEILI_INDEX}"` : config.ARCHIVE_DB_PATH;
  console.log(`removed ${removed} sample document(s) from ${where}`);
  return 0;
}

runCli(main);
