/**
 * Typo rules, as Meilisearch applies them: a word of fewer than 5 letters must match exactly,
 * 5–8 letters may differ by one edit, 9 or more by two. An edit is an insertion, deletion,
 * substitution or swap of neighbouring letters (optimal string alignment distance).
 */
export const ONE_TYPO_FROM = 5;
export const TWO_TYPOS_FROM = 9;

export function maxTypos(word: string): number {
  const n = [...word].length;
  return n >= TWO_TYPOS_FROM ? 2 : n >= ONE_TYPO_FROM ? 1 : 0;
}

/** Edit distance with adjacent swaps, or `max + 1` as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

export interface VocabularyTerm {
  term: string;
  /** documents containing it: breaks ties between equally close terms */
  docs: number;
}

/**
 * The indexed term nearest to a word within its typo budget: fewest edits, then most documents,
 * then alphabetical, so the choice is deterministic. Null when nothing is close enough.
 */
export function nearestTerm(word: string, vocabulary: Iterable<VocabularyTerm>): string | null {
  const budget = maxTypos(word);
  if (budget === 0) return null;
  let best: VocabularyTerm | null = null;
  let bestDistance = budget + 1;
  for (const v of vocabulary) {
    if (v.term === word) continue;
    const d = editDistance(word, v.term, budget);
    if (d > budget) continue;
    if (d < bestDistance || (d === bestDistance && best && (v.docs > best.docs || (v.docs === best.docs && v.term < best.term)))) {
      best = v;
      bestDistance = d;
    }
  }
  return best?.term ?? null;
}
