import { z } from "zod";
import type { SearchQuery, SortOrder } from "@/lib/search/types";
import { isPartialDate, lowerBound, upperBound } from "@/lib/search/date-range";

export const MAX_QUERY_LENGTH = 500;
export const MAX_PAGE = 1_000;

const partialDate = z.string().trim().refine(isPartialDate, "дата должна быть в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД");

const facetValue = z.string().trim().min(1).max(300, "значение фильтра — не длиннее 300 знаков");

const PAGE_MESSAGE = `номер страницы должен быть целым числом от 1 до ${MAX_PAGE}`;

/** The search state that lives in the URL: q, speaker, institution, topic, sort, page. */
export const searchParamsSchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `запрос — не длиннее ${MAX_QUERY_LENGTH} знаков`).default(""),
  speaker: z.array(facetValue).max(20, "не больше 20 экспертов").default([]),
  institution: z.array(facetValue).max(20, "не больше 20 организаций").default([]),
  country: z.array(facetValue).max(20, "не больше 20 стран").default([]),
  topic: z.array(facetValue).max(20, "не больше 20 тем").default([]),
  // "date" is what older links say for newest first.
  sort: z
    .enum(["relevance", "newest", "oldest", "date"], { message: "порядок должен быть relevance (по релевантности), newest (сначала новые) или oldest (сначала старые)" })
    .transform((s) => (s === "date" ? "newest" : s))
    .default("relevance"),
  from: partialDate.optional(),
  to: partialDate.optional(),
  page: z.coerce
    .number({ message: PAGE_MESSAGE })
    .int(PAGE_MESSAGE)
    .min(1, PAGE_MESSAGE)
    .max(MAX_PAGE, PAGE_MESSAGE)
    .default(1),
  exact: z.enum(["1"], { message: "exact может быть только 1 (искать запрос как написан)" }).optional(),
  view: z.enum(["documents", "statements"], { message: "вид должен быть documents (материалы) или statements (высказывания)" }).default("documents"),
});

export type RawParams = Record<string, string | string[] | undefined>;

export function fromURLSearchParams(sp: URLSearchParams): RawParams {
  const out: RawParams = {};
  for (const key of new Set(sp.keys())) {
    const all = sp.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v[v.length - 1] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s.trim() !== "");

export type ParsedSearchParams =
  | { ok: true; query: SearchQuery }
  | { ok: false; error: string; field: string };

/** Read the URL's search state; an invalid parameter is reported by name, never thrown. */
export function parseSearchParams(raw: RawParams, perPage: number): ParsedSearchParams {
  const page = single(raw.page);
  const sort = single(raw.sort);
  const exact = single(raw.exact);
  const view = single(raw.view);
  const from = single(raw.from)?.trim();
  const to = single(raw.to)?.trim();
  const result = searchParamsSchema.safeParse({
    q: single(raw.q) ?? "",
    speaker: many(raw.speaker),
    institution: many(raw.institution),
    country: many(raw.country),
    topic: many(raw.topic),
    ...(sort ? { sort } : {}),
    ...(page ? { page } : {}),
    ...(exact ? { exact } : {}),
    ...(view ? { view } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? "query");
    return { ok: false, field, error: `${field}: ${issue.message}` };
  }
  const d = result.data;
  if (d.from && d.to && lowerBound(d.from) > upperBound(d.to)) return { ok: false, field: "from", error: "from: начало периода позже его конца (to)" };
  const dedupe = (xs: string[]) => [...new Set(xs)];
  return {
    ok: true,
    query: {
      q: d.q.trim(),
      filters: { speaker: dedupe(d.speaker), institution: dedupe(d.institution), country: dedupe(d.country), topic: dedupe(d.topic) },
      sort: d.sort as SortOrder,
      page: d.page,
      perPage,
      ...(d.exact ? { noCorrection: true } : {}),
      ...(d.view === "statements" ? { view: "statements" as const } : {}),
      ...(d.from ? { from: d.from } : {}),
      ...(d.to ? { to: d.to } : {}),
    },
  };
}

export { toSearchString, toggleFacetHref } from "@/lib/validations/search-href";
