/**
 * First-load JavaScript of the search page ("/"), gzipped, read from the build output: the
 * framework's root chunks plus every chunk the app router's client manifest lists for the
 * route's layout and page. Polyfills are left out: only browsers without ES modules fetch them.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface PageWeight {
  route: string;
  gzipBytes: number;
  rawBytes: number;
  chunks: { file: string; gzipBytes: number }[];
  source: string;
}

function readJson(file: string): Record<string, unknown> | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>) : undefined;
}

/** The client reference manifest is a script assigning JSON to globalThis; its entryJSFiles name each entry's chunks. */
function clientManifestChunks(next: string): string[] | undefined {
  const file = path.join(next, "server/app/page_client-reference-manifest.js");
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, "utf8");
  // globalThis.__RSC_MANIFEST["/page"] = {…};
  const start = text.indexOf("= {", text.indexOf('["/page"]'));
  if (start === -1) return undefined;
  const manifest = JSON.parse(text.slice(start + 2, text.lastIndexOf("}") + 1)) as { entryJSFiles?: Record<string, string[]> };
  const entries = manifest.entryJSFiles ?? {};
  const files: string[] = [];
  for (const [entry, chunks] of Object.entries(entries)) if (/app\/(layout|page)$/.test(entry)) files.push(...chunks);
  return files;
}

export function pageWeight(root: string, route = "/"): PageWeight {
  const next = path.join(root, ".next");
  if (!fs.existsSync(path.join(next, "BUILD_ID"))) throw new Error("no production build (.next/BUILD_ID missing): run `next build` or `npm run bench:http`");
  const build = readJson(path.join(next, "build-manifest.json")) as { rootMainFiles?: string[] } | undefined;
  const files = new Set<string>(build?.rootMainFiles ?? []);
  let source = "build-manifest.json rootMainFiles";
  const appBuild = readJson(path.join(next, "app-build-manifest.json")) as { pages?: Record<string, string[]> } | undefined;
  const pageKey = route === "/" ? "/page" : `${route}/page`;
  if (appBuild?.pages?.[pageKey]) {
    for (const f of appBuild.pages[pageKey]!) files.add(f);
    source += ` + app-build-manifest.json ${pageKey}`;
  } else {
    const chunks = clientManifestChunks(next);
    if (!chunks) throw new Error("found neither app-build-manifest.json nor server/app/page_client-reference-manifest.js");
    for (const f of chunks) files.add(f);
    source += " + page_client-reference-manifest.js entryJSFiles (layout, page)";
  }
  const chunks: PageWeight["chunks"] = [];
  let raw = 0;
  for (const f of files) {
    if (!f.endsWith(".js")) continue;
    const full = path.join(next, f.replace(/^\/?_next\//, ""));
    if (!fs.existsSync(full)) continue;
    const bytes = fs.readFileSync(full);
    raw += bytes.length;
    chunks.push({ file: f, gzipBytes: zlib.gzipSync(bytes).length });
  }
  if (chunks.length === 0) throw new Error("the build manifests list no JavaScript files for the route");
  return { route, gzipBytes: chunks.reduce((s, c) => s + c.gzipBytes, 0), rawBytes: raw, chunks, source };
}
