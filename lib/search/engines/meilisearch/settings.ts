import type { Settings } from "meilisearch";
import type { AppConfig } from "@/lib/config";
import type { Analyzer } from "@/lib/text/analyzer";
import { ORIGINAL_FIELDS } from "@/lib/search/engines/meilisearch/document";
import { MEILI_ATTR } from "@/lib/search/engines/meilisearch/filter";
import { STATEMENT_FIELDS } from "@/lib/search/engines/meilisearch/statements";
import { FACET_FIELDS } from "@/lib/search/types";

/** Alias groups: each key is a canonical name, its values other names for it. */
export type AliasMap = Readonly<Record<string, readonly string[]>>;

/**
 * Synonyms over analyzed terms, since Meilisearch only ever sees analyzed text. They only
 * shape ranking: which documents match is decided by filters (filter.ts), where
 * aliases arrive already expanded by query-syntax, exactly as for the embedded engine.
 */
export function meiliSynonyms(aliases: AliasMap | undefined, analyzer: Analyzer): Record<string, string[]> {
  const out: Record<string, Set<string>> = {};
  const analyzed = (s: string) => analyzer.indexText(s);
  for (const [canonical, others] of Object.entries(aliases ?? {})) {
    const names = [canonical, ...others].map(analyzed).filter((s) => s !== "");
    for (const a of names)
      for (const b of names) {
        if (a === b) continue;
        (out[a] ??= new Set()).add(b);
      }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
}

/**
 * Index settings. Applying the same object twice is a no-op for Meilisearch, so setup and
 * every reindex apply all of it.
 */
export function buildSettings(config: Pick<AppConfig, "MEILI_MAX_TOTAL_HITS" | "MEILI_MAX_VALUES_PER_FACET">, analyzer: Analyzer, aliases?: AliasMap): Settings {
  const facetAttrs = FACET_FIELDS.map((f) => MEILI_ATTR.facet[f]);
  return {
    // Titles first: the "attribute" rule then ranks a title match above a body match, as the
    // embedded engine's bm25 title weight does. Analyzed terms before exact forms because
    // most queries are words, not phrases.
    searchableAttributes: ["title_terms", "title_exact", "body_terms", "body_exact"],
    // Analyzed fields never leave the server in results: they are bulky and mean nothing to a reader.
    displayedAttributes: [...ORIGINAL_FIELDS],
    filterableAttributes: [
      ...facetAttrs,
      MEILI_ATTR.date,
      MEILI_ATTR.dateValue,
      MEILI_ATTR.source,
      MEILI_ATTR.slug,
      MEILI_ATTR.terms,
      MEILI_ATTR.words,
      MEILI_ATTR.bigrams,
      MEILI_ATTR.keypairs,
      MEILI_ATTR.analyzer,
    ],
    sortableAttributes: [MEILI_ATTR.dateValue],
    // "sort" first: sorting by date must be by date alone, as on the embedded engine, not a
    // tie-break under relevance. The final date rule breaks relevance ties newest first.
    // "attribute" rather than v1.36's attributeRank + wordPosition: it stays as their alias
    // there (meilisearch/documentation#3462) and is the only spelling older v1 servers know.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", `${MEILI_ATTR.dateValue}:desc`],
    faceting: {
      maxValuesPerFacet: config.MEILI_MAX_VALUES_PER_FACET,
      // By count, so that when a facet has more values than the cap, the rarest are the ones cut.
      sortFacetValuesBy: Object.fromEntries(facetAttrs.map((a) => [a, "count"])),
    },
    pagination: { maxTotalHits: config.MEILI_MAX_TOTAL_HITS },
    // Off: the embedded engine matches words exactly and leaves typo correction to
    // query-syntax, which serves both engines; Meilisearch's own would rank misspellings
    // differently per engine.
    typoTolerance: { enabled: false },
    // Empty on purpose: the analyzer already leaves stop words out of the analyzed fields and
    // out of query terms, and exact phrases must keep them («в Казахстане»), as they do on the
    // embedded engine. Meilisearch stop words would break phrases (meilisearch/meilisearch#5298).
    stopWords: [],
    synonyms: meiliSynonyms(aliases, analyzer),
  };
}


/**
 * Settings of the statement index (statements.ts): the document index's, over one text.
 * Date order is by document date, then by document (so one document's statements stay together)
 * and text order within it, as on the embedded engine; relevance ties break the same way.
 */
export function buildStatementSettings(config: Pick<AppConfig, "MEILI_MAX_TOTAL_HITS" | "MEILI_MAX_VALUES_PER_FACET">, analyzer: Analyzer, aliases?: AliasMap): Settings {
  const base = buildSettings(config, analyzer, aliases);
  return {
    ...base,
    searchableAttributes: ["body_terms", "body_exact"],
    displayedAttributes: [...STATEMENT_FIELDS],
    filterableAttributes: [
      ...FACET_FIELDS.map((f) => MEILI_ATTR.facet[f]),
      MEILI_ATTR.date,
      MEILI_ATTR.dateValue,
      MEILI_ATTR.statementDoc,
      MEILI_ATTR.statementIdx,
      MEILI_ATTR.terms,
      MEILI_ATTR.words,
      MEILI_ATTR.bigrams,
      MEILI_ATTR.keypairs,
      MEILI_ATTR.analyzer,
    ],
    sortableAttributes: [MEILI_ATTR.dateValue, MEILI_ATTR.statementDoc, MEILI_ATTR.statementIdx],
    rankingRules: [...(base.rankingRules ?? []), `${MEILI_ATTR.statementIdx}:asc`],
  };
}
