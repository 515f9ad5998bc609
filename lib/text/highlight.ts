import type { Analyzer, AnalyzedToken } from "./analyzer";

export interface Segment {
  text: string;
  hit: boolean;
}

/** What a text is highlighted for: query keys (morphology applies) and exact phrases (normalised forms). */
export interface HighlightTerms {
  keys: ReadonlySet<string>;
  phrases: readonly (readonly string[])[];
  /** Phrases matched on lemmas («Астана клуб»): their keys on neighbouring words, stop words between not counting. */
  keyPhrases?: readonly (readonly string[])[];
  /** Prefix searches (санкци*): a word form or term starting with one. */
  prefixes?: readonly string[];
}

export const NO_HIGHLIGHT: HighlightTerms = { keys: new Set(), phrases: [] };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped HTML with <mark> around hits: the only HTML a snippet ever becomes. */
export function segmentsToHtml(segments: readonly Segment[]): string {
  return segments.map((s) => (s.hit ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join("");
}

function hitFlags(tokens: AnalyzedToken[], terms: HighlightTerms): boolean[] {
  const pre = terms.prefixes ?? [];
  const flags = tokens.map(
    (t) => !t.stop && (t.terms.some((term) => terms.keys.has(term)) || (pre.length > 0 && pre.some((p) => t.norm.startsWith(p) || t.terms.some((x) => x.startsWith(p))))),
  );
  for (const phrase of terms.phrases) {
    if (phrase.length === 0) continue;
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      let ok = true;
      for (let j = 0; j < phrase.length && ok; j++) ok = tokens[i + j]!.norm === phrase[j];
      if (ok) for (let j = 0; j < phrase.length; j++) flags[i + j] = true;
    }
  }
  if (terms.keyPhrases && terms.keyPhrases.length > 0) {
    const content = tokens.flatMap((t, i) => (t.stop ? [] : [i]));
    for (const keys of terms.keyPhrases) {
      if (keys.length === 0) continue;
      for (let i = 0; i + keys.length <= content.length; i++) {
        let ok = true;
        for (let j = 0; j < keys.length && ok; j++) ok = tokens[content[i + j]!]!.terms.includes(keys[j]!);
        if (ok) for (let j = 0; j < keys.length; j++) flags[content[i + j]!] = true;
      }
    }
  }
  return flags;
}

function toSegments(text: string, tokens: AnalyzedToken[], flags: boolean[], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let cursor = from;
  const push = (s: string, hit: boolean) => {
    if (!s) return;
    const last = out[out.length - 1];
    if (last && last.hit === hit && !hit) last.text += s;
    else out.push({ text: s, hit });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.end <= from || t.start >= to || !flags[i]) continue;
    push(text.slice(cursor, t.start), false);
    push(text.slice(t.start, t.end), true);
    cursor = t.end;
  }
  push(text.slice(cursor, to), false);
  return out;
}

/** The whole text split into plain and highlighted segments. */
export function highlight(text: string, analyzer: Analyzer, terms: HighlightTerms): Segment[] {
  // Nothing to mark (an article opened without a query): no need to analyse every word of it.
  if (terms.keys.size === 0 && terms.phrases.length === 0 && !terms.keyPhrases?.length && !terms.prefixes?.length) return text ? [{ text, hit: false }] : [];
  const tokens = analyzer.analyze(text);
  return toSegments(text, tokens, hitFlags(tokens, terms), 0, text.length);
}

export interface Snippet {
  segments: Segment[];
  /** Index of the paragraph the snippet comes from. */
  paragraph: number;
  hits: number;
}

/**
 * Characters of a document a snippet analyses word by word; past them, only the passage around
 * each paragraph's first likely hit (a plain substring search) is, and past SNIPPET_MAX_CHARS
 * nothing more. A result list must not cost seconds because one hit is a 2-million-character
 * document: analysed in full, such a document took 2 s of the event loop per search that found it.
 */
export const SNIPPET_SCAN_CHARS = 40_000;
export const SNIPPET_MAX_CHARS = 120_000;

/** Lowercase, ё-folded beginnings of the query's words, for finding where a hit may be without analysing. */
function probesOf(terms: HighlightTerms): string[] {
  const stem = (k: string) => (k.length >= 5 ? k.slice(0, k.length - 2) : k);
  const out = new Set<string>();
  for (const k of terms.keys) if (k) out.add(stem(k));
  for (const ph of terms.phrases) if (ph[0]) out.add(stem(ph[0]));
  for (const ph of terms.keyPhrases ?? []) if (ph[0]) out.add(stem(ph[0]));
  for (const pre of terms.prefixes ?? []) if (pre) out.add(pre);
  return [...out].map((x) => x.toLowerCase().replace(/ё/g, "е"));
}

