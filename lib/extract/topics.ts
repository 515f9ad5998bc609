import { TOPICS, type TopicDefinition } from "@/config/topics";
import { lemma } from "./morph";

/**
 * Rule-based, multi-label topics from trigger lemmas. Metadata topics always win; this only runs
 * for documents that have none. A topic needs one strong trigger, or three plain trigger hits.
 */

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

export function lemmaSequence(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => (/^[a-z]/i.test(m[0]) ? m[0].toLowerCase() : lemma(m[0])));
}

function countPhrase(seq: string[], phrase: string[]): number {
  let n = 0;
  for (let i = 0; i + phrase.length <= seq.length; i++) {
    let ok = true;
    for (let j = 0; j < phrase.length && ok; j++) ok = seq[i + j] === phrase[j];
    if (ok) n++;
  }
  return n;
}

export interface TopicScore {
  label: string;
  slug: string;
  score: number;
}

const split = (t: string) => t.split(/\s+/);

export function scoreTopics(title: string, paragraphs: readonly string[], topics: readonly TopicDefinition[] = TOPICS): TopicScore[] {
  const body = lemmaSequence(paragraphs.join("\n"));
  const head = lemmaSequence(title);
  const out: TopicScore[] = [];
  for (const t of topics) {
    let strong = 0;
    let plain = 0;
    for (const s of t.strong) strong += countPhrase(body, split(s)) + 2 * countPhrase(head, split(s));
    for (const s of t.triggers) plain += countPhrase(body, split(s)) + 2 * countPhrase(head, split(s));
    const score = strong * 3 + plain;
    if (strong >= 1 || plain >= 3) out.push({ label: t.label, slug: t.slug, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

/** Topic labels for a document, best first, at most `max`. */
export function detectTopics(title: string, paragraphs: readonly string[], max = 3): string[] {
  const scored = scoreTopics(title, paragraphs);
  const top = scored[0]?.score ?? 0;
  // A secondary topic must be a real share of the article, not a side remark.
  return scored.filter((t) => t.score >= top * 0.4).slice(0, max).map((t) => t.label);
}
