/**
 * Boolean matching and BM25 scoring of word-only queries from per-term postings.
 *
 * FTS5's bm25() is a sum over the query's phrases, each phrase scored on its own (its idf, its
 * weighted frequency in the row, the row's length), so a row's score for "a AND (b OR c)" is
 * s_a + s_b + s_c over the terms the row contains. One posting per term — every row with its
 * single-term bm25 — therefore answers any AND/OR/NOT combination of those terms exactly, and a
 * common term's posting, the expensive part (~2 µs a row), is read from FTS5 once and reused by
 * every later query that contains it.
 */

export interface Posting {
  /** Ascending rowids. */
  rowids: Int32Array;
  /** bm25 of the term in each row (negative: lower is better, as FTS5 returns it). */
  scores: Float64Array;
}

/** Rows in either posting; a row in both gets both scores. */
export function union(a: Posting, b: Posting): Posting {
  const rowids = new Int32Array(a.rowids.length + b.rowids.length);
  const scores = new Float64Array(rowids.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.rowids.length || j < b.rowids.length) {
    const ra = i < a.rowids.length ? a.rowids[i]! : Infinity;
    const rb = j < b.rowids.length ? b.rowids[j]! : Infinity;
    if (ra === rb) {
      rowids[n] = ra;
      scores[n++] = a.scores[i++]! + b.scores[j++]!;
    } else if (ra < rb) {
      rowids[n] = ra;
      scores[n++] = a.scores[i++]!;
    } else {
      rowids[n] = rb;
      scores[n++] = b.scores[j++]!;
    }
  }
  return { rowids: rowids.subarray(0, n), scores: scores.subarray(0, n) };
}

/** Rows in both postings, scores added. Walks the shorter one and gallops through the longer. */
export function intersect(a: Posting, b: Posting): Posting {
  const [small, large] = a.rowids.length <= b.rowids.length ? [a, b] : [b, a];
  const rowids = new Int32Array(small.rowids.length);
  const scores = new Float64Array(small.rowids.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < small.rowids.length; i++) {
    const r = small.rowids[i]!;
    lo = seek(large.rowids, r, lo);
    if (lo < large.rowids.length && large.rowids[lo] === r) {
      rowids[n] = r;
      scores[n++] = small.scores[i]! + large.scores[lo]!;
    }
  }
  return { rowids: rowids.subarray(0, n), scores: scores.subarray(0, n) };
}

/** Rows of `a` that are not in `b`, with a's scores. */
export function subtract(a: Posting, b: Posting): Posting {
  const rowids = new Int32Array(a.rowids.length);
  const scores = new Float64Array(a.rowids.length);
  let n = 0;
  let lo = 0;
  for (let i = 0; i < a.rowids.length; i++) {
    const r = a.rowids[i]!;
    lo = seek(b.rowids, r, lo);
    if (lo < b.rowids.length && b.rowids[lo] === r) continue;
    rowids[n] = r;
    scores[n++] = a.scores[i]!;
  }
  return { rowids: rowids.subarray(0, n), scores: scores.subarray(0, n) };
}

/** True when the posting holds the row. */
export function contains(p: Posting, rowid: number): boolean {
  const i = seek(p.rowids, rowid, 0);
  return i < p.rowids.length && p.rowids[i] === rowid;
}

/** First index ≥ from whose rowid is ≥ target: exponential then binary search. */
function seek(rowids: Int32Array, target: number, from: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < rowids.length && rowids[hi]! < target) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, rowids.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rowids[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * AND of OR-groups ("all") or OR of everything ("any"), minus excluded rows. Each row's score is
 * the sum of its words' scores added in the query's order, as FTS5's bm25 adds its phrases (a phrase
 * absent from the row adds +0): floating-point addition is not associative, so summing in another
 * order (e.g. shortest posting first) could move a score by an ulp and swap two tied rows.
 */
export function combine(groups: Posting[][], excluded: Posting[], mode: "all" | "any"): Posting {
  const groupPostings = groups.map((g) => g.reduce(union));
  let out = mode === "all" ? [...groupPostings].sort((a, b) => a.rowids.length - b.rowids.length).reduce(intersect) : groupPostings.reduce(union);
  for (const e of excluded) out = subtract(out, e);
  return { rowids: out.rowids, scores: scoresInOrder(out.rowids, groups.flat()) };
}

/** Each row's scores in `terms`, added in that order (rows ascending). */
function scoresInOrder(rowids: Int32Array, terms: Posting[]): Float64Array {
  const scores = new Float64Array(rowids.length);
  for (const t of terms) {
    let lo = 0;
    for (let i = 0; i < rowids.length; i++) {
      lo = seek(t.rowids, rowids[i]!, lo);
      if (lo < t.rowids.length && t.rowids[lo] === rowids[i]) scores[i]! += t.scores[lo]!;
    }
  }
  return scores;
}
