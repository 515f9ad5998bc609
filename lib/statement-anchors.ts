import type { Quote } from "@/lib/validations/document";

/** A stretch of one paragraph that belongs to one statement. */
export interface StatementPart {
  /** 0-based index of the quote in the document. */
  index: number;
  paragraph: number;
  start: number;
  end: number;
  /** The first part carries the statement's anchor (#quote-N). */
  first: boolean;
  /** How the part was placed: by stored offsets, by finding the text (old data), or the whole paragraph. */
  how: "offsets" | "text" | "paragraph";
}

/** A run of paragraph text and the statements covering it (none for plain text). */
export interface ParagraphSegment {
  start: number;
  end: number;
  statements: number[];
  /** Statements whose anchor sits at the start of this segment. */
  anchors: number[];
}

function byOffsets(q: Quote, index: number, paragraphs: readonly string[]): StatementPart[] | null {
  if (q.start === undefined || q.end === undefined) return null;
  const from = q.paragraph;
  const to = q.endParagraph ?? q.paragraph;
  if (from >= paragraphs.length || to >= paragraphs.length || to < from) return null;
  if (q.start > paragraphs[from]!.length || q.end > paragraphs[to]!.length) return null;
  if (to === from) {
    if (q.start >= q.end) return null;
    return [{ index, paragraph: from, start: q.start, end: q.end, first: true, how: "offsets" }];
  }
  const parts: StatementPart[] = [];
  for (let p = from; p <= to; p++) {
    const start = p === from ? q.start : 0;
    const end = p === to ? q.end : paragraphs[p]!.length;
    if (end > start || p === from) parts.push({ index, paragraph: p, start, end, first: parts.length === 0, how: "offsets" });
  }
  return parts;
}

/**
 * Where each statement sits on the article page. Statements are placed by their offsets
 * (`start`/`end` in `paragraph`..`endParagraph`); old data without offsets falls back to finding
 * the text in its paragraph, and failing that the whole paragraph stands for it — so every
 * statement has exactly one anchor.
 */
export function placeStatements(paragraphs: readonly string[], quotes: readonly Quote[]): StatementPart[] {
  const out: StatementPart[] = [];
  // Old data: equal quotes in one paragraph are found one after another.
  const searchFrom = new Map<number, number>();
  quotes.forEach((q, index) => {
    const placed = byOffsets(q, index, paragraphs);
    if (placed) {
      out.push(...placed);
      return;
    }
    const p = Math.min(Math.max(q.paragraph, 0), Math.max(paragraphs.length - 1, 0));
    const text = paragraphs[p] ?? "";
    let at = text.indexOf(q.text, searchFrom.get(p) ?? 0);
    if (at === -1) at = text.indexOf(q.text);
    if (at !== -1 && q.text.length > 0) {
      searchFrom.set(p, at + q.text.length);
      out.push({ index, paragraph: p, start: at, end: at + q.text.length, first: true, how: "text" });
    } else out.push({ index, paragraph: p, start: 0, end: text.length, first: true, how: "paragraph" });
  });
  return out;
}

/**
 * One paragraph cut at every statement boundary: overlapping or nested statements are fine,
 * each run lists every statement covering it, and each statement's anchor opens its first run.
 */
export function paragraphSegments(length: number, parts: readonly StatementPart[]): ParagraphSegment[] {
  const cuts = new Set<number>([0, length]);
  for (const part of parts) {
    cuts.add(Math.min(part.start, length));
    cuts.add(Math.min(part.end, length));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: ParagraphSegment[] = [];
  const anchored = new Set<number>();
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = parts.filter((p) => p.start <= start && p.end >= end && p.end > p.start);
    const anchors = parts.filter((p) => p.first && p.start === start && !anchored.has(p.index)).map((p) => p.index);
    for (const a of anchors) anchored.add(a);
    segments.push({ start, end, statements: [...new Set(covering.map((p) => p.index))], anchors });
  }
  // An empty part (a statement at a paragraph's very end) still gets its anchor, on an empty run.
  for (const part of parts) {
    if (part.first && !anchored.has(part.index)) {
      const at = Math.min(part.start, length);
      const k = segments.findIndex((s) => s.start >= at);
      const seg: ParagraphSegment = { start: at, end: at, statements: [part.index], anchors: [part.index] };
      if (k === -1) segments.push(seg);
      else segments.splice(k, 0, seg);
      anchored.add(part.index);
    }
  }
  return segments;
}
