import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readText } from "@/lib/ingest/read-text";
import { toDocument } from "@/lib/ingest/to-document";
import type { Quote } from "@/lib/validations/document";

/**
 * Statement → speaker scoring against the hand-checked NEREL gold set (tests/gold/nerel-statements.jsonl,
 * guidelines in tests/gold/README.md). Each gold document is imported the way the archive imports a .txt
 * (readText: first non-empty line the title, every further non-empty line a paragraph; then toDocument, which
 * runs the extractor), the extractor's quotes are mapped from paragraph offsets back to file offsets and
 * matched to the gold labels by span overlap.
 *
 * Definitions (also printed by eval:extract):
 * - A predicted statement and a gold label *match* when their spans overlap by at least half of the shorter
 *   one; a prediction is assigned to the matching label with the highest overlap/union (so a quoted title
 *   inside a reported clause is told apart from the clause). Predictions matching nothing are "unmatched".
 * - precision = predictions with a speaker, assigned to a gold statement, whose speaker matches the gold one /
 *   predictions with a speaker assigned to a gold statement (a gold speaker "none" makes any speaker wrong).
 * - recall = gold statements with a named speaker that some prediction assigned to them credits correctly /
 *   gold statements with a named speaker.
 * - falseQuotes = predictions assigned to a gold non-statement (title, law, name, term …) / all predictions.
 * - Speaker match: case-, ё- and punctuation-insensitive equality with the gold name or one of its aliases;
 *   or, when one side is a single word (a surname alone, «Трамп»), equality of that word with the other
 *   side's last word; or, with the same last word, every word of the shorter name in the longer («Реджеп
 *   Эрдоган» ~ «Реджеп Тайип Эрдоган»); or equal last words with agreeing initials («Э. Уитакер» ~ «Эдвард
 *   Уитакер»). Case endings are not folded: «Крэйга Уоткинс» is a wrong speaker (listed with reason "name form").
 */

export type GoldKind = "direct" | "reported" | "non-statement";

export interface GoldLabel {
  doc: string;
  start: number;
  end: number;
  kind: GoldKind;
  speaker?: string;
  aliases?: string[];
  what?: string;
  note?: string;
}

export interface GoldSet {
  header: Record<string, unknown> & { documents: string[]; date?: string };
  labels: GoldLabel[];
}

export const GOLD_FILE = path.resolve(import.meta.dirname, "../../tests/gold/nerel-statements.jsonl");
export const NEREL_SPLITS = ["train", "dev", "test"] as const;

export function loadGold(file: string = GOLD_FILE): GoldSet {
  const lines = readFileSync(file, "utf8").split("\n").filter((l) => l.trim());
  const [first, ...rest] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  if (!first || first.type !== "header") throw new Error(`${file}: the first line must be the header object`);
  return { header: first as GoldSet["header"], labels: rest as unknown as GoldLabel[] };
}

export function nerelRoot(dataDir: string): string {
  return path.join(dataDir, "nerel", "NEREL-v1.1");
}

/** The .txt of a NEREL document id such as "dev/1614272" (files are named 1614272_text.txt or 2045.txt). */
export function nerelTextFile(dataDir: string, doc: string): string {
  const base = path.join(nerelRoot(dataDir), doc);
  return existsSync(`${base}_text.txt`) ? `${base}_text.txt` : `${base}.txt`;
}

/** Every NEREL document id, split by split, sorted. */
export function nerelDocuments(dataDir: string): string[] {
  const out: string[] = [];
  for (const split of NEREL_SPLITS) {
    const dir = path.join(nerelRoot(dataDir), split);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) out.push(`${split}/${f.replace(/(_text)?\.txt$/, "")}`);
  }
  return out;
}

// ---------------------------------------------------------------- import, as the archive does

export interface ImportedText {
  paragraphs: string[];
  /** File offset of each paragraph's first character (readText trims lines). */
  paragraphStarts: number[];
  quotes: Quote[];
}

