import type { Analyzer } from "@/lib/text/analyzer";
import { exonymTwins } from "./aliases";
import { latinLayoutToCyrillic, looksLikeWrongLayout } from "@/lib/text/layout";
import { foldMiddleDots } from "@/lib/text/normalize";
import { cyrillicCandidates, hasCyrillic, isLatinWord, toLatin, withCaseOf } from "@/lib/text/translit";
import type { SqliteVocabulary } from "@/lib/search/vocabulary";
import type { Clause, ParsedQuery } from "./query-syntax";
import type { TypoLimits } from "@/lib/search/vocabulary";

/**
 * Queries in the wrong script, corrected against the archive's vocabulary before typo correction,
 * and shown the same way («Показаны результаты для …», with a link to the query as typed):
 *
 * - a whole query typed with the Russian keys on the Latin layout (Rfpf[cnfy → Казахстан), when the
 *   converted query's words are in the archive and the typed ones are not;
 * - a Latin word the archive does not have, replaced by its first Cyrillic reading that it does
 *   (Saltybaev → Салтыбаев, Shoigu → Шойгу, Zelensky → Зеленский: lib/text/translit.ts), and a
 *   Cyrillic word it does not have by its romanisation when that is there (Гугл stays, Газпром-нефть…).
 *
 * Null when nothing was changed.
 */
