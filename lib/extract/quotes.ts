import { reportingVerb } from "./lexicon";

/**
 * Quotation spans in a document: «…», „…“, “…” and "…", nested quotes kept inside their quote,
 * quotes that run over several paragraphs (each continuing paragraph reopens with the same
 * mark), and quotes interrupted by an attribution («…, – считает Х. – …»).
 */

export interface QuoteSpan {
  id: number;
  startPara: number;
  /** Offset of the opening mark in startPara. */
  start: number;
  endPara: number;
  /** Offset just after the closing mark in endPara (paragraph end when the quote is left open). */
  end: number;
  closed: boolean;
  /** Inner text, paragraphs joined by a space, attribution interruptions removed. */
  text: string;
  /** Interruptions inside the quote: absolute ranges in startPara..endPara to analyse as statements. */
  interruptions: { para: number; start: number; end: number }[];
  words: number;
  /** Offsets of what was said: after the opening mark in startPara to before the closing one in endPara. */
  innerStart: number;
  innerEnd: number;
  /** «— Текст, — сказал он»: a dialogue line opened by a dash instead of quotation marks. */
  dialogue?: boolean;
  /** «Х написал:» and the next paragraph, without quotation marks, is what was written. */
  colon?: boolean;
}

const PAIRS: Record<string, string> = { "«": "»", "„": "“", "“": "”", '"': '"' };

