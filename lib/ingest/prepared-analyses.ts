import type { CommentaryDocument } from "@/lib/validations/document";
import type { PreAnalyzed, TokenAnalysis } from "@/lib/search/engines/sqlite/token-memo";

/**
 * What the commit analyses for each document it stores (the title, the body without its topics,
 * each quote): the texts of analysis-pool.ts's submit, in this order. The extraction threads
 * analyse the same texts right after building a document, so the two must agree.
 */
export function indexTexts(doc: Pick<CommentaryDocument, "title" | "paragraphs" | "quotes">): string[] {
  return [doc.title, doc.paragraphs.join("\n"), ...doc.quotes.map((q) => q.text)];
}

/**
 * Characters of text whose analyses an import keeps for its commit, at most. The analyses
 * (two-byte lemmas, ~2.5× the text) stay in memory until the commit, beside the documents
 * themselves; past this the commit analyses as before (its own pool or inline).
 */
const BUDGET_CHARS = 8_000_000;

/** A pool the commit also feeds: the threads of analysis-pool.ts, or these answers in front of them. */
export interface IndexTextSource extends PreAnalyzed {
  submit(texts: readonly string[]): void;
  reset(): void;
}

/**
 * Index columns computed on the extraction threads (extract-worker.ts) while the import was
 * still reading, so a real-text import's commit looks them up instead of analysing every text on
 * the main thread after extraction is over. The answers are the TokenMemo's own, as the
 * analysis pool's are; a text not held here is analysed by `fallback` or inline, as before.
 */
export class PreparedAnalyses implements IndexTextSource {
  private readonly answers = new Map<string, [string, string]>();
  private tokens: [string, TokenAnalysis][] = [];
  private chars = 0;
  /** Documents whose texts are held, and texts the commit took from here. */
  documents = 0;
  taken = 0;
  fallback: IndexTextSource | undefined;

  constructor(private readonly budget = BUDGET_CHARS) {}

  /** Whether a document's texts may still be analysed for the commit; if so, their room is taken. */
  reserve(input: { title: string; paragraphs: readonly string[] }): boolean {
    const chars = input.title.length + input.paragraphs.reduce((n, p) => n + p.length, 0);
    if (this.chars + chars > this.budget) return false;
    this.chars += chars;
    return true;
  }

  /** The answers for indexTexts(doc), in that order, and the token analyses the thread made first. */
  add(doc: CommentaryDocument, answers: readonly [string, string][], tokens: readonly [string, TokenAnalysis][]): void {
    const texts = indexTexts(doc);
    if (answers.length !== texts.length) return;
    texts.forEach((t, i) => this.answers.set(t, answers[i]!));
    this.documents++;
    for (const t of tokens) this.tokens.push(t);
  }


  submit(texts: readonly string[]): void {
    const missing = texts.filter((t) => !this.answers.has(t));
    if (missing.length > 0) this.fallback?.submit(missing);
  }

  take(text: string): [string, string] | undefined {
    const answer = this.answers.get(text);
    if (answer === undefined) return this.fallback?.take(text);
    this.taken++;
    return answer;
  }

  drainTokens(put: (surface: string, a: TokenAnalysis) => void): void {
    if (this.tokens.length > 0) {
      const tokens = this.tokens;
      this.tokens = [];
      for (const [surface, a] of tokens) put(surface, a);
    }
    this.fallback?.drainTokens(put);
  }

  reset(): void {
    this.fallback?.reset();
  }
}
