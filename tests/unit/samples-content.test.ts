import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALIASES } from "@/config/aliases";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest } from "@/lib/ingest/run-ingest";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

/**
 * The sample pieces are fiction. A journalist who finds a quote in the archive may cite it, so
 * no sample may put words in a real person's mouth or speak for a real institution: the people
 * and institutions of the real seed article, and the real ones earlier versions of the samples used.
 */
const analyzer = getAnalyzer("default");

function ingest(target: string): CommentaryDocument[] {
  const prepared = prepareIngest(listInputFiles([path.resolve(target)]));
  expect(prepared.errors.map((e) => e.message)).toEqual([]);
  return prepared.documents.map((d) => d.document);
}

const samples = ingest("content/samples");
const seed = ingest("content/kazakhstan-mediator.txt");

const REAL_PEOPLE = [...seed.flatMap((d) => d.speakers.map((s) => s.name)), "Нурсултан Назарбаев", "Касым-Жомарт Токаев", "Антониу Гутерриш"];
const REAL_INSTITUTIONS = [
  ...seed.flatMap((d) => [...d.institutions, ...(d.institutionDetails ?? []).flatMap((i) => [i.name, ...i.aliases, ...(i.parent ? [i.parent] : [])])]),
  "Казахстанский институт стратегических исследований",
  "КИСИ",
  "Евразийский национальный университет",
  "Астана клуб",
  "Валдай",
  "ИМЭМО",
  "МГИМО",
  "РСМД",
  "ВШЭ",
];

/**
 * Does the phrase occur in the text as consecutive words, in any case form («Салтыбаевой»,
 * «Института … политики»)? Stopwords and dashes are skipped on both sides, as search does.
 */
function mentions(text: string, phrase: string): boolean {
  const words = analyzer.analyze(text).filter((t) => !t.stop).map((t) => t.terms);
  const keys = analyzer.analyze(phrase).filter((t) => !t.stop).map((t) => t.key);
  return keys.length > 0 && words.some((_, i) => keys.every((k, j) => words[i + j]?.includes(k)));
}

const fullText = (d: CommentaryDocument) => [d.title, ...d.paragraphs].join("\n");

describe("content/samples", () => {
  it("reads the real seed's speaker and institute, so the checks below compare against something", () => {
    expect(REAL_PEOPLE).toContain("Ержан Салтыбаев");
    expect(REAL_INSTITUTIONS).toEqual(expect.arrayContaining(["Институт мировой экономики и политики", "ИМЭП"]));
    expect(mentions("по словам Айгуль Салтыбаевой", "Салтыбаев")).toBe(true);
    expect(mentions("директор Института мировой экономики и политики", "Институт мировой экономики и политики")).toBe(true);
  });

  it("marks every piece as a sample", () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
    expect(samples.filter((d) => d.sample !== true).map((d) => d.title)).toEqual([]);
  });

  it("never names a real person: not the seed's speaker (in any form, any first name), nor real politicians", () => {
    const surnames = REAL_PEOPLE.map((n) => n.split(/\s+/).at(-1)!);
    const found = samples.flatMap((d) => surnames.filter((s) => mentions(fullText(d), s) || d.speakers.some((sp) => mentions(sp.name, s))).map((s) => `${d.title}: ${s}`));
    expect(found).toEqual([]);
  });

  it("never names a real institution, as a speaker's institution or in the text", () => {
    const realOrganisations = [...REAL_INSTITUTIONS, ...ALIASES.flatMap((a) => [a.short, ...a.full])];
    const speakingFor = samples.flatMap((d) =>
      [...d.speakers.flatMap((s) => (s.institution ? [s.institution] : [])), ...d.institutions].filter((inst) => realOrganisations.some((r) => mentions(inst, r))).map((inst) => `${d.title}: ${inst}`),
    );
    expect(speakingFor).toEqual([]);
    const named = samples.flatMap((d) => REAL_INSTITUTIONS.filter((r) => mentions(fullText(d), r)).map((r) => `${d.title}: ${r}`));
    expect(named).toEqual([]);
  });

  it("credits every quote to one of the piece's own invented speakers", () => {
    const stray = samples.flatMap((d) => {
      const own = new Set(d.speakers.map((s) => s.name));
      return d.quotes.filter((q) => !q.speaker || !own.has(q.speaker)).map((q) => `${d.title}: ${q.speaker ?? "nobody"}: ${q.text.slice(0, 40)}`);
    });
    expect(stray).toEqual([]);
    expect(samples.every((d) => d.quotes.length > 0)).toBe(true);
  });

  it("keeps two different people who share a surname, so the archive shows they stay apart", () => {
    const bySurname = new Map<string, Set<string>>();
    for (const s of samples.flatMap((d) => d.speakers)) {
      const key = analyzer.queryKey(s.name.split(/\s+/).at(-1)!) ?? s.name;
      bySurname.set(key, (bySurname.get(key) ?? new Set()).add(s.name));
    }
    expect([...bySurname.values()].some((names) => names.size >= 2)).toBe(true);
  });
});
