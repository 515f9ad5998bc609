import type { NextRequest } from "next/server";
import { parseCanonical } from "@/lib/data";
import { AppError } from "@/lib/errors";
import { FEED_ENTRIES, documentsFeed, statementsFeed } from "@/lib/feed";
import { errorResponse } from "@/lib/http";
import { getEngine } from "@/lib/search";
import { fromURLSearchParams } from "@/lib/validations/search-params";

export const dynamic = "force-dynamic";

/**
 * GET /feed?… — the search page's parameters (q, filters, from, to, view) — an Atom feed of the
 * newest FEED_ENTRIES matches: documents, or statements with view=statements.
 */
export async function GET(request: NextRequest) {
  try {
    const raw = fromURLSearchParams(request.nextUrl.searchParams);
    delete raw.page;
    delete raw.sort;
    const parsed = parseCanonical(raw);
    if (!parsed.ok) throw new AppError("bad_request", parsed.error);
    const query = { ...parsed.query, sort: "newest" as const, page: 1, perPage: FEED_ENTRIES };
    const origin = request.nextUrl.origin;
    const engine = await getEngine();
    const xml =
      query.view === "statements"
        ? statementsFeed({ origin, query }, (await engine.searchStatements(query)).hits)
        : documentsFeed({ origin, query }, (await engine.search(query)).hits);
    return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
  } catch (e) {
    return errorResponse(e);
  }
}
