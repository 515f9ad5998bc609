import { normalizeWord } from "./normalize";
import { isStopword } from "./stopwords";
import { tokenize, type RawToken } from "./tokenize";

export interface AnalyzedToken extends RawToken {
  /** Lowercase, ё→е: the form exact phrases match on. */
  norm: string;
  /** Terms this token is indexed under (empty for stopwords). */
  terms: string[];
  /** The one term a query word is searched by. */
  key: string;
  stop: boolean;
}

/**
 * Maps a normalised word to its index terms and its query key. A hyphenated word is
 * handled by the analyzer around it: the whole compound plus each part.
 */
export interface WordMorphology {
  /** Terms the word is indexed under; the first one is the word's main term. */
  indexTerms(norm: string, surface: string): string[];
  /** The single term a query word is looked up by; must be one of indexTerms' results for the same word. */
  queryTerm(norm: string, surface: string): string;
  /**
   * When true, a word whose query key is a stopword is a stopword too (какие→какой, всем→весь):
   * only a lemmatizer's keys are whole words that can be compared with the stop list.
   */
  readonly stopByKey?: boolean;
  /** Extra stop keys of this morphology, checked only when stopByKey is set. */
  isStopKey?(key: string): boolean;
  /**
   * Keys of the word a query key is derived from and of the words derived from it (кавказ ↔
   * кавказский, журналист ↔ журналистка): what a query may also search for; with `personsOnly`,
   * only a person's noun and its other gender.
   */
  relatedKeys?(key: string, personsOnly?: boolean): readonly string[];
}

export type AnalyzerName = "none" | "snowball" | "lemma" | "default";

/**
 * The one analyzer every document and every query goes through, for every engine.
 * Its `version` is stored with an index; a different version means the index is stale.
 */
export class Analyzer {
  constructor(
    readonly name: AnalyzerName,
    readonly version: string,
    private readonly morphology: WordMorphology,
  ) {}

  analyze(text: string): AnalyzedToken[] {
    return tokenize(text).map((t) => this.analyzeToken(t));
  }

  /**
   * Analysis per surface form. A word's analysis depends only on its surface (case included), and
   * text repeats its vocabulary, so ingest pays normalisation, stop checks and morphology once per
   * distinct form; bounded so a long-running server cannot grow it without limit.
   */
  private readonly memo = new Map<string, Omit<AnalyzedToken, keyof RawToken>>();
  private static readonly MEMO_LIMIT = 500_000;

  private wordOf(surface: string): Omit<AnalyzedToken, keyof RawToken> {
    let w = this.memo.get(surface);
    if (w === undefined) {
      const { norm, terms, key, stop } = this.analyzeUncached({ surface, start: 0, end: surface.length });
      w = { norm, terms, key, stop };
      if (this.memo.size >= Analyzer.MEMO_LIMIT) this.memo.clear();
      this.memo.set(surface, w);
    }
    return w;
  }

  analyzeToken(t: RawToken): AnalyzedToken {
    const w = this.wordOf(t.surface);
    return { surface: t.surface, start: t.start, end: t.end, norm: w.norm, terms: w.terms, key: w.key, stop: w.stop };
  }

  private analyzeUncached(t: RawToken): AnalyzedToken {
    const norm = normalizeWord(t.surface);
    if (isStopword(norm)) return { ...t, norm, terms: [], key: norm, stop: true };
    if (!norm.includes("-")) {
      const key = this.morphology.queryTerm(norm, t.surface);
      if (this.morphology.stopByKey && (isStopword(key) || this.morphology.isStopKey?.(key))) return { ...t, norm, terms: [], key, stop: true };
      return { ...t, norm, terms: this.morphology.indexTerms(norm, t.surface), key, stop: false };
    }
    // Compound: both halves of a Russian compound can inflect (гугеноты-поселенцы, гугенотов-поселенцев),
    // so its key is every part's key; stopword parts (из-за, каких-то) stay as written.
    const parts = norm.split("-").filter(Boolean);
    const surfaceParts = t.surface.split("-").filter(Boolean);
    const compoundKey = parts.map((p, i) => (isStopword(p) ? p : this.morphology.queryTerm(p, surfaceParts[i] ?? p))).join("-");
    const terms = new Set<string>([compoundKey]);
    parts.forEach((p, i) => {
      if (!isStopword(p)) for (const term of this.morphology.indexTerms(p, surfaceParts[i] ?? p)) terms.add(term);
    });
    return { ...t, norm, terms: [...terms], key: compoundKey, stop: false };
  }

  /** Keys related to a query key by word formation (кавказ ↔ кавказский, журналист ↔ журналистка). */
  relatedKeys(key: string, personsOnly = false): readonly string[] {
    return this.morphology.relatedKeys?.(key, personsOnly) ?? [];
  }

  /** Index terms of a text, in order, space-separated: what an engine stores in its analyzed fields. */
  indexText(text: string): string {
    const out: string[] = [];
    for (const tok of tokenize(text)) for (const term of this.wordOf(tok.surface).terms) out.push(term);
    return out.join(" ");
  }

  /** Normalised surface forms of a text, stopwords included: what exact phrases are matched against. */
  exactText(text: string): string {
    return tokenize(text)
      .map((t) => this.wordOf(t.surface).norm)
      .join(" ");
  }

  /** The query key of one word, or null for a stopword. */
  queryKey(word: string): string | null {
    const toks = this.analyze(word);
    const tok = toks[0];
    if (!tok || tok.stop) return null;
    return tok.key;
  }
}
