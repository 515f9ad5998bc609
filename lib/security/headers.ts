/**
 * The security headers of every answer (issue 11, item 3). Pure functions, so proxy.ts stays a
 * few lines and the policy is unit-tested; tests/e2e/headers.spec.ts proves it in a browser.
 */

/** A fresh, unguessable nonce for one page render (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The page policy: scripts only with this request's nonce (Next.js puts it on its own scripts,
 * read from this header) and what they load ('strict-dynamic'); styles from our origin or with
 * the nonce; no plugins, no framing, no foreign form targets or base URL. Development needs
 * 'unsafe-eval' for React's error overlays.
 */
export function pagePolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers are data, never documents: nothing may run, load or frame them. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent with every answer, pages, API and static files alike. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers that predate frame-ancestors.
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

/**
 * Cache-Control of API answers: search results may be kept briefly (an import shows within
 * this many seconds to a client that caches), errors and health never.
 */
export const API_CACHE_SECONDS = 10;
export const API_CACHE_CONTROL = `public, max-age=${API_CACHE_SECONDS}, stale-while-revalidate=${API_CACHE_SECONDS * 3}`;
export const NO_STORE = "no-store";
