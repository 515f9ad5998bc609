/**
 * HTTP load on the production server (scripts/serve.ts, as npm start runs it) over a benchmark archive, driven by
 * autocannon on loopback. Each request takes the next query of the seeded mix, so the
 * server sees the same spread of common and rare words as the engine benchmark.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import type { BenchQuery } from "./queries";
import { freePort } from "./free-port";

export interface HttpEndpoint {
  path: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  requests: number;
}

export interface HttpFigures {
  connections: number;
  durationSec: number;
  endpoints: HttpEndpoint[];
  serverPeakRssMb: number;
}


function rssOfTree(pid: number): number {
  let kb = 0;
  const visit = (p: number) => {
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
      for (const t of fs.readdirSync(`/proc/${p}/task`))
        for (const c of fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(c));
    } catch {
      // exited
    }
  };
  visit(pid);
  return Math.round(kb / 1024);
}

export function searchPath(q: BenchQuery, base = "/api/search"): string {
  const params = new URLSearchParams({ q: q.q });
  for (const s of q.filters.speaker) params.append("speaker", s);
  for (const s of q.filters.institution) params.append("institution", s);
  for (const s of q.filters.topic) params.append("topic", s);
  if (q.sort === "date") params.set("sort", "date");
  return `${base}?${params}`;
}

/** The server (scripts/serve.ts, Next.js's handler) serves what was compiled: pass force after changing server code, or the old engine is measured. */
export function ensureBuild(root: string, log: (s: string) => void, force = false): void {
  if (!force && fs.existsSync(path.join(root, ".next/BUILD_ID"))) return;
  log(force ? "http: --build given, running next build…" : "http: no production build, running next build…");
  // Build output goes to stderr so --json keeps stdout parseable.
  const r = spawnSync(path.join(root, "node_modules/.bin/next"), ["build"], { cwd: root, stdio: ["ignore", process.stderr, "inherit"] });
  if (r.status !== 0) throw new Error(`next build failed with exit code ${r.status}`);
}

export async function runHttpBench(opts: { db: string; queries: readonly BenchQuery[]; durationSec: number; connections: number; log: (s: string) => void; build?: boolean }): Promise<HttpFigures> {
  const root = process.cwd();
  ensureBuild(root, opts.log, opts.build);
  const port = await freePort();
  // The server npm start runs (Next.js behind the admission gate), so the figures are what users get.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts")], {
    cwd: root,
    env: { ...process.env, ARCHIVE_DB_PATH: opts.db, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  server.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
  const base = `http://127.0.0.1:${port}`;
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const res = await fetch(`${base}${searchPath(opts.queries[0]!)}`);
        if (res.ok) break;
        if (Date.now() > deadline) throw new Error(`/api/search answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`server did not answer within 60 s: ${(e as Error).message}\n${stderr}`);
      }
      if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    let peak = rssOfTree(server.pid!);
    const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(server.pid!))), 500);
    const endpoints: HttpEndpoint[] = [];
    for (const [label, prefix] of [
      ["/api/search", "/api/search"],
      ["/?q=", "/"],
    ] as const) {
      let i = 0;
      opts.log(`http: ${label} for ${opts.durationSec} s at ${opts.connections} connections…`);
      const result = await autocannon({
        url: base,
        connections: opts.connections,
        duration: opts.durationSec,
        timeout: 10,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: searchPath(opts.queries[i++ % opts.queries.length]!, prefix) }) }],
      });
      endpoints.push({
        path: label,
        reqPerSec: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        requests: result.requests.total,
      });
    }
    clearInterval(sampler);
    return { connections: opts.connections, durationSec: opts.durationSec, endpoints, serverPeakRssMb: peak };
  } finally {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
