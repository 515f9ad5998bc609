import type { Settings } from "meilisearch";
import type { AppConfig } from "@/lib/config";
import type { Analyzer } from "@/lib/text/analyzer";
import { HIT_FIELDS } from "@/lib/search/engines/meilisearch/document";
import { MEILI_ATTR } from "@/lib/search/engines/meilisearch/filter";
import { STATEMENT_FIELDS } from "@/lib/search/engines/meilisearch/statements";
import { SEARCHABLE_ATTRIBUTES, STATEMENT_SEARCHABLE_ATTRIBUTES } from "@/lib/search/engines/meilisearch/text";
import { FACET_FIELDS } from "@/lib/search/types";

/** Alias groups: each key is a canonical name, its values other names for it. */
export type AliasMap = Readonly<Record<string, readonly string[]>>;

/**
 * Index settings. Applying the same object twice is a no-op for Meilisearch, so setup and
 * every reindex apply all of it. The analyzer and aliases are accepted for the callers' sake and
 * shape nothing here: Meilisearch sees analysed text only, and aliases arrive expanded in the
 * query (query-syntax), since Meilisearch synonyms would widen what matches on this engine alone.
 */
export function buildSettings(config: Pick<AppConfig, "MEILI_MAX_TOTAL_HITS" | "MEILI_MAX_VALUES_PER_FACET">, _analyzer?: Analyzer, _aliases?: AliasMap): Settings {
  const facetAttrs = FACET_FIELDS.map((f) => MEILI_ATTR.facet[f]);
  return {
    // Title first: the "attribute" rule then ranks a title match above a body match, as the
    // embedded engine's bm25 title weight does; other readings of ambiguous words last.
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    // Hits are read back from the archive by id: nothing else needs to leave the server.
    displayedAttributes: [...HIT_FIELDS, MEILI_ATTR.dateValue],
    filterableAttributes: [...facetAttrs, MEILI_ATTR.dateValue, MEILI_ATTR.slug, MEILI_ATTR.analyzer],
    sortableAttributes: [MEILI_ATTR.dateValue, MEILI_ATTR.slug],
    // "sort" first: sorting by date must be by date alone, as on the embedded engine, not a
    // tie-break under relevance. The final date rule breaks relevance ties newest first.
    // "attribute" rather than v1.36's attributeRank + wordPosition: it stays as their alias
    // there (meilisearch/documentation#3462) and is the only spelling older v1 servers know.
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", `${MEILI_ATTR.dateValue}:desc`, `${MEILI_ATTR.slug}:asc`],
    faceting: {
      maxValuesPerFacet: config.MEILI_MAX_VALUES_PER_FACET,
      // By count, so that when a facet has more values than the cap, the rarest are the ones cut.
      sortFacetValuesBy: Object.fromEntries(facetAttrs.map((a) => [a, "count"])),
    },
    pagination: { maxTotalHits: config.MEILI_MAX_TOTAL_HITS },
    // Off: words match exactly, as on the embedded engine; typo correction is the shared step
    // (vocabulary.ts) that serves both engines with the archive's own words.
    typoTolerance: { enabled: false },
    // Off: a prefix matches the archive's indexed forms listed in the query (prefix-forms.ts);
    // Meilisearch's own prefix search on the last word would widen every query, and its prefix
    // databases are a large share of an index.
    prefixSearch: "disabled",
    // Empty on purpose: the analyzer already leaves stop words out of query terms, and phrases
    // keep them («в Казахстане»), as on the embedded engine (also meilisearch/meilisearch#5298).
    stopWords: [],
    synonyms: {},
    // The facet filter boxes list values from the archive's registry, never through Meilisearch's facet search.
    facetSearch: false,
  };
}

/**
 * Settings of the statement index (statements.ts): the document index's, over one text.
 * Date order is by document date, then by document (so one document's statements stay together)
 * and text order within it, as on the embedded engine; relevance ties break the same way.
 */
export function buildStatementSettings(config: Pick<AppConfig, "MEILI_MAX_TOTAL_HITS" | "MEILI_MAX_VALUES_PER_FACET">, analyzer?: Analyzer, aliases?: AliasMap): Settings {
  const base = buildSettings(config, analyzer, aliases);
  return {
    ...base,
    searchableAttributes: [...STATEMENT_SEARCHABLE_ATTRIBUTES],
    displayedAttributes: [...STATEMENT_FIELDS, MEILI_ATTR.dateValue],
    filterableAttributes: [...FACET_FIELDS.map((f) => MEILI_ATTR.facet[f]), MEILI_ATTR.dateValue, MEILI_ATTR.statementDoc, MEILI_ATTR.statementIdx, MEILI_ATTR.analyzer],
    sortableAttributes: [MEILI_ATTR.dateValue, MEILI_ATTR.statementDoc, MEILI_ATTR.statementIdx],
    rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness", `${MEILI_ATTR.dateValue}:desc`, `${MEILI_ATTR.statementDoc}:asc`, `${MEILI_ATTR.statementIdx}:asc`],
  };
}
