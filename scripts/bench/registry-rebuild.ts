/**
 * npx tsx scripts/bench/registry-rebuild.ts <archive.db> [times]
 *
 * Times the entity registry rebuild an import makes at every commit (lib/archive/entities.ts
 * rebuildRegistry) on an existing archive, inside a transaction that is rolled back, so the
 * archive is left as it was. Prints wall and CPU time a rebuild and a hash of the registry
 * (entities, per-document people, not-a-person values), to compare two versions of the code on
 * copies of one archive. A script, not a test: timings vary with load.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { openDatabase } from "@/lib/archive/db";
import { rebuildRegistry } from "@/lib/archive/entities";
import { loadPeopleOverrides } from "@/lib/entities/overrides";

const [file, timesArg] = process.argv.slice(2);
if (!file || !fs.existsSync(file)) {
  console.error("usage: npx tsx scripts/bench/registry-rebuild.ts <archive.db> [times]");
  process.exit(2);
}
const db = openDatabase(file);
const overrides = loadPeopleOverrides();
db.exec("BEGIN");
try {
  for (let i = 0; i < Number(timesArg ?? 1); i++) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const { registry, changed } = rebuildRegistry(db, overrides);
    const cpu = process.cpuUsage(cpu0);
    const hash = createHash("sha256")
      .update(JSON.stringify(registry.entities))
      .update(JSON.stringify([...registry.personInDocument]))
      .update(JSON.stringify([...registry.notPerson].sort()))
      .digest("hex")
      .slice(0, 16);
    const docs = db.prepare("SELECT count(*) FROM documents").pluck().get() as number;
    console.log(`rebuild ${i + 1}: ${docs} documents, ${Math.round(performance.now() - t0)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU, ${registry.entities.length} entities, ${changed.length} to re-index, registry ${hash}`);
  }
} finally {
  db.exec("ROLLBACK");
  db.close();
}
