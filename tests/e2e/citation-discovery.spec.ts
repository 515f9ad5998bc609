import { type Page, expect, test } from "@playwright/test";
import { XMLParser } from "fast-xml-parser";

/**
 * Issue 14, items 5–8 in a real browser: «Скопировать ссылку» (GOST R 7.0.100-2018 and plain text),
 * JSON-LD (NewsArticle, Quotation, Person) that user text cannot break out of, each page's own
 * Open Graph tags, «Похожие материалы», /opensearch.xml, /sitemap.xml, the favicon, and the seed's
 * provenance line.
 */

const SEED = "Казахстан сделают площадкой для решения сложных споров и конфликтов";
const SPEAKER = "Ержан Салтыбаев";

async function slugOf(request: import("@playwright/test").APIRequestContext, q: string, title: RegExp | string): Promise<string> {
  const body = (await (await request.get(`/api/search?q=${encodeURIComponent(q)}`)).json()) as { hits: { slug: string; title: string }[] };
  const hit = body.hits.find((h) => (typeof title === "string" ? h.title === title : title.test(h.title)));
  expect(hit, `a hit titled ${title} for «${q}»`).toBeTruthy();
  return hit!.slug;
}

/** Every JSON-LD block of the page, parsed as JSON (a broken block throws here). */
async function jsonLd(page: Page): Promise<Record<string, any>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Record<string, any>);
}

async function og(page: Page, property: string): Promise<string | null> {
  return page.locator(`meta[property="${property}"]`).getAttribute("content");
}

/** DD.MM.YYYY of the browser's today: the date of access a reference must carry. */
const today = (page: Page) => page.evaluate(() => new Date().toLocaleDateString("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric" }));

