import type { Metadata } from "next";
import type { EntityIndexData } from "@/components/entity-index";
import { ENTITY_LABELS } from "@/components/entity-labels";
import { ENTITY_BASE } from "@/lib/entity-urls";
import { pageMetadata } from "@/lib/page-metadata";
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

/** «Эксперты», or ««Путина» — эксперты» for a filtered list; with its own description and Open Graph tags. */
export async function entityIndexTitle(kind: EntityKind, searchParams: Promise<RawParams>): Promise<Metadata> {
  const q = (await searchParams).q;
  const text = (Array.isArray(q) ? q[0] : q)?.trim();
  const label = ENTITY_LABELS[kind];
  const title = text ? `«${text.slice(0, 80)}» — ${label.title.toLowerCase()}` : label.title;
  const { total } = listEntities(kind, { limit: 0 });
  return pageMetadata({ title, description: `${label.all} архива комментариев о внешней политике (${total}): по числу материалов или по алфавиту, с поиском по любой форме имени.`, path: ENTITY_BASE[kind] });
}
