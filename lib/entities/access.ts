import "server-only";
import { openDatabase } from "@/lib/archive/db";
import { currentRegistry } from "@/lib/archive/entities";
import { getConfig } from "@/lib/config";
import type { FacetField } from "@/lib/search/types";
import { emptyFilters } from "@/lib/search/types";
import { findEntity, type EntityRegistry } from "./registry";
import type { EntityKind } from "./types";

/**
 * The registry as the server reads it: from the archive, which is on this server whichever engine
 * serves search, reloaded when an import (another process) has changed the archive.
 */

export function getRegistry(): EntityRegistry {
  return currentRegistry(openDatabase(getConfig().ARCHIVE_DB_PATH));
}

export const FACET_KIND: Record<FacetField, EntityKind> = { speaker: "person", institution: "institution", country: "country", topic: "topic" };

/**
 * Filter values as the user typed them («Путина», «владимир путин», «РФ») → canonical names.
 * `changed` says whether the URL should be rewritten; a value no entity answers to is kept as
 * typed, so the page can say nothing matched it.
 */
export function canonicalFilters(filters: Record<FacetField, string[]>, registry: EntityRegistry = getRegistry()): { filters: Record<FacetField, string[]>; changed: boolean } {
  const out = emptyFilters();
  let changed = false;
  for (const field of Object.keys(out) as FacetField[]) {
    for (const v of filters[field]) {
      const e = findEntity(registry, FACET_KIND[field], v);
      const name = e?.name ?? v;
      if (name !== v) changed = true;
      if (!out[field].includes(name)) out[field].push(name);
      else changed = true;
    }
  }
  return { filters: out, changed };
}
