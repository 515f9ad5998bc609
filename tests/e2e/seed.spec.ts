import { expect, test } from "@playwright/test";

/**
 * The user's article comes out exact: three statements by Ержан Салтыбаев, director of ИМЭП, and
 * nothing else under his name, each with a permalink that lands on his words.
 */

interface StatementHit {
  id: string;
  text: string;
  url: string;
  speaker?: { id?: string; name: string; role?: string; institution?: string };
  document: { title: string; sample?: boolean };
}

test.describe("the seed's speaker", () => {
  test("GET /api/statements?speaker=Ержан Салтыбаев returns his three statements and nothing else", async ({ request }) => {
    const res = await request.get(`/api/statements?speaker=${encodeURIComponent("Ержан Салтыбаев")}`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { hits: StatementHit[]; total: number };
    expect(body.total).toBe(3);
    for (const h of body.hits) {
      expect(h.speaker).toMatchObject({ name: "Ержан Салтыбаев", role: "директор", institution: "Институт мировой экономики и политики" });
      expect(h.speaker?.id).toMatch(/^p[0-9a-f]{12}$/);
      expect(h.document.sample).toBeUndefined();
    }
  });

  test("a case form of his name filters the same statements, and each permalink's anchor holds his words", async ({ page, request }) => {
    const byForm = (await (await request.get(`/api/statements?speaker=${encodeURIComponent("Салтыбаева")}`)).json()) as { hits: StatementHit[]; total: number; filters?: unknown };
    expect(byForm.total).toBe(3);
    for (const h of byForm.hits) {
      await page.goto(h.url);
      const anchor = decodeURIComponent(new URL(h.url, "http://x").hash.slice(1));
      const marked = page.locator(`[id="${anchor}"]`);
      await expect(marked).toHaveCount(1);
      // The anchor starts the statement: its first words are on the marked element.
      await expect(marked).toContainText(h.text.split(/\s+/).slice(0, 3).join(" "));
    }
  });

  test("the search page rewrites speaker=салтыбаева to his canonical name", async ({ page }) => {
    await page.goto(`/?speaker=${encodeURIComponent("салтыбаева")}`);
    await expect(page).toHaveURL(/speaker=%D0%95%D1%80%D0%B6%D0%B0%D0%BD/);
    await expect(page.getByTestId("result-count")).toContainText("1");
  });
});
