import { ALIASES, type AliasEntry } from "@/config/aliases";
import type { Analyzer } from "@/lib/text/analyzer";
import { normalizeWord } from "@/lib/text/normalize";
import { tokenize } from "@/lib/text/tokenize";
import type { HighlightTerms } from "@/lib/text/highlight";

export type Clause =
  | {
      kind: "term";
      /** the word as typed */ raw: string;
      /** analyzed query key */ key: string;
      /** added by alias expansion, not typed: left out when the query is written back */
      expansion?: boolean;
    }
  | {
      kind: "phrase";
      raw: string;
      /** normalised word forms, no morphology */
      words: string[];
      /**
       * Analyzed keys of the content words, set only for alias expansions (ИМЭП → Институт мировой
       * экономики и политики) so an engine can match the name in any case form (Института …);
       * an engine that ignores it matches `words` exactly.
       */
      keys?: string[];
      expansion?: boolean;
    };

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
  return { groups: dedupeGroups(expandAliases(groups, analyzer)), excluded: expandExcluded(excluded, analyzer) };
}

interface CompiledAlias {
  short: string;
  shortKey: string;
  full: { raw: string; words: string[]; keys: string[] }[];
}

const compiled = new Map<string, CompiledAlias[]>();

function aliasesFor(analyzer: Analyzer, entries: readonly AliasEntry[] = ALIASES): CompiledAlias[] {
  let list = compiled.get(analyzer.version);
  if (list) return list;
  list = entries.map((e) => ({
    short: e.short,
    shortKey: normalizeWord(e.short),
    full: e.full.map((raw) => ({
      raw,
      words: tokenize(raw).map((t) => normalizeWord(t.surface)),
      keys: analyzer.analyze(raw).filter((t) => !t.stop).map((t) => t.key),
    })),
  }));
  compiled.set(analyzer.version, list);
  return list;
}

function shortClause(a: CompiledAlias, analyzer: Analyzer): Clause {
  return { kind: "term", raw: a.short, key: analyzer.queryKey(a.short) ?? a.shortKey, expansion: true };
}

function aliasOfTerm(c: Clause, analyzer: Analyzer): CompiledAlias | undefined {
  if (c.kind !== "term") return undefined;
  const n = normalizeWord(c.raw);
  return aliasesFor(analyzer).find((a) => a.shortKey === n);
}

/**
 * Abbreviation ↔ spelled-out name, both ways: an abbreviation becomes "abbreviation OR the name as a
 * phrase"; a run of words (or a quoted phrase) that spells a name out also accepts the abbreviation.
 */
function expandAliases(groups: Clause[][], analyzer: Analyzer): Clause[][] {
  const aliases = aliasesFor(analyzer);
  const out: Clause[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    // A spelled-out name typed as separate words: consecutive single-term groups whose keys are the name's.
    let matched: { alias: CompiledAlias; full: CompiledAlias["full"][number]; len: number } | undefined;
    for (const alias of aliases)
      for (const full of alias.full) {
        const len = full.keys.length;
        if (len < 2 || i + len > groups.length || (matched && matched.len >= len)) continue;
        const run = groups.slice(i, i + len);
        if (run.every((rg, j) => rg.length === 1 && rg[0]!.kind === "term" && rg[0]!.key === full.keys[j])) matched = { alias, full, len };
      }
    if (matched) {
      const raw = groups
        .slice(i, i + matched.len)
        .map((rg) => rg[0]!.raw)
        .join(" ");
      out.push([{ kind: "phrase", raw, words: matched.full.words, keys: matched.full.keys }, shortClause(matched.alias, analyzer)]);
      i += matched.len - 1;
      continue;
    }
    const expanded: Clause[] = [];
    for (const c of g) {
      expanded.push(c);
      const alias = aliasOfTerm(c, analyzer);
      if (alias) for (const f of alias.full) expanded.push({ kind: "phrase", raw: f.raw, words: f.words, keys: f.keys, expansion: true });
      if (c.kind === "phrase") {
        const n = c.words.join(" ");
        for (const a of aliases) if (a.full.some((f) => f.words.join(" ") === n)) expanded.push(shortClause(a, analyzer));
      }
    }
    out.push(expanded);
  }
  return out;
}

function expandExcluded(excluded: Clause[], analyzer: Analyzer): Clause[] {
  const out: Clause[] = [];
  for (const c of excluded) {
    out.push(c);
    const alias = aliasOfTerm(c, analyzer);
    if (alias) for (const f of alias.full) out.push({ kind: "phrase", raw: f.raw, words: f.words, keys: f.keys, expansion: true });
  }
  return out;
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
  return c.kind === "term" ? `t:${c.key}` : `p:${c.words.join(" ")}${c.keys ? `|${c.keys.join(" ")}` : ""}`;
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
  const typed = (c: Clause) => !c.expansion;
  const parts = p.groups.map((g) => g.filter(typed).map(show).join(" ИЛИ ")).filter(Boolean);
  for (const c of p.excluded.filter(typed)) parts.push(`-${show(c)}`);
  return parts.join(" ");
}
