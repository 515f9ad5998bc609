/**
 * Both engines side by side on the sample archive: `content/` goes through the real import path
 * (prepareIngest → storeDocuments) into a throw-away archive, which indexes it in the embedded
 * engine and, through the outbox, in a throw-away Meilisearch index; then a fixed list of
 * Russian queries must give the same totals, match mode, correction, facet counts and top-5 ids
 * on both. Each query is its own case, so a divergence is reported by query.
 * Runs only when MEILI_URL is set (a real server, or the fake for plumbing).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest, storeDocuments } from "@/lib/ingest/run-ingest";
import { openEmbeddedEngine } from "@/lib/search";
import type { SearchEngine } from "@/lib/search/engine";
import { MeilisearchEngine } from "@/lib/search/engines/meilisearch";
import { FACET_FIELDS, emptyFilters, type FacetField, type SearchQuery } from "@/lib/search/types";

type Filters = Partial<Record<FacetField, string[]>>;

interface Case {
  q: string;
  filters?: Filters;
  sort?: SearchQuery["sort"];
  statements?: true;
  /** Relevance order is each engine's own (BM25 against Meilisearch's rules): compare the top 5 as a set. */
  unordered?: true;
  /** A documented difference in the top 5: reported with the reason, not failed; totals and facets must still agree. */
  known?: string;
  page?: number;
}

/**
 * Date order where it is defined; relevance where both engines should agree on the best matches.
 * Country, speaker, institution and topic values are canonical names of the sample archive.
 */
const CASES: Case[] = [
  // word forms
  { q: "медиатор", sort: "date" },
  { q: "медиатором", sort: "date" },
  { q: "санкций", sort: "date" },
  { q: "переговоры", sort: "date" },
  { q: "Казахстана", sort: "date" },
  { q: "трубопровода", sort: "date" },
  { q: "объём", sort: "date" },
  { q: "мягкой силы", sort: "date" },
  { q: "медиатор", unordered: true },
  { q: "санкции", unordered: true },
  { q: '"мягкая сила"', unordered: true },
  // Known, documented differences (docs/meilisearch.md): reported, not failed, for the top 5 only.
  { q: "медиатор", known: "relevance order: BM25 on the embedded engine, ranking rules on Meilisearch" },
  { q: "Сирия ИЛИ Афганистан", known: "with ИЛИ, Meilisearch orders by date, the embedded engine by BM25" },
  // typos: the embedded engine corrects them, and so must Meilisearch
  { q: "медиатр", sort: "date" },
  { q: "санкцыи", sort: "date" },
  // phrases
  { q: '"мягкая сила"', sort: "date" },
  { q: '"Средний коридор"', sort: "date" },
  { q: '"режима прекращения огня"', sort: "date" },
  // ИЛИ, exclusion, relaxed AND
  { q: "Сирия ИЛИ Афганистан", sort: "date" },
  { q: "ЕАЭС ИЛИ ШОС", sort: "date" },
  { q: "санкции -нефть", sort: "date" },
  { q: '-"Центральная Азия"', sort: "date" },
  { q: "медиатор трубопровод", sort: "date" },
  // abbreviations and spelled-out names
  { q: "ООН", sort: "date" },
  { q: "Организация Объединённых Наций", sort: "date" },
  { q: "ОДКБ", sort: "date" },
  // filters, country included
  { q: "", filters: { country: ["Турция"] }, sort: "date" },
  { q: "", filters: { country: ["Казахстан", "Азербайджан"] }, sort: "date" },
  { q: "переговоры", filters: { country: ["Армения"] }, sort: "date" },
  { q: "", filters: { speaker: ["Асхат Темиркулов"] }, sort: "date" },
  { q: "", filters: { institution: ["Институт евразийских стратегических инициатив"], topic: ["Безопасность"] }, sort: "date" },
  { q: "энергетика", filters: { topic: ["Энергетика"] }, sort: "date" },
  { q: "", sort: "date", page: 2 },
  // statements
  { q: "", statements: true, sort: "date" },
  { q: "медиатора", statements: true, sort: "date" },
  { q: "площадка ИЛИ доверие", statements: true, sort: "date" },
  { q: "санкции", statements: true, filters: { country: ["Россия"] }, sort: "date" },
  { q: "", statements: true, filters: { speaker: ["Асхат Темиркулов"] }, sort: "date" },
  { q: "переговоры -Сирия", statements: true, sort: "date" },
];

