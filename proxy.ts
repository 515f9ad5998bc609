import { NextResponse, type NextRequest } from "next/server";
import { API_POLICY, COMMON_HEADERS, newNonce, pagePolicy } from "@/lib/security/headers";
import { SEARCH_DOWN_HEADER, meiliSearchUp } from "@/lib/search/engines/meilisearch/probe";

/**
 * Marks this server's own request for the search page it serves with 503; unguessable from outside.
 * scripts/serve.ts makes the token before Next.js loads and lets requests carrying it past its
 * admission gate, since the request that waits for this one already holds a place there.
 */
const INTERNAL_HEADER = "x-archive-internal";
const INTERNAL_TOKEN = process.env.ARCHIVE_INTERNAL_TOKEN || newNonce();
const HOP_BY_HOP = ["connection", "keep-alive", "host", "transfer-encoding", "upgrade", "expect", "accept-encoding", "content-length"];

/**
 * The search page while search is down, with 503: a page cannot set its status, so it is
 * rendered by a request to this server marked for it (the page then shows «Поиск временно
 * недоступен» without searching) and its answer is passed on with 503 and Retry-After.
 */
async function searchDownPage(request: NextRequest): Promise<Response> {
  const origin = process.env.__NEXT_PRIVATE_ORIGIN ?? request.nextUrl.origin;
  const headers = new Headers(request.headers);
  for (const h of HOP_BY_HOP) headers.delete(h);
  headers.set(INTERNAL_HEADER, INTERNAL_TOKEN);
  const page = await fetch(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin), { headers, redirect: "manual", cache: "no-store" });
  const out = new Headers(page.headers);
  for (const h of ["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"]) out.delete(h);
  // A redirect (a canonical address) or an invalid address keeps its own status.
  if (page.status !== 200) return new Response(page.body, { status: page.status, headers: out });
  out.set("Retry-After", "30");
  return new Response(page.body, { status: 503, headers: out });
}

/**
 * Runs before every page and API answer: a per-request nonce in the Content-Security-Policy
 * (Next.js reads it from the request's CSP header and puts it on its scripts; pages are
 * dynamic, so every render gets its own), and the common security headers.
 */
export async function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const internal = request.headers.get(INTERNAL_HEADER) === INTERNAL_TOKEN;
  // Documents only: the router's own requests (RSC) render the page's alert as they are.
  const document = request.method === "GET" && request.nextUrl.pathname === "/" && !request.headers.has("rsc");
  if (document && !internal && !(await meiliSearchUp().catch(() => true))) return searchDownPage(request);
  const nonce = isApi ? "" : newNonce();
  const policy = isApi ? API_POLICY : pagePolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(INTERNAL_HEADER);
  requestHeaders.delete(SEARCH_DOWN_HEADER);
  if (internal) requestHeaders.set(SEARCH_DOWN_HEADER, "1");
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
