import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

const SEED_TITLE = "Казахстан сделают площадкой для решения сложных споров и конфликтов";
const SAMPLE_TITLE = "Переговоры в Алматы: Казахстан как площадка для Баку и Еревана";

test.describe("sample pieces are labelled «Образец» wherever they are shown", () => {
  test("a sample hit on the search page says «Образец»; the real seed hit does not", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=медиатор");
    const sample = search.resultTitled(SAMPLE_TITLE);
    await expect(sample).toHaveCount(1);
    await expect(sample.getByTestId("sample-badge")).toHaveText("Образец");
    const seed = search.resultTitled(SEED_TITLE);
    await expect(seed).toHaveCount(1);
    await expect(seed.getByText("Образец")).toHaveCount(0);
    // Every other hit of this query is a sample, so every other hit carries the label.
    const hits = await search.results.count();
    await expect(search.results.filter({ has: page.getByTestId("sample-badge") })).toHaveCount(hits - 1);
  });

  test("the search API marks sample hits and only them", async ({ request }) => {
    const body = await (await request.get(`/api/search?q=${encodeURIComponent("медиатор")}`)).json();
    const byTitle = new Map<string, { sample?: boolean }>(body.hits.map((h: { title: string; sample?: boolean }) => [h.title, h]));
    expect(byTitle.get(SAMPLE_TITLE)?.sample).toBe(true);
    expect(byTitle.get(SEED_TITLE)).toBeDefined();
    expect(byTitle.get(SEED_TITLE)?.sample).toBeUndefined();
  });

  test("an invented speaker's page labels every quote and document; the real speaker's page has only his real article", async ({ page }) => {
    await page.goto("/?q=медиатор");
    await new SearchPage(page).resultTitled(SAMPLE_TITLE).getByRole("link", { name: "Асхат Темиркулов" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Асхат Темиркулов");
    const quotes = page.getByTestId("quote");
    expect(await quotes.count()).toBeGreaterThan(1);
    await expect(quotes.filter({ hasNot: page.getByTestId("sample-badge") })).toHaveCount(0);
    const documents = page.getByTestId("document");
    expect(await documents.count()).toBeGreaterThan(1);
    await expect(documents.filter({ hasNot: page.getByTestId("sample-badge") })).toHaveCount(0);

    await page.goto("/speakers/erzhan-saltybaev");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ержан Салтыбаев");
    await expect(page.getByTestId("document")).toHaveText([new RegExp(SEED_TITLE)]);
    await expect(page.getByTestId("quote").first()).toBeVisible();
    await expect(page.getByText("Образец")).toHaveCount(0);
  });

  test("a sample's article page says it is fictional", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=медиатор");
    await search.resultTitled(SAMPLE_TITLE).getByRole("link", { name: SAMPLE_TITLE }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_TITLE);
    // The article's own badge comes first; «Похожие материалы» below may label other samples.
    await expect(page.getByTestId("sample-badge").first()).toHaveText("Образец: вымышленный текст для демонстрации архива");
  });

  test("the label keeps search results accessible (axe, WCAG 2.1 AA)", async ({ page }) => {
    await page.goto(`/?q=${encodeURIComponent("медиатор")}`);
    await expect(page.getByTestId("sample-badge").first()).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});
