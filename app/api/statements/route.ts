import type { NextRequest } from "next/server";
import { statementsFromParams } from "@/lib/data";
import { AppError } from "@/lib/errors";
import { errorResponse, okJson } from "@/lib/http";
import { exportResponse } from "@/lib/export-response";
import { segmentsToHtml } from "@/lib/text/highlight";
import { fromURLSearchParams } from "@/lib/validations/search-params";

export const dynamic = "force-dynamic";

/**
 * GET /api/statements?q=&speaker=&institution=&topic=&sort=&page= — the parameters of /api/search —
 * → {hits: [{id, text, textHighlighted, textHtml, speaker, document, url, kind}], facets, facetTotals, total, page, perPage, pageCount, tookMs}.
 * `q` matches inside statements only; facets count statements; `url` is the statement's permalink.
 */
export async function GET(request: NextRequest) {
  try {
    // format=csv|json: the whole result set as a download (lib/export-response.ts).
    const exported = await exportResponse(request, "statements");
    if (exported) return exported;
    const data = await statementsFromParams(fromURLSearchParams(request.nextUrl.searchParams), { timeline: request.nextUrl.searchParams.get("timeline") === "1" });
    if (data.kind === "invalid") throw new AppError("bad_request", data.message);
    // A busy server or a too costly query says so in its own words; a server that is down says only that (its error may name internals).
    if (data.kind === "unavailable")
      throw new AppError("unavailable", data.reason === "down" ? "Statement search is temporarily unavailable: the search server did not answer." : data.message, { reason: data.reason });
    const { result } = data;
    return okJson({
      hits: result.hits.map((h) => ({ ...h, textHtml: segmentsToHtml(h.textHighlighted) })),
      facets: result.facets,
      facetTotals: result.facetTotals,
      total: result.total,
      page: result.page,
      perPage: result.perPage,
      pageCount: result.pageCount,
      matchMode: result.matchMode,
      ...(result.correctedQuery ? { correctedQuery: result.correctedQuery } : {}),
      ...(result.partialQuery ? { partialQuery: true } : {}),
      // timeline=1: matches per year or month ({granularity, buckets: [{key, count}], undated}).
      ...(result.timeline ? { timeline: result.timeline } : {}),
      tookMs: result.tookMs,
    });
  } catch (e) {
    return errorResponse(e);
  }
}
