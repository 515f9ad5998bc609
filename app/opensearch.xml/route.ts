import type { NextRequest } from "next/server";
import { openSearchXml } from "@/lib/discovery";
import { SITE_DESCRIPTION, SITE_NAME, siteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

/** GET /opensearch.xml — the OpenSearch description the layout links with rel="search". */
export function GET(request: NextRequest) {
  return new Response(openSearchXml(siteOrigin(request.headers), SITE_NAME, SITE_DESCRIPTION), {
    headers: { "Content-Type": "application/opensearchdescription+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
