import type { EntityIndexData } from "@/components/entity-index";
import { listEntities } from "@/lib/data";
import type { EntityKind } from "@/lib/entities/types";
import { ENTITY_INDEX_PAGE_SIZE, parseEntityIndexParams } from "@/lib/validations/entities-params";
import type { RawParams } from "@/lib/validations/search-params";

/** One page of an index (/speakers?q=&sort=&page=): the entities a filter text finds, in the chosen order. */
export function loadEntityIndex(type: EntityKind, raw: RawParams): EntityIndexData {
  const parsed = parseEntityIndexParams(raw);
  if (!parsed.ok) return { kind: "invalid", message: parsed.error };
  const { q, sort, page } = parsed.params;
  const { entities, total } = listEntities(type, { q, sort, limit: ENTITY_INDEX_PAGE_SIZE, offset: (page - 1) * ENTITY_INDEX_PAGE_SIZE });
  return { kind: "ok", params: parsed.params, entities, total, pageCount: Math.max(1, Math.ceil(total / ENTITY_INDEX_PAGE_SIZE)) };
}

/** «Эксперты», or ««Путина» — эксперты» for a filtered list. */
export async function entityIndexTitle(title: string, searchParams: Promise<RawParams>): Promise<{ title: string }> {
  const q = (await searchParams).q;
  const text = (Array.isArray(q) ? q[0] : q)?.trim();
  return { title: text ? `«${text.slice(0, 80)}» — ${title.toLowerCase()}` : title };
}
