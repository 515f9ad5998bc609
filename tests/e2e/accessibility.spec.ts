import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const q = (s: string) => encodeURIComponent(s);

const PAGES = [
  ["search, documents, with filters", `/?q=${q("медиатор")}&speaker=${q("Ержан Салтыбаев")}`],
  ["search, statements", `/?q=${q("санкции")}&view=statements`],
  ["empty search", `/?q=${q("нетсовсемтакогослова")}`],
  ["article", `/articles/kazakhstan-sdelayut-ploschadkoy-dlya-resheniya-slozhnykh-sporov-i-konfliktov?q=${q("медиатор")}`],
  ["speaker", "/speakers/erzhan-saltybaev"],
  ["entity index", "/speakers"],
  ["not found", "/articles/no-such-article"],
] as const;

const MODES = [
  { name: "desktop, light", width: 1280, height: 800, colorScheme: "light" },
  { name: "desktop, dark", width: 1280, height: 800, colorScheme: "dark" },
  { name: "390 px, light", width: 390, height: 844, colorScheme: "light" },
  { name: "390 px, dark", width: 390, height: 844, colorScheme: "dark" },
] as const;

async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The page's background as sRGB relative luminance, whatever colour syntax the CSS used. */
function backgroundLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...ctx.getImageData(0, 0, 1, 1).data].slice(0, 3).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });
}

test.describe("accessibility (axe, WCAG 2.1 A and AA)", () => {
  for (const mode of MODES) {
    test.describe(mode.name, () => {
      test.beforeEach(async ({ page }) => {
        await page.setViewportSize({ width: mode.width, height: mode.height });
        await page.emulateMedia({ colorScheme: mode.colorScheme });
      });

      for (const [name, url] of PAGES) {
        test(name, async ({ page }) => {
          await page.goto(url);
          // The scheme really applies: a dark page in dark mode, a light one otherwise.
          const luminance = await backgroundLuminance(page);
          if (mode.colorScheme === "dark") expect(luminance).toBeLessThan(0.05);
          else expect(luminance).toBeGreaterThan(0.8);
          expect(await violations(page)).toEqual([]);
        });
      }

      if (mode.width < 1024) {
        test("search with the filters drawer open", async ({ page }) => {
          await page.goto(`/?q=${q("санкции")}`);
          await page.getByTestId("filters-toggle").click();
          await expect(page.getByRole("dialog", { name: "Фильтры" })).toBeVisible();
          expect(await violations(page)).toEqual([]);
        });
      }
    });
  }
});
