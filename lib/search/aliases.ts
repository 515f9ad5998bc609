import { ALIASES, ONE_WORD_ALIASES, type AliasEntry } from "@/config/aliases";
import { EXONYMS } from "@/config/exonyms";
import type { Analyzer } from "@/lib/text/analyzer";
import { normalizeWord } from "@/lib/text/normalize";
import { isAbbreviation, tokenize } from "@/lib/text/tokenize";
import { hasCyrillic } from "@/lib/text/translit";
import type { Clause } from "./query-syntax";

/**
 * Alias expansion at query time (config/aliases.ts): every name of an entry finds every other.
 *
 * - An abbreviation (ИМЭП, ЕС, CNN) is matched as typed, any case, and searched as a word.
 * - A one-word name (Евросоюз, Россия, Рейтер) is matched by its analyzed key, so any case form.
 * - A name of several words (Институт мировой экономики и политики, российский МИД) is matched by
 *   its keys, typed as words or as a phrase, and searched as a phrase over keys (any case form).
 *
 * Also: a hyphenated word (Россия-24, Алма-Ата) also finds its parts written apart (Россия 24).
 */
interface Name {
  raw: string;
  norm: string;
  words: string[];
  keys: string[];
  abbreviation: boolean;
}

type Entry = Name[];

/** Compiled tables by analyzer version, for the shipped tables (config/aliases.ts); others (tests) are compiled each time. */
const compiled = new Map<readonly AliasEntry[], Map<string, Entry[]>>([
  [ALIASES, new Map()],
  [ONE_WORD_ALIASES, new Map()],
]);

export function compileAliases(analyzer: Analyzer, entries: readonly AliasEntry[] = ALIASES): Entry[] {
  const cache = compiled.get(entries);
  const hit = cache?.get(analyzer.version);
  if (hit) return hit;
  const list = entries.map((e) =>
    [e.short, ...e.full].map((raw): Name => {
      const toks = tokenize(raw);
      const words = toks.map((t) => normalizeWord(t.surface));
      const abbreviation = toks.length === 1 && isAbbreviation(toks[0]!.surface);
      // The table writes names in the nominative, so a word that is a lemma as written keys by
      // itself, not by the likelier reading of the form (главком: not «главк» in the instrumental).
      // A Latin word has no forms to read: its key is its stem, as typed queries get (Paris: pari).
      const keys = abbreviation
        ? [analyzer.queryKey(raw) ?? words[0]!]
        : analyzer
            .analyze(raw)
            .filter((t) => !t.stop)
            .map((t) => (toks.length === 1 && t.terms.includes(t.norm) && hasCyrillic(t.norm) ? t.norm : t.key));
      return { raw, norm: words.join(" "), words, keys, abbreviation };
    }),
  );
  cache?.set(analyzer.version, list);
  return list;
}

/** `typed`: the name the reader typed; another name in the other script is its twin (London → Лондон). */
function clauseOf(n: Name, typed: Name): Clause {
  const twin = hasCyrillic(n.raw) !== hasCyrillic(typed.raw) ? { twin: true } : {};
  if (n.keys.length === 1 || n.abbreviation) return { kind: "term", raw: n.raw, key: n.keys[0] ?? n.norm, expansion: true, ...twin };
  return { kind: "phrase", raw: n.raw, words: n.words, keys: n.keys, expansion: true, ...twin };
}

type TermClause = Extract<Clause, { kind: "term" }>;

function singleTerm(g: Clause[]): TermClause | undefined {
  const c = g.length === 1 ? g[0] : undefined;
  return c && c.kind === "term" && !c.prefix && !c.expansion ? c : undefined;
}

/** Does one typed term stand for this one-word name? */
function termIsName(c: TermClause, n: Name): boolean {
  if (n.abbreviation) return normalizeWord(c.raw) === n.norm;
  return n.keys.length === 1 && n.words.length === 1 && c.key === n.keys[0];
}

function phraseIsName(c: Extract<Clause, { kind: "phrase" }>, n: Name): boolean {
  if (c.words.join(" ") === n.norm) return true;
  return n.keys.length > 1 && c.keys !== undefined && c.keys.join(" ") === n.keys.join(" ");
}

/** The other names of every entry that has `matches`, as clauses. */
function othersOf(entries: Entry[], matches: (n: Name) => boolean): Clause[] {
  const out: Clause[] = [];
  for (const e of entries) {
    const hit = e.find(matches);
    if (hit) for (const n of e) if (n !== hit) out.push(clauseOf(n, hit));
  }
  return out;
}

/** A hyphenated typed word's parts as a phrase over keys (Россия-24 → «Россия 24»). */
function hyphenParts(c: TermClause, analyzer: Analyzer): Clause | undefined {
  if (!c.raw.includes("-") || c.expansion) return undefined;
  const parts = c.raw.split("-").filter(Boolean);
  if (parts.length < 2) return undefined;
  const text = parts.join(" ");
  const keys = analyzer.analyze(text).filter((t) => !t.stop).map((t) => t.key);
  if (keys.length < 2) return undefined;
  return { kind: "phrase", raw: text, words: tokenize(text).map((t) => normalizeWord(t.surface)), keys, expansion: true };
}

