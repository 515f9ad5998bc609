import { z } from "zod";
import type { EntityKind } from "@/lib/entities/types";
import { MAX_ENTITY_QUERY_LENGTH } from "@/lib/entity-urls";
import type { RawParams } from "@/lib/validations/search-params";

/**
 * The parameters of GET /api/entities and of the index pages (/speakers, /institutions,
 * /countries, /topics): which kind, a filter text, the order and a window of the list.
 */

export const ENTITY_TYPES = ["person", "institution", "country", "topic"] as const satisfies readonly EntityKind[];
export const ENTITY_SORTS = ["name", "count"] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

export const MAX_ENTITY_LIMIT = 500;
export const DEFAULT_ENTITY_LIMIT = 100;
/** Entries on one index page. */
export const ENTITY_INDEX_PAGE_SIZE = 100;
export const MAX_ENTITY_OFFSET = 1_000_000;
export const MAX_ENTITY_PAGE = 10_000;

const whole = (what: string) => z.coerce.number({ message: `${what} — целое число` }).int(`${what} — целое число`);

const TYPE_MESSAGE = "тип должен быть person (эксперты), institution (организации), country (страны) или topic (темы)";

const q = z.string().max(MAX_ENTITY_QUERY_LENGTH, `текст фильтра — не длиннее ${MAX_ENTITY_QUERY_LENGTH} знаков`).default("");
const sort = z.enum(ENTITY_SORTS, { message: "порядок должен быть count (по числу материалов) или name (по имени)" }).default("count");

export const entitiesParamsSchema = z.object({
  type: z.enum(ENTITY_TYPES, { message: TYPE_MESSAGE }),
  q,
  sort,
  limit: whole("limit").min(1, `limit — целое число от 1 до ${MAX_ENTITY_LIMIT}`).max(MAX_ENTITY_LIMIT, `limit — целое число от 1 до ${MAX_ENTITY_LIMIT}`).default(DEFAULT_ENTITY_LIMIT),
  offset: whole("offset").min(0, `offset — целое число от 0 до ${MAX_ENTITY_OFFSET}`).max(MAX_ENTITY_OFFSET, `offset — целое число от 0 до ${MAX_ENTITY_OFFSET}`).default(0),
});

export const entityIndexParamsSchema = z.object({
  q,
  sort,
  page: whole("номер страницы").min(1, `номер страницы — от 1 до ${MAX_ENTITY_PAGE}`).max(MAX_ENTITY_PAGE, `номер страницы — от 1 до ${MAX_ENTITY_PAGE}`).default(1),
});

export type EntitiesParams = z.infer<typeof entitiesParamsSchema>;
export type EntityIndexParams = z.infer<typeof entityIndexParamsSchema>;

export type Parsed<T> = { ok: true; params: T } | { ok: false; field: string; error: string };

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);

/** The given parameters as single values; an empty one counts as absent, as in the search URL. */
function present(raw: RawParams, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = single(raw[k]);
    if (v !== undefined && (k === "q" || v.trim() !== "")) out[k] = k === "q" ? v : v.trim();
  }
  return out;
}

function parseWith<T>(schema: z.ZodType<T>, input: Record<string, string>): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) {
    const params = result.data as T & { q?: string };
    return { ok: true, params: (typeof params.q === "string" ? { ...params, q: params.q.trim() } : params) as T };
  }
  const issue = result.error.issues[0]!;
  const field = String(issue.path[0] ?? "query");
  // A missing type has no value to name: say which values it takes.
  const message = field === "type" && input.type === undefined ? `не указан тип; ${TYPE_MESSAGE}` : issue.message;
  return { ok: false, field, error: `${field}: ${message}` };
}

/** GET /api/entities: an invalid parameter is reported by name, never thrown. */
export function parseEntitiesParams(raw: RawParams): Parsed<EntitiesParams> {
  return parseWith(entitiesParamsSchema, present(raw, ["type", "q", "sort", "limit", "offset"]));
}

/** An index page's ?q=&sort=&page=. */
export function parseEntityIndexParams(raw: RawParams): Parsed<EntityIndexParams> {
  return parseWith(entityIndexParamsSchema, present(raw, ["q", "sort", "page"]));
}
