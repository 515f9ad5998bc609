import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const DIST = ".next-secret-check";
const SECRET = "secret-test-key";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

describe("the browser bundle", () => {
  afterAll(() => fs.rmSync(DIST, { recursive: true, force: true }));

  it("never contains the Meilisearch keys, even when they are set at build time", () => {
    execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
      env: { ...process.env, NEXT_DIST_DIR: DIST, MEILI_URL: "http://127.0.0.1:7700", MEILI_MASTER_KEY: SECRET, MEILI_ADMIN_KEY: SECRET, MEILI_SEARCH_KEY: SECRET },
      stdio: "pipe",
    });
    const files = filesUnder(path.join(DIST, "static"));
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    const leaking = files.filter((f) => fs.readFileSync(f).includes(SECRET));
    expect(leaking).toEqual([]);
  }, 300_000);
});
