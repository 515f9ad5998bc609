import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  evalStatements,
  importText,
  loadGold,
  nerelTextFile,
  quoteSpan,
  scoreStatements,
  speakerMatches,
  type GoldLabel,
  type PredictedStatement,
} from "@/scripts/eval/statements";

const repo = path.resolve(import.meta.dirname, "../..");
const data = path.resolve(repo, "../shared/data");
const hasData = existsSync(path.join(data, "nerel", "NEREL-v1.1"));
const gold = loadGold();

describe("statement scorer, without data", () => {
  it("matches speakers by full name, alias, surname alone or initials", () => {
    expect(speakerMatches("Дональд Трамп", "Дональд Трамп")).toBe(true);
    expect(speakerMatches("дональд трамп", "Дональд Трамп")).toBe(true);
    expect(speakerMatches("Трамп", "Дональд Трамп")).toBe(true);
    expect(speakerMatches("Пётр Сёмин", "Петр Семин")).toBe(true);
    expect(speakerMatches("Реджеп Эрдоган", "Реджеп Тайип Эрдоган")).toBe(true);
    expect(speakerMatches("Э. Уитакер", "Эдвард Уитакер")).toBe(true);
    expect(speakerMatches("Сеул", "Южная Корея", ["Сеул"])).toBe(true);
    expect(speakerMatches("Мелания Трамп", "Дональд Трамп")).toBe(false);
    expect(speakerMatches("Крэйга Уоткинс", "Крэйг Уоткинс")).toBe(false);
    expect(speakerMatches("Трамп", "none")).toBe(false);
  });

  it("scores perfect, wrong and non-statement predictions as defined", () => {
    const labels: GoldLabel[] = [
      { doc: "d", start: 10, end: 50, kind: "direct", speaker: "Ержан Салтыбаев" },
      { doc: "d", start: 60, end: 100, kind: "reported", speaker: "none" },
      { doc: "d", start: 110, end: 130, kind: "reported", speaker: "МИД России", aliases: ["МИД РФ"] },
      { doc: "d", start: 140, end: 150, kind: "non-statement", what: "law" },
      { doc: "d", start: 160, end: 260, kind: "reported", speaker: "Fitch" },
      { doc: "d", start: 200, end: 210, kind: "non-statement", what: "organisation" },
    ];
    const p = (start: number, end: number, speaker?: string, kind: "direct" | "reported" = "direct"): PredictedStatement => ({ doc: "d", start, end, kind, text: "", ...(speaker ? { speaker } : {}) });
    const perfect = scoreStatements(labels, [p(10, 50, "Салтыбаев"), p(60, 100, undefined, "reported"), p(110, 130, "МИД РФ", "reported"), p(160, 260, "Fitch", "reported")], ["d"]);
    expect(perfect).toMatchObject({ precision: 1, recall: 1, falseQuotes: 0 });
    expect(perfect.gold).toMatchObject({ statements: 4, named: 3, nonStatements: 2 });

    // A quoted name inside a reported clause is told apart from the clause (best overlap/union).
    const mixed = scoreStatements(labels, [p(12, 48, "Иван Петров"), p(60, 90, "Трамп"), p(141, 150), p(200, 210, "Fitch"), p(300, 320)], ["d"]);
    expect(mixed.counts).toMatchObject({ judged: 2, correct: 0, nonStatementTaken: 2, unmatched: 1, found: 0 });
    expect(mixed.falseQuotes).toBeCloseTo(2 / 5);
    expect(mixed.errors.wrongSpeaker.map((e) => e.start)).toEqual([10]);
    expect(mixed.errors.speakerForNone.map((e) => e.start)).toEqual([60]);
    expect(mixed.errors.missed.map((e) => e.start)).toEqual([110, 160]);
    expect(mixed.errors.nonStatementTaken.map((e) => e.what)).toEqual(["law", "organisation"]);
  });

  it("has a header describing the schema and the documents", () => {
    expect(gold.header.type).toBe("header");
    expect(gold.header.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Set(gold.header.documents).size).toBe(gold.header.documents.length);
    const counts = gold.header.counts as Record<string, number>;
    expect(counts.documents).toBe(gold.header.documents.length);
    expect(counts.labels).toBe(gold.labels.length);
  });
});

