/**
 * npx tsx tests/contract/serve-fake-meilisearch.ts [port]
 * Serves the fake (see fake-meilisearch.ts) with master key "fake-master-key", to run the
 * contract suite's Meilisearch half where no real server exists, e.g.
 *   npx tsx tests/contract/serve-fake-meilisearch.ts 7799 &
 *   MEILI_URL=http://127.0.0.1:7799 MEILI_MASTER_KEY=fake-master-key npx vitest run tests/contract
 * A real server stays the authority.
 */
import { startFakeMeilisearch } from "./fake-meilisearch";

const port = process.argv[2] ? Number(process.argv[2]) : undefined;
const fake = await startFakeMeilisearch({ masterKey: "fake-master-key", ...(port ? { port } : {}) });
console.log(`fake Meilisearch at ${fake.url} (master key fake-master-key)`);
