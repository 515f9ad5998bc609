/**
 * The comparison list of tests/contract/compare-bench.contract.test.ts, shared with
 * `npm run bench:meili`: over 150 queries of every kind drawn with a seeded generator from the
 * bench documents themselves (so most find something), plus queries on documents at Meilisearch's
 * limits (EDGE). Both engines must give the same totals, match mode and correction.
 */
import type { SearchEngine } from "@/lib/search/engine";
import { emptyFilters, type FacetField, type SearchQuery } from "@/lib/search/types";
import { rng } from "./corpus";

export const COMPARE_SEED = 13;

export interface Case {
  kind: string;
  q: string;
  filters?: Partial<Record<FacetField, string[]>>;
  sort?: SearchQuery["sort"];
  statements?: true;
}

export interface BenchDoc {
  title: string;
  paragraphs: string[];
  speakers: { name: string }[];
  institutions: string[];
  topics: string[];
}

export const LONG_INSTITUTION = `Центр ${"весьма ".repeat(50)}протяжённых исследований`.slice(0, 300); // the longest an import accepts: 600 bytes, past Meilisearch's 468-byte facet values
/** Documents at Meilisearch's limits (a word past its 65,536th position, a long facet value), beside the bench shards. */
export const EDGE = [
  { id: "edge-long-doc", title: "Очень длинный материал", paragraphs: [...Array.from({ length: 70 }, () => "обзор ".repeat(1_000).trim()), "финальноезамечание"], date: "2024-02-01", topics: ["Обзор"] },
  { id: "edge-long-value", title: "Материал с длинным названием центра", paragraphs: ["Короткий текст о посредничестве."], date: "2024-02-02", institutions: [LONG_INSTITUTION] },
];

/** Cyrillic words of a text, as typed (case kept), at least `min` letters. */
function wordsOf(text: string, min = 5): string[] {
  return text.match(/[А-Яа-яЁё]+/g)?.filter((w) => w.length >= min) ?? [];
}

/** A one-letter slip: a letter dropped or doubled in the middle of the word. */
function typo(w: string, r: () => number): string {
  const i = 2 + Math.floor(r() * (w.length - 3));
  return r() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i] + w.slice(i);
}

/** The fixed query list, drawn from the archive's own documents so that most queries find something. */
export function benchCases(docs: BenchDoc[], seed = COMPARE_SEED): Case[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const doc = () => pick(docs);
  const word = (min = 5) => {
    for (;;) {
      const ws = wordsOf(pick(doc().paragraphs), min);
      if (ws.length > 0) return pick(ws);
    }
  };
  const adjacent = (n: number) => {
    for (;;) {
      const ws = (pick(doc().paragraphs).match(/[А-Яа-яЁё]+/g) ?? []).filter((w) => w.length >= 3);
      if (ws.length <= n) continue;
      const i = Math.floor(r() * (ws.length - n));
      return ws.slice(i, i + n).join(" ");
    }
  };
  const sort = (): SearchQuery["sort"] => (r() < 0.5 ? "date" : "relevance");
  const out: Case[] = [];
  const add = (n: number, f: () => Case) => {
    for (let i = 0; i < n; i++) out.push(f());
  };
  add(20, () => ({ kind: "word form", q: word(), sort: sort() }));
  add(6, () => ({ kind: "word form, upper case", q: word().toUpperCase(), sort: "date" }));
  const yo = docs.flatMap((d) => d.paragraphs.flatMap((p) => wordsOf(p).filter((w) => /ё/i.test(w)))).slice(0, 400);
  add(5, () => ({ kind: "ё", q: pick(yo), sort: "date" }));
  add(5, () => ({ kind: "ё typed as е", q: pick(yo).replace(/ё/g, "е").replace(/Ё/g, "Е"), sort: "date" }));
  add(15, () => ({ kind: "typo", q: typo(word(7), r), sort: "date" }));
  for (const a of ["ООН", "НАТО", "ШОС", "ОДКБ", "ЕАЭС", "БРИКС", "США", "МИД", "СНГ", "ЕС"]) out.push({ kind: "abbreviation", q: a, sort: "date" });
  add(12, () => ({ kind: "phrase", q: `"${adjacent(2)}"`, sort: sort() }));
  add(6, () => ({ kind: "phrase of three", q: `"${adjacent(3)}"`, sort: "date" }));
  add(6, () => ({ kind: "phrase on lemmas", q: `«${adjacent(2)}»`, sort: "date" }));
  add(12, () => ({ kind: "exclusion", q: `${word()} -${word()}`, sort: "date" }));
  add(4, () => ({ kind: "exclusion of a phrase", q: `${word()} -"${adjacent(2)}"`, sort: "date" }));
  add(10, () => ({ kind: "ИЛИ", q: `${word()} ИЛИ ${word()}`, sort: sort() }));
  add(5, () => ({ kind: "ИЛИ with AND", q: `${word()} ИЛИ ${word()} ${word()}`, sort: "date" }));
  add(10, () => ({ kind: "two words (any-word fallback when apart)", q: `${word(7)} ${word(7)}`, sort: sort() }));
  add(5, () => ({ kind: "three words", q: `${word()} ${word()} ${word()}`, sort: "date" }));
  add(5, () => ({ kind: "prefix", q: `${word(8).slice(0, 6)}*`, sort: "date" }));
  const speakers = [...new Set(docs.flatMap((d) => d.speakers.map((s) => s.name)))];
  const institutions = [...new Set(docs.flatMap((d) => d.institutions))];
  const topics = [...new Set(docs.flatMap((d) => d.topics))];
  // Filters in any case: the archive's spelling, lower case, upper case (both engines compare exactly after canonicalisation).
  const cases = [(s: string) => s, (s: string) => s.toLowerCase(), (s: string) => s.toUpperCase()];
  add(6, () => ({ kind: "speaker filter", q: "", filters: { speaker: [pick(cases)(pick(speakers))] }, sort: "date" }));
  add(5, () => ({ kind: "speaker filter and a word", q: word(), filters: { speaker: [pick(speakers)] }, sort: "date" }));
  add(5, () => ({ kind: "institution filter", q: "", filters: { institution: [pick(cases)(pick(institutions))] }, sort: "date" }));
  add(5, () => ({ kind: "topic filter", q: r() < 0.5 ? "" : word(), filters: { topic: [pick(cases)(pick(topics))] }, sort: "date" }));
  add(4, () => ({ kind: "two facet groups", q: "", filters: { topic: [pick(topics)], institution: [pick(institutions)] }, sort: "date" }));
  add(10, () => ({ kind: "statements", q: r() < 0.3 ? "" : word(), statements: true, sort: "date" }));
  add(3, () => ({ kind: "statements by speaker", q: "", statements: true, filters: { speaker: [pick(speakers)] }, sort: "date" }));
  out.push({ kind: "long document", q: "финальноезамечание", sort: "date" });
  out.push({ kind: "long document", q: "финальноезамечание обзор", sort: "relevance" });
  out.push({ kind: "long value", q: "", filters: { institution: [LONG_INSTITUTION] }, sort: "date" });
  out.push({ kind: "long value", q: "посредничестве", filters: { institution: [LONG_INSTITUTION] }, sort: "date" });
  return out;
}


