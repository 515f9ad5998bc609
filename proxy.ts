import { NextResponse, type NextRequest } from "next/server";
import { API_POLICY, COMMON_HEADERS, newNonce, pagePolicy } from "@/lib/security/headers";

/**
 * Runs before every page and API answer: a per-request nonce in the Content-Security-Policy
 * (Next.js reads it from the request's CSP header and puts it on its scripts; pages are
 * dynamic, so every render gets its own), and the common security headers.
 */
export function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const nonce = isApi ? "" : newNonce();
  const policy = isApi ? API_POLICY : pagePolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  // When the request reached the server: a search that waited past its budget answers 503 (lib/search/queue-budget.ts).
  requestHeaders.set("x-archive-arrived-at", String(Date.now()));
  if (!isApi) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", policy);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [k, v] of Object.entries(COMMON_HEADERS)) response.headers.set(k, v);
  return response;
}

export const config = {
  // Static files are immutable and hold no inline scripts; next.config.js gives them nosniff.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
