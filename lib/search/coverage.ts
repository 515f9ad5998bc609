import { namePart } from "@/lib/text/names";
import { normalizeWord } from "@/lib/text/normalize";
import type { Clause, ParsedQuery } from "./query-syntax";

/**
 * Soft re-ranking signals of the embedded engine (sqlite.ts) from which of a query's clauses a row
 * matches; `matched(i)` says whether the row has clause i, clauses numbered group by group.
 */

/**
 * Share of the query's clauses the row has, expansions included: for ORs and relaxed queries, a
 * row with more of the query ranks higher, as Meilisearch's "words" rule does (XQuAD-ru: counting
 * groups instead of clauses, so an expanded word counts once, measured MRR@10 0.955 against 0.958).
 */
export function clauseCoverage(groups: readonly (readonly Clause[])[], matched: (clauseIndex: number) => boolean): number {
  let i = 0;
  let n = 0;
  let hit = 0;
  for (const g of groups)
    for (const c of g) {
      // A name in the other script (Тесла / Tesla) is the same word: a row with both is not one
      // with more of the query (XQuAD-ru: counted, «Тесла» questions lost their paragraph's rank 1).
      if (c.twin) {
        i++;
        continue;
      }
      n++;
      if (matched(i++)) hit++;
    }
  return n === 0 ? 0 : hit / n;
}

/**
 * Whether some group has alternatives, so a row may match only part of the query: ORed words,
 * aliases, derivations. A name's twin in the other script is not one (Европа / Europe): with it,
 * «Западная Европа» lost the stronger proximity boost of an all-words query.
 */
export function hasAlternatives(groups: readonly (readonly Clause[])[]): boolean {
  return groups.some((g) => g.filter((c) => !c.twin).length > 1);
}

/**
 * Share of the query's groups that have expansions (aliases, derivations, the other script) and
 * that the row matches by the word as typed: the word the reader typed ranks above what it was
 * expanded to, as Meilisearch's "exactness" rule ranks exact words above derived ones. Without it a
 * row naming Великобритания five times ranked above one that says «на английском» for the query
 * «английском», and «французском» found pages about France before those in French.
 */
export function typedShare(groups: readonly (readonly Clause[])[], matched: (clauseIndex: number) => boolean): number {
  let n = 0;
  let typed = 0;
  for (const g of groups) {
    const expanded = g.some((c) => c.expansion);
    let hit = false;
    for (const c of g) if (matched(n++) && !c.expansion) hit = true;
    if (expanded && hit) typed++;
  }
  return groups.length === 0 ? 0 : typed / groups.length;
}

/**
 * Each group's word as typed, normalised (the form the exact columns hold), for the exactness
 * boost: a row with the very form typed ranks above one with other forms of the word, as
 * Meilisearch's "exactness" rule does. On short queries the form carries sense the lemma loses:
 * «на французском» is the language, «французский» mostly France; «американцам» the people.
 * Left out, because there the form says nothing:
 * - a group of several typed alternatives, the words of a question ORed (XQuAD-ru: MRR@10 0.957
 *   with them, 0.958 without);
 * - a person's name part (namePart: Путина is Путин in the genitive, not someone else; NEREL
 *   persons R@10 0.941 with them, 0.947 without, against 0.946 with no exactness at all).
 */
export function typedForms(parsed: ParsedQuery): string[] {
  const out: string[] = [];
  for (const g of parsed.groups) {
    const typed = g.filter((c) => c.kind === "term" && !c.expansion && !c.prefix);
    if (typed.length !== 1 || namePart(typed[0]!.raw) !== "other") continue;
    const form = normalizeWord(typed[0]!.raw);
    if (!out.includes(form)) out.push(form);
  }
  return out;
}