function isOpening(text: string, i: number): boolean {
  const c = text[i]!;
  if (c !== '"' && c !== "“") return c in PAIRS;
  // Straight and English quotes open after a space, a bracket or a dash, and before a non-space.
  const before = i === 0 ? " " : text[i - 1]!;
  const after = text[i + 1] ?? " ";
  return /[\s(\[–—-]/u.test(before) && !/\s/u.test(after);
}

interface Piece {
  para: number;
  start: number;
  end: number;
}

/** Top-level quotation spans of a list of paragraphs. */
export function findQuoteSpans(paragraphs: readonly string[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let stack: string[] = [];
  let pieces: Piece[] = [];
  let startPara = 0;
  let start = 0;
  const finish = (endPara: number, end: number, closed: boolean) => {
    const last = pieces[pieces.length - 1];
    if (last) last.end = closed ? end - 1 : end;
    spans.push(build(paragraphs, spans.length, startPara, start, endPara, end, closed, pieces));
    stack = [];
    pieces = [];
  };
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    let i = 0;
    if (stack.length > 0) {
      // The previous paragraph left a quote open: it continues only if this one reopens it.
      const opener = Object.keys(PAIRS).find((o) => PAIRS[o] === stack[0]);
      if (opener && text.startsWith(opener)) {
        pieces.push({ para: p, start: 1, end: text.length });
        stack = [stack[0]!];
        i = 1;
      } else {
        const prev = paragraphs[p - 1]!;
        finish(p - 1, prev.length, false);
      }
    }
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (stack.length > 0 && c === stack[stack.length - 1]) {
        stack.pop();
        if (stack.length === 0) finish(p, i + 1, true);
        continue;
      }
      if (isOpening(text, i) && !(c === '"' && stack.includes('"'))) {
        if (stack.length === 0) {
          startPara = p;
          start = i;
          pieces = [{ para: p, start: i + 1, end: text.length }];
        }
        stack.push(PAIRS[c]!);
      }
    }
  }
  if (stack.length > 0) {
    const p = paragraphs.length - 1;
    finish(p, paragraphs[p]!.length, false);
  }
  return spans;
}

/** «…, – считает Х. – …» inside a quote: the attribution between two dashes. */
const INTERRUPTION = /([,.!?…])\s+[–—-]\s+([а-яё]+)\s+([^«»"]{1,250}?)([.,])\s+[–—-]\s+(?=\S)/gu;

function build(paragraphs: readonly string[], id: number, startPara: number, start: number, endPara: number, end: number, closed: boolean, pieces: Piece[]): QuoteSpan {
  const interruptions: QuoteSpan["interruptions"] = [];
  const parts: string[] = [];
  for (const piece of pieces) {
    const raw = paragraphs[piece.para]!.slice(piece.start, piece.end);
    let out = "";
    let last = 0;
    for (const m of raw.matchAll(INTERRUPTION)) {
      if (!reportingVerb(m[2]!)) continue;
      const sepEnd = m.index + m[1]!.length;
      // «…, – сказал Х. – Дальше…»: the first part ends where the attribution began.
      out += raw.slice(last, m.index) + (m[4] === "." && m[1] === "," ? "." : m[1]!) + " ";
      interruptions.push({ para: piece.para, start: piece.start + sepEnd, end: piece.start + m.index + m[0].length });
      last = m.index + m[0].length;
    }
    out += raw.slice(last);
    parts.push(out.trim());
  }
  const text = parts.filter(Boolean).join(" ");
  const innerStart = pieces[0]?.start ?? start + 1;
  const innerEnd = pieces[pieces.length - 1]?.end ?? end;
  return { id, startPara, start, endPara, end, closed, text, interruptions, words: text.split(/\s+/).filter(Boolean).length, innerStart, innerEnd };
}

/** «— Мы готовы к переговорам, — сказал он. — Но не на любых условиях.» */
const DIALOGUE_OPEN = /^[–—]\s+(?=\S)/u;
const DIALOGUE_ATTRIBUTION = /([,.!?…])\s+[–—]\s+([а-яё]+)/gu;

/**
 * Dialogue lines: a paragraph opened by a dash, without quotation marks, whose words are followed
 * by a dash and a reporting verb. The line is the quote; the attribution is its interruption or tail.
 */
export function findDialogueSpans(paragraphs: readonly string[], firstId: number, taken: readonly QuoteSpan[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  paragraphs.forEach((text, p) => {
    const open = DIALOGUE_OPEN.exec(text);
    if (!open || /[«»„“"]/u.test(text) || taken.some((q) => p >= q.startPara && p <= q.endPara)) return;
    const m = [...text.matchAll(DIALOGUE_ATTRIBUTION)].find((x) => reportingVerb(x[2]!));
    if (!m) return;
    const from = open[0].length;
    const attrStart = m.index + m[1]!.length;
    // Does the line go on after the attribution («…, — сказал он. — Дальше…»)?
    const rest = text.slice(attrStart);
    const cont = /^[^–—]*?[.,]\s+[–—]\s+(?=\S)/u.exec(rest.replace(/^\s*[–—]\s*/u, (x) => " ".repeat(x.length)));
    let end: number;
    if (cont && attrStart + cont[0].length < text.length) {
      end = text.length;
      while (end > 0 && /[\s.]/u.test(text[end - 1]!)) end--;
      if (/[!?…]/u.test(text[end] ?? "")) end++;
    } else end = m[1] === "," || m[1] === "." ? m.index : m.index + 1;
    if (end - from < 2) return;
    const span = build(paragraphs, firstId + out.length, p, from - 1, p, end, false, [{ para: p, start: from, end }]);
    out.push({ ...span, closed: true, innerStart: from, innerEnd: end, dialogue: true });
  });
  return out;
}

/**
 * A paragraph of speech introduced by a colon at the end of the paragraph before («Мэр города
 * Сергей Собянин в twitter написал:»), without quotation marks of its own. `introduces` says
 * whether the paragraph before ends with a statement that introduces it.
 */
export function findColonSpans(paragraphs: readonly string[], firstId: number, taken: readonly QuoteSpan[], introduces: (para: number) => boolean): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  for (let p = 1; p < paragraphs.length; p++) {
    const text = paragraphs[p]!;
    if (!/:\s*$/u.test(paragraphs[p - 1]!) || DIALOGUE_OPEN.test(text) || /^[«„“"]/u.test(text)) continue;
    if (taken.some((q) => (p >= q.startPara && p <= q.endPara) || (q.startPara === p - 1 && q.endPara === p - 1 && q.end >= paragraphs[p - 1]!.trimEnd().length - 1))) continue;
    if (!introduces(p - 1)) continue;
    let end = text.length;
    while (end > 0 && /[\s.]/u.test(text[end - 1]!)) end--;
    if (end < 2) continue;
    const span = build(paragraphs, firstId + out.length, p, 0, p, end, false, [{ para: p, start: 0, end }]);
    out.push({ ...span, start: 0, end, closed: true, innerStart: 0, innerEnd: end, colon: true });
  }
  return out;
}
