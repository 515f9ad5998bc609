import { NextResponse } from "next/server";
import { getEngine } from "@/lib/search";

export const dynamic = "force-dynamic";

/** GET /api/health → which engine serves search and whether it can. 503 when it cannot. */
export async function GET() {
  try {
    const health = await (await getEngine()).health();
    return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    return NextResponse.json({ ok: false, message: (e as Error).message.split("\n")[0] }, { status: 503 });
  }
}
