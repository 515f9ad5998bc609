import "server-only";
import { NextResponse } from "next/server";
import { isAppError } from "@/lib/errors";

/** The one place errors become HTTP answers: typed errors say what went wrong, anything else says nothing. */
export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) return NextResponse.json({ error: e.code, message: e.message }, { status: e.status, headers: { "Cache-Control": "no-store" } });
  console.error(e);
  return NextResponse.json({ error: "internal", message: "Internal error" }, { status: 500, headers: { "Cache-Control": "no-store" } });
}
