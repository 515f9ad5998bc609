import "server-only";
import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { parseCanonical } from "@/lib/data";
import { AppError } from "@/lib/errors";
import { EXPORT_CONTENT_TYPE, type ExportFormat, documentColumns, exportStream, statementColumns } from "@/lib/export";
import { getEngine } from "@/lib/search";
import { fromURLSearchParams } from "@/lib/validations/search-params";

/**
 * `format=csv|json` on GET /api/search and /api/statements: the same parameters, the whole result
 * set (up to EXPORT_MAX_ROWS) as a download instead of one page. Undefined when no format is asked
 * for; a bad parameter throws AppError("bad_request") like the JSON API.
 */
export async function exportResponse(request: NextRequest, view: "documents" | "statements"): Promise<Response | undefined> {
  const sp = request.nextUrl.searchParams;
  const format = sp.get("format");
  if (format === null) return undefined;
  if (format !== "csv" && format !== "json") throw new AppError("bad_request", "format: формат выгрузки должен быть csv или json");
  const raw = fromURLSearchParams(sp);
  delete raw.format;
  delete raw.page;
  const parsed = parseCanonical(raw);
  if (!parsed.ok) throw new AppError("bad_request", parsed.error);
  const query = { ...parsed.query, page: 1 };
  const engine = await getEngine();
  const origin = request.nextUrl.origin;
  const cap = getConfig().EXPORT_MAX_ROWS;
  const common = { format: format as ExportFormat, cap };
  const stream =
    view === "statements"
      ? await exportStream({ ...common, columns: statementColumns(origin), fetchPage: (page, perPage) => engine.searchStatements({ ...query, page, perPage }) })
      : await exportStream({ ...common, columns: documentColumns(origin), fetchPage: (page, perPage) => engine.search({ ...query, page, perPage }) });
  const name = `${view === "statements" ? "statements" : "documents"}-${new Date().toISOString().slice(0, 10)}.${format}`;
  return new Response(stream.body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPE[format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Total-Count": String(stream.total),
      "X-Export-Rows": String(stream.rows),
      "X-Export-Limit": String(cap),
    },
  });
}
