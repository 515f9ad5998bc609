/**
 * npx tsx tests/contract/serve-fake-meilisearch.ts [port]
 * Serves the fake (see fake-meilisearch.ts) with master key "fake-master-key", to run the
 * contract suite's Meilisearch half where no real server exists. A real server stays the authority.
 */
import { startFakeMeilisearch } from "./fake-meilisearch";

const fake = await startFakeMeilisearch({ masterKey: "fake-master-key" });
console.log(`fake Meilisearch at ${fake.url} (master key fake-master-key)`);
