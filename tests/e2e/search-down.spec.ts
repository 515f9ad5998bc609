import { expect, test } from "@playwright/test";
import { DEAD_MEILI_PORT } from "../../playwright.config";

const BASE = `http://127.0.0.1:${DEAD_MEILI_PORT}`;

test.describe("with Meilisearch configured but down", () => {
  test("the search page says search is temporarily unavailable, and the page still renders", async ({ page }) => {
    const res = await page.goto(`${BASE}/?q=${encodeURIComponent("медиатор")}`);
    expect(res?.status()).toBeLessThan(500);
    await expect(page.getByRole("alert").filter({ hasText: "Поиск временно недоступен" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Поиск по архиву" })).toHaveValue("медиатор");
    await expect(page.getByRole("link", { name: "Архив комментариев" })).toBeVisible();
  });

  test("the API answers 503 with a clear message, and health says what is wrong", async ({ request }) => {
    const res = await request.get(`${BASE}/api/search?q=${encodeURIComponent("медиатор")}`);
    expect(res.status()).toBe(503);
    expect((await res.json()).message).toMatch(/temporarily unavailable/);
    const health = await request.get(`${BASE}/api/health`);
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ engine: "meilisearch", ok: false });
  });

  test("articles and speaker pages are still read from the archive", async ({ page }) => {
    const res = await page.goto(`${BASE}/speakers/erzhan-saltybaev`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ержан Салтыбаев");
    await page.getByTestId("document").first().getByRole("link").first().click();
    await expect(page.locator("article h1")).toBeVisible();
  });
});