/** Where readText's paragraphs start in the file: the same split and trim, with the offsets kept. */
export function paragraphOffsets(text: string): { title: string; paragraphs: string[]; starts: number[] } {
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const body = text.slice(bom);
  const lines: { text: string; start: number }[] = [];
  const re = /\r?\n/g;
  let last = 0;
  for (let m = re.exec(body); ; m = re.exec(body)) {
    const end = m ? m.index : body.length;
    const raw = body.slice(last, end);
    const trimmed = raw.trim();
    if (trimmed) lines.push({ text: trimmed, start: bom + last + (raw.length - raw.trimStart().length) });
    if (!m) break;
    last = m.index + m[0].length;
  }
  const [title, ...paragraphs] = lines;
  return { title: title?.text ?? "", paragraphs: paragraphs.map((p) => p.text), starts: paragraphs.map((p) => p.start) };
}

/** Import one .txt through readText + toDocument (the ingest path) and keep the paragraph offsets. */
export function importText(file: string, text: string): ImportedText {
  const [record] = readText(file, text);
  const doc = toDocument(record!);
  const { paragraphs, starts } = paragraphOffsets(text);
  if (paragraphs.length !== doc.paragraphs.length || paragraphs.some((p, i) => p !== doc.paragraphs[i])) {
    throw new Error(`${file}: paragraph offsets disagree with readText`);
  }
  return { paragraphs, paragraphStarts: starts, quotes: doc.quotes };
}

export interface Span {
  start: number;
  end: number;
}

/**
 * A quote's span in file offsets. Quotes with offsets are placed by them; a quote without them (an older
 * extractor) is placed by finding the beginning and the end of its text in its paragraphs.
 */
export function quoteSpan(q: Quote, imp: ImportedText): Span | null {
  const from = q.paragraph;
  const to = q.endParagraph ?? q.paragraph;
  const starts = imp.paragraphStarts;
  if (from >= starts.length || to >= starts.length) return null;
  if (q.start !== undefined && q.end !== undefined) return { start: starts[from]! + q.start, end: starts[to]! + q.end };
  const text = q.text.trim();
  if (!text) return null;
  const head = text.slice(0, 40);
  const at = imp.paragraphs[from]!.indexOf(head);
  if (at < 0) return null;
  const tail = text.slice(-40);
  for (let p = from; p < imp.paragraphs.length && p <= from + 20; p++) {
    const searchFrom = p === from ? at : 0;
    const e = imp.paragraphs[p]!.indexOf(tail, searchFrom);
    if (e >= 0) return { start: starts[from]! + at, end: starts[p]! + e + tail.length };
  }
  return { start: starts[from]! + at, end: starts[from]! + Math.min(imp.paragraphs[from]!.length, at + text.length) };
}

// ---------------------------------------------------------------- matching

export function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Overlap of at least half of the shorter span. */
export function spansMatch(a: Span, b: Span): boolean {
  const o = overlap(a, b);
  return o > 0 && o >= 0.5 * Math.min(a.end - a.start, b.end - b.start);
}

function jaccard(a: Span, b: Span): number {
  const o = overlap(a, b);
  return o / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

/** The gold label a prediction is assigned to: among those it matches, the one with the highest overlap/union. */
export function assign<T extends Span>(pred: Span, gold: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const g of gold) {
    if (!spansMatch(pred, g)) continue;
    const s = jaccard(pred, g);
    if (s > bestScore) {
      best = g;
      bestScore = s;
    }
  }
  return best;
}

