/**
 * npm run test:chaos [-- --full] [--kills N] [--fuzz N] [--seconds S] [--connections C] [--seed N]
 *
 * Issue 11, item 7. Reduced counts by default (CI: about a minute), the issue's counts with --full:
 *  1. kills: SIGKILL `npm run ingest` at random points (an update of every document plus new ones),
 *     then PRAGMA integrity_check, the FTS5 integrity check of every full-text table, and the
 *     archive is the old set or the new one, never a mix; a last run completes;
 *  2. fuzz: property-based requests (fast-check) to /api/search, /api/statements and /: no 5xx,
 *     none slower than 2 s;
 *  3. load: autocannon on /api/search and /?q= with a mostly uncached query mix: 0 errors, 0
 *     timeouts, 0 non-2xx; req/s and p99 reported.
 * Exits 1 when any check fails; figures also go to test-results/chaos.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import fc from "fast-check";
import { archiveChecksum, exportArchive } from "@/lib/archive/export";
import { ensureBuild } from "./bench/http";

const ROOT = process.cwd();
const args = process.argv.slice(2).filter((a) => a !== "--");
const full = args.includes("--full");
const num = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const KILLS = num("kills", full ? 20 : 6);
const FUZZ = num("fuzz", full ? 10_000 : 300);
const SECONDS = num("seconds", full ? 60 : 5);
const CONNECTIONS = num("connections", full ? 64 : 16);
const SEED = num("seed", Date.now() % 1_000_000);
/** --only kills,fuzz,load,stress: run just those parts (the kills always run: they make the archive the others serve). */
const ONLY = (() => {
  const i = args.indexOf("--only");
  return i >= 0 && args[i + 1] ? new Set(args[i + 1]!.split(",")) : undefined;
})();
const runs = (part: string) => !ONLY || ONLY.has(part);
const SLOW_MS = 2_000;

let rng = SEED;
/** Deterministic per seed, so a failing run can be repeated with --seed. */
function random(): number {
  rng = (rng * 1_103_515_245 + 12_345) % 2_147_483_648;
  return rng / 2_147_483_648;
}

const failures: string[] = [];
const log = (s: string) => process.stdout.write(`${s}\n`);
const check = (ok: boolean, what: string) => {
  if (!ok) failures.push(what);
  return ok;
};

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chaos-"));
const env = (db: string) => ({ ...process.env, ARCHIVE_DB_PATH: db, MEILI_URL: "", MEILI_MASTER_KEY: "", NEXT_TELEMETRY_DISABLED: "1" });

function ingest(db: string, files: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...files, "--quiet"], { cwd: ROOT, env: env(db), stdio: ["ignore", "pipe", "pipe"] });
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d));
  child.stderr?.on("data", (d: Buffer) => (out += d));
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal, out })));
}

/** The import's transaction is being written once the WAL passes this (opening the archive writes less). */
const WAL_WRITING = 32 * 1024;

function walSize(db: string): number {
  try {
    return fs.statSync(`${db}-wal`).size;
  } catch {
    return 0;
  }
}

function copyDb(from: string, to: string): void {
  for (const ext of ["", "-wal", "-shm"]) fs.rmSync(`${to}${ext}`, { force: true });
  fs.copyFileSync(from, to);
}

/** Closed and checkpointed, so the file alone is the archive. */
function settle(db: string): void {
  const d = new Database(db);
  d.pragma("wal_checkpoint(TRUNCATE)");
  d.close();
}

interface DbState {
  integrity: string;
  fts: string[];
  sha256: string;
  documents: number;
}

function inspect(db: string): DbState {
  const d = new Database(db);
  try {
    const integrity = String(d.pragma("integrity_check", { simple: true }));
    const tables = d.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' AND sql NOT LIKE '%fts5vocab%'").pluck().all() as string[];
    const fts: string[] = [];
    for (const t of tables) {
      try {
        d.prepare(`INSERT INTO "${t}"("${t}") VALUES ('integrity-check')`).run();
      } catch (e) {
        fts.push(`${t}: ${(e as Error).message}`);
      }
    }
    const sum = archiveChecksum(d);
    return { integrity, fts, sha256: sum.sha256, documents: sum.documents };
  } finally {
    d.close();
  }
}

