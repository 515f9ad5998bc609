/**
 * npm run eval:entities [-- --json] [--limit N] [--show N]
 * Imports every NEREL document through the real import path (title = first line, paragraphs =
 * the other non-empty lines, no metadata) into a scratch archive, then scores the speaker,
 * institution and country values the archive shows against NEREL's gold PERSON, ORGANIZATION
 * and COUNTRY spans and their Wikidata links. Reads ../shared/data; nothing is copied.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "@/lib/archive/db";
import { loadRegistry } from "@/lib/archive/entities";
import { ArchiveStore } from "@/lib/archive/store";
import { resolveDocument } from "@/lib/entities/document";
import { countryOf } from "@/lib/entities/countries";
import { firstNameKey, foldKey, nameParts } from "@/lib/entities/keys";
import { lemma } from "@/lib/extract/morph";
import { commitIngest, prepareIngest } from "@/lib/ingest/run-ingest";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";
import { runCli } from "./lib/run-cli";

const args = process.argv.slice(2);
const json = args.includes("--json");
const num = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const repo = path.resolve(import.meta.dirname, "..");
const nerelDir = path.resolve(repo, "../shared/data/nerel/NEREL-v1.1");

interface Span {
  id: string;
  type: string;
  text: string;
  wikidata?: string;
  label?: string;
}

interface GoldDoc {
  id: string;
  title: string;
  paragraphs: string[];
  spans: Span[];
}

export function readNerel(limit?: number): GoldDoc[] {
  const out: GoldDoc[] = [];
  for (const split of ["train", "dev", "test"]) {
    const dir = path.join(nerelDir, split);
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
      if (lines.length < 2) continue;
      const ann = fs.readFileSync(path.join(dir, f.replace(/\.txt$/, ".ann")), "utf8").split("\n");
      const spans = new Map<string, Span>();
      for (const l of ann) {
        const m = /^(T\d+)\t([A-Z_]+) [\d; ]+\t(.*)$/.exec(l);
        if (m) spans.set(m[1]!, { id: m[1]!, type: m[2]!, text: m[3]! });
      }
      for (const l of ann) {
        const m = /^N\d+\tReference (T\d+) Wikidata:(Q\d+)\t(.*)$/.exec(l);
        const s = m && spans.get(m[1]!);
        if (s) Object.assign(s, { wikidata: m![2], label: m![3] });
      }
      out.push({ id: `${split}/${f.replace(/(_text)?\.txt$/, "")}`, title: lines[0]!, paragraphs: lines.slice(1), spans: [...spans.values()] });
      if (limit && out.length >= limit) return out;
    }
  }
  return out;
}

/** A word without its case ending: «Путина» ~ «Путин», «Меркель» ~ «Меркель». */
function loose(word: string): string {
  const w = foldKey(word).replace(/[^а-яa-z0-9-]/g, "");
  return w.length <= 4 ? w : w.replace(/(ого|ому|ыми|ами|ий|ый|ой|ом|ым|ем|ая|ую|а|у|е|я|ю|ы|и)$/u, "");
}

