/**
 * The fixed, seeded query mix both engines answer: 1–3 word queries of common,
 * mid-frequency and rare words, half of them with one or two facet filters, a third
 * sorted by date. Word frequencies come from the sentence pool the corpus samples, so a
 * word's rank there is its document-frequency rank in the corpus.
 */
import { isStopword } from "@/lib/text/stopwords";
import { normalizeWord } from "@/lib/text/normalize";
import { tokenize } from "@/lib/text/tokenize";
import type { FacetField, SortOrder } from "@/lib/search/types";
import { type Pool, type Universe, rng, zipf } from "./corpus";

export type TermClass = "common" | "mid" | "rare";

export interface BenchQuery {
  q: string;
  cls: TermClass;
  filters: Record<FacetField, string[]>;
  sort: SortOrder;
}

export function vocabulary(pool: Pool): Record<TermClass, string[]> {
  const counts = new Map<string, number>();
  for (const s of pool.sentences)
    for (const t of tokenize(s)) {
      const w = normalizeWord(t.surface);
      if (w.length < 4 || !/^[а-я]+$/.test(w) || isStopword(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return {
    common: ranked.slice(0, 60),
    mid: ranked.slice(1_000, 3_000),
    rare: [...counts].filter(([, n]) => n === 2).map(([w]) => w).sort(),
  };
}

export function queryMix(pool: Pool, uni: Universe, count: number, seed: number): BenchQuery[] {
  const r = rng(seed ^ 0x9e3779b9);
  const vocab = vocabulary(pool);
  const classes: TermClass[] = ["common", "mid", "rare"];
  // Users filter by the people and topics the archive is full of, so filters follow the corpus's Zipf skew.
  const pickSpeaker = zipf(uni.speakers.length);
  const pickTopic = zipf(uni.topics.length);
  const pickInstitution = zipf(uni.institutions.length);
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const cls = classes[i % 3]!;
    const list = vocab[cls];
    const n = 1 + Math.floor(r() * 3);
    const words = new Set<string>();
    while (words.size < n) words.add(list[Math.floor(r() * list.length)]!);
    const filters: Record<FacetField, string[]> = { speaker: [], institution: [], country: [], topic: [] };
    if (r() < 0.5) {
      filters.speaker.push(uni.speakers[pickSpeaker(r)]!.name);
      if (r() < 0.5) {
        if (r() < 0.5) filters.topic.push(uni.topics[pickTopic(r)]!);
        else filters.institution.push(uni.institutions[pickInstitution(r)]!);
      }
    }
    out.push({ q: [...words].join(" "), cls, filters, sort: r() < 0.3 ? "date" : "relevance" });
  }
  return out;
}
