/**
 * Search-quality harness: indexes judged Russian data from ../shared/data into the embedded
 * SQLite engine once per analyzer variant and prints the scores side by side.
 *
 *   npm run eval:search                      # full sets, table
 *   npm run eval:search -- --json            # machine-readable
 *   npm run eval:search -- --limit 50        # first 50 queries of each set (CI slice)
 *   npm run eval:search -- --analyzers lemma,default --sets xquad
 *   npm run eval:search -- --throughput     # lemmatizer words/s (cold az, memoised) and indexText docs/s
 *
 * Not a timed test: it measures ranking, not speed.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters } from "@/lib/search/types";
import type { AnalyzerName } from "@/lib/text/analyzer";
import { ANALYZER_NAMES, getAnalyzer } from "@/lib/text/analyzers";
import { analyzeLemma } from "@/lib/text/lemma";
import { normalizeWord } from "@/lib/text/normalize";
import { tokenize } from "@/lib/text/tokenize";
import { cyrillicToLatinLayout } from "@/lib/text/layout";
import { RANKING } from "@/lib/search/proximity";
import { hasCyrillic, toLatin } from "@/lib/text/translit";
import type { CommentaryDocument } from "@/lib/validations/document";

export const DATA_DIR = path.resolve(process.cwd(), "../shared/data");

interface Judged {
  name: string;
  docs: CommentaryDocument[];
  /** `type`: NEREL's entity type of the query's entity (PERSON, ORGANIZATION, …); absent for XQuAD. */
  queries: { q: string; relevant: Set<string>; type?: string; asTyped?: boolean }[];
}

function doc(id: string, title: string, paragraphs: string[]): CommentaryDocument {
  const slug = id.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { id, slug, title, paragraphs, topics: [], speakers: [], institutions: [], quotes: [], contentHash: id };
}

interface Squad {
  data: { title: string; paragraphs: { context: string; qas: { question: string }[] }[] }[];
}

export function loadXquad(dir = DATA_DIR): Judged {
  const squad = JSON.parse(fs.readFileSync(path.join(dir, "xquad-ru/xquad.ru.json"), "utf8")) as Squad;
  const docs: CommentaryDocument[] = [];
  const queries: Judged["queries"] = [];
  for (const article of squad.data)
    for (const p of article.paragraphs) {
      const id = `xquad-${docs.length}`;
      // No title: every paragraph of an article would share it, and titles weigh 10× in BM25.
      docs.push(doc(id, "", [p.context.replace(/^\uFEFF/, "")]));
      for (const qa of p.qas) queries.push({ q: qa.question, relevant: new Set([id]) });
    }
  return { name: "xquad-ru", docs, queries };
}

/**
 * NEREL entity queries, derived automatically (not pooled human judgments): every Wikidata entity
 * linked in ≥3 documents; the query is its most frequent linked mention; every linking document is relevant.
 */