/** `entries` for a query of several words; `oneWord` for a query of one (it adds the state adjectives, config/aliases.ts). */
export function expandAliases(groups: Clause[][], analyzer: Analyzer, entries: readonly AliasEntry[] = ALIASES, oneWord: readonly AliasEntry[] = entries === ALIASES ? ONE_WORD_ALIASES : entries): Clause[][] {
  const aliases = compileAliases(analyzer, groups.length === 1 && groups[0]!.length === 1 ? oneWord : entries);
  const out: Clause[][] = [];
  for (let i = 0; i < groups.length; i++) {
    // A name of several words typed as separate words: the longest run of single-term groups whose keys are a name's.
    let best: { name: Name; len: number } | undefined;
    for (const e of aliases)
      for (const n of e) {
        const len = n.keys.length;
        if (n.abbreviation || len < 2 || i + len > groups.length || (best && best.len >= len)) continue;
        if (groups.slice(i, i + len).every((rg, j) => singleTerm(rg)?.key === n.keys[j])) best = { name: n, len };
      }
    if (best) {
      const len = best.len;
      const typed = groups.slice(i, i + len).map((rg) => rg[0]!.raw).join(" ");
      const keys = best.name.keys.join(" ");
      const others = othersOf(aliases, (n) => n.keys.length > 1 && n.keys.join(" ") === keys);
      out.push([{ kind: "phrase", raw: typed, words: best.name.words, keys: best.name.keys }, ...others]);
      i += len - 1;
      continue;
    }
    const expanded: Clause[] = [];
    for (const c of groups[i]!) {
      expanded.push(c);
      if (c.kind === "term" && !c.prefix && !c.expansion) {
        expanded.push(...othersOf(aliases, (n) => termIsName(c, n)));
        const parts = hyphenParts(c, analyzer);
        if (parts) expanded.push(parts);
      } else if (c.kind === "phrase" && !c.expansion && c.words.length > 1) {
        // One quoted word is the exact form asked for («"Кавказ"»): not its other names.
        expanded.push(...othersOf(aliases, (n) => phraseIsName(c, n)));
      }
    }
    out.push(expanded);
  }
  return out;
}

/** Excluded words and phrases take their other names with them. */
export function expandExcluded(excluded: Clause[], analyzer: Analyzer, entries: readonly AliasEntry[] = ALIASES): Clause[] {
  const aliases = compileAliases(analyzer, entries);
  const out: Clause[] = [];
  for (const c of excluded) {
    out.push(c);
    if (c.kind === "term" && !c.prefix) out.push(...othersOf(aliases, (n) => termIsName(c, n)));
    else if (c.kind === "phrase") out.push(...othersOf(aliases, (n) => phraseIsName(c, n)));
  }
  return out;
}

/**
 * Query words also search for the words related to them by word formation (lib/text/derive.ts):
 * alone, both kinds (Кавказ ↔ кавказские, Одесса ↔ одесский, журналист ↔ журналистка); in a longer
 * query only a person's noun and its other gender («народная артистка»: «народный артист»), since
 * there an adjective is mostly part of a name (with places too, the NEREL multi-word slice lost
 * 0.005 nDCG@10; with persons only it gains 0.002 and R@100 0.007).
 */
export function expandDerived(groups: Clause[][], analyzer: Analyzer): Clause[][] {
  const personsOnly = groups.length > 1;
  return groups.map((g) => {
    const c = singleTerm(g.filter((x) => !x.expansion));
    if (!c) return g;
    const have = new Set(g.map((x) => (x.kind === "term" ? x.key : "")));
    const extra: Clause[] = analyzer
      .relatedKeys(c.key, personsOnly)
      .filter((key) => !have.has(key))
      .map((key) => ({ kind: "term", raw: key, key, expansion: true }));
    return extra.length === 0 ? g : [...g, ...extra];
  });
}

/** One-word names of config/exonyms.ts by analyzer version: a name's key → the line's one-word names in the other script. */
const twinsByVersion = new Map<string, Map<string, string[]>>();

/**
 * The names config/exonyms.ts gives a word in the other script, one word each (Paris → Париж,
 * Фейсбука → Facebook, UN → ООН), best first: what a word the archive lacks is corrected to.
 * Several-word names (New York, «Северный поток») are left to alias expansion, which finds them anyway.
 */
export function exonymTwins(word: string, analyzer: Analyzer): readonly string[] {
  let twins = twinsByVersion.get(analyzer.version);
  if (!twins) {
    twins = new Map();
    for (const entry of compileAliases(analyzer, EXONYMS.map((line) => ({ short: line[0]!, full: line.slice(1) })))) {
      const single = entry.filter((n) => n.words.length === 1);
      for (const n of single) {
        const key = n.abbreviation ? n.norm : n.keys[0];
        if (!key) continue;
        const others = single.filter((o) => hasCyrillic(o.raw) !== hasCyrillic(n.raw)).map((o) => o.raw);
        if (others.length > 0) twins.set(key, [...(twins.get(key) ?? []), ...others]);
      }
    }
    twinsByVersion.set(analyzer.version, twins);
  }
  const key = isAbbreviation(word) ? normalizeWord(word) : analyzer.queryKey(word);
  return (key && twins.get(key)) || [];
}
