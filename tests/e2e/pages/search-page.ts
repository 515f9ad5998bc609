import { expect, type Locator, type Page } from "@playwright/test";

/** The search page as a person sees it: the box, the count, the results and the filters. */
export class SearchPage {
  readonly input: Locator;
  readonly status: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByRole("searchbox", { name: "Поиск по архиву" });
    this.status = page.getByRole("status").filter({ hasText: /результат/ });
    this.results = page.getByTestId("result");
  }

  async open(search = "") {
    await this.page.goto(`/${search}`);
  }

  facet(legend: string, value: string): Locator {
    return this.page.getByRole("group", { name: legend }).getByRole("checkbox", { name: new RegExp(`^${value}`) });
  }

  /** The link under a facet group that lists more of its values («Ещё N») or fewer («Свернуть»). */
  facetToggle(legend: string): Locator {
    return this.page.getByRole("group", { name: legend }).getByRole("link", { name: /^(Ещё \d+|Свернуть)$/ });
  }

  /** A facet value's checkbox, following «Ещё N» first when the value is listed only there. */
  async chooseFacet(legend: string, value: string) {
    const box = this.facet(legend, value);
    if (!(await box.isVisible())) {
      await this.facetToggle(legend).click();
      await expect(this.page).toHaveURL(/[?&]more=/);
    }
    await box.check();
  }

  /** The facet group's filter box, which finds any value of the facet, listed or not. */
  facetFilter(legend: string, label: string): Locator {
    return this.page.getByRole("group", { name: legend }).getByRole("searchbox", { name: label });
  }

  facetFilterOption(legend: string, value: string): Locator {
    return this.page.getByRole("group", { name: legend }).locator(`a[data-facet-filter-option="${value}"]`);
  }

  resultTitled(title: string | RegExp): Locator {
    return this.results.filter({ has: this.page.getByRole("heading", { name: title }) });
  }

  async expectCount(n: number) {
    await expect(this.status).toContainText(new RegExp(`^${n} результат`));
  }
}