function firstProbe(text: string, probes: readonly string[]): number {
  const folded = text.toLowerCase().replace(/ё/g, "е");
  let first = -1;
  for (const p of probes) {
    const at = folded.indexOf(p);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/**
 * The passage of about `maxChars` characters with the most distinct query hits,
 * cut at word boundaries, with an ellipsis where it is cut.
 */
export function makeSnippet(paragraphs: readonly string[], analyzer: Analyzer, terms: HighlightTerms, maxChars = 260): Snippet {
  let best: { p: number; from: number; to: number; score: number; hits: number } | null = null;
  let analysed = 0;
  let probes: string[] | undefined;
  for (let p = 0; p < paragraphs.length && analysed < SNIPPET_MAX_CHARS; p++) {
    const whole = paragraphs[p]!;
    // Offsets below are in `text`, which starts at `base` in the paragraph.
    let base = 0;
    let text = whole;
    if (analysed + whole.length > SNIPPET_SCAN_CHARS) {
      probes ??= probesOf(terms);
      const at = firstProbe(whole, probes);
      if (at < 0) continue;
      base = Math.max(0, at - maxChars);
      text = whole.slice(base, Math.min(whole.length, at + 2 * maxChars));
    }
    analysed += text.length;
    const tokens = analyzer.analyze(text);
    const flags = hitFlags(tokens, terms);
    const hitIdx = flags.flatMap((f, i) => (f ? [i] : []));
    if (hitIdx.length === 0) continue;
    // Both ends of the window move forward with its first hit, and the hits inside it are a
    // contiguous run of hitIdx: two pointers and a count per word keep this linear in the hits (a
    // word repeated 70,000 times in one document made it quadratic, tens of seconds per search).
    let lo = 0;
    let hi = 0;
    let hits = 0;
    const inWindow = new Map<string, number>();
    for (const first of hitIdx) {
      const startTok = tokens[first]!;
      // Some context before the first hit; a hit near the end shifts the window back so it stays full.
      const to = Math.min(text.length, Math.max(0, startTok.start - Math.floor(maxChars / 4)) + maxChars);
      const from = Math.max(0, to - maxChars);
      for (; hi < hitIdx.length && tokens[hitIdx[hi]!]!.end <= to; hi++, hits++) {
        const norm = tokens[hitIdx[hi]!]!.norm;
        inWindow.set(norm, (inWindow.get(norm) ?? 0) + 1);
      }
      for (; lo < hi && tokens[hitIdx[lo]!]!.start < from; lo++, hits--) {
        const norm = tokens[hitIdx[lo]!]!.norm;
        const n = inWindow.get(norm)! - 1;
        if (n === 0) inWindow.delete(norm);
        else inWindow.set(norm, n);
      }
      const score = inWindow.size * 10 + hits;
      if (!best || score > best.score) best = { p, from: base + from, to: base + to, score, hits };
    }
  }
  if (!best) {
    const text = paragraphs[0] ?? "";
    const to = Math.min(text.length, maxChars);
    return { segments: trimToWords(text, 0, to), paragraph: 0, hits: 0 };
  }
  const text = paragraphs[best.p]!;
  const [from, to] = wordBounds(text, best.from, best.to);
  // Only the passage shown is analysed again, not its whole paragraph.
  const passage = text.slice(from, to);
  const tokens = analyzer.analyze(passage);
  const segments = toSegments(passage, tokens, hitFlags(tokens, terms), 0, passage.length);
  if (from > 0) segments.unshift({ text: "… ", hit: false });
  if (to < text.length) segments.push({ text: " …", hit: false });
  return { segments: mergePlain(segments), paragraph: best.p, hits: best.hits };
}

function wordBounds(text: string, from: number, to: number): [number, number] {
  let a = from;
  if (a > 0) {
    const space = text.indexOf(" ", a);
    a = space === -1 || space > a + 30 ? a : space + 1;
  }
  let b = to;
  if (b < text.length) {
    const space = text.lastIndexOf(" ", b);
    b = space > a ? space : b;
  }
  return [a, b];
}

function trimToWords(text: string, from: number, to: number): Segment[] {
  const [a, b] = wordBounds(text, from, to);
  const segs: Segment[] = [{ text: text.slice(a, b), hit: false }];
  if (b < text.length) segs.push({ text: " …", hit: false });
  return mergePlain(segs);
}

function mergePlain(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && !last.hit && !s.hit) last.text += s.text;
    else out.push({ ...s });
  }
  return out;
}
