/**
 * npm start: check the configuration, load content/ (idempotent; content/samples only with
 * SAMPLES=include, the default), build the app when its sources are newer than the last build,
 * and serve it on PORT (default 3000).
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { releaseEngines } from "@/lib/search";
import { configOrExit } from "./lib/config-or-exit";
import { loadContent } from "./lib/samples";

const ROOT = process.cwd();
const SOURCES = ["app", "components", "lib", "config", "public", "instrumentation.ts", "proxy.ts", "next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json", "tsconfig.app.json"];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p, { recursive: true, encoding: "utf8" })) newest = Math.max(newest, fs.statSync(path.join(p, entry)).mtimeMs);
  return newest;
}

function buildIsCurrent(): boolean {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(ROOT, s)) <= built);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const config = configOrExit();

  if (config.MEILI_URL) {
    const { checkMeilisearch } = await import("@/lib/search/engines/meilisearch");
    try {
      await checkMeilisearch(config);
    } catch (e) {
      console.error(`cannot start with Meilisearch: ${(e as Error).message}`);
      process.exit(1);
    }
  }

  const loaded = await loadContent(config, path.join(ROOT, "content"));
  if ("errors" in loaded) {
    for (const e of loaded.errors) console.error(`error: ${e}`);
    process.exit(1);
  }
  console.log(`content: added ${loaded.added}, updated ${loaded.updated}, unchanged ${loaded.unchanged} (${config.ARCHIVE_DB_PATH})`);
  if (loaded.samplesRemoved > 0) console.log(`samples: removed ${loaded.samplesRemoved} ${config.SAMPLES === "include" ? "no longer shipped" : "(SAMPLES=exclude)"}`);
  else if (config.SAMPLES === "exclude") console.log("samples: none loaded (SAMPLES=exclude)");
  // The server opens its own; holding this one for the server's life would keep a second connection and its cache.
  releaseEngines();

  if (!buildIsCurrent()) {
    console.log("building the app (next build)…");
    const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const port = String(config.PORT);
  const shown = config.HOST === "127.0.0.1" || config.HOST === "::1" ? "localhost" : config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  console.log(`ready to serve after ${((performance.now() - t0) / 1000).toFixed(1)} s of preparation: http://${shown}:${port} (listening on ${config.HOST}; set HOST to widen)`);
  // Next.js's handler behind the admission gate (scripts/serve.ts), in a process of its own: this one has let go of its engine.
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});
