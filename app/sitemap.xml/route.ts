import type { NextRequest } from "next/server";
import { getConfig } from "@/lib/config";
import { SITEMAP_MAX_URLS, sitemapXml } from "@/lib/discovery";
import { getRegistry } from "@/lib/entities/access";
import { entitiesOf } from "@/lib/entities/registry";
import { ENTITY_BASE } from "@/lib/entity-urls";
import { errorResponse } from "@/lib/http";
import { openDatabase } from "@/lib/archive/db";
import { siteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

/**
 * GET /sitemap.xml — the home page, every speaker, institution, country and topic page (most
 * documents first) and the newest articles, at most SITEMAP_MAX_URLS addresses in all. Read from the
 * archive (the system of record), whichever engine serves search.
 */
export function GET(request: NextRequest) {
  try {
    const registry = getRegistry();
    const entities = (["person", "institution", "country", "topic"] as const).flatMap((kind) =>
      [...entitiesOf(registry, kind)].sort((a, b) => b.documentCount - a.documentCount).map((e) => ({ path: `${ENTITY_BASE[kind]}/${e.slug}` })),
    );
    const db = openDatabase(getConfig().ARCHIVE_DB_PATH);
    const articles = (
      db.prepare("SELECT slug, updated_at AS modified FROM documents ORDER BY date IS NULL, date DESC, rowid DESC LIMIT ?").all(Math.max(0, SITEMAP_MAX_URLS - 1 - entities.length)) as {
        slug: string;
        modified: string;
      }[]
    ).map((r) => ({ path: `/articles/${r.slug}`, lastModified: r.modified }));
    return new Response(sitemapXml(siteOrigin(request.headers), { entities, articles }), {
      headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
