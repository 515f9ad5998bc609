/**
 * npm run screenshots [-- --url http://127.0.0.1:3000] [--port 3199] [--out docs/screenshots]
 *
 * Takes the README's screenshots with Playwright from the running app: the search page with its
 * facets, an article with its statements marked, and a speaker page with the timeline of their
 * statements, 1280×800 each, written as palette PNGs (sharp) so the committed files stay small.
 * With --url it shoots an app already running there; without, it starts one the way `npm start`
 * does (the archive in ARCHIVE_DB_PATH, content/ loaded) on --port and stops it afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    port: { type: "string", default: "3199" },
    out: { type: "string", default: "docs/screenshots" },
  },
});

const VIEWPORT = { width: 1280, height: 800 };
const q = encodeURIComponent;

/** What each picture shows, and what must be on screen before it is taken. */
const SHOTS: { file: string; url: string; ready: (page: Page) => Promise<unknown> }[] = [
  {
    file: "search.png",
    url: `/?q=${q("санкции")}`,
    ready: (page) => page.getByTestId("timeline").waitFor(),
  },
  {
    file: "article.png",
    url: `/articles/kazakhstan-sdelayut-ploschadkoy-dlya-resheniya-slozhnykh-sporov-i-konfliktov?q=${q("медиатор")}`,
    ready: (page) => page.locator("#quote-1").waitFor(),
  },
  {
    file: "speaker.png",
    url: "/speakers/gleb-rakitin",
    ready: (page) => page.getByTestId("timeline").waitFor(),
  },
];

/** Debian's Chromium where it exists, as the Playwright config does; Playwright's own otherwise. */
function browserPath(): string | undefined {
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
}

async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 300_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode} before it was ready`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the app did not answer ${base}/api/health within ${timeoutMs / 1000} s`);
}

async function main(): Promise<void> {
  let server: ChildProcess | undefined;
  let base = args.url?.replace(/\/$/, "");
  if (!base) {
    base = `http://127.0.0.1:${args.port}`;
    console.log(`starting the app on ${base} (npm start) …`);
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env: { ...process.env, PORT: args.port }, stdio: ["ignore", "inherit", "inherit"], detached: true });
    await waitForHealth(base, server);
  }
  const executablePath = browserPath();
  const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: asRoot ? ["--no-sandbox"] : [] });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT, locale: "ru-RU", colorScheme: "light", deviceScaleFactor: 1 });
    fs.mkdirSync(args.out!, { recursive: true });
    for (const shot of SHOTS) {
      const response = await page.goto(`${base}${shot.url}`);
      if (!response?.ok()) throw new Error(`${shot.url}: HTTP ${response?.status()}`);
      await shot.ready(page);
      const png = await page.screenshot({ type: "png" });
      const file = path.join(args.out!, shot.file);
      // 256-colour palette: text on flat backgrounds loses nothing visible, the file a third of the size.
      await sharp(png).png({ palette: true, quality: 90, compressionLevel: 9 }).toFile(file);
      console.log(`${file}: ${(fs.statSync(file).size / 1024).toFixed(0)} kB`);
    }
  } finally {
    await browser.close();
    if (server?.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((e) => {
  console.error(`screenshots: ${(e as Error).message}`);
  process.exit(1);
});
