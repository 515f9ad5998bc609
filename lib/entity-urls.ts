import type { EntityKind } from "@/lib/entities/types";

/**
 * Addresses of entity pages, for server and browser alike (no zod here: the search page's
 * filter boxes import this into the client bundle).
 */

/** Where each kind's pages live: the index at the base, an entity at base/slug. */
export const ENTITY_BASE: Record<EntityKind, string> = { person: "/speakers", institution: "/institutions", country: "/countries", topic: "/topics" };

export function entityPath(kind: EntityKind, slug: string): string {
  return `${ENTITY_BASE[kind]}/${slug}`;
}

/** An index page's filter text is at most this long (GET /api/entities takes the same). */
export const MAX_ENTITY_QUERY_LENGTH = 200;

/** An index page's address for a state, defaults omitted (sort=count, page=1). */
export function entityIndexHref(kind: EntityKind, params: { q?: string; sort?: "name" | "count"; page?: number }): string {
  const sp = new URLSearchParams();
  if (params.q) sp.set("q", params.q);
  if (params.sort && params.sort !== "count") sp.set("sort", params.sort);
  if (params.page && params.page > 1) sp.set("page", String(params.page));
  const s = sp.toString();
  return `${ENTITY_BASE[kind]}${s ? `?${s}` : ""}`;
}