export function correctScript(asTyped: string, parsed: ParsedQuery, analyzer: Analyzer, vocabulary: Vocabulary, limits: TypoLimits): string | null {
  // The words as parseQuery read them (K·emeron is one word), so each can be found and replaced.
  const input = foldMiddleDots(asTyped);
  const deadline = performance.now() + limits.budgetMs;
  if (looksLikeWrongLayout(input)) {
    // Compared word by word as the analyzer reads the text, whatever syntax the keys made of it
    // («Gfhb;t» is two Latin words, «"cnjybb» a quote): the share of words the archive knows.
    const converted = latinLayoutToCyrillic(input);
    // Punctuation keys split a word on the Latin side (A<H for ФБР): on a tie, fewer words win.
    const read = (text: string) => {
      const words = analyzer.analyze(text).filter((t) => !t.stop);
      return { words: words.length, share: words.length === 0 ? 0 : words.filter((t) => vocabulary.hasKey(t.key)).length / words.length };
    };
    const after = read(converted);
    const before = read(input);
    if (after.share >= 0.5 && (after.share > before.share || (after.share === before.share && after.words < before.words))) return converted;
  }
  const typed = typedTerms(parsed);
  if (typed.length === 0) return null;
  const known = (c: Clause & { kind: "term" }) => vocabulary.hasKey(c.key);
  if (typed.every(known)) return null;

  if (limits.maxWords <= 0) return null;
  let text = input;
  let changed = false;
  let tried = 0;
  for (const c of typed) {
    if (known(c)) continue;
    if (tried++ >= limits.maxWords || performance.now() > deadline) break;
    const replacement = otherScript(c.raw, analyzer, vocabulary, deadline);
    if (!replacement) continue;
    const at = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(c.raw)}(?![\\p{L}\\p{N}])`, "u");
    const next = text.replace(at, (_, before: string) => `${before}${replacement}`);
    if (next !== text) {
      text = next;
      changed = true;
    }
  }
  // Initials beside a name read in Cyrillic go with it (V. Zhirinovsky → В. Жириновский): one
  // letter is known to the archive in either script, so it was never a word to correct.
  if (changed) text = text.replace(/(^|[^\p{L}\p{N}])([A-Za-z])(?=\.)/gu, (m, before: string, letter: string) => `${before}${withCaseOf(cyrillicCandidates(letter)[0] ?? letter, letter)}`);
  return changed ? text : null;
}

/** Candidates checked per word at most: a word has a few dozen readings, each one index lookup. */
const MAX_CANDIDATES = 48;
/**
 * Readings the archive has that are compared by how many documents have them: the cheapest
 * reading is not always the name (Mishel: «Мишел» is some word's stem, «Мишель» the name).
 */
const COMPARED_READINGS = 3;

type Vocabulary = Pick<SqliteVocabulary, "hasKey"> & Partial<Pick<SqliteVocabulary, "keyDocs" | "limits">>;

function otherScript(raw: string, analyzer: Analyzer, vocabulary: Vocabulary, deadline: number): string | null {
  // A name no letter rule reads (Paris → Париж, Фейсбук → Facebook): config/exonyms.ts first.
  for (const twin of exonymTwins(raw, analyzer)) {
    const key = analyzer.queryKey(twin);
    if (key && vocabulary.hasKey(key)) return twin;
  }
  if (isLatinWord(raw)) {
    let best: { shown: string; lemma: boolean; docs: number } | undefined;
    let found = 0;
    for (const candidate of cyrillicCandidates(raw, MAX_CANDIDATES)) {
      if (performance.now() > deadline) break;
      const shown = withCaseOf(candidate, raw);
      const key = analyzer.queryKey(shown);
      if (!key || !vocabulary.hasKey(key)) continue;
      if (!vocabulary.keyDocs) return shown;
      // A reading that is its own key (a name in the nominative, as names are typed) beats one that
      // is a form of another word (Victoria: «Виктория», not «Викторя» of «Виктор»); then the commoner.
      const lemma = key === candidate;
      const docs = vocabulary.keyDocs(key);
      if (!best || (lemma && !best.lemma) || (lemma === best.lemma && docs > best.docs)) best = { shown, lemma, docs };
      if (++found >= COMPARED_READINGS) break;
    }
    return best?.shown ?? null;
  }
  if (hasCyrillic(raw) && !raw.includes("-")) {
    const latin = toLatin(raw);
    const key = analyzer.queryKey(latin);
    if (key && key !== raw.toLowerCase() && vocabulary.hasKey(key)) return latin;
  }
  return null;
}

function typedTerms(parsed: ParsedQuery): (Clause & { kind: "term" })[] {
  const out: (Clause & { kind: "term" })[] = [];
  for (const g of parsed.groups) for (const c of g) if (c.kind === "term" && !c.expansion && !c.prefix) out.push(c);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Latin words per query given a Cyrillic twin at most: each costs up to MAX_CANDIDATES lookups. */
const MAX_VARIANT_WORDS = 4;

/**
 * A Latin word the archive has (Phoenix, Twitter) also finds its Cyrillic spelling when the archive
 * has that too (Феникс, Твиттер), as an alternative in the same group; the query as typed is not
 * rewritten. Words the archive lacks were already replaced by correctScript.
 */
export function withScriptVariants(parsed: ParsedQuery, analyzer: Analyzer, vocabulary: Vocabulary | undefined, budgetMs?: number): ParsedQuery {
  if (!vocabulary) return parsed;
  parsed = withoutAbsentTwins(parsed, vocabulary);
  if (!parsed.groups.some((g) => g.some((c) => c.kind === "term" && !c.expansion && isLatinWord(c.raw)))) return parsed;
  // A fifth of the typo budget (TYPO_BUDGET_MS), 20 ms by default: a loaded machine may cut it short,
  // so tests and evaluations raise TYPO_BUDGET_MS and get the same answers at any load.
  const deadline = performance.now() + (budgetMs ?? Math.max(20, (vocabulary.limits?.budgetMs ?? 100) / 5));
  let words = 0;
  const groups = parsed.groups.map((g) => {
    const extra: Clause[] = [];
    for (const c of g) {
      if (c.kind !== "term" || c.expansion || c.prefix || !isLatinWord(c.raw) || words >= MAX_VARIANT_WORDS) continue;
      words++;
      const twin = otherScript(c.raw, analyzer, vocabulary, deadline);
      const key = twin ? analyzer.queryKey(twin) : null;
      // Alias expansion may have added the same name already (config/exonyms.ts).
      if (twin && key && key !== c.key && !g.some((x) => x.kind === "term" && x.key === key)) extra.push({ kind: "term", raw: twin, key, expansion: true, twin: true });
    }
    return extra.length === 0 ? g : [...g, ...extra];
  });
  return { groups, excluded: parsed.excluded };
}

/**
 * The table's names in the other script (config/exonyms.ts) that the archive does not have are
 * dropped: they can match nothing, and on Meilisearch every alternative multiplies the query's
 * variants (Россия Франция: 8 instead of 3), each a search of its own. One lookup a key, cached.
 */
function withoutAbsentTwins(parsed: ParsedQuery, vocabulary: Vocabulary): ParsedQuery {
  const present = (c: Clause) => {
    if (!c.twin) return true;
    const keys = c.kind === "term" ? [c.key] : (c.keys ?? c.words);
    return keys.every((k) => vocabulary.hasKey(k));
  };
  if (parsed.groups.every((g) => g.every(present))) return parsed;
  return { groups: parsed.groups.map((g) => g.filter(present)), excluded: parsed.excluded };
}
