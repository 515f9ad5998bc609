import type { Clause, ParsedQuery } from "./query-syntax";

/**
 * Word proximity for the embedded engine. FTS5's bm25 has none, so a document naming «Западная
 * Европа» ranked with one that says «западный» in one paragraph and «Европа» in another. Two uses:
 *
 * - phrases («Астана клуб», alias names) match as their analyzed keys within a small window
 *   (NEAR over the lemma columns), which is what makes a phrase match in any case form;
 * - a re-ranking boost of the best RERANK_WINDOW rows for every pair of neighbouring query words
 *   that also stand together in the document (sqlite.ts, beside the coverage boost).
 *
 * Meilisearch gets the same from its own "proximity" rule over the analysed fields.
 */

/**
 * How many analyzed terms may stand between a phrase's keys: a token can carry more than one lemma
 * (Астане → астана, астан), and stop words are not in the lemma columns at all, so an exact phrase
 * over lemmas would miss; one extra term a gap, plus the words inside the phrase. Alias names keep
 * their looser window (twice their length), as before.
 */
export function phraseWindow(keys: number, expansion: boolean): number {
  if (expansion) return 2 * keys;
  return Math.max(1, 2 * (keys - 1));
}

function quote(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A typed phrase of several words: its keys near each other in the lemma columns (any case form)
 * AND its words' stems in order and adjacent in the exact columns (FTS5's NEAR has no order, and a
 * lemma column has more than one term for an ambiguous word, so neither alone is the phrase).
 */
export function phraseToFts(keys: readonly string[], stems: readonly string[] | undefined, expansion: boolean): string {
  const near = `{title body} : NEAR(${keys.map(quote).join(" ")}, ${phraseWindow(keys.length, expansion)})`;
  if (!stems || stems.length < 2 || expansion) return near;
  const ordered = stems.map((s) => (s.endsWith("*") ? `${quote(s.slice(0, -1))}*` : quote(s))).join(" + ");
  return `(${near} AND {title_exact body_exact} : ${ordered})`;
}

/** `санкци*`: any analyzed term or word form starting with the prefix, in title or body. */
export function prefixToFts(prefix: string): string {
  return `({title body} : ${quote(prefix)}* OR {title_exact body_exact} : ${quote(prefix)}*)`;
}

/**
 * The embedded engine's ranking knobs, tuned on the evals (NEREL entities and their multi-word
 * slice, XQuAD-ru questions); `npm run eval:search -- --title-weight W --proximity P` tries others.
 * - titleWeight: a title match against a body match in bm25 (was a fixed 10; 3, 5 and 10 score
 *   the same on XQuAD-ru, which has no titles, and 5 best on NEREL, MAP@100 0.754 against 0.753).
 * - proximityBoost: up to this share added to a row's score when every neighbouring pair of query
 *   words stands together in it (NEREL nDCG@10 0.820 at 0.3, 0.822 at 0.6, 0.823 at 1.2);
 *   proximityBoostAny the same for OR and relaxed queries (XQuAD-ru MRR@10, default analyzer: 0.956
 *   at 0, 0.957 at 0.15 and 0.3, 0.954 at 1.2; the `none` analyzer loses 0.001 at 0.3, none at 0.15).
 * - coverageBoost: up to this share added for a row with every clause of an OR / relaxed query
 *   (lib/search/coverage.ts; XQuAD-ru: 0.25 and 1.0 both worse than 0.5).
 * - typedBoost: up to this share added for a row that has the words as typed, not only what they
 *   expand to (NEREL nDCG@10 0.837 at 0, 0.844 at 1, 0.846 at 2 and 4; XQuAD-ru unchanged).
 * - exactBoost: up to this share added for a row with the query's words in the very form typed
 *   (lib/search/coverage.ts typedForms; with typedBoost 2, NEREL nDCG@10 0.846 at 0, 0.857 at 0.5,
 *   0.860 at 1; XQuAD-ru unchanged, its ORed questions being left out). 0.5, the milder one.
 */
export const RANKING = { titleWeight: 5, proximityBoost: 0.6, proximityBoostAny: 0.15, coverageBoost: 0.5, typedBoost: 2, exactBoost: 0.5 };
/**
 * Analyzed terms allowed between two neighbouring query words for the pair to count as together
 * (XQuAD-ru MRR@10 0.958 at 1, 3 and 6 for OR queries).
 */
export const PAIR_WINDOW = 1;
/** Questions are long; pairs past this many are not checked (each is one query over the window). */
const MAX_PAIRS = 8;

/**
 * FTS5 expressions, one per pair of neighbouring typed words (in query order, expansions and
 * prefixes left out): NEAR over their keys in the lemma columns. Empty when the query has fewer
 * than two such words.
 */
export function proximityPairs(parsed: ParsedQuery): string[] {
  const words: string[] = [];
  for (const g of parsed.groups)
    for (const c of g as Clause[]) {
      if (c.kind === "term" && !c.expansion && !c.prefix) words.push(c.key);
      else if (c.kind === "phrase" && !c.expansion && c.keys) words.push(...c.keys);
    }
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length && out.length < MAX_PAIRS; i++) {
    if (words[i] === words[i + 1]) continue;
    const e = `{title body} : NEAR(${quote(words[i]!)} ${quote(words[i + 1]!)}, ${PAIR_WINDOW})`;
    if (!out.includes(e)) out.push(e);
  }
  return out;
}