export function loadNerel(dir = DATA_DIR): Judged {
  const root = path.join(dir, "nerel/NEREL-v1.1");
  const docs: CommentaryDocument[] = [];
  const entityDocs = new Map<string, Set<string>>();
  const mentions = new Map<string, Map<string, number>>();
  const types = new Map<string, Map<string, number>>();
  for (const split of ["train", "dev", "test"]) {
    const files = fs.readdirSync(path.join(root, split)).filter((f) => f.endsWith(".txt")).sort();
    for (const f of files) {
      const id = `nerel-${split}-${f.replace(/\.txt$/, "")}`;
      const text = fs.readFileSync(path.join(root, split, f), "utf8");
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      docs.push(doc(id, lines[0] ?? id, lines.length > 1 ? lines.slice(1) : [lines[0] ?? ""]));
      const annFile = path.join(root, split, f.replace(/\.txt$/, ".ann"));
      if (!fs.existsSync(annFile)) continue;
      const spans = new Map<string, string>();
      const spanType = new Map<string, string>();
      const links: [string, string][] = [];
      for (const line of fs.readFileSync(annFile, "utf8").split(/\r?\n/)) {
        const cols = line.split("\t");
        if (/^T\d/.test(line) && cols[2] !== undefined) {
          spans.set(cols[0]!, cols[2]);
          spanType.set(cols[0]!, (cols[1] ?? "").split(" ")[0]!);
        }
        const m = /^Reference (T\d+) Wikidata:(Q\d+)/.exec(cols[1] ?? "");
        if (/^N\d/.test(line) && m) links.push([m[1]!, m[2]!]);
      }
      for (const [t, q] of links) {
        const mention = spans.get(t);
        if (!mention) continue;
        if (!entityDocs.has(q)) entityDocs.set(q, new Set());
        entityDocs.get(q)!.add(id);
        const counts = mentions.get(q) ?? new Map<string, number>();
        counts.set(mention, (counts.get(mention) ?? 0) + 1);
        mentions.set(q, counts);
        const typeCounts = types.get(q) ?? new Map<string, number>();
        const type = spanType.get(t) ?? "";
        typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
        types.set(q, typeCounts);
      }
    }
  }
  const queries: Judged["queries"] = [];
  for (const [q, relevant] of [...entityDocs].sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))) {
    if (relevant.size < 3) continue;
    // Ties go to the alphabetically first mention so the query set is reproducible.
    const best = [...mentions.get(q)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const type = [...types.get(q)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    queries.push({ q: best, relevant, type });
  }
  return { name: "nerel-entities", docs, queries };
}

/** The question as ranked OR over its words: questions are long, AND would rarely match. */
function orQuery(question: string): string {
  return question
    .replace(/["«»]/g, " ")
    .split(/\s+/)
    .map((w) => w.replace(/^[-–—(]+/, ""))
    .filter((w) => w && !/^(ИЛИ|OR|\|)$/.test(w))
    .join(" ИЛИ ");
}

/** The mention as typed: quotes and a leading minus would be query syntax, so they are dropped. */
function plainQuery(mention: string): string {
  return mention.replace(/["«»]/g, " ").split(/\s+/).map((w) => w.replace(/^-+/, "")).filter(Boolean).join(" ");
}

interface Metrics {
  [k: string]: number;
}

/**
 * Slices of the NEREL entity queries, each run on the same index as the whole set. The Latin and
 * wrong-layout slices are the same entities' queries rewritten; their `twin` is the slice of the
 * same queries typed in Cyrillic, which they are compared with.
 */
export interface Slice {
  name: string;
  derivation: string;
  twin?: string;
  queries: Judged["queries"];
}

const wordsOf = (q: string) => tokenize(plainQuery(q)).length;

export function nerelSlices(queries: Judged["queries"]): Slice[] {
  const persons = queries.filter((x) => x.type === "PERSON" && hasCyrillic(x.q));
  return [
    { name: "one-word", derivation: "queries of one word", queries: queries.filter((x) => wordsOf(x.q) === 1) },
    { name: "multi-word", derivation: "queries of two or more words («Западная Европа», «МИД Франции»)", queries: queries.filter((x) => wordsOf(x.q) >= 2) },
    { name: "persons-cyrillic", derivation: "PERSON entities whose query is in Cyrillic, as typed", queries: persons },
    {
      name: "persons-latin",
      twin: "persons-cyrillic",
      derivation: "the same PERSON queries romanised by iuliia's English-Wikipedia scheme (Шойгу → Shoygu, Юрий → Yury), the spelling English news uses",
      queries: persons.map((x) => ({ ...x, q: toLatin(x.q, "wikipedia") })),
    },
    {
      name: "persons-latin-bgn",
      twin: "persons-cyrillic",
      derivation: "the same PERSON queries romanised by BGN/PCGN (iuliia)",
      queries: persons.map((x) => ({ ...x, q: toLatin(x.q, "bgn") })),
    },
    {
      name: "wrong-layout",
      twin: "all",
      derivation: "every query typed with the Russian keys on the Latin layout (Казахстан → Rfpf[cnfy)",
      // The mention as a reader would type it (plainQuery), then its keys on the other layout; sent as is,
      // since the layout turns letters into quotes and brackets (Э → ", Х → [).
      queries: queries.map((x) => ({ ...x, q: cyrillicToLatinLayout(plainQuery(x.q)), asTyped: true })),
    },
  ];
}

async function runSet(analyzer: AnalyzerName, set: Judged, mode: "or" | "and", depth: number, slices: Slice[] = []): Promise<{ metrics: Metrics; matchedAll: number; slices: { name: string; metrics: Metrics; matchedAll: number }[] }> {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer(analyzer));
  await engine.upsert(set.docs);
  const whole = await runQueries(engine, set.queries, mode, depth);
  const out = [];
  for (const s of slices) out.push({ name: s.name, ...(await runQueries(engine, s.queries, mode, depth)) });
  return { ...whole, slices: out };
}

async function runQueries(engine: SqliteEngine, queries: Judged["queries"], mode: "or" | "and", depth: number): Promise<{ metrics: Metrics; matchedAll: number }> {
  const sums: Metrics = {};
  const add = (k: string, v: number) => (sums[k] = (sums[k] ?? 0) + v);
  let matchedAll = 0;
  for (const { q, relevant, asTyped } of queries) {
    const res = await engine.search({ q: asTyped ? q : mode === "or" ? orQuery(q) : plainQuery(q), filters: emptyFilters(), sort: "relevance", page: 1, perPage: depth });
    if (res.matchMode === "all" && res.total > 0) matchedAll++;
    const ranked = res.hits.map((h) => h.id);
    const relAt = ranked.map((id) => relevant.has(id));
    const first = relAt.indexOf(true);
    let dcg = 0;
    relAt.slice(0, 10).forEach((r, i) => (dcg += r ? 1 / Math.log2(i + 2) : 0));
    let idcg = 0;
    for (let i = 0; i < Math.min(relevant.size, 10); i++) idcg += 1 / Math.log2(i + 2);
    add("nDCG@10", dcg / idcg);
    if (mode === "or") {
      add("MRR@10", first >= 0 && first < 10 ? 1 / (first + 1) : 0);
      add("Recall@1", relAt[0] ? 1 : 0);
      add("Recall@10", relAt.slice(0, 10).filter(Boolean).length / relevant.size);
    } else {
      let hits = 0;
      let ap = 0;
      relAt.slice(0, 100).forEach((r, i) => {
        if (r) ap += ++hits / (i + 1);
      });
      add("MAP@100", ap / relevant.size);
      add("Recall@10", relAt.slice(0, 10).filter(Boolean).length / Math.min(relevant.size, 10));
      add("Recall@100", hits / relevant.size);
    }
  }
  const n = queries.length || 1;
  const metrics: Metrics = {};
  for (const [k, v] of Object.entries(sums)) metrics[k] = Math.round((v / n) * 1000) / 1000;
  return { metrics, matchedAll };
}

export interface EvalReport {
  note: string;
  sets: { name: string; documents: number; queries: number; semantics: string; judgments: string }[];
  /** Slices of a set: results carry them as set `<set>/<slice>`. */
  slices: { name: string; of: string; queries: number; derivation: string; twin?: string }[];
  results: { analyzer: AnalyzerName; version: string; set: string; metrics: Metrics; matchedAll: number }[];
}

export async function evaluate(opts: { limit?: number; analyzers?: AnalyzerName[]; dir?: string; sets?: string[]; slices?: boolean } = {}): Promise<EvalReport> {
  const dir = opts.dir ?? DATA_DIR;
  const want = (name: string) => !opts.sets || opts.sets.some((s) => name.startsWith(s));
  const xquad = want("xquad") ? loadXquad(dir) : { name: "xquad-ru", docs: [], queries: [] };
  const nerel = want("nerel") ? loadNerel(dir) : { name: "nerel-entities", docs: [], queries: [] };
  if (opts.limit !== undefined) {
    xquad.queries = xquad.queries.slice(0, opts.limit);
    nerel.queries = nerel.queries.slice(0, opts.limit);
  }
  const report: EvalReport = {
    note: "NEREL figures use derived, automatic judgments (every document linking the Wikidata entity is relevant), not pooled human assessments.",
    sets: [
      { name: xquad.name, documents: xquad.docs.length, queries: xquad.queries.length, semantics: "ranked OR", judgments: "human (one gold paragraph)" },
      { name: nerel.name, documents: nerel.docs.length, queries: nerel.queries.length, semantics: "AND (relaxed to OR when empty)", judgments: "derived, automatic" },
    ],
    slices: [],
    results: [],
  };
  const slices = opts.slices === false ? [] : nerelSlices(nerel.queries);
  for (const s of slices) report.slices.push({ name: `${nerel.name}/${s.name}`, of: nerel.name, queries: s.queries.length, derivation: s.derivation, ...(s.twin ? { twin: `${nerel.name}${s.twin === "all" ? "" : `/${s.twin}`}` } : {}) });
  for (const a of opts.analyzers ?? ANALYZER_NAMES) {
    const version = getAnalyzer(a).version;
    if (xquad.queries.length > 0) {
      const { metrics, matchedAll } = await runSet(a, xquad, "or", 10);
      report.results.push({ analyzer: a, version, set: xquad.name, metrics, matchedAll });
    }
    if (nerel.queries.length > 0) {
      const r = await runSet(a, nerel, "and", 100, slices);
      report.results.push({ analyzer: a, version, set: nerel.name, metrics: r.metrics, matchedAll: r.matchedAll });
      for (const s of r.slices) report.results.push({ analyzer: a, version, set: `${nerel.name}/${s.name}`, metrics: s.metrics, matchedAll: s.matchedAll });
    }
  }
  return report;
}

function printTable(r: EvalReport): void {
  for (const s of [...r.sets, ...r.slices.map((x) => ({ ...x, documents: r.sets.find((y) => y.name === x.of)?.documents ?? 0, semantics: x.derivation, judgments: x.twin ? `compare with ${x.twin}` : "as the set" }))]) {
    if (s.queries === 0) continue;
    console.log(`\n${s.name}: ${s.documents} documents, ${s.queries} queries, ${s.semantics}; judgments: ${s.judgments}`);
    const rows = r.results.filter((x) => x.set === s.name);
    const keys = Object.keys(rows[0]?.metrics ?? {});
    const cols = ["analyzer", "version", ...keys, "AND-matched"];
    const table = rows.map((x) => [x.analyzer, x.version, ...keys.map((k) => x.metrics[k]!.toFixed(3)), String(x.matchedAll)]);
    const widths = cols.map((c, i) => Math.max(c.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
    console.log(line(cols));
    for (const row of table) console.log(line(row));
  }
  console.log(`\nNote: ${r.note}`);
  console.log(
    "Reference, PostgreSQL 15 on the same data: XQuAD-ru MRR@10 simple 0.757, russian ts_rank 0.923, BM25 over Snowball 0.945 (Recall@10 0.989); " +
      "NEREL AND russian ts_rank nDCG@10 0.629 / Recall@100 0.600, simple 0.391 / 0.317.",
  );
}

/** Lemmatizer cost on the NEREL texts: az uncached per distinct form, then the memoised analyzer per document. */
function throughput(dir = DATA_DIR): void {
  const docs = loadNerel(dir).docs;
  const words = docs.flatMap((d) => d.paragraphs.flatMap((p) => tokenize(p).map((t) => t.surface)));
  const distinct = [...new Set(words.map((w) => normalizeWord(w)))].filter((w) => /[а-я]/.test(w));
  let t = performance.now();
  for (const w of distinct) analyzeLemma(w, false);
  const coldMs = performance.now() - t;
  const a = getAnalyzer("default");
  for (const d of docs) a.indexText(d.paragraphs.join("\n")); // fill the memo, as a running ingest has
  const chars = docs.reduce((n, d) => n + d.paragraphs.join("\n").length, 0);
  t = performance.now();
  const rounds = 5;
  for (let r = 0; r < rounds; r++) for (const d of docs) a.indexText(d.paragraphs.join("\n"));
  const warmMs = (performance.now() - t) / rounds;
  console.log(`az, uncached:           ${Math.round(distinct.length / (coldMs / 1000)).toLocaleString("en")} words/s (${distinct.length} distinct forms)`);
  console.log(`default analyzer, warm: ${Math.round(words.length / (warmMs / 1000)).toLocaleString("en")} words/s, ${Math.round(docs.length / (warmMs / 1000))} docs/s of ${Math.round(chars / docs.length)} chars (indexText)`);
}

async function main(): Promise<void> {
  // Corrections stop at a time budget; figures must not depend on how loaded the machine is.
  process.env.TYPO_BUDGET_MS ??= "10000";
  const args = process.argv.slice(2);
  const valueOf = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  if (!fs.existsSync(DATA_DIR)) {
    console.error(`eval:search needs the reference data at ${DATA_DIR} (a checkout with ../shared/data beside it).`);
    process.exit(2);
  }
  if (args.includes("--throughput")) return throughput();
  const limitArg = valueOf("--limit") ?? valueOf("--slice");
  const limit = limitArg === undefined ? undefined : Number(limitArg);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--limit needs a positive integer, got ${limitArg}`);
  const analyzersArg = valueOf("--analyzers");
  const analyzers = analyzersArg?.split(",").map((s) => s.trim()) as AnalyzerName[] | undefined;
  for (const a of analyzers ?? []) if (!ANALYZER_NAMES.includes(a)) throw new Error(`unknown analyzer ${a}; one of ${ANALYZER_NAMES.join(", ")}`);
  const sets = valueOf("--sets")?.split(",").map((s) => s.trim());
  // Ranking knobs of the embedded engine (lib/search/proximity.ts), for tuning.
  const knobs = {
    "--title-weight": "titleWeight",
    "--proximity": "proximityBoost",
    "--proximity-any": "proximityBoostAny",
    "--coverage-boost": "coverageBoost",
    "--exact-boost": "exactBoost",
    "--typed-boost": "typedBoost",
  } as const;
  for (const [flag, knob] of Object.entries(knobs)) {
    const value = valueOf(flag);
    if (value !== undefined) RANKING[knob] = Number(value);
  }
  const report = await evaluate({ limit, analyzers, sets, slices: !args.includes("--no-slices") });
  if (args.includes("--json")) console.log(JSON.stringify(report, null, 2));
  else printTable(report);
}

// Run only as a script, so tests and diagnostics can import the loaders and evaluate().
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