const words = (s: string) => s.split(/[\s«»"„“()]+/u).filter(Boolean);

/** The gold person a speaker value names in one document: Wikidata id when linked, else the document's own mention. */
function goldPersonOf(value: string, doc: GoldDoc): { key: string; label?: string; fullInText: boolean } | undefined {
  const parts = nameParts(value);
  if (!parts) return undefined;
  const sk = loose(parts.surname);
  const persons = doc.spans.filter((s) => s.type === "PERSON" && words(s.text).some((w) => loose(w) === sk));
  if (persons.length === 0) return undefined;
  if (parts.first) {
    const fk = loose(parts.first);
    const sameFirst = persons.filter((s) => words(s.text).length < 2 || words(s.text).some((w) => loose(w) === fk || w[0] === parts.first![0]));
    if (sameFirst.length === 0) return undefined;
  }
  // The linked mention of this person: same surname and, when the value has one, the same first name.
  const firstOk = (label: string | undefined) => !parts.first || !label || words(label).length < 2 || loose(words(label)[0]!) === loose(parts.first) || words(label)[0]![0] === parts.first[0];
  const candidates = [...persons, ...doc.spans.filter((s) => s.type === "PERSON" && s.label && words(s.label).some((w) => loose(w) === sk))];
  const linked = candidates.find((s) => s.wikidata && s.label && words(s.label).some((w) => loose(w) === sk) && firstOk(s.label)) ?? candidates.find((s) => s.wikidata && !s.label);
  return { key: linked?.wikidata ?? `${doc.id}:${sk}`, ...(linked?.label ? { label: linked.label } : {}), fullInText: persons.some((s) => words(s.text).length >= 2) };
}

/** A full name in the nominative: «Дмитрий Медведев», not «Дмитрием Медведев» or «Медведев». */
function isCanonicalFullName(value: string, rawLabel: string | undefined): boolean {
  // Wikidata labels are sometimes «Фамилия, Имя».
  const label = rawLabel?.includes(",") ? rawLabel.split(",").map((s) => s.trim()).reverse().join(" ") : rawLabel;
  const parts = nameParts(value);
  // A mononym (Франциск, Акихито) is canonical as it is.
  if (label && !label.includes(" ") && foldKey(value) === foldKey(label)) return true;
  if (!parts?.first) return false;
  if (label) {
    const lp = nameParts(label);
    // The text's own spelling of a foreign name is its canonical form here (Гари / Гарри Каспаров).
    if (lp?.first && foldKey(lp.surname) === foldKey(parts.surname) && close(foldKey(lp.first), foldKey(parts.first))) return true;
    if (lp?.first && foldKey(lp.surname) === foldKey(parts.surname) && (foldKey(lp.first) === foldKey(parts.first) || value.split(/\s+/).length === label.split(/\s+/).length && foldKey(value) === foldKey(label))) return true;
    if (lp?.first && foldKey(lp.surname) === foldKey(parts.surname) && firstNameKey(lp.first) !== firstNameKey(parts.first)) return false;
  }
  return firstNameKey(parts.first) === foldKey(parts.first) && foldKey(parts.surname) === foldKey(parts.surname);
}

/** Two spellings of one name: edit distance at most 2 and the same last letter (Дэйв/Дейв, not Мии/Миа). */
function close(a: string, b: string): boolean {
  if (a.at(-1) !== b.at(-1)) return false;
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]! <= 2;
}

const STOP = new Set(["и", "при", "по", "в", "во", "на", "от", "из", "с", "со", "для", "-"]);
const lemmas = (s: string) => words(s.replace(/[–—]/g, " ")).map((w) => (/^[A-ZА-ЯЁ0-9-]{2,}$/u.test(w) ? w.toLowerCase() : lemma(w))).filter((w) => !STOP.has(w));

/** Organisations match when every content lemma of the shorter is in the longer (nested names count). */
function orgMatch(a: string, b: string): boolean {
  const la = lemmas(a);
  const lb = lemmas(b);
  if (la.length === 0 || lb.length === 0) return false;
  const [short, long] = la.length <= lb.length ? [la, lb] : [lb, la];
  const set = new Set(long);
  return short.every((w) => set.has(w));
}

const ORG_TYPES = new Set(["ORGANIZATION"]);
const PLACE_TYPES = new Set(["COUNTRY", "CITY", "STATE_OR_PROVINCE", "LOCATION", "DISTRICT", "NATIONALITY"]);

async function main(): Promise<number> {
  if (!fs.existsSync(nerelDir)) {
    const msg = `NEREL not found at ${nerelDir}: nothing to score (the corpora live in ../shared/data).`;
    console.log(json ? JSON.stringify({ skipped: msg }) : msg);
    return 0;
  }
  const show = num("--show") ?? 8;
  const gold = readNerel(num("--limit"));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eval-entities-"));
  try {
    const jsonl = path.join(dir, "nerel.jsonl");
    fs.writeFileSync(jsonl, gold.map((d) => JSON.stringify({ id: d.id, title: d.title, paragraphs: d.paragraphs })).join("\n"));
    const t0 = performance.now();
    const prepared = prepareIngest([jsonl]);
    if (prepared.errors.length) throw new Error(prepared.errors[0]!.message);
    const t1 = performance.now();
    const db = openDatabase(path.join(dir, "archive.db"));
    const engine = new SqliteEngine(db, getAnalyzer("default"));
    commitIngest(engine, prepared.documents.map((d) => d.document));
    const t2 = performance.now();

    const registry = loadRegistry(db);
    const store = new ArchiveStore(db);
    const views = new Map<string, ReturnType<typeof resolveDocument>>();
    for (const { document } of store.all()) views.set(document.id, resolveDocument(registry, document));

    const speakerValues: { doc: string; value: string; id: string; gold?: ReturnType<typeof goldPersonOf> }[] = [];
    const instValues: { doc: string; value: string; ok: boolean; place: boolean }[] = [];
    const countryValues: { doc: string; value: string; ok: boolean }[] = [];
    let quotes = 0;
    let credited = 0;
    for (const g of gold) {
      const v = views.get(g.id);
      if (!v) continue;
      for (const q of v.quotes) if ((q.kind ?? "direct") === "direct") {
        quotes++;
        if (q.speaker) credited++;
      }
      v.speakers.forEach((s, i) => speakerValues.push({ doc: g.id, value: s.name, id: v.entityIds?.speakers[i] || s.name, gold: goldPersonOf(s.name, g) }));
      v.institutions.forEach((inst, i) => {
        const orgs = g.spans.filter((s) => ORG_TYPES.has(s.type));
        // The canonical name or any variant of the entity («Государственная дума» for a text's «Госдума»).
        const e = registry.byId.get(v.entityIds?.institutions[i] ?? "");
        const names = [inst, ...(e?.variants ?? [])];
        const ok = orgs.some((s) => names.some((n) => orgMatch(n, s.text) || foldKey(s.text) === foldKey(n)));
        const place = !ok && g.spans.some((s) => PLACE_TYPES.has(s.type) && orgMatch(inst, s.text));
        instValues.push({ doc: g.id, value: inst, ok, place });
      });
      for (const c of v.countries ?? []) {
        const ok = g.spans.some((s) => s.type === "COUNTRY" && (countryOf(s.text) === c || foldKey(s.text) === foldKey(c) || (s.label && countryOf(s.label) === c)));
        countryValues.push({ doc: g.id, value: c, ok });
      }
    }

    // NEREL now and then links one person to two Wikidata items with the same label; one label is one person here.
    const qByLabel = new Map<string, string>();
    for (const s of speakerValues) if (s.gold?.key.startsWith("Q") && s.gold.label) {
      const k = foldKey(s.gold.label);
      if (!qByLabel.has(k)) qByLabel.set(k, s.gold.key);
      s.gold.key = qByLabel.get(k)!;
    }
    const goldPerson = speakerValues.filter((s) => s.gold);
    const withFull = goldPerson.filter((s) => s.gold!.fullInText || s.gold!.label);
    const canonical = withFull.filter((s) => isCanonicalFullName(s.value, s.gold!.label));
    // Gold people (Wikidata) quoted in two or more documents, and the values they appear under.
    const valuesOfGold = new Map<string, { docs: Set<string>; values: Set<string>; names: Set<string> }>();
    const goldOfValue = new Map<string, { name: string; golds: Map<string, string> }>();
    for (const s of goldPerson) {
      if (!s.gold!.key.startsWith("Q")) continue;
      const e = valuesOfGold.get(s.gold!.key) ?? { docs: new Set(), values: new Set(), names: new Set() };
      e.docs.add(s.doc);
      e.values.add(s.id);
      e.names.add(s.value);
      valuesOfGold.set(s.gold!.key, e);
      const m = goldOfValue.get(s.id) ?? { name: s.value, golds: new Map() };
      m.golds.set(s.gold!.key, s.gold!.label ?? s.gold!.key);
      goldOfValue.set(s.id, m);
    }
    const multi = [...valuesOfGold.entries()].filter(([, e]) => e.docs.size >= 2);
    const split = multi.filter(([, e]) => e.values.size > 1);
    const merges = [...goldOfValue.values()].filter((m) => m.golds.size > 1);
    const ratio = (a: number, b: number) => (b ? a / b : 0);

    const result = {
      documents: gold.length,
      importSeconds: { read: (t1 - t0) / 1000, store: (t2 - t1) / 1000, total: (t2 - t0) / 1000, docsPerSecond: gold.length / ((t2 - t0) / 1000) },
      speakers: {
        values: speakerValues.length,
        distinct: new Set(speakerValues.map((s) => s.id)).size,
        goldPerson: ratio(goldPerson.length, speakerValues.length),
        canonical: ratio(canonical.length, withFull.length),
        splitRate: ratio(split.length, multi.length),
        quotedInTwoOrMore: multi.length,
        split: split.map(([q, e]) => ({ wikidata: q, values: [...e.names] })),
        wrongMerges: merges.length,
        merged: merges.map((m) => ({ value: m.name, gold: [...m.golds.values()] })),
        notGoldPerson: speakerValues.filter((s) => !s.gold).slice(0, show).map((s) => `${s.doc}: ${s.value}`),
        notCanonical: withFull.filter((s) => !isCanonicalFullName(s.value, s.gold!.label)).slice(0, show).map((s) => `${s.doc}: ${s.value}${s.gold!.label ? ` (gold ${s.gold!.label})` : ""}`),
      },
      institutions: {
        values: instValues.length,
        precision: ratio(instValues.filter((i) => i.ok).length, instValues.length),
        places: instValues.filter((i) => i.place).length,
        wrong: instValues.filter((i) => !i.ok).slice(0, show).map((i) => `${i.doc}: ${i.value}${i.place ? " (a place)" : ""}`),
      },
      countries: {
        values: countryValues.length,
        precision: ratio(countryValues.filter((c) => c.ok).length, countryValues.length),
        wrong: countryValues.filter((c) => !c.ok).slice(0, show).map((c) => `${c.doc}: ${c.value}`),
      },
      quotes: { direct: quotes, withSpeaker: credited, share: ratio(credited, quotes) },
    };
    if (json) console.log(JSON.stringify(result, null, 2));
    else printReport(result);
    return 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function printReport(r: any): void {
  const f = (x: number) => x.toFixed(3);
  console.log(`NEREL v1.1, ${r.documents} documents imported without metadata in ${r.importSeconds.total.toFixed(1)} s (${r.importSeconds.docsPerSecond.toFixed(0)} docs/s; read+extract ${r.importSeconds.read.toFixed(1)} s, store+registry+index ${r.importSeconds.store.toFixed(1)} s)`);
  console.log(`speaker values: ${r.speakers.values} in documents, ${r.speakers.distinct} distinct people`);
  console.log(`  a gold PERSON of their document        ${f(r.speakers.goldPerson)}   (target ≥ 0.97)`);
  console.log(`  canonical full nominative name         ${f(r.speakers.canonical)}   (target ≥ 0.95; over values whose person the text names in full)`);
  console.log(`  gold people in ≥ 2 documents split     ${f(r.speakers.splitRate)}   (${r.speakers.split.length}/${r.speakers.quotedInTwoOrMore}; target ≤ 0.05)`);
  console.log(`  values merging two gold people         ${r.speakers.wrongMerges}       (target 0)`);
  for (const s of r.speakers.split) console.log(`    split   ${s.wikidata}: ${s.values.join(" | ")}`);
  for (const m of r.speakers.merged) console.log(`    merged  ${m.value}: ${m.gold.join(" + ")}`);
  for (const x of r.speakers.notGoldPerson) console.log(`    not a gold person  ${x}`);
  for (const x of r.speakers.notCanonical) console.log(`    not canonical      ${x}`);
  console.log(`institution values: ${r.institutions.values}; a gold ORGANIZATION ${f(r.institutions.precision)} (target ≥ 0.95); places among them: ${r.institutions.places}`);
  for (const x of r.institutions.wrong) console.log(`    not an organisation  ${x}`);
  console.log(`country values: ${r.countries.values}; a gold COUNTRY ${f(r.countries.precision)} (target ≥ 0.98)`);
  for (const x of r.countries.wrong) console.log(`    not a country  ${x}`);
  console.log(`direct quotes with a speaker: ${r.quotes.withSpeaker}/${r.quotes.direct} = ${f(r.quotes.share)}`);
  console.log("(automatic comparison with NEREL's own annotation: a value matches a gold span of its document by case-stripped surname / content lemmas, as described in the script; not a manual review)");
}

runCli(main);
