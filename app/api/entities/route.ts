import type { NextRequest } from "next/server";
import { listEntities } from "@/lib/data";
import { AppError } from "@/lib/errors";
import { errorResponse, okJson } from "@/lib/http";
import type { Entity } from "@/lib/entities/types";
import { entityPath } from "@/lib/entity-urls";
import { parseEntitiesParams } from "@/lib/validations/entities-params";
import { fromURLSearchParams } from "@/lib/validations/search-params";

export const dynamic = "force-dynamic";

/** What the API tells about one entity: enough to list it, link it and filter by it. */
function entityJson(e: Entity) {
  return {
    id: e.id,
    type: e.kind,
    name: e.name,
    slug: e.slug,
    url: entityPath(e.kind, e.slug),
    variants: e.variants,
    documentCount: e.documentCount,
    ...(e.kind === "person" ? { statementCount: e.statementCount, partial: e.partial } : {}),
    sampleOnly: e.sampleOnly,
    ...(e.kind === "person" && e.role ? { role: e.role } : {}),
    ...(e.kind === "person" && e.institution ? { institution: e.institution } : {}),
  };
}

/**
 * GET /api/entities?type=person|institution|country|topic&q=&sort=name|count&limit=&offset=
 * → {entities: [{id, type, name, slug, url, variants, documentCount, statementCount?, partial?, sampleOnly, role?, institution?}], total}.
 * `q` finds any name, variant or case form («Путина» finds Владимир Путин); `name` is the
 * value the search page's filters take (speaker=, institution=, country=, topic=).
 */
export async function GET(request: NextRequest) {
  try {
    const parsed = parseEntitiesParams(fromURLSearchParams(request.nextUrl.searchParams));
    if (!parsed.ok) throw new AppError("bad_request", parsed.error);
    const { type, q, sort, limit, offset } = parsed.params;
    const listing = listEntities(type, { q, sort, limit, offset });
    return okJson({ entities: listing.entities.map(entityJson), total: listing.total });
  } catch (e) {
    return errorResponse(e);
  }
}