if (!hasData) {
  describe("statement gold set against the NEREL texts", () => {
    it.skip(`skipped: ../shared/data/nerel not found at ${data} (the texts are not part of the repo; the gold labels are)`, () => {});
  });
} else {
  describe("statement gold set against the NEREL texts", () => {
    const texts = new Map(gold.header.documents.map((d) => [d, readFileSync(nerelTextFile(data, d), "utf8")]));

    it("is well-formed: known documents, offsets inside the body, non-empty slices, valid kinds", () => {
      const docs = new Set(gold.header.documents);
      const what = new Set(["law", "order", "document", "title", "media", "organisation", "event", "object", "award", "nickname", "term", "place", "other"]);
      const bad: string[] = [];
      for (const l of gold.labels) {
        const t = texts.get(l.doc);
        const id = `${l.doc} ${l.start}-${l.end}`;
        if (!docs.has(l.doc) || t === undefined) {
          bad.push(`${id}: unknown document`);
          continue;
        }
        if (!Number.isInteger(l.start) || !Number.isInteger(l.end) || l.start < 0 || l.end <= l.start || l.end > t.length) bad.push(`${id}: offsets outside the text (${t.length})`);
        if (l.start < t.indexOf("\n") + 1) bad.push(`${id}: inside the title line`);
        if (!t.slice(l.start, l.end).trim()) bad.push(`${id}: empty slice`);
        if (l.kind === "non-statement") {
          if (!l.what || !what.has(l.what)) bad.push(`${id}: non-statement without a valid what`);
          if (l.speaker) bad.push(`${id}: non-statement with a speaker`);
        } else if (l.kind === "direct" || l.kind === "reported") {
          if (typeof l.speaker !== "string" || !l.speaker.trim()) bad.push(`${id}: statement without a speaker`);
        } else bad.push(`${id}: kind ${String(l.kind)}`);
      }
      expect(bad).toEqual([]);
    });

    it("has no overlapping labels (only strict nesting inside a statement)", () => {
      const bad: string[] = [];
      for (const doc of gold.header.documents) {
        const ls = gold.labels.filter((l) => l.doc === doc).sort((a, b) => a.start - b.start || b.end - a.end);
        for (let i = 0; i < ls.length; i++) {
          for (let j = i + 1; j < ls.length && ls[j]!.start < ls[i]!.end; j++) {
            const [a, b] = [ls[i]!, ls[j]!];
            const nested = a.kind !== "non-statement" && b.end <= a.end && (b.start > a.start || b.end < a.end);
            if (!nested) bad.push(`${doc}: ${a.start}-${a.end} ${a.kind} / ${b.start}-${b.end} ${b.kind}`);
          }
        }
      }
      expect(bad).toEqual([]);
    });

    it("maps the extractor's paragraph offsets to the same text in the file", () => {
      for (const doc of ["dev/1614272", "train/13126", "train/508529"]) {
        const file = nerelTextFile(data, doc);
        const imp = importText(file, texts.get(doc)!);
        for (const q of imp.quotes) {
          const span = quoteSpan(q, imp);
          expect(span).not.toBeNull();
          if (q.start !== undefined && q.end !== undefined && (q.endParagraph ?? q.paragraph) === q.paragraph) {
            expect(texts.get(doc)!.slice(span!.start, span!.end)).toBe(imp.paragraphs[q.paragraph]!.slice(q.start, q.end));
          }
        }
      }
    });

    it("scores the extractor on a few documents with figures in range", () => {
      const docs = ["dev/1614272", "train/13126", "train/508529", "train/2552", "test/188878"];
      const r = evalStatements(data, { docs });
      expect(r.documents).toBe(docs.length);
      expect(r.gold.named).toBeGreaterThan(0);
      for (const x of [r.precision, r.recall, r.falseQuotes, r.byKind.direct.recall, r.byKind.reported.recall]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      expect(r.counts.correct).toBeLessThanOrEqual(r.counts.judged);
      expect(r.counts.judged - r.counts.correct).toBe(r.errors.wrongSpeaker.length + r.errors.speakerForNone.length);
      expect(r.counts.nonStatementTaken).toBe(r.errors.nonStatementTaken.length);
      expect(r.errors.missed.length + r.errors.noSpeaker.length).toBeLessThanOrEqual(r.gold.named - r.counts.found);
      for (const e of Object.values(r.errors).flat()) expect(docs).toContain(e.doc);
    });

    it("credits the seed-like case: «…», – сказал Трамп", () => {
      // dev/1614272: «Я надеюсь, что он в порядке. … », – сказал Трамп. (gold 542–678, Дональд Трамп)
      const label = gold.labels.find((l) => l.doc === "dev/1614272" && l.start === 542)!;
      expect(label).toMatchObject({ kind: "direct", speaker: "Дональд Трамп" });
      const r = evalStatements(data, { docs: ["dev/1614272"] });
      const blamed = [...r.errors.missed, ...r.errors.noSpeaker, ...r.errors.wrongSpeaker].filter((e) => e.start === label.start);
      expect(blamed).toEqual([]);
      expect(r.counts.found).toBeGreaterThan(0);
    });
  });
}
