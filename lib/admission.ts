import type { IncomingMessage, ServerResponse } from "node:http";
import { API_POLICY, COMMON_HEADERS } from "@/lib/security/headers";
import { escapeHtml } from "@/lib/text/highlight";

/**
 * Admission control for the server (scripts/serve.ts). Searching and rendering share one event
 * loop, so with 64 requests in flight every one of them gets a 64th of it and all answer late:
 * measured, a page took 6 s at p99 and hundreds passed 10 s. At most `limit` requests are worked
 * on at once; the others wait their turn in arrival order, and one that could not start within
 * `maxWaitMs` is answered 503 at once (with Retry-After), so those admitted answer in bounded time
 * and the rest learn quickly to come back.
 */
export class AdmissionGate {
  private active = 0;
  private readonly waiting: { admit: (release: (() => void) | null) => void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly limit: number,
    readonly maxWaitMs: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** A release function once the request may run; null when it waited past maxWaitMs. Call release exactly once. */
  enter(): Promise<(() => void) | null> {
    if (this.active < this.limit) return Promise.resolve(this.slot());
    return new Promise((admit) => {
      const entry = {
        admit,
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(entry);
          if (i >= 0) this.waiting.splice(i, 1);
          admit(null);
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private slot(): () => void {
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      const next = this.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.admit(this.slot());
      }
    };
  }
}

/** Cheap answers that never wait: static files, and the health check monitors rely on under load. */
export function bypassesGate(pathname: string): boolean {
  return pathname.startsWith("/_next/static/") || pathname === "/favicon.ico" || pathname === "/robots.txt" || pathname === "/api/health";
}

/** The 503 a request gets when it could not start in time: JSON for the API, a short Russian page otherwise. */
export function busyResponse(pathname: string, url: string, waitedMs: number): { status: number; headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = { ...COMMON_HEADERS, "Retry-After": "2", "Cache-Control": "no-store" };
  if (pathname.startsWith("/api/")) {
    return {
      status: 503,
      headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Content-Security-Policy": API_POLICY },
      body: JSON.stringify({ error: "unavailable", reason: "busy", message: `The server is busy (this request waited ${Math.round(waitedMs)} ms to start): try again in a moment.` }),
    };
  }
  // The page has no script, style or image: the API's policy, under which nothing may load, fits it.
  const again = escapeHtml(url.startsWith("/") && !url.startsWith("//") ? url : "/");
  return {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": API_POLICY },
    body: `<!doctype html><html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Сервер занят — архив комментариев</title></head><body><main><h1>Сервер сейчас занят</h1><p>Запрос ждал своей очереди слишком долго. Попробуйте ещё раз через несколько секунд: <a href="${again}">повторить</a>.</p></main></body></html>`,
  };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * `handle` behind the gate: what scripts/serve.ts gives node:http. A request carrying
 * `internalToken` in x-archive-internal is the server's own (proxy.ts renders the search page
 * that way while search is down) and goes past: the request waiting for it holds a slot already.
 */
export function gated(gate: AdmissionGate, handle: Handler, internalToken?: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? "/";
    const pathname = url.split("?")[0]!;
    if (bypassesGate(pathname) || (internalToken !== undefined && req.headers["x-archive-internal"] === internalToken)) {
      void handle(req, res);
      return;
    }
    const arrived = performance.now();
    void gate.enter().then((release) => {
      if (!release) {
        const busy = busyResponse(pathname, url, performance.now() - arrived);
        res.writeHead(busy.status, busy.headers).end(busy.body);
        return;
      }
      // A client that hung up while it waited has no one to answer: its turn passes on at once
      // ('close' fired before a listener could hear it). One that hangs up later frees its slot too.
      if (res.destroyed || req.socket.destroyed) {
        release();
        return;
      }
      res.once("finish", release);
      res.once("close", release);
      handle(req, res).catch((e: unknown) => {
        console.error(e);
        release();
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal error");
      });
    });
  };
}
