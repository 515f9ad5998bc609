import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";

/**
 * Issue 11, item 1: an article page sends a bounded amount of text. A second server on the same
 * build and archive with ARTICLE_PAGE_CHARS=1000 splits the seed article into parts.
 */

const PORT = Number(process.env.E2E_PORT ?? 3210) + 8;
const BASE = `http://127.0.0.1:${PORT}`;
const SEED = "kazakhstan-sdelayut-ploschadkoy-dlya-resheniya-slozhnykh-sporov-i-konfliktov";
let server: ChildProcess;

test.beforeAll(async () => {
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    env: { ...process.env, ARCHIVE_DB_PATH: "data/e2e/archive.db", ARTICLE_PAGE_CHARS: "1000", MEILI_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    if (await fetch(`${BASE}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the second server did not start");
});
test.afterAll(() => {
  server?.kill("SIGTERM");
});

test("a long article comes in parts of bounded text, read on with «Читать дальше», every paragraph once", async ({ page }) => {
  const violations: string[] = [];
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.log(`csp-violation ${e.violatedDirective}`)));
  page.on("console", (m) => m.text().startsWith("csp-violation") && violations.push(m.text()));
  const seen: string[] = [];
  await page.goto(`${BASE}/articles/${SEED}?q=${encodeURIComponent("медиатор")}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  for (let n = 1; n < 50; n++) {
    const paragraphs = await page.locator(".article-body p").allTextContents();
    const chars = paragraphs.reduce((s, p) => s + p.length, 0);
    // At most the budget, or one paragraph that is longer alone.
    expect(chars <= 1000 || paragraphs.length === 1, `part ${n}: ${chars} characters in ${paragraphs.length} paragraphs`).toBe(true);
    seen.push(...paragraphs);
    const more = page.getByTestId("read-more");
    if ((await more.count()) === 0) break;
    await more.click();
    await expect(page).toHaveURL(new RegExp(`part=${n + 1}`));
    // The search the article was opened from stays in the address.
    await expect(page).toHaveURL(/q=/);
    await expect(page.getByTestId("article-part")).toContainText(`Часть ${n + 1} из`);
  }
  const full = await (await fetch(`${BASE}/api/search?q=${encodeURIComponent("медиатор")}`)).json();
  expect(full.hits.some((h: { slug: string }) => h.slug === SEED)).toBe(true);
  expect(seen.length).toBeGreaterThan(3);
  expect(new Set(seen).size).toBe(seen.length);
  expect(violations).toEqual([]);
});

test("a part past the end shows the last part; a malformed one the first", async ({ request }) => {
  const last = await request.get(`${BASE}/articles/${SEED}?part=999`);
  expect(last.status()).toBe(200);
  expect(await last.text()).not.toContain("Читать дальше");
  const first = await request.get(`${BASE}/articles/${SEED}?part=abc`);
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain("Читать дальше");
});

test("a statement's permalink on another part leads to the part that shows it", async ({ page }) => {
  await page.goto(`${BASE}/articles/${SEED}`);
  const link = page.getByTestId("other-part-quotes").locator("a").first();
  const id = (await link.getAttribute("id"))!;
  expect(id).toMatch(/^quote-\d+$/);
  // The permalink as shared: no part in it; the anchor is there, opened, and links on.
  await page.goto(`${BASE}/articles/${SEED}#${id}`);
  await expect(page.locator(`#${id}`)).toBeVisible();
  await page.locator(`#${id}`).click();
  await expect(page).toHaveURL(new RegExp(`part=\\d+#${id}$`));
  await expect(page.locator(`.article-body #${id}`)).toBeVisible();
});
