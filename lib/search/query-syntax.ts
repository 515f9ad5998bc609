import type { Analyzer } from "@/lib/text/analyzer";
import { normalizeWord } from "@/lib/text/normalize";
import { tokenize } from "@/lib/text/tokenize";
import type { HighlightTerms } from "@/lib/text/highlight";

export type Clause =
  | { kind: "term"; /** the word as typed */ raw: string; /** analyzed query key */ key: string }
  | { kind: "phrase"; raw: string; /** normalised word forms, no morphology */ words: string[] };

/**
 * A parsed query: every group must match (AND), any clause within a group may (OR),
 * and no excluded clause may.
 */
export interface ParsedQuery {
  groups: Clause[][];
  excluded: Clause[];
}

const OR_WORDS = new Set(["ИЛИ", "OR", "|"]);

/**
 * Query syntax: words are ANDed; "точная фраза" matches those exact word forms in order;
 * -слово excludes; ИЛИ / OR between two items makes them alternatives. Anything that
 * does not parse as syntax is read as words, so no input is an error.
 */
export function parseQuery(input: string, analyzer: Analyzer): ParsedQuery {
  const groups: Clause[][] = [];
  const excluded: Clause[] = [];
  let joinNext = false;
  const PIECE = /(-?)"([^"]*)"?|(\S+)/g;
  for (const m of input.matchAll(PIECE)) {
    const negated = m[1] === "-";
    const quoted = m[2];
    const bare = m[3];
    if (bare !== undefined && OR_WORDS.has(bare)) {
      joinNext = groups.length > 0;
      continue;
    }
    let clauses: Clause[];
    let isNegated = negated;
    if (quoted !== undefined) {
      const words = tokenize(quoted).map((t) => normalizeWord(t.surface));
      clauses = words.length === 0 ? [] : words.length === 1 && !isNegated ? termClauses(quoted, analyzer, true) : [{ kind: "phrase", raw: quoted, words }];
    } else {
      let word = bare!;
      if (word.length > 1 && word.startsWith("-")) {
        isNegated = true;
        word = word.slice(1);
      }
      clauses = termClauses(word, analyzer, false);
    }
    if (clauses.length === 0) {
      joinNext = false;
      continue;
    }
    if (isNegated) {
      excluded.push(...clauses);
      joinNext = false;
      continue;
    }
    const [first, ...rest] = clauses;
    if (joinNext) groups[groups.length - 1]!.push(first!);
    else groups.push([first!]);
    for (const c of rest) groups.push([c]);
    joinNext = false;
  }
  return { groups: dedupeGroups(groups), excluded };
}

function termClauses(text: string, analyzer: Analyzer, exact: boolean): Clause[] {
  const out: Clause[] = [];
  for (const tok of analyzer.analyze(text)) {
    if (exact) out.push({ kind: "phrase", raw: tok.surface, words: [tok.norm] });
    else if (!tok.stop) out.push({ kind: "term", raw: tok.surface, key: tok.key });
  }
  return out;
}

function clauseId(c: Clause): string {
  return c.kind === "term" ? `t:${c.key}` : `p:${c.words.join(" ")}`;
}

function dedupeGroups(groups: Clause[][]): Clause[][] {
  const seen = new Set<string>();
  const out: Clause[][] = [];
  for (const g of groups) {
    const unique = g.filter((c, i) => g.findIndex((d) => clauseId(d) === clauseId(c)) === i);
    const id = unique.map(clauseId).sort().join("|");
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(unique);
  }
  return out;
}

export function isEmptyQuery(p: ParsedQuery): boolean {
  return p.groups.length === 0;
}

/** What results are highlighted for: every positive clause, never the excluded ones. */
export function highlightTermsOf(p: ParsedQuery): HighlightTerms {
  const keys = new Set<string>();
  const phrases: string[][] = [];
  for (const g of p.groups)
    for (const c of g) {
      if (c.kind === "term") keys.add(c.key);
      else phrases.push(c.words);
    }
  return { keys, phrases };
}

/** The query written back as text, e.g. after typo correction. */
export function formatQuery(p: ParsedQuery): string {
  const show = (c: Clause) => (c.kind === "term" ? c.raw : `"${c.raw}"`);
  const parts = p.groups.map((g) => g.map(show).join(" ИЛИ "));
  for (const c of p.excluded) parts.push(`-${show(c)}`);
  return parts.join(" ");
}
