import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

function start(env: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "start-"));
  const r = spawnSync("npx", ["tsx", "scripts/start.ts"], {
    env: { ...process.env, ARCHIVE_DB_PATH: path.join(dir, "a.db"), PORT: "3299", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  fs.rmSync(dir, { recursive: true, force: true });
  return r;
}

describe("npm start refuses a bad configuration and says exactly what is wrong", () => {
  it("names an invalid variable", () => {
    const r = start({ MEILI_URL: "localhost:7700", SEARCH_PAGE_SIZE: "0" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/MEILI_URL: MEILI_URL must/);
    expect(r.stderr).toMatch(/SEARCH_PAGE_SIZE: /);
  });

  it("explains an unreachable Meilisearch instead of serving a broken site", () => {
    const r = start({ MEILI_URL: "http://127.0.0.1:8", MEILI_MASTER_KEY: "k", MEILI_TIMEOUT_MS: "1000" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot start with Meilisearch: .*127\.0\.0\.1:8 \(connection refused/);
  });
});
