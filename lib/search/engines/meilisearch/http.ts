/**
 * The Meilisearch client's transport: node:http(s) with keep-alive agents, one client per
 * process and configuration. The client's default transport, fetch, spent ~40 ms of a 49 ms
 * search on connection handling (docs/meilisearch.md, "Client"); Meilisearch answers in 6–7 ms.
 */
import http from "node:http";
import https from "node:https";
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError } from "meilisearch";

// One pool per protocol for the whole process: every client shares its idle connections.
const AGENTS = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/**
 * The client's `httpClient` hook: it must answer the parsed JSON body and throw Meilisearch's
 * own error for an error status, as its fetch path does. An abort (the client's timeout) rejects
 * with the signal's reason, which is how the client tells its timeout from other failures.
 */
export async function keepAliveRequest(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : input.toString());
  const agent = AGENTS[url.protocol as keyof typeof AGENTS];
  if (!agent) throw new Error(`unsupported protocol ${url.protocol}`);
  const body = typeof init?.body === "string" ? Buffer.from(init.body) : undefined;
  const headers = headersOf(init);
  if (body) headers["content-length"] = String(body.length);
  const signal = init?.signal ?? undefined;
  const send = () =>
    new Promise<{ status: number; statusText: string; text: string }>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const lib = url.protocol === "https:" ? https : http;
      const req = lib.request(url, { method: init?.method ?? "GET", headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? "", text: Buffer.concat(chunks).toString("utf8") });
          // Answered before the body was written (413 over the payload limit): the server closes this
          // connection, so it must not go back to the pool, where its write error would have no listener.
          if (!req.writableFinished) req.destroy();
        });
        res.on("error", reject);
      });
      const onAbort = () => {
        req.destroy();
        reject(signal!.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      req.on("close", () => signal?.removeEventListener("abort", onAbort));
      req.on("error", (e: NodeJS.ErrnoException) => reject(Object.assign(e, { reusedSocket: req.reusedSocket, bodyBytes: body?.length ?? 0 })));
      req.end(body);
    });
  let answer;
  try {
    answer = await send();
  } catch (e) {
    // A pooled connection the server closed meanwhile (a restart, its idle timeout) fails before
    // the request reaches it: one more try on a fresh connection. Other failures are the answer.
    const err = e as NodeJS.ErrnoException & { reusedSocket?: boolean };
    if (!err.reusedSocket || (err.code !== "ECONNRESET" && err.code !== "EPIPE")) throw e;
    answer = await send();
  }
  const { status, statusText, text } = answer;
  const parsed: unknown = text === "" ? undefined : JSON.parse(text);
  if (status < 200 || status >= 300) {
    // The error keeps the status, as the client's own does; a body that is no error object is left out.
    const response = new Response(null, { status, statusText });
    throw new MeilisearchApiError(response, parsed && typeof parsed === "object" && "message" in parsed ? (parsed as never) : undefined);
  }
  return parsed;
}

/**
 * The Meilisearch error inside what the client threw: with a custom transport the client wraps
 * everything the transport throws, API errors included, in a MeilisearchRequestError.
 */
export function unwrapMeiliError(e: unknown): unknown {
  if (e instanceof MeilisearchRequestError && e.cause instanceof MeilisearchApiError) return e.cause;
  if (e instanceof MeilisearchRequestError && e.cause instanceof SyntaxError) return e.cause;
  return e;
}

/** Meilisearch's error code, whether the client's error is wrapped or not. */
export function meiliErrorCode(e: unknown): string | undefined {
  const inner = unwrapMeiliError(e);
  return inner instanceof MeilisearchApiError ? inner.cause?.code : undefined;
}

const CLIENTS = new Map<string, Meilisearch>();

/** The process's client for an address, key and timeout: created once, reused by every engine and script. */
export function meiliClient(host: string, apiKey: string | undefined, timeout: number): Meilisearch {
  const id = JSON.stringify([host, apiKey ?? null, timeout]);
  let client = CLIENTS.get(id);
  if (!client) {
    client = new Meilisearch({ host, timeout, httpClient: keepAliveRequest, ...(apiKey ? { apiKey } : {}) });
    CLIENTS.set(id, client);
  }
  return client;
}
