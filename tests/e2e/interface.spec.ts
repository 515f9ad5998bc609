import { expect, test, type Page } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

/** Issue 14, item 9: an interface that never loses the reader. */

const TOPIC_ONLY_TITLE = "Тестовый образец: банки и вторичные ограничения";

const historyLength = (page: Page) => page.evaluate(() => window.history.length);
const numberIn = (text: string | null) => Number((text ?? "").replace(/\s/g, "").match(/\d+/)?.[0] ?? NaN);
/** A speaker checkbox by its value, which may hold quotes. */
const speakerBox = (page: Page, value: string) => page.locator(`input[name="speaker"][value="${value.replace(/["\\]/g, "\\$&")}"]`);
const qOf = (page: Page) => new URL(page.url()).searchParams.get("q");

async function total(page: Page): Promise<number> {
  return numberIn(await page.getByTestId("result-count").textContent());
}

test.describe("the search page keeps the reader's place", () => {
  test("typing makes one history entry per burst; Back and Forward show the box, results and filters of the address", async ({ page }) => {
    // The page's timers run on a fake clock, so «a pause of a second» does not depend on how busy
    // the machine is: the test says how much time passes between keystrokes. An installed clock
    // still follows real time, and a loaded machine spends more than the second between two
    // words waiting for the results, which ended the burst; paused, only runFor moves it.
    await page.clock.install();
    const search = new SearchPage(page);
    await search.open("?q=ЕАЭС");
    await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
    const countBefore = await search.status.textContent();
    const start = await historyLength(page);

    await search.input.selectText();
    await search.input.pressSequentially("Казахстан");
    await page.clock.runFor(400);
    await expect.poll(() => qOf(page)).toBe("Казахстан");
    // 0.4 s later the words go on, within a second: the same entry is replaced, not a new one added.
    await search.input.pressSequentially(" медиатор");
    await page.clock.runFor(400);
    await expect.poll(() => qOf(page)).toBe("Казахстан медиатор");
    expect(await historyLength(page)).toBe(start + 1);
    const countTyped = await search.status.textContent();

    await page.goBack();
    await expect.poll(() => qOf(page)).toBe("ЕАЭС");
    await expect(search.input).toHaveValue("ЕАЭС");
    await expect(search.status).toHaveText(countBefore!);

    await page.goForward();
    await expect.poll(() => qOf(page)).toBe("Казахстан медиатор");
    await expect(search.input).toHaveValue("Казахстан медиатор");
    await expect(search.status).toHaveText(countTyped!);

    // After a pause of a second, more typing is a new entry, and Back returns to the phrase.
    await search.input.focus();
    await page.keyboard.press("End");
    await page.clock.runFor(1200);
    await search.input.pressSequentially(" Астана");
    await page.clock.runFor(400);
    await expect.poll(() => qOf(page)).toBe("Казахстан медиатор Астана");
    expect(await historyLength(page)).toBe(start + 2);
    await page.goBack();
    await expect.poll(() => qOf(page)).toBe("Казахстан медиатор");
    await expect(search.input).toHaveValue("Казахстан медиатор");

    // Filters follow the address too.
    const speaker = page.getByRole("group", { name: "Эксперт" }).getByRole("checkbox").first();
    const name = (await speaker.getAttribute("value"))!;
    await speaker.check();
    await expect(page).toHaveURL(/speaker=/);
    await page.goBack();
    await expect(page).not.toHaveURL(/speaker=/);
    await expect(page.locator(`input[name="speaker"][value="${name}"]`)).not.toBeChecked();
    await page.goForward();
    await expect(page.locator(`input[name="speaker"][value="${name}"]`)).toBeChecked();
  });

  test("a filter toggled with Space or Enter keeps the focus, also one that moves out of «Ещё N»", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("?q=санкции");
    const first = page.getByRole("group", { name: "Эксперт" }).getByRole("checkbox").first();
    const value = (await first.getAttribute("value"))!;
    const box = page.locator(`input[name="speaker"][value="${value}"]`);
    await box.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/speaker=/);
    await expect(box).toBeChecked();
    await expect(box).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).not.toHaveURL(/speaker=/);
    await expect(box).not.toBeChecked();
    await expect(box).toBeFocused();

    // A value listed under «Ещё N» is shown among the first once selected: a new element.
    await search.open("");
    await search.facetToggle("Эксперт").click();
    const hidden = page.getByTestId("facet-more-speaker").getByRole("checkbox").first();
    const hiddenValue = (await hidden.getAttribute("value"))!;
    await hidden.focus();
    await page.keyboard.press("Space");
    await expect(page).toHaveURL(/speaker=/);
    const moved = page.locator(`input[name="speaker"][value="${hiddenValue}"]`);
    await expect(moved).toBeChecked();
    await expect(moved).toBeFocused();
  });

  test("«Ещё N» lists more of a facet through the address; the focus stays on the link, and the group stays open through a filter change and Back", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open("");
    const boxes = page.getByRole("group", { name: "Эксперт" }).getByRole("checkbox");
    await expect(boxes).toHaveCount(8);
    const toggle = search.facetToggle("Эксперт");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    const more = Number(/^Ещё (\d+)$/.exec((await toggle.textContent())!)![1]);
    expect(more).toBeGreaterThan(0);

    await toggle.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/[?&]more=speaker(&|#|$)/);
    await expect(boxes).toHaveCount(8 + more);
    await expect(toggle).toHaveText("Свернуть");
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(toggle).toBeFocused();
    // The other groups stay as they were.
    await expect(page.getByRole("group", { name: "Тема" }).getByTestId("facet-more-topic")).toHaveCount(0);

    const extra = page.getByTestId("facet-more-speaker").getByRole("checkbox").last();
    const value = (await extra.getAttribute("value"))!;
    await extra.check();
    await expect(page).toHaveURL(/speaker=/);
    expect(new URL(page.url()).searchParams.getAll("more")).toEqual(["speaker"]);
    await expect(speakerBox(page, value)).toBeChecked();
    await expect(toggle).toHaveText("Свернуть");

    await page.goBack();
    await expect(page).not.toHaveURL(/speaker=/);
    await expect(page).toHaveURL(/more=speaker/);
    await expect(speakerBox(page, value)).not.toBeChecked();
    await expect(boxes).toHaveCount(8 + more);

    await toggle.click();
    await expect(page).not.toHaveURL(/more=/);
    await expect(boxes).toHaveCount(8);
    await expect(toggle).toHaveText(`Ещё ${more}`);
  });

  test("skip links lead to the filters and to the results", async ({ page }) => {
    await page.goto("/?q=санкции");
    const toFilters = page.getByRole("link", { name: "К фильтрам" });
    for (let i = 0; i < 15 && !(await toFilters.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(toFilters).toBeFocused();
    // Visible once focused, not a one-pixel box.
    expect((await toFilters.boundingBox())!.width).toBeGreaterThan(40);
    await page.keyboard.press("Enter");
    await expect(page.locator("#filters")).toBeFocused();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("#filters") !== null)).toBe(true);

    await page.getByRole("link", { name: "К результатам" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#results")).toBeFocused();
  });

  test("at 390 px the filters open in a drawer with the count and «Показать N результатов»", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/?q=санкции");
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByTestId("filters")).toBeHidden();

    await toggle.click();
    const drawer = page.getByRole("dialog", { name: "Фильтры" });
    await expect(drawer).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(drawer.getByRole("button", { name: "Закрыть" })).toBeFocused();
    // Tab stays inside: back from the first control is the last, «Показать …».
    await page.keyboard.press("Shift+Tab");
    await expect(drawer.getByTestId("show-results")).toBeFocused();

    const before = await total(page);
    const speaker = drawer.getByRole("group", { name: "Эксперт" }).getByRole("checkbox").first();
    await speaker.check();
    await expect(page).toHaveURL(/speaker=/);
    await expect(drawer).toBeVisible();
    await expect(speaker).toBeFocused();
    const show = drawer.getByTestId("show-results");
    await expect(show).toBeInViewport();
    await expect.poll(() => total(page)).toBeLessThan(before);
    await expect.poll(async () => numberIn(await show.textContent())).toBe(await total(page));
    await expect(show).toHaveText(/^Показать \d+ результат/);

    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(toggle).toBeFocused();

    await toggle.click();
    await page.getByTestId("show-results").click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.locator("#results")).toBeFocused();
    await expect(page.getByTestId("result-count")).toBeInViewport();
  });

  test("the skip link to the filters opens the drawer on a narrow screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/?q=санкции&view=statements");
    await page.getByRole("link", { name: "К фильтрам" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog", { name: "Фильтры" })).toBeVisible();
    await expect(page.getByTestId("show-results")).toHaveText(/^Показать \d+ высказыва/);
  });
});