export const caseLabel = (c: Case, i: number) =>
  `#${i + 1} ${c.kind}: ${c.statements ? "statements " : ""}q=${JSON.stringify(c.q)}${c.filters ? ` ${JSON.stringify(c.filters)}` : ""} sort=${c.sort ?? "relevance"}`;

/** What must agree (total, match mode, correction) and the top five ids, which are only reported. */
export async function answerCase(engine: Pick<SearchEngine, "search" | "searchStatements">, c: Case) {
  const query: SearchQuery = { q: c.q, filters: { ...emptyFilters(), ...c.filters }, sort: c.sort ?? "relevance", page: 1, perPage: 5 };
  const r = c.statements ? await engine.searchStatements(query) : await engine.search(query);
  return { must: { total: r.total, matchMode: r.matchMode, correctedQuery: r.correctedQuery }, top5: r.hits.map((h) => h.id) };
}

export interface Comparison {
  /** Labels of the queries whose totals, match mode or correction differ, with both answers. */
  differing: { kind: string; line: string }[];
  /** Per query: how many of the top five ids both share, of how many. */
  overlap: { kind: string; shared: number; of: number }[];
}

/** Every case on both engines, one after the other (so timings elsewhere are not disturbed). */
export async function compareEngines(a: Pick<SearchEngine, "search" | "searchStatements">, b: Pick<SearchEngine, "search" | "searchStatements">, cases: readonly Case[]): Promise<Comparison> {
  const out: Comparison = { differing: [], overlap: [] };
  for (const [i, c] of cases.entries()) {
    const [x, y] = [await answerCase(a, c), await answerCase(b, c)];
    out.overlap.push({ kind: c.kind, shared: x.top5.filter((id) => y.top5.includes(id)).length, of: Math.max(x.top5.length, y.top5.length) });
    if (JSON.stringify(x.must) !== JSON.stringify(y.must)) out.differing.push({ kind: c.kind, line: `${caseLabel(c, i)}: embedded ${JSON.stringify(x.must)} / Meilisearch ${JSON.stringify(y.must)}` });
  }
  return out;
}

/** «top-5 identical as sets on N of M queries; by kind: …» */
export function overlapSummary(overlap: Comparison["overlap"]): string {
  const kinds = [...new Set(overlap.map((o) => o.kind))];
  const same = overlap.filter((o) => o.shared === o.of).length;
  return `top-5 identical as sets on ${same} of ${overlap.length} queries; by kind: ${kinds
    .map((k) => {
      const of = overlap.filter((o) => o.kind === k);
      return `${k} ${of.filter((o) => o.shared === o.of).length}/${of.length}`;
    })
    .join("; ")}`;
}
