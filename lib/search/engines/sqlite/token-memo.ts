import type { AnalyzedToken, Analyzer } from "@/lib/text/analyzer";
import { type RawToken, tokenize } from "@/lib/text/tokenize";

export type TokenAnalysis = Pick<AnalyzedToken, "norm" | "terms" | "key" | "stop"> & { joined: string };

/** Where a token analysis is saved and found again (the table token_analysis), or where fresh ones are collected. */
export interface TokenStore {
  get(surface: string): TokenAnalysis | undefined;
  put(surface: string, a: TokenAnalysis): void;
}

/**
 * Index texts computed elsewhere (lib/ingest/analysis-pool.ts: worker threads running this same
 * class), consulted before analysing a text here. `take` answers only for a text it was given;
 * `drainTokens` hands over the token analyses those threads made, for the token store.
 */
export interface PreAnalyzed {
  take(text: string): [string, string] | undefined;
  drainTokens(put: (surface: string, a: TokenAnalysis) => void): void;
}

/**
 * The analyzer's per-token output, memoised by surface form. analyzeToken looks at nothing
 * but the token's surface, so this returns exactly what the analyzer would; it exists because
 * the lemmatizing analyzer costs ~4 µs a token even when its lemma cache hits, against one
 * Map lookup here, and ingest and snippets analyze every token of every document they touch.
 */
export class TokenMemo {
  private readonly forms = new Map<string, TokenAnalysis>();
  /** The wrapped analyzer with analyze() served from the memo, for highlighting and snippets. */
  readonly analyzer: Analyzer;
  /**
   * Analyses saved at indexing time (table token_analysis, same analyzer version), so a freshly
   * started server builds snippets from lookups instead of running the lemmatizer on every new word.
   */
  store: TokenStore | undefined;
  /** Set by an import for the length of its commit. */
  preanalyzed: PreAnalyzed | undefined;

  constructor(private readonly base: Analyzer) {
    const memo = this;
    this.analyzer = Object.create(base, {
      analyze: { value: (text: string) => memo.analyze(text) },
    }) as Analyzer;
  }

  private of(t: RawToken, persist = false): TokenAnalysis {
    let a = this.forms.get(t.surface);
    if (a === undefined) {
      a = this.store?.get(t.surface);
      if (a === undefined) {
        const full = this.base.analyzeToken(t);
        a = { norm: full.norm, terms: full.terms, key: full.key, stop: full.stop, joined: full.terms.join(" ") };
        if (persist) this.store?.put(t.surface, a);
      }
      // Bounded like the lemma cache: a pathological import must not grow memory without limit.
      if (this.forms.size >= 500_000) this.forms.clear();
      this.forms.set(t.surface, a);
    }
    return a;
  }

  analyze(text: string): AnalyzedToken[] {
    return tokenize(text).map((t) => {
      const a = this.of(t);
      return { surface: t.surface, start: t.start, end: t.end, norm: a.norm, terms: a.terms, key: a.key, stop: a.stop };
    });
  }

  /** Analyzer.indexText and Analyzer.exactText of one text, from a single tokenization. */
  indexAndExact(text: string): [string, string] {
    const pre = this.preanalyzed && (this.preanalyzed.take(text) ?? this.composed(text));
    if (pre) {
      const store = this.store;
      if (store) this.preanalyzed!.drainTokens((surface, a) => store.put(surface, a));
      return pre;
    }
    return this.inline(text);
  }

  /**
   * A text whose part before its last line break was analysed elsewhere: a document's body with
   * its topics' canonical names on the last line (indexedBody), known only once the registry is
   * rebuilt. No token crosses a line break, so the columns of the whole are those of the two parts
   * joined by a space, whenever both parts have words; otherwise undefined, and the whole is analysed here.
   */
  private composed(text: string): [string, string] | undefined {
    const cut = text.lastIndexOf("\n");
    if (cut < 0) return undefined;
    const head = this.preanalyzed!.take(text.slice(0, cut));
    if (!head) return undefined;
    const tail = this.inline(text.slice(cut + 1));
    if (!head[0] || !head[1] || !tail[0] || !tail[1]) return undefined;
    return [`${head[0]} ${tail[0]}`, `${head[1]} ${tail[1]}`];
  }

  private inline(text: string): [string, string] {
    const index: string[] = [];
    const exact: string[] = [];
    for (const t of tokenize(text)) {
      const a = this.of(t, true);
      if (a.joined) index.push(a.joined);
      exact.push(a.norm);
    }
    return [index.join(" "), exact.join(" ")];
  }
}