test.describe("the search page's answers", () => {
  test("a bad parameter is explained in Russian", async ({ page }) => {
    for (const url of ["/?sort=bogus", "/?page=abc", "/?view=x", "/?q=санкции&page=0"]) {
      const response = await page.goto(url);
      expect(response!.status()).toBeLessThan(500);
      const problem = page.getByRole("alert").filter({ hasText: "Неверный адрес поиска" });
      await expect(problem).toBeVisible();
      const message = (await problem.locator("p").first().textContent())!;
      expect(message, url).toMatch(/[а-яё]{5}/i);
      expect(message, url).not.toMatch(/\b(must|at most|or more|whole number)\b/);
    }
  });

  test("a page past the end goes to the last page, on both tabs", async ({ page }) => {
    await page.goto("/?page=99");
    const last = Number(new URL(page.url()).searchParams.get("page"));
    expect(last).toBeGreaterThan(1);
    await expect(page.getByTestId("result-count")).toContainText(`страница ${last} из ${last}`);
    await expect(page.getByTestId("result")).not.toHaveCount(0);

    await page.goto("/?q=санкции&view=statements&page=500");
    const lastStatements = new URL(page.url()).searchParams.get("page");
    await expect(page.getByTestId("statement").first()).toBeVisible();
    if (lastStatements) await expect(page.getByTestId("result-count")).toContainText(`страница ${lastStatements} из ${lastStatements}`);
    expect(new URL(page.url()).searchParams.get("view")).toBe("statements");

    await page.goto("/?q=нетсовсемтакогослова&page=4");
    expect(new URL(page.url()).searchParams.get("page")).toBeNull();
    await expect(page.getByTestId("empty")).toBeVisible();
  });

  test("lowercase «или» between two words is OR, as ИЛИ is", async ({ page }) => {
    await page.goto(`/?q=${encodeURIComponent("ЕАЭС")}`);
    const a = await total(page);
    await page.goto(`/?q=${encodeURIComponent("ШОС")}`);
    const b = await total(page);
    await page.goto(`/?q=${encodeURIComponent("ЕАЭС ИЛИ ШОС")}`);
    const upper = await total(page);
    await page.goto(`/?q=${encodeURIComponent("ЕАЭС или ШОС")}`);
    const lower = await total(page);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(lower).toBe(upper);
    expect(lower).toBeGreaterThan(Math.max(a, b) - 1);
    expect(lower).toBeLessThanOrEqual(a + b);
    // Every hit has one of the words: no «some of the words» fallback.
    await expect(page.getByTestId("relaxed")).toHaveCount(0);
  });

  test("a document's topics are searchable words", async ({ page }) => {
    await page.goto(`/?q=${encodeURIComponent("санкции")}`);
    const search = new SearchPage(page);
    // Its text says only «санкционный»; its topic is «Санкции».
    await expect(search.resultTitled(TOPIC_ONLY_TITLE)).toHaveCount(1);
  });
});
