import type { Analyzer } from "@/lib/text/analyzer";
import { caseKey } from "@/lib/text/lemma";
import { foldMiddleDots, normalizeWord } from "@/lib/text/normalize";
import { tokenize } from "@/lib/text/tokenize";
import type { HighlightTerms } from "@/lib/text/highlight";
import { expandAliases, expandDerived, expandExcluded } from "./aliases";
import { relaxGivenNames } from "./person-names";

export type Clause =
  | {
      kind: "term";
      /** the word as typed */ raw: string;
      /** analyzed query key */ key: string;
      /** added by alias expansion, not typed: left out when the query is written back */
      expansion?: boolean;
      /**
       * An expansion that is the typed word's name in the other script (London → Лондон,
       * config/exonyms.ts; Phoenix → Феникс): the same word, so ranking does not count it as
       * one more of the query's words (lib/search/coverage.ts).
       */
      twin?: boolean;
      /** typed with a trailing `*`: every indexed term (or word form) starting with `key` matches */
      prefix?: boolean;
      /** for a prefix: the indexed terms and word forms it stands for, when the engine needs them listed (Meilisearch) */
      forms?: string[];
    }
  | {
      kind: "phrase";
      raw: string;
      /** normalised word forms, no morphology */
      words: string[];
      /**
       * Analyzed keys of the content words, set for phrases of two or more words, typed («Астана
       * клуб», "…", „…“) or from alias expansion (ИМЭП → Институт мировой экономики и политики), so
       * an engine matches them in any case form (Астана клуба, Института …), the words adjacent
       * in the analyzed text; an engine that ignores it matches `words` exactly. A quoted single
       * word has none: it is how a reader asks for that exact form.
       */
      keys?: string[];
      /**
       * With `keys`, for an engine that checks word order on surface forms: each word's stem (what
       * its form and its lemma share, `*`-suffixed: астан*) or, for stop words and short or
       * irregular words, its form as written.
       */
      stems?: string[];
      expansion?: boolean;
      /** As for a term: the typed name in the other script (New York → Нью-Йорк). */
      twin?: boolean;
    };

/**
 * A parsed query: every group must match (AND), any clause within a group may (OR),
 * and no excluded clause may.
 */
export interface ParsedQuery {
  groups: Clause[][];
  excluded: Clause[];
}

/** Lowercase «или» too: a reader types «война или мир»; it is a stop word, so it never was a search word. */
const OR_WORDS = new Set(["ИЛИ", "или", "OR", "|"]);

/**
 * Query syntax: words are ANDed; "точная фраза" matches those exact word forms in order;
 * -слово excludes; ИЛИ / OR between two items makes them alternatives. Anything that
 * does not parse as syntax is read as words, so no input is an error.
 */
export function parseQuery(input: string, analyzer: Analyzer): ParsedQuery {
  const groups: Clause[][] = [];
  const excluded: Clause[] = [];
  let joinNext = false;
  // Phrases in "…", «…», „…“ and “…”; an unclosed quote runs to the end.
  const PIECE = /(-?)(?:"([^"]*)"?|«([^»]*)»?|„([^“”]*)[“”]?|“([^”]*)”?)|(\S+)/g;
  for (const m of foldMiddleDots(input).matchAll(PIECE)) {
    const negated = m[1] === "-";
    const quoted = m[2] ?? m[3] ?? m[4] ?? m[5];
    const bare = m[6];
    if (bare !== undefined && OR_WORDS.has(bare)) {
      joinNext = groups.length > 0;
      continue;
    }
    let clauses: Clause[];
    let isNegated = negated;
    if (quoted !== undefined) {
      const words = tokenize(quoted).map((t) => normalizeWord(t.surface));
      const analyzed = analyzer.analyze(quoted);
      const keys = analyzed.filter((t) => !t.stop).map((t) => t.key);
      clauses =
        words.length === 0
          ? []
          : words.length === 1 && !isNegated
            ? termClauses(quoted, analyzer, true)
            : [{ kind: "phrase", raw: quoted, words, ...(words.length > 1 && keys.length > 1 ? { keys, stems: phraseStems(analyzed) } : {}) }];
    } else {
      let word = bare!;
      if (word.length > 1 && word.startsWith("-")) {
        isNegated = true;
        word = word.slice(1);
      }
      clauses = prefixClause(word, analyzer) ?? termClauses(word, analyzer, false);
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
  return { groups: dedupeGroups(relaxGivenNames(expandDerived(expandAliases(groups, analyzer), analyzer))), excluded: expandExcluded(excluded, analyzer) };
}

/**
 * `санкци*`: a prefix of at least two letters, matched against indexed terms and word forms as
 * written (no morphology: a prefix is not a word the lemmatizer could read).
 */
function prefixClause(word: string, analyzer: Analyzer): Clause[] | null {
  const m = /^([\p{L}\p{N}][\p{L}\p{N}-]*)\*+$/u.exec(word);
  if (!m) return null;
  const key = normalizeWord(m[1]!);
  if ([...key].length < 2) return termClauses(m[1]!, analyzer, false);
  return [{ kind: "term", raw: word, key, prefix: true }];
}

/**
 * Stems of a phrase's words: what the typed form shares with its key less the key's case ending
 * (емкие, емкий → емк), so every case form of the word starts with it; the form as typed when that is
 * under 3 letters (an irregular word).
 */
function phraseStems(tokens: ReturnType<Analyzer["analyze"]>): string[] {
  return tokens.map((t) => {
    if (t.stop) return t.norm;
    const base = caseKey(t.key);
    let n = 0;
    while (n < t.norm.length && n < base.length && t.norm[n] === base[n]) n++;
    return n >= 3 ? `${t.norm.slice(0, n)}*` : t.norm;
  });
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
  return c.kind === "term" ? `t:${c.key}${c.prefix ? "*" : ""}` : `p:${c.words.join(" ")}${c.keys ? `|${c.keys.join(" ")}` : ""}`;
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
  const keyPhrases: string[][] = [];
  const prefixes: string[] = [];
  for (const g of p.groups)
    for (const c of g) {
      if (c.kind === "term" && c.prefix) prefixes.push(c.key);
      else if (c.kind === "term") keys.add(c.key);
      else if (c.keys && c.keys.length > 1) keyPhrases.push(c.keys);
      else phrases.push(c.words);
    }
  return { keys, phrases, keyPhrases, prefixes };
}

/** The query written back as text, e.g. after typo correction. */
export function formatQuery(p: ParsedQuery): string {
  const show = (c: Clause) => (c.kind === "term" ? c.raw : `"${c.raw}"`);
  const typed = (c: Clause) => !c.expansion;
  const parts = p.groups.map((g) => g.filter(typed).map(show).join(" ИЛИ ")).filter(Boolean);
  for (const c of p.excluded.filter(typed)) parts.push(`-${show(c)}`);
  return parts.join(" ");
}
