import { type Db, changeVersion } from "@/lib/archive/db";
import { getConfig } from "@/lib/config";
import type { Analyzer } from "@/lib/text/analyzer";
import { normalizeWord } from "@/lib/text/normalize";
import { type ParsedQuery, parseQuery } from "@/lib/search/query-syntax";
import { correctScript } from "@/lib/search/script-correction";
import { maxTypos, nearestTerm, type VocabularyTerm } from "@/lib/search/typo";
import { WeightedLru } from "@/lib/search/lru";

/**
 * What one query may spend on typo correction (issue 11, item 1): unknown words corrected at most
 * `maxWords` (the rest stay as typed), and a time budget after which the query runs uncorrected.
 */
export interface TypoLimits {
  maxWords: number;
  budgetMs: number;
}

export const DEFAULT_TYPO_LIMITS: TypoLimits = { maxWords: 5, budgetMs: 100 };

function configuredLimits(): TypoLimits {
  try {
    const c = getConfig();
    return { maxWords: c.TYPO_MAX_WORDS, budgetMs: c.TYPO_BUDGET_MS };
  } catch {
    return DEFAULT_TYPO_LIMITS;
  }
}

/** Cached lookups per vocabulary: a word's existence and its correction, until the index changes. */
const CACHE_ENTRIES = 20_000;

/**
 * The embedded index's vocabulary, read through FTS5's fts5vocab (a temp table, so the archive
 * file's schema is untouched).
 *
 * Existence is checked on the analyzed columns: a query key that is there matches something.
 * Candidates for a correction come from the exact columns (normalised surface forms), and the
 * chosen form then goes through the analyzer like any typed word. Comparing surface forms keeps the
 * 1-edit/2-edit budget about what the user typed (a lemma or key is shorter and differs by its
 * ending), and re-analysing the corrected form means the correction can only produce a key the
 * analyzer itself would produce, for whichever analyzer built the index.
 */
export class SqliteVocabulary {
  private readonly has;
  private readonly range;
  private readonly keys = new WeightedLru<boolean>(CACHE_ENTRIES);
  private readonly fixes = new WeightedLru<string | 0>(CACHE_ENTRIES);
  private readonly prefixes = new WeightedLru<string[]>(CACHE_ENTRIES);
  private readonly prefixRange;
  private readonly docsOf;
  private readonly docCounts = new WeightedLru<number>(CACHE_ENTRIES);
  private seen = "";
  /** Range scans actually run (cache misses): tests count them. */
  scans = 0;

  constructor(
    private readonly db: Db,
    readonly limits: TypoLimits = configuredLimits(),
  ) {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab_col USING fts5vocab(main, fts, col)");
    // A MATCH stops at the first document; fts5vocab would walk the term's whole doclist to count it.
    this.has = db.prepare("SELECT 1 FROM fts WHERE fts MATCH ? LIMIT 1").pluck();
    // Same first letter: Meilisearch counts a first-letter typo double, and the term range keeps the scan small.
    this.range = db.prepare(
      `SELECT term, sum(doc) AS docs FROM temp.fts_vocab_col
       WHERE term >= ? AND term < ? AND col IN ('title_exact', 'body_exact') AND length(term) BETWEEN ? AND ?
       GROUP BY term`,
    );
    this.prefixRange = db.prepare("SELECT term FROM temp.fts_vocab_col WHERE term >= ? AND term < ? GROUP BY term ORDER BY sum(doc) DESC LIMIT ?");
    this.docsOf = db.prepare("SELECT coalesce(sum(doc), 0) FROM temp.fts_vocab_col WHERE term = ? AND col IN ('title', 'body')").pluck();
  }

  /** Titles and bodies an analyzed key occurs in (a document with it in both counts twice): how common a reading is. */
  keyDocs(key: string): number {
    this.fresh();
    const cached = this.docCounts.get(key);
    if (cached !== undefined) return cached;
    const n = this.docsOf.get(key) as number;
    this.docCounts.set(key, n);
    return n;
  }

