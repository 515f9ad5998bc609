import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const DEAD_MEILI_PORT = PORT + 1;
const E2E_DB = "data/e2e/archive.db";

/**
 * Debian's Chromium where it exists (Playwright's own download is not reachable on our
 * machines); elsewhere Playwright's bundled browser. As root, Chromium needs --no-sandbox.
 */
const systemChromium = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "ru-RU",
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: asRoot ? ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] : [],
        },
      },
    },
  ],
  webServer: [
    {
      // The same path a user takes with `npm start`: load the sample archive, build if needed, serve.
      command: "npx tsx scripts/ingest.ts tests/fixtures/e2e --quiet && npx tsx scripts/start.ts",
      url: `http://127.0.0.1:${PORT}/api/health`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { PORT: String(PORT), ARCHIVE_DB_PATH: E2E_DB, MEILI_URL: "", MEILI_MASTER_KEY: "", NEXT_TELEMETRY_DISABLED: "1" },
    },
    {
      // The same build, pointed at a Meilisearch that is not there (nothing listens on port 8; 9 is on fetch's blocked-port list).
      command: `node node_modules/next/dist/bin/next start -p ${DEAD_MEILI_PORT}`,
      // Not / : the search page answers 503 while search is down, which Playwright takes for not ready.
      url: `http://127.0.0.1:${DEAD_MEILI_PORT}/speakers`,
      timeout: 60_000,
      reuseExistingServer: false,
      env: { ARCHIVE_DB_PATH: E2E_DB, MEILI_URL: "http://127.0.0.1:8", MEILI_MASTER_KEY: "e2e-master-key", MEILI_TIMEOUT_MS: "1000", NEXT_TELEMETRY_DISABLED: "1" },
    },
  ],
});
