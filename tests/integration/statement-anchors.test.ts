/**
 * Over the shipped archive (the seed article and content/samples): every stored statement's
 * permalink anchor exists on its article page, exactly once, on the statement's own text.
 */
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleBody } from "@/components/article-body";
import { openDatabase } from "@/lib/archive/db";
import { listInputFiles } from "@/lib/ingest/read-files";
import { prepareIngest } from "@/lib/ingest/run-ingest";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import type { StatementHit } from "@/lib/search/statement-hit";
import { emptyFilters } from "@/lib/search/types";
import { placeStatements } from "@/lib/statement-anchors";
import { getAnalyzer } from "@/lib/text/analyzers";

const CONTENT = path.resolve(__dirname, "../../content");

describe("statement anchors over the sample archive", () => {
  it("puts every statement's #quote-N anchor on its article page", async () => {
    const prepared = prepareIngest(listInputFiles([CONTENT]));
    expect(prepared.errors).toEqual([]);
    const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
    await engine.upsert(prepared.documents.map((d) => d.document));

    const hits: StatementHit[] = [];
    for (let page = 1; ; page++) {
      const r = await engine.searchStatements({ q: "", filters: emptyFilters(), sort: "date", page, perPage: 100 });
      hits.push(...r.hits);
      if (page >= r.pageCount) break;
    }
    const quoteCount = prepared.documents.reduce((n, d) => n + d.document.quotes.length, 0);
    expect(quoteCount).toBeGreaterThan(0);
    expect(hits).toHaveLength(quoteCount);

    const pages = new Map<string, string>();
    for (const hit of hits) {
      const [pathname, anchor] = hit.url.split("#");
      expect(pathname).toBe(`/articles/${hit.document.slug}`);
      let html = pages.get(hit.document.slug);
      if (html === undefined) {
        const doc = (await engine.getDocument(hit.document.slug))!;
        html = renderToStaticMarkup(createElement(ArticleBody, { doc, mark: (t: string) => t }));
        pages.set(hit.document.slug, html);
      }
      expect(html.split(`id="${anchor}"`).length - 1, `${hit.url} appears once`).toBe(1);
    }
  });

  it("places every statement that has offsets by them, on text that matches its start", () => {
    const prepared = prepareIngest(listInputFiles([CONTENT]));
    for (const { document: doc } of prepared.documents) {
      const parts = placeStatements(doc.paragraphs, doc.quotes);
      doc.quotes.forEach((q, i) => {
        if (q.start === undefined || q.end === undefined) return;
        const first = parts.find((p) => p.index === i && p.first)!;
        expect(first.how, `${doc.slug} quote ${i + 1}`).toBe("offsets");
        // The first word of the statement is where its offsets say.
        const word = q.text.split(/\s+/)[0]!;
        expect(doc.paragraphs[first.paragraph]!.slice(first.start, first.end), `${doc.slug} quote ${i + 1}`).toContain(word);
      });
    }
  });

  it("marks a multi-paragraph statement in every part, anchored once on the first, and needs no CSS for simple ones", () => {
    const paragraphs = ["Он сказал: «Первая часть", "и вторая часть», — и ушёл. «Отдельная цитата»."];
    const doc = {
      id: "x",
      slug: "x",
      title: "X",
      paragraphs,
      topics: [],
      speakers: [],
      institutions: [],
      contentHash: "",
      quotes: [
        { text: "Первая часть и вторая часть", paragraph: 0, start: 12, endParagraph: 1, end: 14 },
        { text: "Отдельная цитата", paragraph: 1, start: 28, end: 44 },
      ],
    };
    const html = renderToStaticMarkup(createElement(ArticleBody, { doc, mark: (t: string) => t }));
    expect(html.split('id="quote-1"').length - 1).toBe(1);
    expect(html.split('id="quote-2"').length - 1).toBe(1);
    expect(html.match(/data-quote="1"/g)).toHaveLength(2);
    expect(html).toContain('.article-body:has(#quote-1:target) [data-quote~="1"]');
    expect(html).not.toContain("#quote-2:target");
    expect(html).toMatch(/id="quote-1"[^>]*>Первая часть</);
    expect(html).toMatch(/data-quote="1"[^>]*>и вторая часть</);
    expect(html).toMatch(/id="quote-2"[^>]*>Отдельная цитата</);
  });
});