  /**
   * Indexed terms and word forms starting with a prefix, most documents first, at most `limit`:
   * what `санкци*` stands for on an engine that cannot match prefixes itself (Meilisearch).
   */
  prefixForms(prefix: string, limit = 100): string[] {
    this.fresh();
    const cached = this.prefixes.get(prefix);
    if (cached !== undefined) return cached;
    const forms = this.prefixRange.pluck().all(prefix, `${prefix}\uffff`, limit) as string[];
    this.prefixes.set(prefix, forms);
    return forms;
  }

  /** Forgets cached lookups once the index has changed. */
  private fresh(): void {
    const v = changeVersion(this.db);
    if (v === this.seen) return;
    this.seen = v;
    this.keys.clear();
    this.docCounts.clear();
    this.fixes.clear();
    this.prefixes.clear();
  }

  /** True when an analyzed key occurs in some title or body. */
  hasKey(key: string): boolean {
    this.fresh();
    const cached = this.keys.get(key);
    if (cached !== undefined) return cached;
    const found = this.has.get(`{title body} : "${key.replace(/"/g, '""')}"`) !== undefined;
    this.keys.set(key, found);
    return found;
  }

  /** The indexed surface form nearest to a normalised word, within its typo budget, or null. */
  correct(norm: string): string | null {
    const budget = maxTypos(norm);
    if (budget === 0) return null;
    this.fresh();
    const cached = this.fixes.get(norm);
    if (cached !== undefined) return cached === 0 ? null : cached;
    const first = String.fromCodePoint(norm.codePointAt(0)!);
    const next = String.fromCodePoint(first.codePointAt(0)! + 1);
    const len = [...norm].length;
    this.scans++;
    const rows = this.range.all(first, next, len - budget, len + budget) as VocabularyTerm[];
    const fix = nearestTerm(norm, rows);
    this.fixes.set(norm, fix ?? 0);
    return fix;
  }
}

/**
 * The query with every typed word that matches nothing replaced by its nearest indexed form, or
 * null when no word needed (or admitted) a correction. The first letter's case is kept as typed.
 */
export function correctQueryText(input: string, parsed: ParsedQuery, analyzer: Analyzer, vocabulary: SqliteVocabulary, limits: TypoLimits = vocabulary.limits): string | null {
  // Wrong keyboard layout and the other script first (script-correction.ts), then typos in what they give.
  const script = correctScript(input, parsed, analyzer, vocabulary, limits);
  if (script !== null) return correctTypos(script, parseQuery(script, analyzer), analyzer, vocabulary, limits) ?? script;
  return correctTypos(input, parsed, analyzer, vocabulary, limits);
}

function correctTypos(input: string, parsed: ParsedQuery, analyzer: Analyzer, vocabulary: SqliteVocabulary, limits: TypoLimits): string | null {
  let text = input;
  let changed = false;
  let tried = 0;
  const deadline = performance.now() + limits.budgetMs;
  for (const group of parsed.groups)
    for (const c of group) {
      if (c.kind !== "term" || c.expansion || c.prefix || vocabulary.hasKey(c.key)) continue;
      // Past N unknown words the rest stay as typed; past the time budget the query runs as typed.
      if (tried >= limits.maxWords) return changed ? text : null;
      if (performance.now() > deadline) return null;
      tried++;
      const fix = vocabulary.correct(normalizeWord(c.raw));
      if (!fix) continue;
      const key = analyzer.queryKey(fix);
      if (!key || !vocabulary.hasKey(key)) continue;
      const shown = /^\p{Lu}/u.test(c.raw) ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
      const at = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(c.raw)}(?![\\p{L}\\p{N}])`, "u");
      const next = text.replace(at, (_, before: string) => `${before}${shown}`);
      if (next !== text) {
        text = next;
        changed = true;
      }
    }
  return changed ? text : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