const label = (c: Case) =>
  `${c.statements ? "statements" : "documents"} q=${JSON.stringify(c.q)}${c.filters ? ` ${JSON.stringify(c.filters)}` : ""} sort=${c.sort ?? "relevance"}${c.page ? ` page=${c.page}` : ""}`;

function queryOf(c: Case): SearchQuery {
  return { q: c.q, filters: { ...emptyFilters(), ...c.filters }, sort: c.sort ?? "relevance", page: c.page ?? 1, perPage: 5 };
}

/** What both engines must agree on for one query. */
async function answer(engine: SearchEngine, c: Case) {
  const query = queryOf(c);
  const r = c.statements ? await engine.searchStatements(query) : await engine.search(query);
  const ids = r.hits.map((h) => h.id);
  return {
    total: r.total,
    matchMode: r.matchMode,
    correctedQuery: "correctedQuery" in r ? r.correctedQuery : undefined,
    top5: c.unordered ? [...ids].sort() : ids,
    facets: Object.fromEntries(FACET_FIELDS.map((f) => [f, r.facets[f].map((v) => `${v.value}: ${v.count}`)])),
  };
}

const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info("compare: MEILI_URL is not set, so the engine comparison on the sample archive is skipped.");

describe.skipIf(!MEILI_URL)("both engines on the sample archive", () => {
  let dir: string;
  let embedded: SearchEngine;
  let meili: MeilisearchEngine;
  /** The stand-in of fake-meilisearch.ts ranks crudely: relevance order is not compared on it. */
  let fake = false;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "compare-"));
    const config = parseConfig({
      ...process.env,
      ARCHIVE_DB_PATH: path.join(dir, "archive.db"),
      MEILI_INDEX: `compare_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`,
      SAMPLES: "include",
    });
    const prepared = prepareIngest(listInputFiles([path.resolve("content")]));
    expect(prepared.errors).toEqual([]);
    const summary = await storeDocuments(
      prepared.documents.map((d) => d.document),
      config,
    );
    expect(summary.added).toBe(prepared.documents.length);
    embedded = openEmbeddedEngine(config);
    meili = MeilisearchEngine.fromConfig(config);
    expect((await meili.health()).documents).toBe(summary.archived);
    const key = config.MEILI_ADMIN_KEY ?? config.MEILI_MASTER_KEY;
    const version = await fetch(`${MEILI_URL}/version`, { headers: key ? { Authorization: `Bearer ${key}` } : {} }).then((r) => r.json() as Promise<{ pkgVersion?: string }>);
    fake = version.pkgVersion?.endsWith("-fake") ?? false;
  });

  afterAll(async () => {
    await meili?.dropIndex();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((c) => [label(c), c] as const))("%s", async (_, c) => {
    const [a, b] = await Promise.all([answer(embedded, c), answer(meili, c)]);
    const known = c.known ?? (fake && (c.sort ?? "relevance") === "relevance" ? "the fake Meilisearch's crude ranking" : undefined);
    if (known && JSON.stringify(a.top5) !== JSON.stringify(b.top5)) {
      console.warn(`compare: known divergence on ${label(c)} (${known}): embedded ${a.top5.join(", ")} / Meilisearch ${b.top5.join(", ")}`);
      b.top5 = a.top5;
    }
    expect(b, `Meilisearch diverges from the embedded engine on ${label(c)}`).toEqual(a);
  });

  it("finds something for most queries, so the comparison means something", async () => {
    const totals = await Promise.all(CASES.map(async (c) => (await answer(embedded, c)).total));
    expect(totals.filter((t) => t > 0).length).toBeGreaterThanOrEqual(CASES.length - 3);
  });
});