export function normName(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[«»"“”„'’`]/g, "")
    .replace(/[.,]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Predicted speaker ~ gold speaker (or an alias); see the definitions at the top of the file. */
export function speakerMatches(predicted: string, gold: string, aliases: readonly string[] = []): boolean {
  const p = normName(predicted);
  if (!p) return false;
  for (const g of [gold, ...aliases].map(normName)) {
    if (!g || g === "none") continue;
    if (p === g) return true;
    const pw = p.split(" ");
    const gw = g.split(" ");
    if (pw.length === 1 && gw.length > 1 && pw[0] === gw[gw.length - 1]) return true;
    if (gw.length === 1 && pw.length > 1 && gw[0] === pw[pw.length - 1]) return true;
    // «Реджеп Эрдоган» ~ «Реджеп Тайип Эрдоган»: same last word, every word of the shorter name in the longer.
    if (pw.length > 1 && gw.length > 1 && pw[pw.length - 1] === gw[gw.length - 1]) {
      const [short, long] = pw.length <= gw.length ? [pw, gw] : [gw, pw];
      if (short.every((w) => long.includes(w))) return true;
    }
    // «Э. Уитакер» ~ «Эдвард Уитакер»: same surname, and a one-letter first part agrees with the other's initial.
    if (pw.length === gw.length && pw.length > 1 && pw[pw.length - 1] === gw[gw.length - 1]) {
      const initialsAgree = pw.slice(0, -1).every((w, i) => {
        const o = gw[i]!;
        return w === o || ((w.length === 1 || o.length === 1) && w[0] === o[0]);
      });
      if (initialsAgree && (pw.some((w) => w.length === 1) || gw.some((w) => w.length === 1))) return true;
    }
  }
  return false;
}

/** The last words agree (ignoring a case ending of up to two letters): the right person, the name mis-formed. */
function sameSurname(predicted: string, g: GoldLabel): boolean {
  const last = (x: string) => normName(x).split(" ").pop() ?? "";
  const stem = (w: string) => (w.length > 4 ? w.replace(/(ого|ему|ому|ой|ым|ом|ую|а|я|у|ю|е|ы|и)$/u, "") : w);
  const p = stem(last(predicted));
  return [g.speaker ?? "", ...(g.aliases ?? [])].some((n) => p !== "" && stem(last(n)) === p);
}

// ---------------------------------------------------------------- scoring

export interface PredictedStatement extends Span {
  doc: string;
  kind: "direct" | "reported";
  speaker?: string;
  text: string;
}

export interface StatementError {
  doc: string;
  /** File offsets of the gold label (missed, wrong speaker) or of the prediction (non-statement, unmatched). */
  start: number;
  end: number;
  kind: string;
  predicted?: string;
  gold?: string;
  what?: string;
  /** Where the prediction lies, when it differs from the label. */
  predictedSpan?: Span;
  /** Wrong speaker only: "name form" when the surnames agree but the name is mis-formed, else "other person". */
  reason?: "name form" | "other person";
  /** A short excerpt read from ../shared/data at run time (never stored). */
  excerpt?: string;
}

export interface StatementsResult {
  documents: number;
  /** Gold labels: statements (direct + reported), named, and non-statements. */
  gold: { statements: number; direct: number; reported: number; named: number; nonStatements: number };
  predicted: { all: number; direct: number; reported: number; withSpeaker: number; unlocated: number };
  precision: number;
  recall: number;
  falseQuotes: number;
  counts: {
    /** Predictions with a speaker assigned to a gold statement (precision's denominator) and the right ones. */
    judged: number;
    correct: number;
    /** Gold statements with a named speaker credited to the right speaker (recall's numerator). */
    found: number;
    /** Predictions assigned to a gold non-statement (falseQuotes' numerator). */
    nonStatementTaken: number;
    /** Predictions that match no gold label (not counted in precision). */
    unmatched: number;
  };
  /** Recall split by the gold label's kind. */
  byKind: Record<"direct" | "reported", { named: number; found: number; recall: number }>;
  errors: {
    /** A prediction credits someone else than the gold speaker. */
    wrongSpeaker: StatementError[];
    /** A prediction names a speaker where the gold says the text does not («none»). */
    speakerForNone: StatementError[];
    /** A gold statement with a named speaker no prediction covers. */
    missed: StatementError[];
    /** A gold statement with a named speaker that is predicted, but without a speaker. */
    noSpeaker: StatementError[];
    /** A title, law, name or term in quotation marks taken for a statement. */
    nonStatementTaken: StatementError[];
    /** Predictions matching no gold label (boundaries the gold disagrees with, or clauses it does not count). */
    unmatched: StatementError[];
  };
}

const ratio = (a: number, b: number) => (b ? a / b : 0);

/**
 * Score predicted statements against gold labels. Pure: `predictions` are in file offsets; `texts` (optional)
 * gives excerpts for the error lists.
 */
export function scoreStatements(gold: readonly GoldLabel[], predictions: readonly PredictedStatement[], documents: readonly string[], texts?: ReadonlyMap<string, string>): StatementsResult {
  const docs = new Set(documents);
  const goldIn = gold.filter((g) => docs.has(g.doc));
  const preds = predictions.filter((p) => docs.has(p.doc));
  const statements = goldIn.filter((g) => g.kind !== "non-statement");
  const isNamed = (g: GoldLabel) => g.kind !== "non-statement" && !!g.speaker && normName(g.speaker) !== "none";
  const named = statements.filter(isNamed);
  const excerpt = (doc: string, s: Span) => {
    const t = texts?.get(doc);
    if (!t) return undefined;
    const x = t.slice(s.start, s.end).replace(/\s+/g, " ");
    return x.length > 90 ? `${x.slice(0, 60)} … ${x.slice(-25)}` : x;
  };
  const byDoc = new Map<string, GoldLabel[]>();
  for (const g of goldIn) byDoc.set(g.doc, [...(byDoc.get(g.doc) ?? []), g]);

  const errors: StatementsResult["errors"] = { wrongSpeaker: [], speakerForNone: [], missed: [], noSpeaker: [], nonStatementTaken: [], unmatched: [] };
  const assigned = new Map<GoldLabel, PredictedStatement[]>();
  let judged = 0;
  let correct = 0;
  let nonStatementTaken = 0;
  let unmatched = 0;
  for (const p of preds) {
    const g = assign(p, byDoc.get(p.doc) ?? []);
    const at = { start: p.start, end: p.end };
    if (!g) {
      unmatched++;
      errors.unmatched.push({ doc: p.doc, ...at, kind: p.kind, ...(p.speaker ? { predicted: p.speaker } : {}), excerpt: excerpt(p.doc, at) });
      continue;
    }
    if (g.kind === "non-statement") {
      nonStatementTaken++;
      errors.nonStatementTaken.push({ doc: p.doc, ...at, kind: p.kind, what: g.what, ...(p.speaker ? { predicted: p.speaker } : {}), excerpt: excerpt(p.doc, at) });
      continue;
    }
    assigned.set(g, [...(assigned.get(g) ?? []), p]);
    if (!p.speaker) continue;
    judged++;
    const span = { start: g.start, end: g.end };
    const moved = g.start !== p.start || g.end !== p.end ? { predictedSpan: at } : {};
    if (!isNamed(g)) {
      errors.speakerForNone.push({ doc: p.doc, ...span, kind: g.kind, predicted: p.speaker, gold: "none", ...moved, excerpt: excerpt(p.doc, span) });
    } else if (speakerMatches(p.speaker, g.speaker!, g.aliases)) {
      correct++;
    } else {
      errors.wrongSpeaker.push({ doc: p.doc, ...span, kind: g.kind, predicted: p.speaker, gold: g.speaker, reason: sameSurname(p.speaker, g) ? "name form" : "other person", ...moved, excerpt: excerpt(p.doc, span) });
    }
  }
  let found = 0;
  const byKind = { direct: { named: 0, found: 0, recall: 0 }, reported: { named: 0, found: 0, recall: 0 } };
  for (const g of named) {
    const k = byKind[g.kind as "direct" | "reported"];
    k.named++;
    const ps = assigned.get(g) ?? [];
    if (ps.some((p) => p.speaker && speakerMatches(p.speaker, g.speaker!, g.aliases))) {
      found++;
      k.found++;
    } else if (ps.length === 0) {
      errors.missed.push({ doc: g.doc, start: g.start, end: g.end, kind: g.kind, gold: g.speaker, excerpt: excerpt(g.doc, g) });
    } else if (ps.every((p) => !p.speaker)) {
      errors.noSpeaker.push({ doc: g.doc, start: g.start, end: g.end, kind: g.kind, gold: g.speaker, excerpt: excerpt(g.doc, g) });
    }
    // Wrong speakers are listed once, from the prediction side.
  }
  for (const k of Object.values(byKind)) k.recall = ratio(k.found, k.named);
  return {
    documents: docs.size,
    gold: {
      statements: statements.length,
      direct: statements.filter((g) => g.kind === "direct").length,
      reported: statements.filter((g) => g.kind === "reported").length,
      named: named.length,
      nonStatements: goldIn.length - statements.length,
    },
    predicted: {
      all: preds.length,
      direct: preds.filter((p) => p.kind === "direct").length,
      reported: preds.filter((p) => p.kind === "reported").length,
      withSpeaker: preds.filter((p) => p.speaker).length,
      unlocated: 0,
    },
    precision: ratio(correct, judged),
    recall: ratio(found, named.length),
    falseQuotes: ratio(nonStatementTaken, preds.length),
    counts: { judged, correct, found, nonStatementTaken, unmatched },
    byKind,
    errors,
  };
}

/** The extractor's statements of one NEREL document, in file offsets. */
export function predictStatements(dataDir: string, doc: string): { text: string; predictions: PredictedStatement[]; unlocated: number } {
  const file = nerelTextFile(dataDir, doc);
  const text = readFileSync(file, "utf8");
  const imp = importText(file, text);
  const predictions: PredictedStatement[] = [];
  let unlocated = 0;
  for (const q of imp.quotes) {
    const span = quoteSpan(q, imp);
    if (!span) {
      unlocated++;
      continue;
    }
    predictions.push({ doc, ...span, kind: q.kind ?? "direct", ...(q.speaker ? { speaker: q.speaker } : {}), text: q.text });
  }
  return { text, predictions, unlocated };
}

/** Import every gold document from the data folder and score the extractor's statements. */
export function evalStatements(dataDir: string, opts: { docs?: readonly string[]; goldFile?: string } = {}): StatementsResult {
  const gold = loadGold(opts.goldFile);
  const documents = opts.docs ?? gold.header.documents;
  const texts = new Map<string, string>();
  const predictions: PredictedStatement[] = [];
  let unlocated = 0;
  for (const doc of documents) {
    const r = predictStatements(dataDir, doc);
    texts.set(doc, r.text);
    predictions.push(...r.predictions);
    unlocated += r.unlocated;
  }
  const result = scoreStatements(gold.labels, predictions, documents, texts);
  result.predicted.unlocated = unlocated;
  return result;
}

// ---------------------------------------------------------------- «…» quotes with a speaker, whole corpus

export interface QuoteShare {
  documents: number;
  /** Quotes of kind direct (or without a kind: an extractor that only finds direct quotes). */
  direct: number;
  directWithSpeaker: number;
  /** directWithSpeaker / direct. */
  share: number;
  reported: number;
  reportedWithSpeaker: number;
  /** Documents whose import failed (listed, not counted). */
  failed: string[];
  seconds: number;
}

/** Share of direct quotes that get a speaker when all NEREL .txt files (train, dev, test) are imported. */
export function nerelQuoteShare(dataDir: string, opts: { limit?: number } = {}): QuoteShare {
  const started = Date.now();
  const docs = nerelDocuments(dataDir).slice(0, opts.limit);
  const r: QuoteShare = { documents: 0, direct: 0, directWithSpeaker: 0, share: 0, reported: 0, reportedWithSpeaker: 0, failed: [], seconds: 0 };
  for (const doc of docs) {
    const file = nerelTextFile(dataDir, doc);
    let quotes: Quote[];
    try {
      quotes = importText(file, readFileSync(file, "utf8")).quotes;
    } catch {
      r.failed.push(doc);
      continue;
    }
    r.documents++;
    for (const q of quotes) {
      if ((q.kind ?? "direct") === "direct") {
        r.direct++;
        if (q.speaker) r.directWithSpeaker++;
      } else {
        r.reported++;
        if (q.speaker) r.reportedWithSpeaker++;
      }
    }
  }
  r.share = ratio(r.directWithSpeaker, r.direct);
  r.seconds = (Date.now() - started) / 1000;
  return r;
}
