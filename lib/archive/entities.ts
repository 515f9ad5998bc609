import { createHash } from "node:crypto";
import { type Db, changeVersion } from "./db";
import { documentNames } from "@/lib/entities/document";
import { buildEntityRegistry, cleanedInstitutions, indexRegistry, resolveName, type EntityRegistry } from "@/lib/entities/registry";
import { foldKey } from "@/lib/entities/keys";
import type { PeopleOverrides } from "@/lib/entities/overrides";
import type { DocumentNames, Entity } from "@/lib/entities/types";
import type { CommentaryDocument } from "@/lib/validations/document";

/**
 * The entity registry in the archive. Each document's names are kept beside it (small, so a
 * rebuild never parses whole documents), the registry is rebuilt from them after every import,
 * and the documents whose resolved names changed are handed back to be re-indexed.
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS document_names (
  doc INTEGER PRIMARY KEY,
  names TEXT NOT NULL,
  /** Hash of the names as last indexed: a change means the index needs the document again. */
  view_hash TEXT
);
CREATE TABLE IF NOT EXISTS entities (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  record TEXT NOT NULL,
  UNIQUE (kind, slug)
);
CREATE TABLE IF NOT EXISTS entity_document_people (doc_key TEXT PRIMARY KEY, id TEXT NOT NULL);
`;

export function ensureEntitySchema(db: Db): void {
  db.exec(SCHEMA);
}

export function saveDocumentNames(db: Db, rowid: number, doc: CommentaryDocument): void {
  db.prepare("INSERT INTO document_names (doc, names) VALUES (?, ?) ON CONFLICT(doc) DO UPDATE SET names = excluded.names").run(rowid, JSON.stringify(documentNames(doc)));
}

export function removeDocumentNames(db: Db, rowid: number): void {
  db.prepare("DELETE FROM document_names WHERE doc = ?").run(rowid);
}

function allNames(db: Db): { rowid: number; names: DocumentNames; viewHash: string | null }[] {
  return (db.prepare("SELECT doc, names, view_hash FROM document_names").raw().all() as [number, string, string | null][]).map(([rowid, names, viewHash]) => ({
    rowid,
    names: JSON.parse(names) as DocumentNames,
    viewHash,
  }));
}

/** What a document's resolved view depends on: the canonical name behind each of its names. */
export function viewHash(registry: EntityRegistry, n: DocumentNames): string {
  return viewHasher(registry)(n);
}

/**
 * viewHash for every document of one rebuild. The same few thousand names recur across the
 * archive, so each value is resolved once per rebuild (a person's per value too, unless a split
 * override moves names document by document).
 */
function viewHasher(registry: EntityRegistry): (n: DocumentNames) => string {
  const memo = new Map<string, string>();
  const once = (key: string, resolve: () => string) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = resolve()));
    return v;
  };
  const perDocument = registry.personInDocument.size > 0;
  const personId = (name: string, docId: string) => (registry.notPerson.has(foldKey(name)) ? "-" : (resolveName(registry, "person", name, docId)?.id ?? name));
  const personName = (name: string, docId: string) => resolveName(registry, "person", name, docId)?.name ?? name;
  const named = (kind: "institution" | "country" | "topic", value: string) => once(`${kind[0]}\u0000${value}`, () => resolveName(registry, kind, value)?.name ?? value);
  return (n) => {
    const c = cleanedInstitutions(n);
    const parts = [
      ...n.speakers.map((s) => `p:${perDocument ? personId(s.name, n.docId) : once(`p\u0000${s.name}`, () => personId(s.name, n.docId))}`),
      ...n.speakers.map((s) => `si:${s.institution ? named("institution", s.institution) : ""}`),
      ...c.institutions.map((i) => `i:${named("institution", i)}`),
      ...[...n.countries, ...c.countries].map((x) => `c:${named("country", x)}`),
      ...n.topics.map((t) => `t:${named("topic", t)}`),
      ...n.speakers.map((s) => `n:${perDocument ? personName(s.name, n.docId) : once(`n\u0000${s.name}`, () => personName(s.name, n.docId))}`),
    ];
    return createHash("sha256").update(parts.join("\u0001")).digest("hex").slice(0, 16);
  };
}

export interface RegistryRebuild {
  registry: EntityRegistry;
  /** Rowids of documents whose view changed and must be indexed again. */
  changed: number[];
}

/**
 * Rebuild the registry from every document's names and store it. Call inside the import's
 * transaction, so the archive, its registry and its index change together or not at all.
 */
export function rebuildRegistry(db: Db, overrides: PeopleOverrides): RegistryRebuild {
  ensureEntitySchema(db);
  // Archives written before the registry existed carry no names yet.
  const missing = db.prepare("SELECT rowid, record FROM documents WHERE rowid NOT IN (SELECT doc FROM document_names)").raw().all() as [number, string][];
  for (const [rowid, record] of missing) saveDocumentNames(db, rowid, JSON.parse(record) as CommentaryDocument);
  const rows = allNames(db);
  const registry = buildEntityRegistry(
    rows.map((r) => r.names),
    overrides,
  );
  db.exec("DELETE FROM entities; DELETE FROM entity_document_people;");
  const insert = db.prepare("INSERT INTO entities (id, kind, slug, name, record) VALUES (?, ?, ?, ?, ?)");
  for (const e of registry.entities) insert.run(e.id, e.kind, e.slug, e.name, JSON.stringify(e));
  const split = db.prepare("INSERT INTO entity_document_people (doc_key, id) VALUES (?, ?)");
  for (const [k, id] of registry.personInDocument) split.run(k, id);
  db.prepare("INSERT INTO meta (key, value) VALUES ('entities_not_person', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify([...registry.notPerson]));
  const changed: number[] = [];
  const mark = db.prepare("UPDATE document_names SET view_hash = ? WHERE doc = ?");
  const hashOf = viewHasher(registry);
  for (const r of rows) {
    const h = hashOf(r.names);
    if (h !== r.viewHash) {
      changed.push(r.rowid);
      mark.run(h, r.rowid);
    }
  }
  return { registry, changed };
}

/** The stored registry, as built by the last import or reindex. */
export function loadRegistry(db: Db): EntityRegistry {
  ensureEntitySchema(db);
  const entities = (db.prepare("SELECT record FROM entities").pluck().all() as string[]).map((r) => JSON.parse(r) as Entity);
  const personInDocument = new Map(db.prepare("SELECT doc_key, id FROM entity_document_people").raw().all() as [string, string][]);
  const notPersonJson = db.prepare("SELECT value FROM meta WHERE key = 'entities_not_person'").pluck().get() as string | undefined;
  return indexRegistry(entities, personInDocument, new Set(notPersonJson ? (JSON.parse(notPersonJson) as string[]) : []));
}

// On globalThis: Next.js bundles pages and route handlers with their own copies of this module, and one process keeps one registry per archive.
const CURRENT = Symbol.for("archive.entities.current");
const slot = globalThis as Record<symbol, WeakMap<Db, { key: string; registry: EntityRegistry }> | undefined>;
const current = (slot[CURRENT] ??= new WeakMap());

/**
 * The stored registry, read again only when the archive has changed: by another connection
 * (data_version) or by this one (total_changes), so a reader never resolves names with a
 * registry older than the documents it reads.
 */
export function currentRegistry(db: Db): EntityRegistry {
  const key = changeVersion(db);
  const hit = current.get(db);
  if (hit && hit.key === key) return hit.registry;
  const registry = loadRegistry(db);
  current.set(db, { key, registry });
  return registry;
}
