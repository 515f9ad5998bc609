import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AdmissionGate, gated } from "@/lib/admission";

/** Issue 11: at most N requests are worked on at once; the rest wait in order, and past their budget answer 503 at once. */

describe("AdmissionGate", () => {
  it("admits up to its limit, then in arrival order as slots free up", async () => {
    const gate = new AdmissionGate(2, 10_000);
    const a = (await gate.enter())!;
    const b = (await gate.enter())!;
    const order: string[] = [];
    const c = gate.enter().then((r) => (order.push("c"), r));
    const d = gate.enter().then((r) => (order.push("d"), r));
    expect(gate.inFlight).toBe(2);
    expect(gate.queued).toBe(2);
    a();
    a(); // a second release of the same slot frees nothing more
    const rc = (await c)!;
    expect(order).toEqual(["c"]);
    expect(gate.inFlight).toBe(2);
    b();
    const rd = (await d)!;
    expect(order).toEqual(["c", "d"]);
    rc();
    rd();
    expect(gate.inFlight).toBe(0);
  });

  it("turns away a request that could not start within its wait budget", async () => {
    const gate = new AdmissionGate(1, 30);
    const held = (await gate.enter())!;
    expect(await gate.enter()).toBeNull();
    expect(gate.queued).toBe(0);
    held();
    expect(await gate.enter()).not.toBeNull();
  });
});

describe("gated server", () => {
  let server: http.Server | undefined;
  afterEach(() => server?.close());

  /** A server whose handler answers only when told to; limit 1, wait budget 150 ms. */
  async function serve() {
    const gate = new AdmissionGate(1, 150);
    const pending: (() => void)[] = [];
    server = http.createServer(
      gated(gate, (req, res) =>
        new Promise<void>((done) => {
          const answer = () => {
            if (!res.destroyed) res.end(`ok ${req.url}`);
            done();
          };
          if (req.url === "/api/health") answer();
          else pending.push(answer);
        }),
        "secret-token",
      ),
    );
    await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const until = async (f: () => boolean) => {
      while (!f()) await new Promise((r) => setTimeout(r, 5));
    };
    return { gate, pending, base, until };
  }

  it("answers 503 with Retry-After, as JSON for the API and a Russian page otherwise, while the health check goes past", async () => {
    const { gate, pending, base, until } = await serve();
    const first = fetch(`${base}/?q=медиатор`);
    await until(() => pending.length === 1);

    const api = await fetch(`${base}/api/search?q=x`);
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("2");
    expect(api.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await api.json()).toMatchObject({ error: "unavailable", reason: "busy" });

    const page = await fetch(`${base}/?q=<script>alert(1)</script>`);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("Сервер сейчас занят");
    expect(html).not.toContain("<script>");
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");

    const health = await fetch(`${base}/api/health`);
    expect(await health.text()).toBe("ok /api/health");

    // The server's own request (proxy.ts) goes past with the token, and only with it.
    const own = fetch(`${base}/?own`, { headers: { "x-archive-internal": "secret-token" } });
    await until(() => pending.length === 2);
    pending.pop()!();
    expect(await (await own).text()).toBe("ok /?own");
    expect((await fetch(`${base}/?forged`, { headers: { "x-archive-internal": "guess" } })).status).toBe(503);

    pending.shift()!();
    expect(await (await first).text()).toBe("ok /?q=%D0%BC%D0%B5%D0%B4%D0%B8%D0%B0%D1%82%D0%BE%D1%80");
    await until(() => gate.inFlight === 0);
  });

  it("does not lose a slot to a client that hung up while it waited or while it was served", async () => {
    const { gate, pending, base, until } = await serve();
    const first = fetch(`${base}/a`);
    await until(() => pending.length === 1);
    const gone = new AbortController();
    const waiting = fetch(`${base}/b`, { signal: gone.signal }).catch(() => "aborted");
    await until(() => gate.queued === 1);
    gone.abort();
    expect(await waiting).toBe("aborted");
    await new Promise((r) => setTimeout(r, 20));
    pending.shift()!();
    await first;
    await until(() => gate.inFlight === 0);

    const served = new AbortController();
    const abandoned = fetch(`${base}/c`, { signal: served.signal }).catch(() => "aborted");
    await until(() => pending.length === 1);
    served.abort();
    await abandoned;
    await until(() => gate.inFlight === 0);
    const next = fetch(`${base}/d`);
    await until(() => pending.length === 2);
    pending.pop()!();
    expect(await (await next).text()).toBe("ok /d");
  });
});
