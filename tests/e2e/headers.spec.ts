import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { SearchPage } from "./pages/search-page";

/**
 * Issue 11, items 3 and 5: security headers on every answer, a nonce CSP under which the app
 * still works and an injected script does not run, and health that tells states, not internals.
 */

const SPEAKER = "Ержан Салтыбаев";

/** Every CSP violation the page reports, collected from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test.describe("security headers", () => {
  test("pages carry a nonce CSP, a fresh nonce each time, and the common headers", async ({ request }) => {
    const nonces = new Set<string>();
    for (const url of ["/", "/?q=медиатор", "/speakers", "/?q=санкции&view=statements"]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      const h = res.headers();
      const csp = h["content-security-policy"]!;
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(h["x-frame-options"]).toBe("DENY");
      // Every script tag of the page carries this answer's nonce.
      const html = await res.text();
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) expect(s, url).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size).toBe(4);
  });

  test("API answers: no-run CSP, nosniff, and explicit caching (errors and health never cached)", async ({ request }) => {
    for (const url of ["/api/search?q=медиатор", "/api/statements?q=санкции", "/api/entities?type=person"]) {
      const res = await request.get(url);
      expect(res.status(), url).toBe(200);
      const h = res.headers();
      expect(h["content-security-policy"]).toMatch(/^default-src 'none'.*frame-ancestors 'none'/);
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["cache-control"], url).toMatch(/^public, max-age=\d+/);
      expect(h["content-type"]).toMatch(/^application\/json/);
    }
    const bad = await request.get("/api/search?page=0");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["cache-control"]).toBe("no-store");
    const health = await request.get("/api/health");
    expect(health.headers()["cache-control"]).toBe("no-store");
    expect(health.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("static files are nosniff too", async ({ request, page }) => {
    await page.goto("/");
    const src = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("the app under its CSP", () => {
  test("live search, a facet toggle and the copy-citation button work with no violation", async ({ page, context, baseURL }) => {
    const violations = await watchViolations(page);
    const search = new SearchPage(page);
    await search.open();
    // Live search is JavaScript: the address follows the typing, with no Enter.
    await search.input.click();
    await search.input.pressSequentially("медиатор", { delay: 20 });
    await expect(page).toHaveURL(/\?q=%D0%BC%D0%B5%D0%B4/);
    await expect(search.results.first()).toBeVisible();
    await search.chooseFacet("Эксперт", "Асхат Темиркулов");
    await expect(page).toHaveURL(/speaker=/);
    await expect(search.facet("Эксперт", "Асхат Темиркулов")).toBeChecked();

    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await page.goto(`/?view=statements&speaker=${encodeURIComponent(SPEAKER)}&sort=date`);
    const statement = page.getByTestId("statement").first();
    await statement.getByRole("button", { name: "Скопировать цитату" }).click();
    await expect(statement.getByRole("status")).toHaveText("Скопировано");
    expect(await violations()).toEqual([]);
  });

  test("an injected inline script is refused and reported, while the page's own scripts run", async ({ page }) => {
    const violations = await watchViolations(page);
    // A stored XSS that got past escaping, as the browser would receive it: markup injected into
    // the server's own answer, under the server's own CSP header.
    await page.route(/\/\?q=/, async (route) => {
      // The document only: the live search's later RSC fetches go through untouched.
      if (route.request().resourceType() !== "document") return route.continue();
      const res = await route.fetch();
      const html = (await res.text()).replace(
        /<body([^>]*)>/,
        `<body$1 data-injected="1"><script>window.__pwned = 1</script><script nonce="guessed">window.__pwned = 2</script><img src="/x.png" onerror="window.__pwned = 3">`,
      );
      await route.fulfill({ response: res, body: html });
    });
    await page.goto("/?q=медиатор");
    await expect(page.locator("body[data-injected]")).toHaveCount(1);
    // Markup a script writes at run time is refused as well (an inline handler).
    await page.evaluate(() => {
      const d = document.createElement("div");
      d.innerHTML = `<img src="/y.png" onerror="window.__pwned = 4">`;
      document.body.appendChild(d);
    });
    // The page's own, nonced scripts did run: live search follows the typing.
    const search = new SearchPage(page);
    await search.input.fill("");
    await search.input.pressSequentially("споры", { delay: 20 });
    await expect(page).toHaveURL(/\?q=%D1%81%D0%BF%D0%BE%D1%80%D1%8B/);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const seen = await violations();
    expect(seen.filter((v) => v.startsWith("script-src-elem")).length, seen.join("\n")).toBeGreaterThanOrEqual(2);
    expect(seen.filter((v) => v.startsWith("script-src-attr")).length, seen.join("\n")).toBeGreaterThanOrEqual(2);
  });

  test("an article whose text holds <script> shows it as text and runs nothing", async ({ page, request }) => {
    const violations = await watchViolations(page);
    const body = await (await request.get(`/api/search?q=${encodeURIComponent("экранирование")}`)).json();
    const hit = body.hits.find((h: { title: string }) => h.title.includes("<script>"));
    expect(hit).toBeTruthy();
    await page.goto(`/articles/${hit.slug}?q=${encodeURIComponent("экранирование")}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("<script>");
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await violations()).toEqual([]);
  });

  test("no page can be framed", async ({ page }) => {
    await page.goto("/");
    const refused = await page.evaluate(async () => {
      const f = document.createElement("iframe");
      f.src = "/?q=x";
      document.body.appendChild(f);
      await new Promise((r) => setTimeout(r, 1500));
      try {
        return !f.contentDocument || f.contentDocument.body === null || f.contentDocument.body.innerHTML === "";
      } catch {
        return true;
      }
    });
    expect(refused).toBe(true);
  });
});

test.describe("health tells states, not internals", () => {
  test("an archive path under a regular file: 503, a state, no path and no system error", async () => {
    const port = Number(process.env.E2E_PORT ?? 3210) + 7;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "health-leak-"));
    const file = path.join(dir, "plain-file");
    fs.writeFileSync(file, "not a folder");
    const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, ARCHIVE_DB_PATH: path.join(file, "archive.db"), MEILI_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    try {
      let res: Response | undefined;
      for (let i = 0; i < 60 && !res; i++) {
        res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (!res) await new Promise((r) => setTimeout(r, 500));
      }
      expect(res!.status).toBe(503);
      const text = await res!.text();
      expect(JSON.parse(text)).toMatchObject({ engine: "sqlite", ok: false, state: "unavailable" });
      expect(text).not.toContain(dir);
      expect(text).not.toMatch(/EEXIST|ENOTDIR|mkdir|\/tmp|\.db/);
    } finally {
      server.kill("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
