/**
 * The production server `npm start` hands over to: Next.js's request handler behind the
 * admission gate (lib/admission.ts), on HOST:PORT. Equivalent to `next start` otherwise.
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import { AdmissionGate, gated } from "@/lib/admission";
import { configOrExit } from "./lib/config-or-exit";

async function main(): Promise<void> {
  const config = configOrExit();
  // Set before Next.js loads: React and Next.js read it once.
  (process.env as Record<string, string>).NODE_ENV ??= "production";
  // Shared with proxy.ts, which runs in this process: its own requests go past the gate.
  const internalToken = randomBytes(16).toString("base64");
  process.env.ARCHIVE_INTERNAL_TOKEN = internalToken;
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: config.HOST, port: config.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const gate = new AdmissionGate(config.MAX_ACTIVE_REQUESTS, config.SEARCH_QUEUE_BUDGET_MS);

  const server = http.createServer(gated(gate, handle, internalToken));
  server.listen(config.PORT, config.HOST, () => {
    console.log(`serving on http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${config.PORT} (at most ${gate.limit} requests at once; a request that cannot start within ${gate.maxWaitMs} ms answers 503)`);
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
