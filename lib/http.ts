import "server-only";
import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors";
import { API_CACHE_CONTROL } from "@/lib/security/headers";

/** A successful API answer: JSON a client or proxy may keep for a few seconds (lib/security/headers.ts). */
export function okJson(body: unknown): NextResponse {
  return NextResponse.json(body, { headers: { "Cache-Control": API_CACHE_CONTROL } });
}

/** The one place errors become HTTP answers: typed errors say what went wrong, anything else says nothing. */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    // A busy server asks to come back soon; a too costly query would fail again, so it gets no Retry-After.
    const headers: Record<string, string> = { "Cache-Control": "no-store", ...(e.code === "unavailable" && e.reason !== "too_costly" ? { "Retry-After": e.reason === "busy" ? "2" : "30" } : {}) };
    return NextResponse.json({ error: e.code, message: e.message, ...(e.code === "unavailable" ? { reason: e.reason } : {}) }, { status: e.status, headers });
  }
  console.error(e);
  return NextResponse.json({ error: "internal", message: "Internal error" }, { status: 500, headers: { "Cache-Control": "no-store" } });
}
