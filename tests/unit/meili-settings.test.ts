import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

/** Next's typings require NODE_ENV in ProcessEnv; the config parser does not. */
const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
import { ORIGINAL_FIELDS, primaryKeyOf, recordVersion, toMeiliDocument, fromMeiliHit } from "@/lib/search/engines/meilisearch/document";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { buildSettings, buildStatementSettings, meiliSynonyms } from "@/lib/search/engines/meilisearch/settings";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";

const analyzer = getAnalyzer();
const config = parseConfig(testEnv({}));

describe("Meilisearch settings", () => {
  const s = buildSettings(config, analyzer);

  it("searches analyzed fields only, titles first", () => {
    expect(s.searchableAttributes).toEqual(["title_terms", "title_exact", "body_terms", "body_exact"]);
    expect(s.displayedAttributes).toEqual([...ORIGINAL_FIELDS]);
  });

  it("filters on every facet, date and source, and the matching arrays", () => {
    expect(s.filterableAttributes).toEqual(
      expect.arrayContaining(["speaker_key", "institution_key", "country_key", "topic_key", "date", "dateValue", "source", "slug", "terms", "words", "bigrams", "keypairs", "analyzer"]),
    );
    expect(s.sortableAttributes).toEqual(["dateValue"]);
  });

  it("puts sort first and breaks relevance ties by date", () => {
    expect(s.rankingRules?.[0]).toBe("sort");
    expect(s.rankingRules?.at(-1)).toBe("dateValue:desc");
  });

  it("sizes faceting and pagination from config", () => {
    expect(s.faceting).toEqual({
      maxValuesPerFacet: config.MEILI_MAX_VALUES_PER_FACET,
      sortFacetValuesBy: { speaker_key: "count", institution_key: "count", country_key: "count", topic_key: "count" },
    });
    expect(s.pagination).toEqual({ maxTotalHits: config.MEILI_MAX_TOTAL_HITS });
    const big = buildSettings({ MEILI_MAX_TOTAL_HITS: 2_000_000, MEILI_MAX_VALUES_PER_FACET: 20_000 }, analyzer);
    expect(big.pagination?.maxTotalHits).toBe(2_000_000);
    expect(big.faceting?.maxValuesPerFacet).toBe(20_000);
  });

  it("leaves typos and stop words to the shared analyzer", () => {
    expect(s.typoTolerance).toEqual({ enabled: false });
    expect(s.stopWords).toEqual([]);
  });

  it("sets the statement index up like the document index, over one text, sorted by date, document and position", () => {
    const st = buildStatementSettings(config, analyzer);
    expect(st.searchableAttributes).toEqual(["body_terms", "body_exact"]);
    expect(st.filterableAttributes).toEqual(expect.arrayContaining(["speaker_key", "institution_key", "country_key", "topic_key", "date", "dateValue", "doc", "idx", "terms", "words", "bigrams", "keypairs", "analyzer"]));
    expect(st.sortableAttributes).toEqual(["dateValue", "doc", "idx"]);
    expect(st.rankingRules).toEqual([...s.rankingRules!, "idx:asc"]);
    expect(st.typoTolerance).toEqual(s.typoTolerance);
    expect(st.pagination).toEqual(s.pagination);
    expect(st.faceting).toEqual(s.faceting);
  });

  it("is the same object every time (idempotent setup)", () => {
    expect(buildSettings(config, analyzer)).toEqual(s);
  });

  it("turns alias groups into two-way synonyms over analyzed terms", () => {
    const syn = meiliSynonyms({ "Евразийский союз": ["ЕАЭС"] }, analyzer);
    const union = analyzer.indexText("Евразийский союз");
    const abbr = analyzer.indexText("ЕАЭС");
    expect(syn[union]).toEqual([abbr]);
    expect(syn[abbr]).toEqual([union]);
    expect(buildSettings(config, analyzer, { "Евразийский союз": ["ЕАЭС"] }).synonyms).toEqual(syn);
    expect(s.synonyms).toEqual({});
  });
});

describe("Meilisearch documents", () => {
  it("keeps the original fields and adds analyzed ones", () => {
    const doc = CONTRACT_DOCUMENTS[0]!;
    const m = toMeiliDocument(doc, analyzer);
    expect(fromMeiliHit(m as unknown as Record<string, unknown>)).toEqual(doc);
    expect(m.title_terms).toBe(analyzer.indexText(doc.title));
    // The body is the paragraphs and then the topics (lib/search/indexed-text.ts), as in the embedded engine.
    expect(m.body_exact).toBe(analyzer.exactText(`${doc.paragraphs.join("\n")}\n${doc.topics.join(". ")}`));
    expect(m.terms).toContain("посредничество");
    expect(m.terms).toContain("медиатор");
    expect(m.bigrams).toContain("роль медиатора");
    expect(m.dateValue).toBe(20240310);
    expect(m.analyzer).toBe(recordVersion(analyzer));
    expect(m.analyzer).toContain(analyzer.version);
    expect(m.speaker_key).toEqual([facetKey("Иван Петров")]);
  });

  it("omits dateValue for undated documents so they sort last", () => {
    const undated = CONTRACT_DOCUMENTS.find((d) => !d.date)!;
    expect("dateValue" in toMeiliDocument(undated, analyzer)).toBe(false);
  });

  it("derives valid, stable, distinct primary keys", () => {
    expect(primaryKeyOf("contract-kazakhstan")).toBe("contract-kazakhstan");
    const url = primaryKeyOf("https://example.org/turkey?x=1&y=2");
    expect(url).toMatch(/^h__[0-9a-f]{64}$/);
    expect(primaryKeyOf("https://example.org/turkey?x=1&y=2")).toBe(url);
    expect(primaryKeyOf("h__abc")).not.toBe("h__abc");
    expect(primaryKeyOf("x".repeat(600))).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
  });
});

describe("loadAliases", () => {
  it("reads config/aliases.ts entries { short, full } as alias groups, and nothing when the file is absent", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { loadAliases } = await import("@/lib/search/engines/meilisearch/aliases");
    const dir = mkdtempSync(join(tmpdir(), "aliases-"));
    const file = join(dir, "aliases.mjs");
    writeFileSync(file, 'export const ALIASES = [{ short: "ЕАЭС", full: ["Евразийский экономический союз"] }];\n');
    expect(await loadAliases(file)).toEqual({ ЕАЭС: ["Евразийский экономический союз"] });
    expect(await loadAliases(join(dir, "missing.ts"))).toBeUndefined();
  });
});