// ---- 1. kills ---------------------------------------------------------------

async function kills(): Promise<Record<string, unknown>> {
  const oldDb = path.join(tmp, "old.db");
  const r0 = await finished(ingest(oldDb, ["content"]));
  if (r0.code !== 0) throw new Error(`baseline import failed: ${r0.out}`);
  settle(oldDb);
  const old = inspect(oldDb);
  // The new set: every document updated (a paragraph added, ids kept) and 150 new ones.
  const exported = path.join(tmp, "old.jsonl");
  const d = new Database(oldDb);
  exportArchive(d, exported);
  d.close();
  const records = fs.readFileSync(exported, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown> & { paragraphs: string[]; title: string });
  const lines: string[] = [];
  for (const r of records) {
    const { provenance: _p, ...rest } = r;
    lines.push(JSON.stringify({ ...rest, paragraphs: [...r.paragraphs, "Дополнение редакции: материал обновлён при проверке архива."] }));
  }
  for (let i = 0; i < 150; i++) {
    const src = records[i % records.length]!;
    lines.push(
      JSON.stringify({
        id: `chaos-${i}`,
        title: `${src.title} — выпуск ${i + 1}`,
        date: "2024-01-01",
        paragraphs: src.paragraphs.map((p, j) => (j === 0 ? `Выпуск ${i + 1}. ${p}` : p)),
        topics: ["Проверка архива"],
      }),
    );
  }
  const newSet = path.join(tmp, "new.jsonl");
  fs.writeFileSync(newSet, `${lines.join("\n")}\n`);
  const newDb = path.join(tmp, "new.db");
  copyDb(oldDb, newDb);
  const t0 = performance.now();
  const ref = ingest(newDb, [newSet]);
  const refDone = finished(ref);
  // When the import starts writing: its WAL grows past what opening the archive writes.
  let writeStartMs = -1;
  const walWatch = setInterval(() => {
    if (writeStartMs < 0 && walSize(newDb) > WAL_WRITING) writeStartMs = performance.now() - t0;
  }, 5);
  const r1 = await refDone;
  clearInterval(walWatch);
  const fullMs = performance.now() - t0;
  if (writeStartMs < 0) writeStartMs = fullMs * 0.8;
  if (r1.code !== 0) throw new Error(`reference import failed: ${r1.out}`);
  settle(newDb);
  const fresh = inspect(newDb);
  log(`kills: old set ${old.documents} documents, new set ${fresh.documents}; a whole import takes ${Math.round(fullMs)} ms, writing from ${Math.round(writeStartMs)} ms`);

  const work = path.join(tmp, "work.db");
  const outcome = { old: 0, new: 0, bad: 0, finishedFirst: 0 };
  // Until KILLS imports have really been killed: one that finished before its signal does not count (at most 3 × KILLS tries).
  for (let i = 0; outcome.old + outcome.new + outcome.bad < KILLS && i < KILLS * 3; i++) {
    copyDb(oldDb, work);
    const started = performance.now();
    const child = ingest(work, [newSet]);
    const done = finished(child);
    // One kill in three anywhere in the run; the others while it writes (its WAL growing), at a random point of the write.
    if (i % 3 === 0) await new Promise((r) => setTimeout(r, random() * fullMs));
    else {
      while (walSize(work) <= WAL_WRITING && child.exitCode === null && performance.now() - started < fullMs * 3) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => setTimeout(r, random() * Math.min(40, fullMs - writeStartMs)));
    }
    const at = Math.round(performance.now() - started);
    child.kill("SIGKILL");
    const r = await done;
    const wasKilled = r.signal === "SIGKILL";
    if (!wasKilled) outcome.finishedFirst++;
    const s = inspect(work);
    const which = s.sha256 === old.sha256 ? "old" : s.sha256 === fresh.sha256 ? "new" : "mixed";
    const ok = check(s.integrity === "ok", `kill ${i + 1}: integrity_check ${s.integrity}`) && check(s.fts.length === 0, `kill ${i + 1}: FTS5 ${s.fts.join("; ")}`) && check(which !== "mixed", `kill ${i + 1}: neither the old nor the new set (${s.documents} documents)`);
    if (!ok) outcome.bad++;
    else if (wasKilled) outcome[which as "old" | "new"]++;
    log(`  try ${String(i + 1).padStart(2)} at ${String(at).padStart(5)} ms (${r.signal ?? `exit ${r.code}`}): integrity ${s.integrity}, fts ${s.fts.length ? "FAILED" : "ok"}, ${which} set`);
  }
  // After the last kill, the same command completes and leaves the new set.
  const again = await finished(ingest(work, [newSet]));
  const last = inspect(work);
  check(again.code === 0, `re-run after the kills exited ${again.code}: ${again.out.slice(-300)}`);
  check(last.sha256 === fresh.sha256 && last.integrity === "ok" && last.fts.length === 0, "re-run after the kills did not leave the new set");
  const killed = outcome.old + outcome.new + outcome.bad;
  check(killed >= KILLS, `only ${killed} of ${KILLS} imports were killed before they finished`);
  log(`kills: ${killed} SIGKILLs survived (${outcome.finishedFirst} more import(s) finished before the signal, not counted), archive left old ${outcome.old} / new ${outcome.new} / broken ${outcome.bad}; re-run exit ${again.code}, ${last.documents} documents, ${last.sha256 === fresh.sha256 ? "the new set" : "NOT the new set"}`);
  return { kills: killed, ...outcome, rerunExit: again.code, wholeImportMs: Math.round(fullMs), db: newDb };
}

