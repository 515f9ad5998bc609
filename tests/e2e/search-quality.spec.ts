import { expect, test } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

const SEED_TITLE = "Казахстан сделают площадкой для решения сложных споров и конфликтов";

test.describe("search quality (issue 15)", () => {
  test("a Latin name finds the Cyrillic article, says so, and the query as typed is one click away", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=Saltybaev");
    await expect(page.getByTestId("corrected")).toContainText("Показаны результаты для «Салтыбаев»");
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
    await expect(search.resultTitled(SEED_TITLE).locator("mark").first()).toHaveText(/^Салтыбаев/);
    await page.getByTestId("corrected").getByRole("link", { name: "«Saltybaev»" }).click();
    await expect(page).toHaveURL(/exact=1/);
    await expect(search.status).toHaveText(/^0 результатов$/);
  });

  test("an English place name no letter reading gives is searched as its Russian name (config/exonyms.ts)", async ({ page }) => {
    const search = new SearchPage(page);
    // Brussels letter by letter is «Брусселс»; the fictional samples say «в Брюсселе».
    await search.open("?q=Brussels");
    await expect(page.getByTestId("corrected")).toContainText("Показаны результаты для «Брюссель»");
    await expect(search.resultTitled("Транскаспийский газопровод: старый проект в новой энергетической реальности")).toHaveCount(1);
    await expect(search.status).toHaveText(/^3 результата$/);
  });

  test("a query typed on the Latin layout is read as Russian", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=vtlbfnjhf");
    await expect(page.getByTestId("corrected")).toContainText("Показаны результаты для «медиатора»");
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
  });

  test("a phrase in «…» matches another case form of its words", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open(`?q=${encodeURIComponent("«сложные споры»")}`);
    await expect(search.resultTitled(SEED_TITLE)).toHaveCount(1);
  });
});
