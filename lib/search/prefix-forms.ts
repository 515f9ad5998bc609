import type { SqliteVocabulary } from "@/lib/search/vocabulary";
import type { Clause, ParsedQuery } from "./query-syntax";

/**
 * A prefix query (`санкци*`) with the archive's indexed terms and word forms that start with it,
 * for an engine that cannot match prefixes itself (Meilisearch: engines/meilisearch/filter.ts). The embedded
 * engine uses FTS5's own prefix queries and needs none of this.
 */
export function withPrefixForms(parsed: ParsedQuery, vocabulary: Pick<SqliteVocabulary, "prefixForms"> | undefined): ParsedQuery {
  if (!vocabulary) return parsed;
  const fill = (c: Clause): Clause => (c.kind === "term" && c.prefix ? { ...c, forms: vocabulary.prefixForms(c.key) } : c);
  if (![...parsed.groups.flat(), ...parsed.excluded].some((c) => c.kind === "term" && c.prefix)) return parsed;
  return { groups: parsed.groups.map((g) => g.map(fill)), excluded: parsed.excluded.map(fill) };
}
