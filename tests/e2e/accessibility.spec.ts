import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  ["search with results and filters", `/?q=${encodeURIComponent("медиатор")}&speaker=${encodeURIComponent("Ержан Салтыбаев")}`],
  ["empty search", `/?q=${encodeURIComponent("нетсовсемтакогослова")}`],
  ["article", "/articles/kazakhstan-sdelayut-ploschadkoy-dlya-resheniya-slozhnykh-sporov-i-konfliktov?q=%D0%BC%D0%B5%D0%B4%D0%B8%D0%B0%D1%82%D0%BE%D1%80"],
  ["speaker", "/speakers/erzhan-saltybaev"],
  ["not found", "/articles/no-such-article"],
] as const;

test.describe("accessibility (axe, WCAG 2.1 A and AA)", () => {
  for (const [name, url] of PAGES) {
    test(name, async ({ page }) => {
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
});
