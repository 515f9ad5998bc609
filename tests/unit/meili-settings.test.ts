import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

/** Next's typings require NODE_ENV in ProcessEnv; the config parser does not. */
const testEnv = (e: Record<string, string | undefined>) => e as unknown as NodeJS.ProcessEnv;
import { primaryKeyOf, recordVersion, toMeiliDocument } from "@/lib/search/engines/meilisearch/document";
import { CHUNK_TOKENS, searchableFields, wordQ, wordToken } from "@/lib/search/engines/meilisearch/text";
import { facetKey } from "@/lib/search/engines/meilisearch/keys";
import { buildSettings, buildStatementSettings } from "@/lib/search/engines/meilisearch/settings";
import { getAnalyzer } from "@/lib/text/analyzers";
import { CONTRACT_DOCUMENTS } from "../fixtures/contract-documents";

const analyzer = getAnalyzer();
const config = parseConfig(testEnv({}));

describe("Meilisearch settings", () => {
  const s = buildSettings(config, analyzer);

  it("searches the analysed strings only, titles first, and returns ids alone", () => {
    expect(s.searchableAttributes).toEqual(["title_k", "body_k", "body_more", "alt", "alt_more"]);
    expect(s.displayedAttributes).toEqual(["id", "dateValue"]);
  });

  it("filters on facet keys, dates and bookkeeping fields only, never on words", () => {
    expect(s.filterableAttributes).toEqual(["speaker_key", "institution_key", "country_key", "topic_key", "dateValue", "slug", "analyzer"]);
    expect(s.sortableAttributes).toEqual(["dateValue", "slug"]);
  });

  it("puts sort first and breaks relevance ties by date, then slug", () => {
    expect(s.rankingRules?.[0]).toBe("sort");
    expect(s.rankingRules?.slice(-2)).toEqual(["dateValue:desc", "slug:asc"]);
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

  it("leaves typos, prefixes, stop words and aliases to the shared query parser", () => {
    expect(s.typoTolerance).toEqual({ enabled: false });
    expect(s.prefixSearch).toBe("disabled");
    expect(s.stopWords).toEqual([]);
    // Synonyms would make Meilisearch alone match alias names; query-syntax expands them for both engines.
    expect(buildSettings(config, analyzer, { "Евразийский союз": ["ЕАЭС"] }).synonyms).toEqual({});
  });

  it("sets the statement index up like the document index, over one text, sorted by date, document and position", () => {
    const st = buildStatementSettings(config, analyzer);
    expect(st.searchableAttributes).toEqual(["body_k", "body_more", "alt", "alt_more"]);
    expect(st.displayedAttributes).toEqual(["id", "idx", "dateValue"]);
    expect(st.filterableAttributes).toEqual(["speaker_key", "institution_key", "country_key", "topic_key", "dateValue", "doc", "idx", "analyzer"]);
    expect(st.sortableAttributes).toEqual(["dateValue", "doc", "idx"]);
    expect(st.rankingRules?.slice(-3)).toEqual(["dateValue:desc", "doc:asc", "idx:asc"]);
    expect(st.typoTolerance).toEqual(s.typoTolerance);
    expect(st.pagination).toEqual(s.pagination);
    expect(st.faceting).toEqual(s.faceting);
  });

  it("is the same object every time (idempotent setup)", () => {
    expect(buildSettings(config, analyzer)).toEqual(s);
  });
});

describe("Meilisearch documents", () => {
  it("holds ids, facet keys, the date and the analysed text, and none of the originals", () => {
    const doc = CONTRACT_DOCUMENTS[0]!;
    const m = toMeiliDocument(doc, analyzer);
    expect(Object.keys(m).sort()).toEqual(["alt", "analyzer", "body_k", "country_key", "dateValue", "id", "institution_key", "pk", "slug", "speaker_key", "title_k", "topic_key"]);
    expect(m.id).toBe(doc.id);
    // Each token's main term in text order, stop words as written: Meilisearch's positions are the text's.
    expect(m.title_k).toBe(analyzer.analyze(doc.title).map((t) => `ъ${t.stop ? t.norm : t.terms[0]}`).join(" "));
    // The body is the paragraphs and then the topics (lib/search/indexed-text.ts), as in the embedded engine.
    expect(m.body_k.split(" ")).toHaveLength(analyzer.analyze(`${doc.paragraphs.join("\n")}\n${doc.topics.join(". ")}`).length);
    expect(m.body_k).toContain("ъпосредничество");
    expect(m.body_k).toContain("ъроль ъмедиатор");
    expect(m.dateValue).toBe(20240310);
    expect(m.analyzer).toBe(recordVersion(analyzer));
    expect(m.analyzer).toContain(analyzer.version);
    expect(m.speaker_key).toEqual([facetKey("Иван Петров")]);
  });

  it("puts the other readings of ambiguous words in alt, and cuts a long body into chunks under body_more", () => {
    const text = searchableFields(analyzer, "", "Стали известны планы");
    const stali = analyzer.analyze("Стали")[0]!;
    expect(stali.terms.length).toBeGreaterThan(1);
    expect(text.body_k.split(" ")[0]).toBe(wordToken(stali.terms[0]!));
    // Apart from each other (". "), so no two alt words ever make a phrase.
    expect(text.alt.split(". ")).toEqual(expect.arrayContaining(stali.terms.slice(1).map(wordToken)));
    const long = searchableFields(analyzer, "", `${"обзор ".repeat(CHUNK_TOKENS * 2)}финал`);
    expect(long.body_k.split(" ")).toHaveLength(CHUNK_TOKENS);
    expect(Object.keys(long.body_more ?? {})).toEqual(["c1", "c2"]);
    expect(long.body_more?.c2).toBe("ъфинал");
  });

  it("sends an over-long key as a Latin-letter hash, the same on both sides", () => {
    const long = "а".repeat(150);
    expect(wordToken(long)).toMatch(/^ъъ[а-п]{20}$/);
    expect(searchableFields(analyzer, "", long).body_k).toBe(wordToken(analyzer.analyze(long)[0]!.terms[0]!));
    expect(wordQ(long)).toBe(wordToken(long));
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
