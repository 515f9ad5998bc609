import type { Analyzer } from "@/lib/text/analyzer";
import type { CommentaryDocument } from "@/lib/validations/document";
import { facetValuesOf } from "./facets";
import { type DocumentRef, documentRef } from "./document-ref";

/**
 * «Похожие материалы» on an article page: the documents nearest to it by shared lemmas, speakers
 * and topics. Both engines gather candidates their own way (for each of the article's key terms,
 * the documents holding it and how many do; the documents sharing a speaker, topic or institution)
 * and score them here with one formula, so they agree wherever their candidate pools do.
 */

export const SIMILAR_LIMIT = 5;
/** Key terms looked up per article: its most frequent analyzed terms. */
export const SIMILAR_TERMS = 16;
/** Documents fetched per key term, and per facet lookup. */
export const SIMILAR_POOL = 100;

export interface SimilarDocument {
  slug: string;
  title: string;
  date?: string;
  source?: string;
  sample?: boolean;
  /** What it shares with the article, for the reader: speakers, topics, and how many key terms. */
  shared: { speakers: string[]; topics: string[]; terms: number };
}

/**
 * Text read for key terms: what a long piece is about shows in its first few thousand words, and
 * analysing a whole 100-page transcript would cost more than every lookup after it.
 */
export const KEY_TERM_CHARS = 20_000;

export interface KeyTerm {
  term: string;
  /** Occurrences in the article, a title occurrence counting twice. */
  tf: number;
}

/**
 * The article's candidate key terms: analyzed terms (lemmas, as both engines index them) by
 * frequency in the title and the first KEY_TERM_CHARS of the text, numbers and terms under three
 * letters left out, ties in alphabetical order so the
 * choice does not depend on the engine.
 */
export function keyTerms(doc: Pick<CommentaryDocument, "title" | "paragraphs">, analyzer: Pick<Analyzer, "indexText">, limit = SIMILAR_TERMS): KeyTerm[] {
  const tf = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const t of analyzer.indexText(text).split(" ")) if (t.length >= 3 && !/^\d+$/.test(t)) tf.set(t, (tf.get(t) ?? 0) + weight);
  };
  add(doc.title, 2);
  let budget = KEY_TERM_CHARS;
  for (const p of doc.paragraphs) {
    if (budget <= 0) break;
    add(p.slice(0, budget), 1);
    budget -= p.length;
  }
  return [...tf]
    .map(([term, n]) => ({ term, tf: n }))
    .sort((a, b) => b.tf - a.tf || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, limit);
}

/**
 * A term in more than this many documents says little about what an article is about (and
 * costs its whole doclist to look up): the larger of the pool and 5% of the archive.
 */
export function maxUsefulDf(total: number): number {
  return Math.max(SIMILAR_POOL, Math.ceil(total * 0.05));
}

/** The facets similarity counts. */
export const SIMILAR_FACETS = ["speaker", "topic", "institution"] as const;
type SimilarFacet = (typeof SIMILAR_FACETS)[number];

/** A candidate as scoring and the list need it: no text, so an engine need not load whole documents. */
export interface Candidate extends DocumentRef {
  facets: Record<SimilarFacet, string[]>;
}

export function candidateOf(doc: CommentaryDocument): Candidate {
  const v = facetValuesOf(doc);
  return { ...documentRef(doc), facets: { speaker: v.speaker, topic: v.topic, institution: v.institution } };
}

/** What an engine found: per key term its document count and (up to SIMILAR_POOL) document ids. */
export interface SimilarCandidates {
  /** Documents in the archive. */
  total: number;
  terms: { term: string; tf: number; df: number; docs: string[] }[];
  /** Every candidate by id (term pools and facet pool together), the article excluded. */
  documents: Map<string, Candidate>;
}

const WEIGHT = { speaker: 0.2, topic: 0.1, institution: 0.05 } as const;

/**
 * Text similarity (the share of the article's key-term weight, tf × idf, a candidate holds) plus
 * a bonus per shared speaker (up to 2), topic (up to 3) and institution (up to 2). Ties: newest, then slug.
 */
export function rankSimilar(source: CommentaryDocument, c: SimilarCandidates, limit = SIMILAR_LIMIT): SimilarDocument[] {
  const useful = c.terms.filter((t) => t.df > 0 && t.df <= maxUsefulDf(c.total));
  const weight = (t: { tf: number; df: number }) => t.tf * Math.log(1 + c.total / t.df);
  const totalWeight = useful.reduce((s, t) => s + weight(t), 0);
  const text = new Map<string, { w: number; n: number }>();
  for (const t of useful)
    for (const id of t.docs) {
      const cur = text.get(id) ?? { w: 0, n: 0 };
      text.set(id, { w: cur.w + weight(t), n: cur.n + 1 });
    }
  const mine = facetValuesOf(source);
  const scored = [...c.documents.values()]
    .filter((d) => d.id !== source.id)
    .map((d) => {
      const common = (f: SimilarFacet) => d.facets[f].filter((v) => mine[f].includes(v));
      const speakers = common("speaker");
      const topics = common("topic");
      const institutions = common("institution");
      const t = text.get(d.id);
      const score =
        (t && totalWeight > 0 ? t.w / totalWeight : 0) +
        WEIGHT.speaker * Math.min(speakers.length, 2) +
        WEIGHT.topic * Math.min(topics.length, 3) +
        WEIGHT.institution * Math.min(institutions.length, 2);
      return { d, score, speakers, topics, terms: t?.n ?? 0 };
    })
    .filter((x) => x.score > 0);
  scored.sort((a, b) => b.score - a.score || (b.d.date ?? "").localeCompare(a.d.date ?? "") || a.d.slug.localeCompare(b.d.slug));
  return scored.slice(0, limit).map(({ d, speakers, topics, terms }) => ({
    slug: d.slug,
    title: d.title,
    ...(d.date ? { date: d.date } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.sample ? { sample: true } : {}),
    shared: { speakers, topics, terms },
  }));
}
