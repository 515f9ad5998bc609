import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

/** The dates of the listed results, in order. */
async function resultDates(page: Page): Promise<string[]> {
  return page.getByTestId("result").locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
}

async function count(page: Page): Promise<number> {
  const text = (await page.getByTestId("result-count").textContent()) ?? "";
  return Number(/(\d[\d\s]*)/.exec(text)?.[1]?.replace(/\s/g, "") ?? "0");
}

test.describe("analyst features", () => {
  test("a date range in the URL or the form narrows the results", async ({ page }) => {
    await page.goto("/?sort=newest");
    const all = await count(page);
    await page.goto("/?from=2022&to=2023&sort=newest");
    const some = await count(page);
    expect(some).toBeGreaterThan(0);
    expect(some).toBeLessThan(all);
    for (const d of await resultDates(page)) expect(d >= "2022-01-01" && d <= "2023-12-31").toBe(true);

    await page.goto("/?sort=newest");
    const from = page.getByRole("group", { name: "Период" }).getByRole("textbox", { name: "с" });
    await from.fill("2024-01");
    await from.press("Enter");
    await expect(page).toHaveURL(/from=2024-01/);
    for (const d of await resultDates(page)) expect(d >= "2024-01-01").toBe(true);
    await expect(page.getByRole("group", { name: "Период" }).getByRole("textbox", { name: "с" })).toHaveValue("2024-01");
  });

  test("a timeline bar narrows the range to its year, then the timeline shows months", async ({ page }) => {
    await page.goto("/?sort=newest");
    const timeline = page.getByTestId("timeline");
    await expect(timeline).toHaveAttribute("data-granularity", "year");
    // The screen-reader table holds the same figures as the bars.
    await expect(timeline.locator("table")).toContainText("2022");
    await timeline.locator('a[data-bucket="2022"]').click();
    await expect(page).toHaveURL(/from=2022&to=2022/);
    await expect(page.getByTestId("timeline")).toHaveAttribute("data-granularity", "month");
    const dates = await resultDates(page);
    expect(dates.length).toBeGreaterThan(0);
    for (const d of dates) expect(d.startsWith("2022-")).toBe(true);
  });

  test("oldest first lists results by ascending date; a bad sort says so in Russian", async ({ page }) => {
    await page.goto("/?sort=oldest");
    const dates = await resultDates(page);
    expect(dates.length).toBeGreaterThan(2);
    expect([...dates].sort()).toEqual(dates);
    await page.goto("/?sort=newest");
    await page.getByRole("combobox", { name: "Сортировка" }).selectOption("oldest");
    await expect(page).toHaveURL(/sort=oldest/);
    await page.goto("/?sort=alphabet");
    const problem = page.getByRole("alert").filter({ hasText: "Неверный адрес поиска" });
    await expect(problem).toContainText("порядок должен быть");
    await page.goto("/?from=2024-13");
    await expect(problem).toContainText("дата должна быть в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД");
  });

  test("the period fields, timeline, speaker list and export links have no axe violations, on both tabs", async ({ page }) => {
    for (const url of ["/?q=санкции", "/?q=санкции&view=statements"]) {
      await page.goto(url);
      await expect(page.getByTestId("timeline")).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).include('[data-testid="analyst-panel"]').analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });

  test("who says it most links to that speaker's statements", async ({ page }) => {
    await page.goto("/?q=санкции");
    const top = page.getByTestId("top-speakers");
    await expect(top.getByRole("link").first()).toBeVisible();
    const name = (await top.getByRole("link").first().textContent())!;
    await top.getByRole("link").first().click();
    await expect(page).toHaveURL(/view=statements/);
    await expect(page.getByTestId("statement").first()).toBeVisible();
    const speakers = await page.getByTestId("statement-speaker").allTextContents();
    for (const s of speakers) expect(s).toContain(name);
  });

  test("the search page and a speaker page link their Atom feeds, which parse; the speaker page's timeline narrows to a period", async ({ page, request }) => {
    await page.goto("/?q=санкции&view=statements");
    const link = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(link).toHaveCount(1);
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/feed\?|\/feed\?/);
    const res = await request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/atom+xml");
    const feed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(await res.text()).feed;
    const entries = [feed.entry].flat().filter(Boolean);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0].link["@href"]).toMatch(/\/articles\/[a-z0-9-]+#quote-\d+$/);

    await page.getByTestId("statement-speaker").first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/speakers\//);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\?.*view=statements/);
    // The speaker page's timeline of statements: a bar opens the statements search for that period.
    const bar = page.getByTestId("timeline").locator("a[data-bucket]").last();
    const key = (await bar.getAttribute("data-bucket"))!;
    await bar.click();
    await expect(page).toHaveURL(new RegExp(`speaker=.*from=${key}&to=${key}.*view=statements`));
    await expect(page.getByTestId("statement").first()).toBeVisible();
  });

  test("export buttons download the result set as CSV with a BOM and as JSON", async ({ page, request }) => {
    await page.goto("/?q=санкции");
    const total = await count(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Скачать CSV" }).click()]);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe("id,date,title,source,article,speakers,institutions,countries,topics,sample");
    expect(text).toMatch(/[а-яё]/i);
    const json = await request.get("/api/search?q=санкции&format=json");
    expect(json.status()).toBe(200);
    expect(await json.json()).toHaveLength(total);
    const hostile = await request.get(`/api/search?format=csv&speaker=${"x".repeat(400)}`);
    expect(hostile.status()).toBe(400);
    expect((await request.get("/api/search?format=xlsx")).status()).toBe(400);
  });
});
