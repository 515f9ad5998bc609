import type { NextRequest } from "next/server";
import { searchFromParams } from "@/lib/data";
import { AppError } from "@/lib/errors";
import { errorResponse, okJson } from "@/lib/http";
import { exportResponse } from "@/lib/export-response";
import { segmentsToHtml } from "@/lib/text/highlight";
import { fromURLSearchParams } from "@/lib/validations/search-params";

export const dynamic = "force-dynamic";

/** GET /api/search?q=&speaker=&institution=&topic=&sort=&page= → {hits, facets, total, page, tookMs} */
export async function GET(request: NextRequest) {
  try {
    // format=csv|json: the whole result set as a download (lib/export-response.ts).
    const exported = await exportResponse(request, "documents");
    if (exported) return exported;
    const data = await searchFromParams(fromURLSearchParams(request.nextUrl.searchParams), { timeline: request.nextUrl.searchParams.get("timeline") === "1" });
    if (data.kind === "invalid") throw new AppError("bad_request", data.message);
    // A busy server or a too costly query says so in its own words; a server that is down says only that (its error may name internals).
    if (data.kind === "unavailable")
      throw new AppError("unavailable", data.reason === "down" ? "Search is temporarily unavailable: the search server did not answer." : data.message, { reason: data.reason });
    const { result } = data;
    return okJson({
      hits: result.hits.map((h) => ({ ...h, snippetHtml: segmentsToHtml(h.snippet), titleHtml: segmentsToHtml(h.titleHighlighted) })),
      facets: result.facets,
      facetTotals: result.facetTotals,
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      perPage: result.perPage,
      matchMode: result.matchMode,
      ...(result.correctedQuery ? { correctedQuery: result.correctedQuery } : {}),
      ...(result.partialQuery ? { partialQuery: true } : {}),
      // Filter values resolved to canonical names (speaker=Путина is filtered as «Владимир Путин»).
      filters: data.query.filters,
      // timeline=1: matches per year or month ({granularity, buckets: [{key, count}], undated}).
      ...(result.timeline ? { timeline: result.timeline } : {}),
      tookMs: result.tookMs,
    });
  } catch (e) {
    return errorResponse(e);
  }
}