// ---- the server -------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(db: string): Promise<{ base: string; stop: () => void }> {
  ensureBuild(ROOT, log);
  const port = await freePort();
  // The server npm start runs: Next.js behind the admission gate (scripts/serve.ts).
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], {
    cwd: ROOT,
    env: { ...env(db), NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  server.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d).slice(-4_000)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await fetch(`${base}/api/health`).catch(() => undefined);
    if (res?.ok) break;
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return { base, stop: () => server.kill("SIGTERM") };
}

// ---- 2. fuzz ----------------------------------------------------------------

const WORDS = ["медиатор", "санкции", "Казахстан", "ЕАЭС", "ШОС", "переговоры", "Астана", "газопровод", "нейтралитет", "безопасность", "площадка", "спор"];
const NAMES = ["Ержан Салтыбаев", "Асхат Темиркулов", "Салтыбаева", "ИМЭП", "Россия", "РФ", "Экономика"];

const word = fc.oneof(
  fc.constantFrom(...WORDS),
  // typos of real words: one letter changed, dropped or doubled
  fc.tuple(fc.constantFrom(...WORDS), fc.nat(20), fc.constantFrom("а", "о", "", "ъ")).map(([w, i, c]) => w.slice(0, i % w.length) + c + w.slice((i % w.length) + 1)),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: fc.constantFrom(..."абвгдеёжзийклмнопрстуфхцчшщъыьэюя"), minLength: 3, maxLength: 14 }),
);
const qText = fc.oneof(
  { arbitrary: fc.array(word, { maxLength: 8 }).map((ws) => ws.join(" ")), weight: 4 },
  fc.array(fc.oneof(word, fc.constantFrom('"', "-", "ИЛИ", "OR", "(", ")", "*", ":", "\\", "%", "&", "<script>", "'", "NEAR", "AND")), { maxLength: 12 }).map((ws) => ws.join(" ")),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.array(word, { minLength: 40, maxLength: 80 }).map((ws) => ws.join(" ").slice(0, 520)),
);
const param = fc.record(
  {
    q: qText,
    speaker: fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 40 })), { maxLength: 3 }),
    institution: fc.array(fc.oneof(fc.constantFrom(...NAMES), fc.string({ maxLength: 40 })), { maxLength: 2 }),
    country: fc.array(fc.oneof(fc.constantFrom("Россия", "РФ", "Китай", "США"), fc.string({ maxLength: 20 })), { maxLength: 2 }),
    topic: fc.array(fc.string({ maxLength: 30 }), { maxLength: 2 }),
    sort: fc.oneof({ arbitrary: fc.constantFrom("relevance", "date"), weight: 5 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }),
    page: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 30 }).map(String), weight: 5 }, { arbitrary: fc.integer({ min: -3, max: 2_000 }).map(String), weight: 1 }, { arbitrary: fc.string({ maxLength: 6 }), weight: 1 }),
    view: fc.constantFrom("statements", "documents", "", "x"),
  },
  { requiredKeys: [] },
);
const target = fc.constantFrom("/api/search", "/api/statements", "/");

