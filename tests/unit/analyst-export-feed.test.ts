import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { documentColumns, exportStream, statementColumns } from "@/lib/export";
import { documentsFeed, feedHref, htmlText, statementsFeed } from "@/lib/feed";
import type { StatementHit } from "@/lib/search/statement-hit";
import { emptyFilters, type SearchHit, type SearchQuery } from "@/lib/search/types";

const HOSTILE = 'Фонд "Диалог", <script>alert(1)</script> & co\nвторая строка';

function doc(i: number, over: Partial<SearchHit> = {}): SearchHit {
  return {
    id: `doc-${i}`,
    slug: `doc-${i}`,
    title: `Документ ${i}`,
    titleHighlighted: [],
    date: `2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
    source: "Эксперт",
    speakers: [{ name: "Иван Петров" }, { name: "Анна Смирнова" }],
    institutions: ["МГИМО"],
    topics: ["Санкции"],
    countries: ["Россия"],
    snippet: [{ text: "санкции и энергетика", hit: false }],
    ...over,
  } as SearchHit;
}

async function read(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A fake engine over `n` documents, counting the pages asked for. */
function pages(n: number, make = doc) {
  const all = Array.from({ length: n }, (_, i) => make(i));
  const asked: number[] = [];
  return {
    asked,
    fetchPage: async (page: number, perPage: number) => {
      asked.push(page);
      return { hits: all.slice((page - 1) * perPage, page * perPage), total: n };
    },
  };
}

describe("export", () => {
  it("writes CSV with a BOM, Cyrillic intact, quotes, commas and newlines escaped", async () => {
    const src = pages(2, (i) => doc(i, i === 1 ? { title: HOSTILE } : {}));
    const out = await exportStream({ format: "csv", cap: 100, columns: documentColumns("https://archive.test"), ...src });
    const bytes = await read(out.body);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("id,date,title,source,article,speakers,institutions,countries,topics,sample");
    expect(lines[1]).toBe("doc-0,2024-01-01,Документ 0,Эксперт,https://archive.test/articles/doc-0,Иван Петров; Анна Смирнова,МГИМО,Россия,Санкции,");
    expect(text).toContain('"Фонд ""Диалог"", <script>alert(1)</script> & co\nвторая строка"');
    expect(out).toMatchObject({ total: 2, rows: 2 });
  });

  it("stops at the cap, fetching only the pages it needs, as the reader reads", async () => {
    const src = pages(1_000);
    const out = await exportStream({ format: "csv", cap: 450, pageSize: 200, columns: documentColumns(""), ...src });
    expect(src.asked).toEqual([1]);
    const text = new TextDecoder().decode(await read(out.body));
    expect(text.trim().split("\r\n")).toHaveLength(451);
    expect(src.asked).toEqual([1, 2, 3]);
    expect(out).toMatchObject({ total: 1_000, rows: 450 });
  });

  it("writes JSON as one array of rows, statements with their permalinks", async () => {
    const hit: StatementHit = {
      id: "d:0",
      index: 0,
      text: HOSTILE,
      textHighlighted: [],
      speaker: { name: "Ольга Ким", role: "директор" },
      document: { id: "d", slug: "d", title: "Заголовок", date: "2024-02-01" },
      paragraph: 0,
      url: "/articles/d#quote-1",
      kind: "direct",
    };
    const out = await exportStream({ format: "json", cap: 10, columns: statementColumns("https://a.test"), fetchPage: async () => ({ hits: [hit], total: 1 }) });
    const rows = JSON.parse(new TextDecoder().decode(await read(out.body)));
    expect(rows).toEqual([
      { id: "d:0", date: "2024-02-01", speaker: "Ольга Ким", role: "директор", institution: "", text: HOSTILE, kind: "direct", document: "Заголовок", source: "", permalink: "https://a.test/articles/d#quote-1", sample: "" },
    ]);
    const empty = await exportStream({ format: "json", cap: 10, columns: statementColumns(""), fetchPage: async () => ({ hits: [], total: 0 }) });
    expect(JSON.parse(new TextDecoder().decode(await read(empty.body)))).toEqual([]);
  });
});

describe("Atom feed", () => {
  const query: SearchQuery = { q: "санкции", filters: { ...emptyFilters(), speaker: ["Иван Петров"] }, sort: "relevance", page: 1, perPage: 50, from: "2023" };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

  it("links to itself with the search's parameters", () => {
    expect(feedHref(query)).toBe("/feed?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8&speaker=%D0%98%D0%B2%D0%B0%D0%BD+%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2&from=2023");
  });

  it("parses as Atom with entries, links, dates and hostile text escaped", () => {
    const xml = documentsFeed({ origin: "https://archive.test", query }, [doc(1, { title: HOSTILE, date: "2024-03-10" }), doc(2, { date: undefined })]);
    expect(xml).not.toContain("<script>");
    const atom = parser.parse(xml).feed;
    expect(atom["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(atom.title).toContain("«санкции»");
    expect(atom.updated).toBe("2024-03-10T12:00:00.000Z");
    const entries = atom.entry;
    expect(entries).toHaveLength(2);
    // type="html": the plain title escaped into HTML, so a reader shows it as text.
    expect(entries[0].title["@type"]).toBe("html");
    expect(entries[0].title["#text"]).toBe(htmlText(HOSTILE));
    expect(entries[0].title["#text"]).toContain("&lt;script&gt;");
    expect(entries[0].link["@href"]).toBe("https://archive.test/articles/doc-1");
    expect(entries[0].id).toBe("https://archive.test/articles/doc-1");
    expect(entries[0].updated).toBe("2024-03-10T12:00:00.000Z");
    expect(entries[0].author.map((a: { name: string }) => a.name)).toEqual(["Иван Петров", "Анна Смирнова"]);
  });

  it("gives statements as entries with their permalinks", () => {
    const hit: StatementHit = {
      id: "d:1",
      index: 1,
      text: "давление <b>усилится</b>",
      textHighlighted: [],
      speaker: { name: "Ольга Ким" },
      document: { id: "d", slug: "d", title: "Т", date: "2024-09-01", sample: true },
      paragraph: 0,
      url: "/articles/d#quote-2",
      kind: "reported",
    };
    const atom = parser.parse(statementsFeed({ origin: "https://a.test", query: { ...query, view: "statements" } }, [hit])).feed;
    const entry = atom.entry;
    expect(entry.link["@href"]).toBe("https://a.test/articles/d#quote-2");
    expect(entry.title["#text"]).toBe("Образец: Ольга Ким: «давление &lt;b&gt;усилится&lt;/b&gt;»");
  });
});
