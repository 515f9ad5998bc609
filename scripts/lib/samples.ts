import path from "node:path";
import { removeDocuments } from "@/lib/archive/manage";
import { flushOutbox } from "@/lib/archive/outbox";
import { ArchiveStore } from "@/lib/archive/store";
import { loadPeopleOverrides } from "@/lib/entities/overrides";
import type { AppConfig } from "@/lib/config";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest, storeDocuments } from "@/lib/ingest/run-ingest";
import { getEngine, openEmbeddedEngine } from "@/lib/search";

/**
 * Removes every archived document marked `sample: true` (except the ids in `keep`) from the
 * archive, the embedded index and, when configured, Meilisearch; returns how many.
 */
export async function removeSamples(config: AppConfig, keep: ReadonlySet<string> = new Set()): Promise<number> {
  const embedded = openEmbeddedEngine(config);
  const ids: string[] = [];
  for (const { document } of new ArchiveStore(embedded.db).all()) if (document.sample === true && !keep.has(document.id)) ids.push(document.id);
  if (ids.length === 0) return 0;
  // The archive, its embedded index and the entity registry change together (sample people leave
  // the registry with their documents); Meilisearch follows through the outbox, which keeps the
  // removals until it confirms them, so a failure there is retried, never lost.
  const result = removeDocuments(embedded, ids, loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH), Boolean(config.MEILI_URL));
  if (config.MEILI_URL) await flushOutbox(embedded.db, await getEngine(config), config.MEILI_BATCH_SIZE);
  return result.removed.length;
}

export type LoadedContent = { added: number; updated: number; unchanged: number; samplesRemoved: number } | { errors: string[] };

/**
 * What npm start loads: everything under `contentDir`, its `samples/` folder only with
 * SAMPLES=include. Excluded, every archived sample is removed; included, only samples no longer
 * shipped are, so an archive that loaded an older sample set does not keep those pieces forever.
 */
export async function loadContent(config: AppConfig, contentDir: string): Promise<LoadedContent> {
  const samplesDir = path.join(contentDir, "samples");
  const withSamples = config.SAMPLES === "include";
  const inSamples = (f: string) => !path.relative(samplesDir, f).startsWith("..");
  const files = listInputFiles([contentDir]).filter((f) => withSamples || !inSamples(f));
  const prepared = prepareIngest(files);
  if (prepared.errors.length > 0) return { errors: prepared.errors.map((e) => e.message) };
  const summary = await storeDocuments(
    prepared.documents.map((d) => d.document),
    config,
  );
  const shipped = new Set(prepared.documents.filter((d) => d.document.sample === true).map((d) => d.document.id));
  const samplesRemoved = await removeSamples(config, withSamples ? shipped : new Set());
  return { added: summary.added, updated: summary.updated, unchanged: summary.unchanged, samplesRemoved };
}
