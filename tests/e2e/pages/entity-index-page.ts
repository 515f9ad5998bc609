import { expect, type Locator, type Page } from "@playwright/test";

/** An index page (/speakers, /institutions, /countries, /topics) as a reader sees it. */
export class EntityIndexPage {
  readonly filter: Locator;
  readonly status: Locator;
  readonly entries: Locator;

  constructor(
    readonly page: Page,
    readonly base: "/speakers" | "/institutions" | "/countries" | "/topics",
    filterLabel: string,
  ) {
    this.filter = page.getByRole("searchbox", { name: filterLabel });
    this.status = page.getByTestId("entity-count");
    this.entries = page.getByTestId("entity-entry");
  }

  async open(search = "") {
    await this.page.goto(`${this.base}${search}`);
  }

  /** Types into the filter box and submits it as the plain GET form it is. */
  async search(text: string) {
    await this.filter.fill(text);
    await this.filter.press("Enter");
    await expect(this.page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(text).replace(/%20/g, "(\\+|%20)")}`));
  }

  entry(name: string): Locator {
    return this.entries.filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}
