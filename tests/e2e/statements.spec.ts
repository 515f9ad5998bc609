import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEAD_MEILI_PORT } from "../../playwright.config";
import { SearchPage } from "./pages/search-page";

const SPEAKER = "Глеб Ракитин";

test.describe("statements", () => {
  test("the statements tab with a speaker filter shows only that person's words, and keeps the view in the URL", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=санкции");
    await page.getByTestId("search-tabs").getByRole("link", { name: "Высказывания" }).click();
    await expect(page).toHaveURL(/view=statements/);
    await expect(page.getByTestId("search-tabs").getByText("Высказывания")).toHaveAttribute("aria-current", "page");
    const statements = page.getByTestId("statement");
    await expect(statements.first()).toBeVisible();
    const before = await statements.count();

    await search.facet("Эксперт", SPEAKER).check();
    await expect(page).toHaveURL(/view=statements/);
    await expect(page).toHaveURL(new RegExp(`speaker=${encodeURIComponent(SPEAKER).replace(/%20/g, "(\\+|%20)")}`));
    await expect(search.facet("Эксперт", SPEAKER)).toBeChecked();
    await expect.poll(() => statements.count()).toBeLessThan(before);
    const n = await statements.count();
    expect(n).toBeGreaterThan(0);
    // Every statement listed is this person's own words, with the query's word marked in them.
    await expect(statements.getByTestId("statement-speaker").filter({ hasText: SPEAKER })).toHaveCount(n);
    for (const text of await statements.getByTestId("statement-text").all()) await expect(text.locator("mark").first()).toBeVisible();
    // Other speakers are still offered (disjunctive facet counts).
    await expect(page.getByRole("group", { name: "Эксперт" }).getByRole("checkbox")).not.toHaveCount(1);

    // The documents tab keeps the query and the filter.
    await page.getByTestId("search-tabs").getByRole("link", { name: "Материалы" }).click();
    await expect(page).not.toHaveURL(/view=statements/);
    await expect(search.facet("Эксперт", SPEAKER)).toBeChecked();
    await expect(search.results.first()).toBeVisible();
  });

  test("a statement's permalink opens its article scrolled to it, the statement marked", async ({ page }) => {
    await page.goto(`/?q=санкции&view=statements&speaker=${encodeURIComponent(SPEAKER)}&sort=date`);
    const statement = page.getByTestId("statement").last();
    const text = (await statement.getByTestId("statement-text").innerText()).replace(/^«|»$/g, "");
    const href = (await statement.getByTestId("statement-permalink").getAttribute("href"))!;
    expect(href).toMatch(/^\/articles\/[a-z0-9-]+#quote-\d+$/);
    await statement.getByTestId("statement-permalink").click();
    await expect(page).toHaveURL(new RegExp(`${href.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    const id = href.split("#")[1]!;
    const anchor = page.locator(`#${id}`);
    await expect(anchor).toBeInViewport();
    await expect(anchor).toContainText(text.slice(0, 40));
    expect(await anchor.evaluate((el) => el.matches(":target"))).toBe(true);
    // Marked: the target's background differs from an untargeted statement's.
    const marked = await anchor.evaluate((el) => getComputedStyle(el).backgroundColor);
    const other = page.locator(`[data-quote-anchor]:not(#${id})`).first();
    if ((await other.count()) > 0) expect(await other.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(marked);
    expect(marked).not.toBe("rgba(0, 0, 0, 0)");
  });

  test("«Скопировать цитату» copies the statement with its speaker, source and absolute permalink", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await page.goto(`/?view=statements&speaker=${encodeURIComponent(SPEAKER)}&sort=date`);
    const statement = page.getByTestId("statement").first();
    const button = statement.getByRole("button", { name: "Скопировать цитату" });
    await expect(button).toBeVisible();
    const href = (await statement.getByTestId("statement-permalink").getAttribute("href"))!;
    await button.click();
    await expect(statement.getByRole("status")).toHaveText("Скопировано");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`^«.+» — ${SPEAKER}`));
    expect(copied.endsWith(new URL(href, baseURL).toString())).toBe(true);
  });

  test("a speaker's page lists their statements through statement search", async ({ page }) => {
    await page.goto(`/?view=statements&speaker=${encodeURIComponent(SPEAKER)}`);
    await page.getByTestId("statement").first().getByRole("link", { name: SPEAKER }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SPEAKER);
    const quotes = page.getByTestId("quote");
    expect(await quotes.count()).toBeGreaterThan(1);
    await expect(quotes.getByTestId("statement-speaker").filter({ hasText: SPEAKER })).toHaveCount(await quotes.count());
    await expect(page.getByRole("heading", { name: /^Высказывания \(\d+\)$/ })).toBeVisible();
  });

  test("GET /api/statements answers statements for the search parameters, and 400 for bad ones", async ({ request }) => {
    const ok = await request.get(`/api/statements?q=санкции&speaker=${encodeURIComponent(SPEAKER)}`);
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.total).toBeGreaterThan(0);
    for (const h of body.hits) {
      expect(h.speaker.name).toBe(SPEAKER);
      expect(h.url).toMatch(/^\/articles\/[a-z0-9-]+#quote-\d+$/);
      expect(h.textHtml).toContain("<mark>");
    }
    expect(body.facets.speaker.find((v: { value: string }) => v.value === SPEAKER)?.selected).toBe(true);
    const bad = await request.get("/api/statements?page=0");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toMatch(/^page:/);
    expect((await request.get("/api/statements?view=nope")).status()).toBe(400);
  });

  for (const [name, url] of [
    ["statements tab", `/?q=санкции&view=statements&speaker=${encodeURIComponent(SPEAKER)}`],
    ["speaker page with statements", "/speakers/gleb-rakitin"],
  ] as const) {
    test(`${name} passes axe (WCAG 2.1 A and AA)`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByTestId(name === "statements tab" ? "statement" : "quote").first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }

  test("with Meilisearch configured but down, statements are still read from the archive (the search page itself says search is down)", async ({ page, request }) => {
    const base = `http://127.0.0.1:${DEAD_MEILI_PORT}`;
    const api = await request.get(`${base}/api/statements?speaker=${encodeURIComponent(SPEAKER)}`);
    expect(api.status()).toBe(200);
    expect((await api.json()).total).toBeGreaterThan(0);
    // Since the search page answers 503 while Meilisearch is down (search-down.spec.ts), its statements tab does too.
    const tab = await page.goto(`${base}/?view=statements&speaker=${encodeURIComponent(SPEAKER)}`);
    expect(tab?.status()).toBe(503);
    await expect(page.getByRole("alert").filter({ hasText: "Поиск временно недоступен" })).toBeVisible();
    await page.goto(`${base}/speakers/gleb-rakitin`);
    await expect(page.getByTestId("quote").first()).toBeVisible();
  });
});
