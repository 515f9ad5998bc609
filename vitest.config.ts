import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/contract/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Typo and script corrections stop at a time budget; tests ask what they find, not how fast,
    // so a loaded machine must not cut them short (tests of the budget pass their own limits).
    env: { TYPO_BUDGET_MS: "10000" },
  },
});
