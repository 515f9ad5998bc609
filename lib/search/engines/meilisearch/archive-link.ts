/**
 * What the Meilisearch engine reads from the archive it is derived from, on the same server: the
 * documents its hits name (records carry ids, not originals), the vocabulary for typo correction
 * (the embedded index, which ingest keeps whichever engine serves search) and the outbox's state
 * for health.
 */
import { openDatabase } from "@/lib/archive/db";
import { currentRegistry } from "@/lib/archive/entities";
import { type OutboxState, outboxState } from "@/lib/archive/outbox";
import { ArchiveStore } from "@/lib/archive/store";
import { resolveDocument } from "@/lib/entities/document";
import { SqliteVocabulary } from "@/lib/search/vocabulary";
import type { CommentaryDocument } from "@/lib/validations/document";

export interface ArchiveLink {
  /** Documents by archive id, as readers see them (names resolved to entities); missing ids are absent. */
  documents(ids: readonly string[]): Map<string, CommentaryDocument>;
  /** Undefined while the archive cannot tell (no embedded index yet). */
  vocabulary(): SqliteVocabulary | undefined;
  state(): OutboxState | undefined;
}

export function archiveLink(file: string): ArchiveLink {
  let vocabulary: SqliteVocabulary | undefined;
  return {
    documents: (ids) => {
      const db = openDatabase(file);
      const registry = currentRegistry(db);
      const out = new Map<string, CommentaryDocument>();
      for (const [id, doc] of new ArchiveStore(db).byIds(ids)) out.set(id, resolveDocument(registry, doc));
      return out;
    },
    vocabulary: () => {
      // Opened on first use, and tried again later while the archive has no index yet.
      try {
        vocabulary ??= new SqliteVocabulary(openDatabase(file));
      } catch {
        return undefined;
      }
      return vocabulary;
    },
    state: () => {
      try {
        return outboxState(openDatabase(file));
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * A fixed set of documents standing in for the archive: for an engine over an index filled from
 * a list (tests, one-off scripts), with no vocabulary and no outbox.
 */
export function documentsLink(docs: readonly CommentaryDocument[]): ArchiveLink & { add(more: readonly CommentaryDocument[]): void } {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    documents: (ids) => new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))),
    vocabulary: () => undefined,
    state: () => undefined,
    add: (more) => more.forEach((d) => byId.set(d.id, d)),
  };
}
