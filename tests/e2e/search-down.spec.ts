import { expect, test } from "@playwright/test";
import { DEAD_MEILI_PORT } from "../../playwright.config";

const BASE = `http://127.0.0.1:${DEAD_MEILI_PORT}`;

test.describe("with Meilisearch configured but down", () => {
  test("the search page answers 503, says search is temporarily unavailable, and the page still renders", async ({ page }) => {
    const res = await page.goto(`${BASE}/?q=${encodeURIComponent("медиатор")}`);
    expect(res?.status()).toBe(503);
    expect(res?.headers()["retry-after"]).toBe("30");
    await expect(page.getByRole("alert").filter({ hasText: "Поиск временно недоступен" })).toBeVisible();
    await expect(page.getByRole("searchbox", { name: "Поиск по архиву" })).toHaveValue("медиатор");
    await expect(page.getByRole("link", { name: "Архив комментариев" })).toBeVisible();
    // The page's scripts run under its own policy: the form still works and searches again.
    await page.getByRole("searchbox", { name: "Поиск по архиву" }).fill("санкции");
    await page.getByRole("searchbox", { name: "Поиск по архиву" }).press("Enter");
    await expect(page).toHaveURL(/q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8/);
    await expect(page.getByRole("alert").filter({ hasText: "Поиск временно недоступен" })).toBeVisible();
  });

  test("the statements tab and the empty search page answer 503 too; a user's header cannot fake it", async ({ request }) => {
    for (const path of [`/?q=${encodeURIComponent("санкции")}&view=statements`, "/"]) {
      const res = await request.get(`${BASE}${path}`);
      expect(res.status(), path).toBe(503);
      expect(await res.text()).toContain("Поиск временно недоступен");
    }
    // Only the server's own marked request skips the search; an outsider's headers change nothing.
    const forged = await request.get(`${BASE}/?q=x`, { headers: { "x-archive-search-down": "1", "x-archive-internal": "guess" } });
    expect(forged.status()).toBe(503);
  });

  test("the API answers 503 with a clear message, and health says what is wrong", async ({ request }) => {
    const res = await request.get(`${BASE}/api/search?q=${encodeURIComponent("медиатор")}`);
    expect(res.status()).toBe(503);
    expect((await res.json()).message).toMatch(/temporarily unavailable/);
    const health = await request.get(`${BASE}/api/health`);
    expect(health.status()).toBe(503);
    expect(await health.json()).toMatchObject({ engine: "meilisearch", ok: false });
  });

  test("articles and speaker pages are still read from the archive, and say so discreetly", async ({ page }) => {
    const note = "Поиск временно недоступен: страница показана из архива.";
    const res = await page.goto(`${BASE}/speakers/erzhan-saltybaev`);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ержан Салтыбаев");
    await expect(page.getByRole("note").filter({ hasText: note })).toBeVisible();
    await page.getByTestId("document").first().getByRole("link").first().click();
    await expect(page.locator("article h1")).toBeVisible();
    await expect(page.getByTestId("archive-notice")).toHaveText(note);
  });

  test("with search up, the same pages carry no such note", async ({ page }) => {
    await page.goto("/speakers/erzhan-saltybaev");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ержан Салтыбаев");
    await page.getByTestId("document").first().getByRole("link").first().click();
    await expect(page.locator("article h1")).toBeVisible();
    await expect(page.getByTestId("archive-notice")).toHaveCount(0);
  });
});