test.describe("citation and structured data", () => {
  test("the seed's page says what is unknown, and «Скопировать ссылку» copies a GOST reference with today's date of access", async ({ page, context, baseURL, request }) => {
    const slug = await slugOf(request, "медиатор Казахстан", SEED);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await page.goto(`/articles/${slug}`);
    // The seed file carries no date or source (see README: its origin is not recorded).
    await expect(page.getByTestId("provenance-date")).toHaveText("дата не указана");
    await expect(page.getByTestId("provenance-source")).toHaveText("источник не указан");

    const article = page.getByTestId("copy-reference").first();
    await article.getByRole("button", { name: "Скопировать ссылку" }).click();
    await expect(article.getByRole("status")).toHaveText("Ссылка по ГОСТ скопирована");
    const gost = await page.evaluate(() => navigator.clipboard.readText());
    expect(gost).toBe(`${SEED}. – [б. г.]. – URL: ${baseURL}/articles/${slug} (дата обращения: ${await today(page)}). – Текст : электронный.`);

    await article.getByText("Форматы ссылки").click();
    await expect(article.getByTestId("reference-gost")).toHaveText(gost);
    await article.getByRole("button", { name: "Скопировать текст со ссылкой" }).click();
    await expect(article.getByRole("status")).toHaveText("Текст со ссылкой скопирован");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${SEED}. ${baseURL}/articles/${slug}`);
  });

  test("a statement's «Скопировать ссылку» on the article cites its speaker and its own permalink", async ({ page, context, baseURL, request }) => {
    const slug = await slugOf(request, "медиатор Казахстан", SEED);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await page.goto(`/articles/${slug}`);
    const caption = page.locator("figcaption").filter({ hasText: SPEAKER }).first();
    const anchor = (await caption.getByRole("link", { name: /^Ссылка на цитату/ }).getAttribute("href"))!;
    await caption.getByRole("button", { name: "Скопировать ссылку" }).click();
    await expect(caption.getByRole("status")).toHaveText("Ссылка по ГОСТ скопирована");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`Салтыбаев, Е. [Высказывание] // ${SEED}. – [б. г.]. – URL: ${baseURL}/articles/${slug}${anchor} (дата обращения: ${await today(page)}). – Текст : электронный.`);
  });

  test("on the statements tab a statement offers the quote and the reference, one status line saying which was copied", async ({ page, context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await page.goto(`/?view=statements&speaker=${encodeURIComponent(SPEAKER)}&sort=date`);
    const statement = page.getByTestId("statement").first();
    const href = (await statement.getByTestId("statement-permalink").getAttribute("href"))!;
    await statement.getByRole("button", { name: "Скопировать ссылку" }).click();
    await expect(statement.getByRole("status")).toHaveText("Ссылка по ГОСТ скопирована");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith("Салтыбаев, Е. [Высказывание] // ")).toBe(true);
    expect(copied).toContain(`URL: ${new URL(href, baseURL).toString()} (дата обращения: `);
  });

  test("the article carries NewsArticle and Quotation JSON-LD and its own Open Graph tags", async ({ page, request, baseURL }) => {
    const slug = await slugOf(request, "медиатор Казахстан", SEED);
    await page.goto(`/articles/${slug}`);
    const [ld] = await jsonLd(page);
    const graph = ld!["@graph"] as Record<string, any>[];
    const article = graph.find((n) => n["@type"] === "NewsArticle")!;
    expect(ld!["@context"]).toBe("https://schema.org");
    expect(article).toMatchObject({ headline: SEED, url: `${baseURL}/articles/${slug}`, inLanguage: "ru" });
    expect(article.datePublished).toBeUndefined();
    const quotes = graph.filter((n) => n["@type"] === "Quotation");
    const his = quotes.filter((q) => q.spokenByCharacter?.name === SPEAKER);
    expect(his).toHaveLength(3);
    for (const q of his) {
      expect(q.creator).toEqual(q.spokenByCharacter);
      expect(q.url).toMatch(new RegExp(`^${baseURL}/articles/${slug}#quote-\\d+$`));
      // The permalink in the JSON-LD lands on these words on the page.
      const id = q.url.split("#")[1];
      await expect(page.locator(`[id="${id}"]`)).toContainText(q.text.split(/\s+/).slice(0, 3).join(" "));
    }
    expect(await og(page, "og:title")).toBe(SEED);
    expect(await og(page, "og:type")).toBe("article");
    expect(await og(page, "og:url")).toBe(`${baseURL}/articles/${slug}`);
    expect(await og(page, "og:description")).toContain("Высказывания: Ержан Салтыбаев");
    await expect(page).toHaveTitle(new RegExp(`^${SEED}`));
    expect(await page.locator('link[rel="canonical"]').getAttribute("href")).toBe(`${baseURL}/articles/${slug}`);
  });

  test("markup in a document's text stays data inside the JSON-LD: it parses, nothing runs, the CSP reports nothing", async ({ page, request }) => {
    const slug = await slugOf(request, "экранирование", /^Тестовый документ с разметкой/);
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`/articles/${slug}`);
    const [ld] = await jsonLd(page);
    const article = (ld!["@graph"] as Record<string, any>[]).find((n) => n["@type"] === "NewsArticle")!;
    expect(article.headline).toBe("Тестовый документ с разметкой <script>alert('title')</script>");
    expect(article.articleBody).toContain("<script>window.__xss = 1</script>");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The text is in Next's own data scripts too, as escaped JSON; no element of its own was made from it.
    expect(await page.locator("script").evaluateAll((s) => s.filter((x) => /^\s*window\.__xss/.test(x.textContent ?? "")).length)).toBe(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  });

  test("a speaker page carries Person JSON-LD and a description of its own", async ({ page, request, baseURL }) => {
    const seed = await slugOf(request, "медиатор Казахстан", SEED);
    await page.goto(`/articles/${seed}`);
    const articleDescription = await og(page, "og:description");
    await page.locator("figcaption").getByRole("link", { name: SPEAKER }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(SPEAKER);
    const person = (await jsonLd(page)).find((b) => b["@type"] === "Person")!;
    expect(person).toMatchObject({ "@context": "https://schema.org", name: SPEAKER, jobTitle: "директор", worksFor: { name: "Институт мировой экономики и политики" } });
    expect(person.url).toBe(page.url().split("?")[0]);
    expect(await og(page, "og:title")).toBe(SPEAKER);
    const description = await og(page, "og:description");
    expect(description).toMatch(/^Ержан Салтыбаев \(директор, Институт мировой экономики и политики\)\. В архиве комментариев высказываний: 3/);
    expect(description).not.toBe(articleDescription);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toBe(description);
  });

  test("index and search pages have their own title, description and Open Graph tags", async ({ page }) => {
    const seen = new Set<string>();
    for (const path of ["/", "/?q=санкции", "/speakers", "/topics"]) {
      await page.goto(path);
      const d = await og(page, "og:description");
      expect(d, path).toBeTruthy();
      expect(await og(page, "og:title"), path).toBeTruthy();
      expect(await og(page, "og:site_name"), path).toBe("Архив комментариев");
      seen.add(d!);
    }
    expect(seen.size).toBe(4);
  });
});

test("pages with copy buttons hydrate without a React error, so a statement's permalink stays :target", async ({ page, request }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const slug = await slugOf(request, "медиатор Казахстан", SEED);
  for (const path of [`/articles/${slug}#quote-1`, `/?view=statements&speaker=${encodeURIComponent(SPEAKER)}`, "/speakers"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto(`/articles/${slug}#quote-1`);
  await page.waitForLoadState("networkidle");
  expect(await page.locator("#quote-1").evaluate((el) => el.matches(":target"))).toBe(true);
  expect(errors).toEqual([]);
});

test.describe("similar commentary", () => {
  test("an article lists up to five other documents sharing its words, speakers or topics, each a working link", async ({ page, request }) => {
    const slug = await slugOf(request, "медиатор Казахстан", SEED);
    await page.goto(`/articles/${slug}`);
    const section = page.getByTestId("similar");
    await expect(section.getByRole("heading", { name: "Похожие материалы" })).toBeVisible();
    const items = section.getByTestId("similar-item");
    const n = await items.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(5);
    const hrefs = await items.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    expect(hrefs).not.toContain(`/articles/${slug}`);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const title = (await items.first().getByRole("link").textContent())!;
    await items.first().getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
});

test.describe("discovery", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

  test("the layout links an OpenSearch description whose template runs a search", async ({ page, request, baseURL }) => {
    await page.goto("/");
    const link = page.locator('link[rel="search"][type="application/opensearchdescription+xml"]');
    await expect(link).toHaveCount(1);
    const res = await request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/opensearchdescription+xml");
    const desc = parser.parse(await res.text()).OpenSearchDescription;
    expect(desc.ShortName.length).toBeLessThanOrEqual(16);
    const html = (desc.Url as { type: string; template: string }[]).find((u) => u.type === "text/html")!;
    expect(html.template).toBe(`${baseURL}/?q={searchTerms}`);
    await page.goto(html.template.replace("{searchTerms}", encodeURIComponent("медиатором")));
    await expect(page.getByRole("link", { name: SEED })).toBeVisible();
  });

  test("sitemap.xml lists articles, speakers, institutions and topics, and its addresses answer", async ({ request, baseURL }) => {
    const res = await request.get("/sitemap.xml");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("xml");
    const urls = ([] as { loc: string }[]).concat(parser.parse(await res.text()).urlset.url).map((u) => u.loc);
    expect(urls.length).toBeLessThanOrEqual(50_000);
    expect(urls[0]).toBe(`${baseURL}/`);
    const seed = await slugOf(request, "медиатор Казахстан", SEED);
    expect(urls).toContain(`${baseURL}/articles/${seed}`);
    for (const base of ["/articles/", "/speakers/", "/institutions/", "/topics/"]) {
      const one = urls.find((u) => u.startsWith(`${baseURL}${base}`));
      expect(one, base).toBeTruthy();
      expect((await request.get(one!)).status(), one).toBe(200);
    }
    expect(urls.some((u) => u.includes("/speakers/") && u.endsWith("saltybaev"))).toBe(true);
  });

  test("favicon.ico and icon.svg are served, and the page links an icon", async ({ page, request }) => {
    const ico = await request.get("/favicon.ico");
    expect(ico.status()).toBe(200);
    expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    // ICO header: reserved 0, type 1.
    expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    await page.goto("/");
    const icon = page.locator('link[rel="icon"]').first();
    expect((await request.get((await icon.getAttribute("href"))!)).status()).toBe(200);
  });
});
