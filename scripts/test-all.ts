/**
 * npm test: type-check, then Vitest (unit, contract, integration), then Playwright (browser
 * end to end). Every stage runs even if one before it failed, and the run ends with one
 * summary line across all of them.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

interface Stage {
  name: string;
  cmd: string[];
  report?: string;
}

const stages: Stage[] = [
  { name: "typecheck", cmd: ["npx", "tsc", "--noEmit"] },
  { name: "vitest", cmd: ["npx", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"], report: "test-results/vitest.json" },
  { name: "playwright", cmd: ["npx", "playwright", "test"], report: "test-results/playwright.json" },
];

let passed = 0;
let failed = 0;
let skipped = 0;
const failedStages: string[] = [];
fs.mkdirSync("test-results", { recursive: true });

for (const stage of stages) {
  if (stage.report) fs.rmSync(stage.report, { force: true });
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(" ")}`);
  const r = spawnSync(stage.cmd[0]!, stage.cmd.slice(1), { stdio: "inherit" });
  if (r.status !== 0) failedStages.push(stage.name);
  if (!stage.report) continue;
  if (!fs.existsSync(stage.report)) {
    failed++;
    continue;
  }
  const json = JSON.parse(fs.readFileSync(stage.report, "utf8"));
  if (stage.name === "vitest") {
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
  } else {
    passed += json.stats.expected + json.stats.flaky;
    failed += json.stats.unexpected;
    skipped += json.stats.skipped;
  }
}

console.log(`\n${failedStages.length ? `failed stages: ${failedStages.join(", ")}` : "all stages passed"}`);
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages.length > 0 || failed > 0 ? 1 : 0);
