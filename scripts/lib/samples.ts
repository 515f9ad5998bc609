import path from "node:path";
import { ArchiveStore } from "@/lib/archive/store";
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
  // Meilisearch first: if it fails, the archive still holds the samples and a rerun finds them
  // again; the other way round, a failure would leave them searchable with nothing to find them by.
  if (config.MEILI_URL) await (await getEngine(config)).remove(ids);
  await embedded.remove(ids);
  return ids.length;
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
