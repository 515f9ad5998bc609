import os from "node:os";
import type { Db } from "@/lib/archive/db";
import { archiveGeneration } from "@/lib/archive/db";
import type { DocList } from "@/lib/search/engines/sqlite/facet-pass";
import { FACET_FIELDS, type FacetField } from "@/lib/search/types";

/**
 * The document facet memory as saved in the archive (issue 12, cold start): rebuilding it from
 * doc_facets and documents is most of the first answer after a process start (~1 s at 100k
 * documents, several when the file is not in the page cache), while reading it back is one blob.
 */
export interface StoredFacets {
  values: Record<FacetField, string[]>;
  /** value id → the documents filed under it (ascending rowids) */
  members: Record<FacetField, DocList[]>;
  docValues: Record<FacetField, { offsets: Int32Array; ids: Int32Array }>;
  rank: Int32Array;
  allDocs: ArrayLike<number>;
  dates: Int32Array;
  ascRank: Int32Array;
}

/**
 * Bumped whenever the layout changes, so a blob from another layout is rebuilt, never misread.
 * The byte order is part of it: the arrays are saved as the machine holds them.
 */
const FORMAT = `facets-1-${os.endianness()}`;

/** Created on first save, not at open, so an archive from before it still opens read-only. */
const SCHEMA = `CREATE TABLE IF NOT EXISTS facet_memory (id INTEGER PRIMARY KEY CHECK (id = 1), key TEXT NOT NULL, header TEXT NOT NULL, data BLOB NOT NULL)`;

interface Header {
  size: number;
  values: Record<FacetField, string[]>;
  /** Int32 counts of the arrays in the blob, in the order `arraysOf` lists them. */
  lengths: number[];
}

/**
 * What the saved memory is valid for: the archive's generation (lib/archive/db.ts), which every
 * write to documents or doc_facets bumps in its own transaction, so two processes agree on it.
 */
export function facetKey(db: Db): string {
  return `${FORMAT}:${archiveGeneration(db)}`;
}

function csrOf(lists: ArrayLike<number>[]): { offsets: Int32Array; ids: Int32Array } {
  const offsets = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const ids = new Int32Array(offsets[lists.length]!);
  lists.forEach((l, i) => ids.set(l, offsets[i]!));
  return { offsets, ids };
}

function arraysOf(f: StoredFacets): Int32Array[] {
  const out: Int32Array[] = [];
  for (const field of FACET_FIELDS) {
    const members = csrOf(f.members[field]);
    out.push(f.docValues[field].offsets, f.docValues[field].ids, members.offsets, members.ids);
  }
  out.push(f.rank, Int32Array.from(f.allDocs), f.dates, f.ascRank);
  return out;
}

/** The saved memory when it was built from exactly the archive as it is now; undefined otherwise. */
export function loadFacets(db: Db, key: string): StoredFacets | undefined {
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'facet_memory'").get()) return undefined;
  const stored = db.prepare("SELECT key FROM facet_memory WHERE id = 1").pluck().get() as string | undefined;
  if (stored !== key) return undefined;
  const row = db.prepare("SELECT header, data FROM facet_memory WHERE id = 1").raw().get() as [string, Buffer] | undefined;
  if (!row) return undefined;
  const header = JSON.parse(row[0]) as Header;
  let data = row[1];
  const total = header.lengths.reduce((a, b) => a + b, 0);
  if (data.byteLength !== total * 4) return undefined;
  // Int32Array views need a 4-byte aligned offset; the driver's buffers normally are.
  if (data.byteOffset % 4 !== 0) data = Buffer.from(data);
  let at = data.byteOffset;
  let next = 0;
  const take = () => {
    const a = new Int32Array(data.buffer, at, header.lengths[next++]!);
    at += a.byteLength;
    return a;
  };
  const docValues = {} as StoredFacets["docValues"];
  const members = {} as StoredFacets["members"];
  for (const field of FACET_FIELDS) {
    docValues[field] = { offsets: take(), ids: take() };
    const offsets = take();
    const ids = take();
    const lists: Int32Array[] = new Array(offsets.length - 1);
    for (let i = 0; i < lists.length; i++) lists[i] = ids.subarray(offsets[i]!, offsets[i + 1]!);
    members[field] = lists;
  }
  const rank = take();
  const allDocs = take();
  const dates = take();
  const ascRank = take();
  return { values: header.values, members, docValues, rank, allDocs, dates, ascRank };
}

/**
 * Saves the memory built under `key`, unless the archive has moved on since or another
 * connection holds the write lock: a search must not wait for an import, and a later start
 * simply builds again. Read-only archives keep building at every start.
 */
export function saveFacets(db: Db, key: string, facets: StoredFacets): boolean {
  const arrays = arraysOf(facets);
  const data = Buffer.concat(arrays.map((a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength)));
  const header: Header = { size: facets.rank.length, values: facets.values, lengths: arrays.map((a) => a.length) };
  const timeout = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    return db.transaction(() => {
      if (facetKey(db) !== key) return false;
      db.exec(SCHEMA);
      db.prepare("INSERT OR REPLACE INTO facet_memory (id, key, header, data) VALUES (1, ?, ?, ?)").run(key, JSON.stringify(header), data);
      return true;
    }).immediate();
  } catch (e) {
    // Busy: an import is writing. Read-only: a copy served as is. Either way the next start builds.
    if (/^SQLITE_(BUSY|LOCKED|READONLY)/.test((e as { code?: string }).code ?? "")) return false;
    throw e;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}