function urlOf(base: string, where: string, p: Record<string, string | string[]>): string {
  const u = new URL(where, base);
  for (const [k, v] of Object.entries(p)) for (const x of Array.isArray(v) ? v : [v]) u.searchParams.append(k, x);
  return u.toString();
}

async function fuzz(base: string): Promise<Record<string, unknown>> {
  const statuses: Record<string, number> = {};
  let slowest = 0;
  let runs = 0;
  const started = performance.now();
  const result = await fc.check(
    fc.asyncProperty(target, param, async (where, p) => {
      const url = urlOf(base, where, p as Record<string, string | string[]>);
      const t0 = performance.now();
      // Redirects (a filter in a variant form) are answers too; their status counts, not their target's.
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      runs++;
      slowest = Math.max(slowest, ms);
      const key = `${res.status}`;
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (res.status >= 500) throw new Error(`${res.status} for ${url}`);
      if (ms > SLOW_MS) throw new Error(`${Math.round(ms)} ms for ${url}`);
    }),
    { numRuns: FUZZ, seed: SEED, endOnFailure: true },
  );
  const secs = (performance.now() - started) / 1000;
  if (result.failed) check(false, `fuzz: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)} (seed ${SEED}, counterexample ${JSON.stringify(result.counterexample)})`);
  log(`fuzz: ${runs} requests in ${secs.toFixed(1)} s, ${result.failed ? "FAILED" : "0 5xx, none over 2 s"}; slowest ${Math.round(slowest)} ms; statuses ${JSON.stringify(statuses)}`);
  return { cases: runs, failed: result.failed, slowestMs: Math.round(slowest), statuses };
}

// ---- 3. load ----------------------------------------------------------------

/** A mostly uncached mix: word pairs and triples, typos, filters, pages, in a seeded shuffle. */
function loadQueries(n: number): string[] {
  const out: string[] = [];
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  for (let i = 0; i < n; i++) {
    const ws = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(WORDS));
    if (random() < 0.3) {
      const w = ws[0]!;
      const at = 1 + Math.floor(random() * (w.length - 1));
      ws[0] = w.slice(0, at) + pick(["а", "о", "и"]) + w.slice(at + 1);
    }
    const p = new URLSearchParams({ q: ws.join(" ") });
    if (random() < 0.2) p.set("speaker", pick(NAMES.slice(0, 2)));
    if (random() < 0.2) p.set("sort", "date");
    if (random() < 0.2) p.set("page", String(1 + Math.floor(random() * 3)));
    out.push(p.toString());
  }
  return out;
}

/** Answers by status code (autocannon's statusCodeStats: {"200": {count}}). */
function statusCounts(r: unknown): Record<string, number> {
  const stats = (r as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  return Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v.count]));
}

