import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { EntityIndexPage } from "./pages/entity-index-page";
import { SearchPage } from "./pages/search-page";

/**
 * One person, one speaker. The fixture tests/fixtures/e2e/entity-variants-*.md records one
 * invented person under three surface forms: «Ерлан Кутпанбаев», «Кутпанбаев» and «Е. Кутпанбаев».
 * The archive resolves them to one entity, and every filter, page and API answers to any of them
 * and to any case form.
 */
const PERSON = "Ерлан Кутпанбаев";
const SLUG = "erlan-kutpanbaev";
const TITLES = [
  "Тестовый образец: ледники и будущее стока рек Центральной Азии",
  "Тестовый образец: эксперты заговорили о водно-энергетическом консорциуме",
  "Тестовый образец: водные споры в Приаралье обсудили на круглом столе",
];
/** The three fixture documents and only them, whatever their order. */
async function expectTheThree(search: SearchPage) {
  await search.expectCount(3);
  expect((await search.results.getByRole("heading").allTextContents()).sort()).toEqual([...TITLES].sort());
}
const speakerParam = (name: string) => new RegExp(`[?&]speaker=${encodeURIComponent(name).replace(/%20/g, "(\\+|%20)")}(&|$)`);

test.describe("one person under three names", () => {
  test("ticking the speaker on the search page shows all three documents", async ({ page }) => {
    const search = new SearchPage(page);
    await search.open();
    await search.chooseFacet("Эксперт", PERSON);
    await expect(page).toHaveURL(speakerParam(PERSON));
    await expectTheThree(search);
    // A hit credits him as its document wrote him («Кутпанбаев»); that name's link leads to his page.
    await search.resultTitled(TITLES[1]!).getByRole("link", { name: /Кутпанбаев/ }).click();
    await expect(page).toHaveURL(new RegExp(`/speakers/${SLUG}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
  });

  for (const typed of ["Кутпанбаева", "ерлан кутпанбаев", "Е. Кутпанбаев"]) {
    test(`speaker=${typed} redirects to the canonical speaker and shows the three`, async ({ page }) => {
      const search = new SearchPage(page);
      await search.open(`?speaker=${encodeURIComponent(typed)}&sort=date`);
      await expect(page).toHaveURL(speakerParam(PERSON));
      // The rest of the search survives the redirect (its spelling of the order is the search page's to choose).
      await expect(page).toHaveURL(/[?&]sort=/);
      await expectTheThree(search);
      await expect(search.facet("Эксперт", PERSON)).toBeChecked();
    });
  }

  test("a speaker page made from a variant redirects to the person's page", async ({ page }) => {
    for (const variant of ["kutpanbaev", "e-kutpanbaev"]) {
      const response = await page.goto(`/speakers/${variant}`);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveURL(new RegExp(`/speakers/${SLUG}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
    }
    await expect(page.getByTestId("speaker-variants")).toHaveText("Кутпанбаев, Е. Кутпанбаев");
    await expect(page.getByTestId("document")).toHaveCount(3);
  });

  test("the /speakers index finds him by a case form and links to his page", async ({ page }) => {
    const index = new EntityIndexPage(page, "/speakers", "Найти эксперта");
    await index.open();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Эксперты");
    const everyone = await index.entries.count();
    expect(everyone).toBeGreaterThan(3);
    await index.search("Кутпанбаевым");
    await expect(index.entries).toHaveCount(1);
    const entry = index.entry(PERSON);
    await expect(entry).toContainText("3 материала · 3 высказывания");
    await expect(entry).toContainText("Также: Кутпанбаев, Е. Кутпанбаев");
    await entry.getByRole("link", { name: PERSON }).click();
    await expect(page).toHaveURL(new RegExp(`/speakers/${SLUG}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PERSON);
  });

  test("the facet filter box finds a speaker the facet does not list, by a case form, and toggles the filter", async ({ page }) => {
    const search = new SearchPage(page);
    // No document about a mediator quotes him: the speaker facet of this search does not list him.
    await search.open(`?q=${encodeURIComponent("медиатор")}`);
    await expect(search.facet("Эксперт", PERSON)).toHaveCount(0);
    const box = search.facetFilter("Эксперт", "Найти эксперта");
    await box.fill("Кутпанбаевым");
    const option = search.facetFilterOption("Эксперт", PERSON);
    await expect(option).toBeVisible();
    // The link keeps the rest of the search and adds the filter; the URL stays the state.
    const href = new URL((await option.getAttribute("href"))!, "http://x");
    expect(href.searchParams.get("q")).toBe("медиатор");
    expect(href.searchParams.getAll("speaker")).toEqual([PERSON]);

    // On the statements tab the link stays on it.
    await search.open("?view=statements");
    await box.fill("Кутпанбаеву");
    const onTab = new URL((await option.getAttribute("href"))!, "http://x");
    expect(onTab.searchParams.get("view")).toBe("statements");
    expect(onTab.searchParams.getAll("speaker")).toEqual([PERSON]);

    // From the keyboard, on a search where he has documents: type, ↓ to the option, Enter.
    await search.open();
    await box.fill("кутпанбаева");
    await expect(option).toBeVisible();
    await expect(page.getByRole("group", { name: "Эксперт" }).locator("[aria-live]")).toContainText("Найдено: 1");
    await box.press("ArrowDown");
    await expect(option).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(speakerParam(PERSON));
    await expectTheThree(search);
    await expect(search.facet("Эксперт", PERSON)).toBeChecked();
  });

  test("GET /api/entities finds him by a case form, with his variants", async ({ request }) => {
    const res = await request.get(`/api/entities?type=person&q=${encodeURIComponent("Кутпанбаева")}`);
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(body.entities[0]).toMatchObject({
      type: "person",
      name: PERSON,
      slug: SLUG,
      url: `/speakers/${SLUG}`,
      documentCount: 3,
      statementCount: 3,
      partial: false,
      sampleOnly: false,
    });
    expect([...body.entities[0].variants].sort()).toEqual(["Е. Кутпанбаев", "Кутпанбаев"].sort());
  });

  test("GET /api/entities lists a kind in the order asked, in windows", async ({ request }) => {
    const all = await (await request.get("/api/entities?type=person&sort=name&limit=500")).json();
    const names: string[] = all.entities.map((e: { name: string }) => e.name);
    expect(names).toEqual([...names].sort(new Intl.Collator("ru", { sensitivity: "base", numeric: true }).compare));
    expect(all.total).toBe(names.length);
    const window = await (await request.get("/api/entities?type=person&sort=name&limit=2&offset=1")).json();
    expect(window.entities.map((e: { name: string }) => e.name)).toEqual(names.slice(1, 3));
    const byCount = await (await request.get("/api/entities?type=person")).json();
    const counts: number[] = byCount.entities.map((e: { documentCount: number }) => e.documentCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  test("GET /api/entities answers a bad parameter with a 400 naming it, never a 500", async ({ request }) => {
    for (const [qs, field] of [
      ["type=bogus", "type"],
      ["", "type"],
      ["type=person&sort=best", "sort"],
      ["type=person&limit=0", "limit"],
      ["type=person&limit=501", "limit"],
      ["type=person&offset=-1", "offset"],
      [`type=person&q=${"я".repeat(201)}`, "q"],
    ] as const) {
      const res = await request.get(`/api/entities?${qs}`);
      expect(res.status(), qs).toBe(400);
      expect((await res.json()).message, qs).toMatch(new RegExp(`^${field}: `));
    }
  });

  test("the seed's speaker page stays exact: role and institution", async ({ page }) => {
    await page.goto("/speakers/erzhan-saltybaev");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ержан Салтыбаев");
    await expect(page.getByText("директор, Институт мировой экономики и политики").first()).toBeVisible();
  });
});

test.describe("index pages", () => {
  test("each kind has an index in the site header, sortable by name and by count", async ({ page }) => {
    await page.goto("/");
    for (const [label, base] of [
      ["Эксперты", "/speakers"],
      ["Организации", "/institutions"],
      ["Страны", "/countries"],
      ["Темы", "/topics"],
    ] as const) {
      await page.getByRole("navigation", { name: "Разделы архива" }).getByRole("link", { name: label }).click();
      await expect(page).toHaveURL(new RegExp(`${base}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(label);
      const entries = page.getByTestId("entity-entry");
      expect(await entries.count()).toBeGreaterThan(0);
      await page.getByRole("link", { name: "по имени" }).click();
      await expect(page).toHaveURL(new RegExp(`${base}\\?sort=name$`));
      const names = await entries.getByRole("link").allTextContents();
      expect(names).toEqual([...names].sort(new Intl.Collator("ru", { sensitivity: "base", numeric: true }).compare));
    }
  });

  test("people known only from fictional samples are marked «Образец»; the seed's real speaker is not", async ({ page }) => {
    const index = new EntityIndexPage(page, "/speakers", "Найти эксперта");
    await index.open();
    await expect(index.entry("Асхат Темиркулов").getByTestId("sample-badge")).toHaveText("Образец");
    await expect(index.entry("Ержан Салтыбаев")).toContainText("директор, Институт мировой экономики и политики");
    await expect(index.entry("Ержан Салтыбаев").getByTestId("sample-badge")).toHaveCount(0);
  });

  test("a person known only by a surname is marked as such, in the index and the API", async ({ page, request }) => {
    // tests/fixtures/e2e/entity-partial.md names «Оспанбеков» alone, and no full name in the archive fits him.
    const index = new EntityIndexPage(page, "/speakers", "Найти эксперта");
    await index.open(`?q=${encodeURIComponent("Оспанбеков")}`);
    await expect(index.entries).toHaveCount(1);
    await expect(index.entry("Оспанбеков").getByTestId("partial-badge")).toHaveText("только фамилия");
    await expect(index.entry(PERSON)).toHaveCount(0);
    const body = await (await request.get(`/api/entities?type=person&q=${encodeURIComponent("Оспанбеков")}`)).json();
    expect(body.entities).toEqual([expect.objectContaining({ name: "Оспанбеков", partial: true, documentCount: 1 })]);
  });

  test("an entity page is one click from its index entry", async ({ page }) => {
    const index = new EntityIndexPage(page, "/institutions", "Найти организацию");
    await index.open(`?q=${encodeURIComponent("Приаральского центра водной политики")}`);
    await expect(index.entries).toHaveCount(1);
    await index.entries.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Приаральский центр водной политики");
  });

  test("a filter text nothing matches says so; a bad parameter gets a message, not a server error", async ({ page }) => {
    const index = new EntityIndexPage(page, "/topics", "Найти тему");
    await index.open(`?q=${encodeURIComponent("нетсовсемтакойтемы")}`);
    await expect(page.getByTestId("entity-empty")).toBeVisible();
    // Fewer than 100 people: one page; a page past the end says so and leads back.
    await page.goto("/speakers?sort=name&page=2");
    await expect(page.getByText("На этой странице ничего нет.")).toBeVisible();
    await page.getByRole("link", { name: "К первой странице" }).click();
    await expect(page).toHaveURL(/\/speakers\?sort=name$/);
    await expect(page.getByRole("navigation", { name: "Страницы списка" })).toHaveCount(0);
    const response = await page.goto("/speakers?page=abc");
    expect(response?.status()).toBeLessThan(500);
    await expect(page.getByRole("alert").filter({ hasText: "Неверный адрес страницы" })).toContainText("page: ");
  });

  test("the index pages pass axe (WCAG 2.1 A and AA)", async ({ page }) => {
    for (const url of ["/speakers", `/speakers?q=${encodeURIComponent("Кутпанбаева")}`, "/countries?sort=name"]) {
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(violations.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the index filter is a plain GET form, and the search page's facet links to the index", async ({ page }) => {
    const index = new EntityIndexPage(page, "/speakers", "Найти эксперта");
    await index.open();
    await index.search("Кутпанбаева");
    await expect(index.entries).toHaveCount(1);
    await expect(index.entry(PERSON)).toBeVisible();

    await page.goto("/");
    const group = page.getByRole("group", { name: "Эксперт" });
    await expect(group.getByRole("searchbox")).toHaveCount(0);
    await group.getByRole("link", { name: "Все эксперты →" }).click();
    await expect(page).toHaveURL(/\/speakers$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Эксперты");
  });
});
