/** What went wrong talking to Meilisearch, in one line for people, not for stack traces. */
import { MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, MeilisearchTaskTimeOutError, type Task } from "meilisearch";
import type { AppConfig } from "@/lib/config";
import { unwrapMeiliError } from "@/lib/search/engines/meilisearch/http";

/** A body this large closed mid-write is taken for the payload limit (a search is a few kB). */
const LARGE_BODY_BYTES = 1_000_000;

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ECONNRESET: "connection reset",
  EHOSTUNREACH: "host unreachable",
  UND_ERR_SOCKET: "connection closed",
};

/** One line saying what went wrong talking to Meilisearch, for people, not for stack traces. */
export function describeMeiliError(e: unknown, config: Pick<AppConfig, "MEILI_URL" | "MEILI_TIMEOUT_MS" | "MEILI_INDEX">, keyName = "API key"): string {
  const url = config.MEILI_URL;
  e = unwrapMeiliError(e);
  // The client reports its own timeout as a request error caused by a timeout error.
  if (e instanceof MeilisearchRequestError && e.cause instanceof MeilisearchRequestTimeOutError) e = e.cause;
  if (e instanceof MeilisearchRequestTimeOutError) {
    return `Meilisearch at ${url} did not answer within ${config.MEILI_TIMEOUT_MS} ms (MEILI_TIMEOUT_MS)`;
  }
  if (e instanceof MeilisearchTaskTimeOutError) {
    return `Meilisearch at ${url} did not finish task ${e.cause.taskUid} within ${e.cause.timeout} ms`;
  }
  if (e instanceof MeilisearchApiError) {
    const status = e.response.status;
    const code = e.cause?.code;
    if (code === "missing_authorization_header") {
      return `Meilisearch at ${url} requires an API key: set MEILI_SEARCH_KEY for search and MEILI_ADMIN_KEY or MEILI_MASTER_KEY for indexing`;
    }
    if (status === 401 || status === 403 || code === "invalid_api_key" || code === "missing_authorization_header") {
      return `Meilisearch at ${url} rejected the ${keyName} (${code ?? `HTTP ${status}`}): check MEILI_SEARCH_KEY, MEILI_ADMIN_KEY and MEILI_MASTER_KEY`;
    }
    if (status === 413 || code === "payload_too_large") {
      return `Meilisearch at ${url} refused a request as too large (${code ?? "HTTP 413"}): set MEILI_PAYLOAD_LIMIT_BYTES below the server's --http-payload-size-limit`;
    }
    if (code === "index_not_found") {
      return `Meilisearch at ${url} has no index "${config.MEILI_INDEX}": run \`npm run meili:setup && npm run reindex\``;
    }
    if (!e.cause) return `${url} answered HTTP ${status} without a Meilisearch error body: is MEILI_URL a Meilisearch server?`;
    return `Meilisearch at ${url} answered HTTP ${status}: ${e.cause.message} (${code})`;
  }
  if (e instanceof MeilisearchRequestError) {
    // fetch puts the network error's code one level deeper than node:http (http.ts) does.
    const cause = (e.cause as { code?: string; cause?: { code?: string; message?: string }; message?: string } | undefined) ?? {};
    const code = cause.code ?? cause.cause?.code;
    // A server over its payload limit may answer 413 and close before the body is written: the
    // client then sees only the closed connection, which is the limit, not an unreachable server.
    const sent = (cause as { bodyBytes?: number }).bodyBytes;
    if ((code === "EPIPE" || code === "ECONNRESET") && sent !== undefined && sent > LARGE_BODY_BYTES) {
      return `Meilisearch at ${url} closed the connection while receiving ${sent} bytes (${code}): its --http-payload-size-limit is likely below MEILI_PAYLOAD_LIMIT_BYTES; lower that`;
    }
    const detail = code ? (NETWORK_CODES[code] ? `${NETWORK_CODES[code]}, ${code}` : code) : (cause.cause?.message ?? cause.message ?? "network error");
    return `cannot reach Meilisearch at ${url} (${detail}): is it running? Or unset MEILI_URL to use the embedded engine`;
  }
  if (e instanceof SyntaxError) return `${url} answered something that is not JSON: is MEILI_URL a Meilisearch server?`;
  return `Meilisearch at ${url}: ${(e as Error)?.message ?? String(e)}`;
}

export function failedTaskMessage(task: Task): string {
  const err = task.error ? `${task.error.message} (${task.error.code})` : "no error given";
  return `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${err}`;
}

