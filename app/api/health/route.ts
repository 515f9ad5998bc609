import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { publicHealth, unavailableHealth } from "@/lib/health";
import { getEngine } from "@/lib/search";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * GET /api/health → which engine serves search and its state (lib/health.ts), 503 when it cannot
 * serve. The engine's own message (paths, URLs, commands) goes to the server log only.
 */
export async function GET() {
  try {
    const health = await (await getEngine()).health();
    if (!health.ok && health.message) console.error(`health: ${health.message}`);
    return NextResponse.json(publicHealth(health), { status: health.ok ? 200 : 503, headers: NO_STORE });
  } catch (e) {
    console.error(`health: search engine cannot open: ${(e as Error).message.split("\n")[0]}`);
    let engine: "sqlite" | "meilisearch" | "unknown" = "unknown";
    try {
      engine = getConfig().MEILI_URL ? "meilisearch" : "sqlite";
    } catch {
      // a bad configuration: the engine is unknown too
    }
    return NextResponse.json(unavailableHealth(engine), { status: 503, headers: NO_STORE });
  }
}