async function load(base: string): Promise<Record<string, unknown>[]> {
  const queries = loadQueries(5_000);
  const out: Record<string, unknown>[] = [];
  for (const [label, prefix] of [
    ["/api/search", "/api/search"],
    ["/?q=", "/"],
  ] as const) {
    let i = 0;
    const r = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 10,
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `${prefix}?${queries[i++ % queries.length]}` }) }],
    });
    const statuses = statusCounts(r);
    const shed = statuses["503"] ?? 0;
    // The mix asks for pages 2 and 3, and a page past the end redirects to the last one: an answer, not an error.
    const redirects = Object.entries(statuses).reduce((n, [code, k]) => n + (/^3\d\d$/.test(code) ? k : 0), 0);
    const figures = { path: label, connections: CONNECTIONS, seconds: SECONDS, requests: r.requests.total, reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, shed503: shed, redirects, statuses };
    // A 503 is the server shedding load (SEARCH_QUEUE_BUDGET_MS, SEARCH_TIME_BUDGET_MS): reported, not an error; any other non-2xx but a redirect is.
    const bad = r.non2xx - shed - redirects;
    check(r.errors === 0 && r.timeouts === 0 && bad === 0, `load ${label}: ${r.errors} errors, ${r.timeouts} timeouts, ${bad} non-2xx other than 503 and redirects`);
    log(`load: ${label.padEnd(11)} ${CONNECTIONS} connections × ${SECONDS} s: ${figures.reqPerSec} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, max ${figures.max} ms, errors ${r.errors}, timeouts ${r.timeouts}, shed (503) ${shed}, redirects ${redirects}, other non-2xx ${bad}`);
    out.push(figures);
  }
  return out;
}

// ---- 4. heavy readers: a document at the import limits and typo storms ------------

/** A document as large as the default import limits allow (MAX_DOCUMENT_CHARS, MAX_PARAGRAPH_CHARS), full of «года». */
async function addBigDocument(db: string): Promise<Record<string, unknown>> {
  const sentence = "В течение года эксперты обсуждали итоги года, планы следующего года и уроки прошлого года. ";
  const paragraph = sentence.repeat(Math.floor(45_000 / sentence.length)).trim();
  const count = Math.floor(1_950_000 / (paragraph.length + 1));
  const file = path.join(tmp, "big.jsonl");
  fs.writeFileSync(file, `${JSON.stringify({ id: "chaos-big", slug: "chaos-big", title: "Очень большой документ о годе", date: "2024-02-02", paragraphs: Array.from({ length: count }, () => paragraph), topics: ["Проверка архива"] })}\n`);
  const t0 = performance.now();
  const r = await finished(ingest(db, [file]));
  check(r.code === 0, `the document at the import limits was refused: ${r.out.slice(-300)}`);
  const chars = count * paragraph.length;
  log(`big document: ${count} paragraphs, ${chars.toLocaleString("en-US")} characters, imported in ${Math.round(performance.now() - t0)} ms (exit ${r.code})`);
  return { paragraphs: count, chars, importMs: Math.round(performance.now() - t0) };
}

/** 500-character queries of 60-odd misspelt words: every word unknown, every lookup a range scan. */
function typoStormQuery(n: number): string {
  const letters = "абвгдежзиклмнопрстуфхцчшэюя";
  const words: string[] = [];
  let i = n;
  while (words.join(" ").length < 480) {
    const w = WORDS[i % WORDS.length]!.toLowerCase();
    const at = 1 + (i % (w.length - 1));
    words.push(w.slice(0, at) + letters[(i * 7) % letters.length] + letters[(i * 13) % letters.length] + w.slice(at + 1));
    i++;
  }
  return words.join(" ").slice(0, 500);
}

/**
 * Other readers while heavy ones run: 4 loops of typo storms and 2 of the big document's article
 * page and a search matching it, against autocannon's ordinary mix. Their p99 is the figure.
 */
