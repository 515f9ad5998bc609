import { expect, test, type Page } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

const SEED_TITLE = "Казахстан сделают площадкой для решения сложных споров и конфликтов";

test.describe("search", () => {
  test("медиатор finds the seed article with the word form highlighted", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=медиатор");
    const seed = search.resultTitled(SEED_TITLE);
    await expect(seed).toHaveCount(1);
    await expect(seed.locator("mark")).toHaveText(["медиатора"]);
    await expect(search.status).toContainText(/^\d+ результат/);
  });

  test("typing updates results without losing focus", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.input.click();
    await search.input.pressSequentially("споров", { delay: 30 });
    await expect(page).toHaveURL(/\?q=%D1%81%D0%BF%D0%BE%D1%80%D0%BE%D0%B2/);
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
    await expect(search.input).toBeFocused();
    await expect(search.input).toHaveValue("споров");
  });

  test("choosing a speaker narrows results, shows in the URL, keeps other speakers' counts, and Back restores", async ({ page }) => {
    // An invented sample speaker quoted in several of the documents that mention a mediator.
    const speaker = "Асхат Темиркулов";
    const search = new SearchPage(page);
    await search.open("?q=медиатор");
    const before = await search.results.count();
    const totalBefore = await search.status.textContent();
    await search.facet("Эксперт", speaker).check();
    await expect(page).toHaveURL(new RegExp(`speaker=${encodeURIComponent(speaker).replace(/%20/g, "(\\+|%20)")}`));
    await expect(search.facet("Эксперт", speaker)).toBeChecked();
    const after = await search.results.count();
    expect(after).toBeGreaterThan(1);
    expect(after).toBeLessThan(before);
    for (const title of await search.results.getByRole("heading").allTextContents()) expect(title.length).toBeGreaterThan(0);
    await expect(search.results.filter({ hasText: speaker })).toHaveCount(after);
    // Disjunctive: another speaker is still offered, with a count, after one is chosen.
    await expect(search.facet("Эксперт", "Огуз Кайнак")).toBeVisible();
    await expect(search.facet("Эксперт", "Огуз Кайнак")).not.toBeChecked();

    await page.goBack();
    await expect(page).not.toHaveURL(/speaker=/);
    await expect(search.status).toHaveText(totalBefore!);
    await expect(search.results).toHaveCount(before);
    await expect(search.facet("Эксперт", speaker)).not.toBeChecked();
  });

  test("opening a result shows the article, with the query's words marked and a way back", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=споры");
    await search.resultTitled(SEED_TITLE).getByRole("link", { name: SEED_TITLE }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEED_TITLE);
    await expect(page.locator("article mark").first()).toHaveText(/спор/);
    await expect(page.locator("#quote-2")).toContainText("Мы должны генерировать");
    await page.getByTestId("back-to-search").click();
    await expect(page).toHaveURL(/\/\?q=%D1%81%D0%BF%D0%BE%D1%80%D1%8B$/);
    await expect(search.input).toHaveValue("споры");
  });

  test("a misspelt word is corrected, and the query as typed is one click away", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=медиатара");
    await expect(page.getByTestId("corrected")).toContainText("Показаны результаты для «медиатора»");
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
    await page.getByTestId("corrected").getByRole("link", { name: "«медиатара»" }).click();
    await expect(page).toHaveURL(/exact=1/);
    await expect(search.status).toHaveText(/^0 результатов$/);
    await expect(page.getByTestId("corrected")).toHaveCount(0);
  });

  test("a query no document fully matches falls back to any of its words, and says so", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=медиатора пингвинами");
    await expect(page.getByTestId("relaxed")).toBeVisible();
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
  });

  test("result counts use Russian plurals", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open('?q="Лидера Нации"');
    await expect(search.status).toHaveText(/^1 результат$/);
    await search.open("?q=нетсовсемтакогослова");
    await expect(search.status).toHaveText(/^0 результатов$/);
  });

  test("an empty result with filters offers to clear them", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=нетсовсемтакогослова&topic=Санкции");
    await expect(page.getByTestId("empty")).toBeVisible();
    await page.getByRole("link", { name: "Сбросить фильтры" }).click();
    await expect(page).toHaveURL(/\?q=[^&]+$/);
  });

  test("hostile markup in a document shows as text and never runs", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=экранирование");
    const hit = search.resultTitled(/Тестовый документ/);
    await expect(hit).toHaveCount(1);
    await expect(hit.getByTestId("snippet")).toContainText("<script>");
    await expect(hit.getByRole("heading")).toContainText("<script>alert('title')</script>");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.locator("main script")).toHaveCount(0);
    await expect(page.locator("main img")).toHaveCount(0);
  });

  test("a facet value full of quotes and operators matches only itself", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open(`?speaker=${encodeURIComponent('Тест "Кавычки" OR 1=1')}`);
    await expect(search.status).toHaveText(/^1 результат$/);
    await search.open(`?speaker=${encodeURIComponent('" OR 1=1 OR "')}`);
    await expect(search.status).toHaveText(/^0 результатов$/);
  });

  test("an invalid parameter gets a clear message, not a server error", async ({ page }) => {
    const response = await page.goto("/?page=abc");
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole("alert").filter({ hasText: "Неверный адрес поиска" })).toContainText("page");
  });

  test("unknown articles and speakers get the 404 page", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Страница не найдена" })).toBeVisible();
    expect((await page.goto("/speakers/no-such-person"))?.status()).toBe(404);
  });

  test("a speaker page lists the speaker's quotes, each linking to its permalink", async ({ page }) => {
    await page.goto("/?q=медиатор");
    await page.getByTestId("result").getByRole("link", { name: "Ержан Салтыбаев" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ержан Салтыбаев");
    const quote = page.getByTestId("quote").filter({ hasText: "Мы должны генерировать" });
    await expect(quote).toHaveCount(1);
    await quote.getByTestId("statement-permalink").click();
    await expect(page).toHaveURL(/#quote-2$/);
    await expect(page.locator("#quote-2")).toBeInViewport();
  });
});

test.describe("browse pages", () => {
  test("an article links to its institution and topic pages, which list their documents newest first", async ({ page }) => {
    await page.goto(`/?q=${encodeURIComponent('"Саммит ШОС в Астане"')}`);
    await page.getByRole("link", { name: /^Саммит ШОС в Астане/ }).click();
    const institution = page.locator("dl").getByRole("link", { name: "Институт евразийских стратегических инициатив" });
    await institution.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Институт евразийских стратегических инициатив");
    const dates = await page.getByTestId("document").locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.goBack();
    await page.locator("dl").getByRole("link", { name: "Многосторонняя дипломатия" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Многосторонняя дипломатия");
    await expect(page.getByTestId("document").first()).toBeVisible();
  });
});

test.describe("registry", () => {
  test("an institution page shows its abbreviation, parent body and speakers; a speaker page their roles", async ({ page }) => {
    await page.goto("/institutions/institut-mirovoy-ekonomiki-i-politiki");
    const details = page.getByTestId("institution-details");
    await expect(details).toContainText("ИМЭП");
    await expect(details.getByRole("link", { name: "Фонд Первого Президента РК – Лидера Нации" })).toBeVisible();
    await details.getByRole("link", { name: "Ержан Салтыбаев" }).click();
    await expect(page.getByTestId("speaker-details")).toContainText("директор, Институт мировой экономики и политики");
  });

  test("institution, country and topic pages list the statements filed under them, each by its speaker", async ({ page }) => {
    await page.goto("/institutions/institut-mirovoy-ekonomiki-i-politiki");
    const quotes = page.getByTestId("quote");
    await expect(page.getByRole("heading", { name: /^Высказывания \(\d+\)$/ })).toBeVisible();
    await expect(quotes.first()).toBeVisible();
    // Every statement on the institution's page is by someone from it: here, its director.
    await expect(quotes.getByTestId("statement-speaker").filter({ hasNotText: "Ержан Салтыбаев" })).toHaveCount(0);
    await expect(quotes.filter({ hasText: "геополитических играх" }).first()).toBeVisible();
    await page.getByRole("link", { name: "искать в высказываниях →" }).click();
    await expect(page).toHaveURL(/view=statements/);
    await expect(page).toHaveURL(/institution=/);

    await page.goto("/countries/kazakhstan");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Казахстан");
    await expect(page.getByTestId("quote").first()).toBeVisible();
  });
});

/** A speaker checkbox by its value, which may hold quotes. */
const speakerBox = (page: Page, value: string) => page.locator(`input[name="speaker"][value="${value.replace(/["\\]/g, "\\$&")}"]`);

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form searches and filters by plain GET", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.input.fill("медиатор");
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(page).toHaveURL(/\?q=/);
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
    await search.facet("Эксперт", "Ержан Салтыбаев").check();
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(page).toHaveURL(/speaker=/);
    await expect(search.facet("Эксперт", "Ержан Салтыбаев")).toBeChecked();
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
  });

  test("«Ещё N» opens a facet group by a plain link, and the form keeps it open", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    const boxes = page.getByRole("group", { name: "Эксперт" }).getByRole("checkbox");
    await expect(boxes).toHaveCount(8);
    const toggle = search.facetToggle("Эксперт");
    const more = Number(/^Ещё (\d+)$/.exec((await toggle.textContent())!)![1]);
    await toggle.click();
    await expect(page).toHaveURL(/\?more=speaker#facet-speaker$/);
    await expect(boxes).toHaveCount(8 + more);
    const extra = page.getByTestId("facet-more-speaker").getByRole("checkbox").first();
    const value = (await extra.getAttribute("value"))!;
    await extra.check();
    await page.getByRole("button", { name: "Найти" }).click();
    await expect(page).toHaveURL(/speaker=/);
    expect(new URL(page.url()).searchParams.getAll("more")).toEqual(["speaker"]);
    await expect(speakerBox(page, value)).toBeChecked();
    await expect(toggle).toHaveText("Свернуть");
  });
});