async function stress(base: string): Promise<Record<string, unknown>> {
  let stop = false;
  const heavy: Record<string, { n: number; worst: number; bad: number }> = {};
  const loop = async (label: string, next: (i: number) => string) => {
    const h = (heavy[label] ??= { n: 0, worst: 0, bad: 0 });
    for (let i = 0; !stop; i++) {
      const t0 = performance.now();
      const res = await fetch(`${base}${next(i)}`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
      if (res) await res.arrayBuffer();
      if (!res || (res.status >= 500 && res.status !== 503)) h.bad++;
      h.n++;
      h.worst = Math.max(h.worst, performance.now() - t0);
    }
  };
  const loops = [
    ...[0, 1, 2, 3].map((k) => loop("typo storm /api/search", (i) => `/api/search?q=${encodeURIComponent(typoStormQuery(k * 1000 + i))}`)),
    loop("big article page", () => "/articles/chaos-big"),
    loop("search hitting it", (i) => `/api/search?q=${encodeURIComponent(i % 2 ? "года" : "итоги года")}`),
  ];
  const queries = loadQueries(5_000);
  let i = 0;
  const r = await autocannon({
    url: base,
    connections: Math.min(CONNECTIONS, 16),
    duration: SECONDS,
    timeout: 10,
    requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/search?${queries[i++ % queries.length]}` }) }],
  });
  stop = true;
  await Promise.all(loops);
  const shed = statusCounts(r)["503"] ?? 0;
  const figures = { others: { reqPerSec: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, errors: r.errors, timeouts: r.timeouts, non2xx: r.non2xx, shed503: shed }, heavy };
  check(r.errors === 0 && r.timeouts === 0 && r.non2xx === shed, `stress: other readers saw ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx - shed} non-2xx other than 503`);
  for (const [label, h] of Object.entries(heavy)) check(h.bad === 0, `stress: ${label} answered ${h.bad} 5xx or no answer`);
  if (full) check(r.latency.p99 < 1_000, `stress: other readers' p99 ${r.latency.p99} ms is over 1 s`);
  log(`stress: other readers on /api/search (${Math.min(CONNECTIONS, 16)} connections × ${SECONDS} s) while heavy ones run: ${figures.others.reqPerSec} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, errors ${r.errors}, timeouts ${r.timeouts}, shed (503) ${shed}`);
  for (const [label, h] of Object.entries(heavy)) log(`  heavy: ${label.padEnd(24)} ${h.n} requests, slowest ${Math.round(h.worst)} ms, 5xx/none ${h.bad}`);
  return figures;
}

async function main(): Promise<number> {
  log(`chaos (${full ? "full" : "reduced"} counts, seed ${SEED}): ${KILLS} kills, ${FUZZ} fuzz cases, load ${CONNECTIONS} connections × ${SECONDS} s per endpoint`);
  const started = performance.now();
  const report: Record<string, unknown> = { seed: SEED, full };
  try {
    const k = await kills();
    report.kills = k;
    if (!runs("fuzz") && !runs("load") && !runs("stress")) return finish(report, started);
    if (runs("stress")) report.bigDocument = await addBigDocument(k.db as string);
    const server = await startServer(k.db as string);
    try {
      if (runs("fuzz")) report.fuzz = await fuzz(server.base);
      if (runs("load")) report.load = await load(server.base);
      if (runs("stress")) report.stress = await stress(server.base);
      const health = await fetch(`${server.base}/api/health`);
      check(health.ok, `health after the load answered ${health.status}`);
    } finally {
      server.stop();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return finish(report, started);
}

function finish(report: Record<string, unknown>, started: number): number {
  fs.rmSync(tmp, { recursive: true, force: true });
  report.failures = failures;
  report.seconds = Math.round((performance.now() - started) / 1000);
  fs.mkdirSync("test-results", { recursive: true });
  fs.writeFileSync("test-results/chaos.json", `${JSON.stringify(report, null, 2)}\n`);
  log(`\nchaos: ${failures.length === 0 ? "all checks passed" : `${failures.length} check(s) failed`} in ${report.seconds} s`);
  for (const f of failures) log(`  FAILED ${f}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`chaos: ${(e as Error).stack ?? String(e)}`);
    process.exit(1);
  },
);
