import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readRecordsAsync } from "@/lib/ingest/read-files";
import { readFeed } from "@/lib/ingest/read-feed";
import { readHtml } from "@/lib/ingest/read-html";
import { readDocx } from "@/lib/ingest/read-docx";
import { readText } from "@/lib/ingest/read-text";
import { readWikiDump, wikitextToArticle, WIKINEWS_LICENSE } from "@/lib/ingest/read-wiki-dump";
import { normaliseDate, readHeaders } from "@/lib/ingest/metadata";
import { toDocument } from "@/lib/ingest/to-document";
import type { SourceRecord } from "@/lib/ingest/source-record";

const FIXTURES = path.resolve("tests/fixtures/ingest");
const fixture = (name: string) => path.join(FIXTURES, name);
const read = (name: string) => fs.readFileSync(fixture(name), "utf8");
type Data = Record<string, unknown> & { title: string; paragraphs: string[] };
const data = (r: SourceRecord) => r.data as Data;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-readers-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function all(gen: AsyncIterable<SourceRecord>): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

describe("HTML pages", () => {
  const [record] = readHtml(fixture("page-with-comments.html"), read("page-with-comments.html"));
  const page = data(record!);

  it("keeps the article's paragraphs and quotes, and drops menus, byline, comments, related links and footer", () => {
    expect(page.paragraphs).toEqual([
      "Консультации о транзитном коридоре между тремя вымышленными республиками завершились в Нурабаде подписанием протокола о намерениях.",
      "«Мы впервые обсуждаем не только тарифы, но и общие правила для перевозчиков», – отметил директор Центра степных исследований Арман Жолдасов.",
      "По его словам, следующий раунд запланирован на осень, а рабочие группы займутся таможенными процедурами и цифровыми накладными.",
      "Эксперт добавил, что без согласования расписаний логистика останется главным узким местом проекта.",
    ]);
    const text = page.paragraphs.join("\n");
    for (const junk of ["Комментарии", "Читатель_42", "Спасибо за статью", "Читайте также", "Цены на зерно", "Все права защищены", "Экономика"]) {
      expect(text).not.toContain(junk);
    }
  });

  it("takes title, date (as written, not moved to UTC), author, canonical URL and source from the page's metadata", () => {
    expect(page.title).toBe("Эксперт: переговоры о транзите вышли на новый уровень");
    expect(page.date).toBe("2031-04-17");
    expect(page.author).toBe("Дина Ахметова");
    expect(page.url).toBe("https://vestnik-stepi.example/politics/tranzit-2031");
    expect(page.source).toBe("Вестник Степи");
  });

  it("becomes a document whose quote is attributed", () => {
    const doc = toDocument(record!);
    expect(doc.quotes.some((q) => q.speaker === "Арман Жолдасов")).toBe(true);
    expect(doc.author).toBe("Дина Ахметова");
  });

  it("falls back to the page body without chrome when Readability finds too little text, and to <time> for the date", () => {
    const html = `<html><head><title>Коротко</title></head><body><nav>Меню сайта</nav><main><h1>Коротко о встрече</h1><time datetime="2031-01-02T10:00">2 января</time><p>Встреча прошла.</p></main><footer>Подвал</footer></body></html>`;
    const d = data(readHtml("short.html", html)[0]!);
    expect(d.title).toBe("Коротко о встрече");
    expect(d.paragraphs).toContain("Встреча прошла.");
    expect(d.paragraphs.join(" ")).not.toMatch(/Меню|Подвал/);
    expect(d.date).toBe("2031-01-02");
  });
});

describe("feeds", () => {
  it("RSS 2.0: one document per item, full text from content:encoded, HTML in descriptions turned into text, relative links resolved", () => {
    const records = readFeed(fixture("feed-rss.xml"), read("feed-rss.xml"));
    expect(records).toHaveLength(2);
    const [a, b] = records.map(data);
    expect(a!.title).toBe("Дипломаты обсудили водный вопрос");
    expect(a!.url).toBe("https://obozrenie.example/news/vodnyi-vopros");
    expect(a!.date).toBe("2031-07-05");
    expect(a!.source).toBe("Обозрение & Анализ");
    expect(a!.author).toBe("Олег Ветров");
    expect(a!.paragraphs).toEqual([
      "Встреча по распределению воды в бассейне вымышленной реки Сарыозен прошла в закрытом режиме.",
      "«Мы готовы к компромиссу по квотам», – заявил заместитель министра Руслан Беков.",
      "Подробнее читайте в полной версии.",
    ]);
    expect(b!.url).toBe("https://obozrenie.example/news/torgovoe-soglashenie");
    expect(b!.paragraphs).toEqual(["Соглашение снизит пошлины на сельхозтехнику.", "«Это важный сигнал для инвесторов», – считает аналитик Марина Лисова."]);
    expect(records.map((r) => r.item)).toEqual([0, 1]);
    expect(toDocument(records[1]!).quotes[0]?.speaker).toBe("Марина Лисова");
  });

  it("Atom: content over summary, xml:base for relative links, HTML titles as text", () => {
    const [entry] = readFeed(fixture("feed-atom.xml"), read("feed-atom.xml")).map(data);
    expect(entry!.title).toBe("Итоги летней сессии");
    expect(entry!.url).toBe("https://think-tank.example/blog/2031/08/itogi");
    expect(entry!.date).toBe("2031-08-01");
    expect(entry!.source).toBe("Блог Института");
    expect(entry!.author).toBe("Редакция блога");
    expect(entry!.paragraphs).toHaveLength(2);
  });

  it("a feed without items, or XML that is no feed, is an error", () => {
    expect(() => readFeed("empty.rss", `<rss version="2.0"><channel><title>Пусто</title></channel></rss>`)).toThrow(/no items/);
    expect(() => readFeed("other.xml", `<catalog><book/></catalog>`)).toThrow(/not an RSS or Atom feed/);
    expect(() => readFeed("bad.rss", `<rss><channel><item></channel></rss>`)).toThrow(/bad\.rss:\d+: invalid XML/);
  });
});

describe("Word files", () => {
  async function makeDocx(): Promise<Buffer> {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph("Сноска: по данным оргкомитета.")] } },
      sections: [
        {
          children: [
            new Paragraph({ text: "Итоги консультаций в Нурабаде", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun("Консультации завершились подписанием протокола"), new FootnoteReferenceRun(1), new TextRun(".")] }),
            new Paragraph({ text: "Позиции сторон", heading: HeadingLevel.HEADING_2 }),
            new Paragraph("«Мы рассчитываем на продолжение диалога», – отметил посол Ильяс Муратов."),
          ],
        },
      ],
    });
    return Buffer.from(await Packer.toBuffer(doc));
  }

  it("reads the title from the first heading, headings and paragraphs in order, footnote markers and notes dropped", async () => {
    const [record] = await readDocx("note.docx", await makeDocx());
    expect(data(record!).title).toBe("Итоги консультаций в Нурабаде");
    expect(data(record!).paragraphs).toEqual([
      "Консультации завершились подписанием протокола.",
      "Позиции сторон",
      "«Мы рассчитываем на продолжение диалога», – отметил посол Ильяс Муратов.",
    ]);
    expect(toDocument(record!).quotes[0]?.speaker).toBe("Ильяс Муратов");
  });

  it("goes through the asynchronous reader by extension; a file that is no .docx is a located error", async () => {
    const file = path.join(dir, "note.docx");
    fs.writeFileSync(file, await makeDocx());
    expect((await all(readRecordsAsync(file))).map((r) => r.format)).toEqual(["docx"]);
    const bad = path.join(dir, "bad.docx");
    fs.writeFileSync(bad, "not a zip");
    await expect(all(readRecordsAsync(bad))).rejects.toThrow(/bad\.docx: not a readable Word \(\.docx\) file/);
  });
});

describe(".txt header lines", () => {
  it("Дата, Источник, URL and Автор at the top become metadata; the title and paragraphs follow", () => {
    const [record] = readText(fixture("text-with-headers.txt"), read("text-with-headers.txt"));
    const d = data(record!);
    expect(d).toMatchObject({
      date: "2031-03-03",
      source: "Вымышленные известия",
      url: "https://izvestia.example/2031/03/03/konsultacii",
      author: "Пётр Самойлов",
      title: "Консультации в Нурабаде продолжатся весной",
    });
    expect(d.paragraphs).toHaveLength(2);
    const doc = toDocument(record!);
    expect(doc.date).toBe("2031-03-03");
    expect(doc.quotes[0]?.speaker).toBe("Ильяс Муратов");
  });

  it("a bad header value is reported on its own line", () => {
    const [record] = readText("h.txt", "Источник: Газета\nДата: 31.02.2031\n\nЗаголовок\nТекст.\n");
    expect(() => toDocument(record!)).toThrow(/^h\.txt:2: date: /);
  });

  it("a text without headers reads as before, and a first line that only looks like one stays the title", () => {
    expect(data(readText("a.txt", "Заголовок\nАбзац.\n")[0]!)).toEqual({ title: "Заголовок", paragraphs: ["Абзац."] });
    expect(data(readText("b.txt", "Итоги: что решили министры\nАбзац.\n")[0]!).title).toBe("Итоги: что решили министры");
  });

  it("dates are read as written in every common form", () => {
    expect(["2031-03-03", "03.03.2031", "3 марта 2031 г.", "3 мая 2031", "Mon, 03 Mar 2031 23:59:00 +0300", "March 3, 2031", "2031-03-03T23:30:00-05:00"].map(normaliseDate)).toEqual([
      "2031-03-03",
      "2031-03-03",
      "2031-03-03",
      "2031-05-03",
      "2031-03-03",
      "2031-03-03",
      "2031-03-03",
    ]);
    expect(readHeaders(["", "Автор: Я", "Автор: Он"]).fields).toEqual({ author: "Я" });
  });
});

describe("MediaWiki dumps", () => {
  it("wikitext becomes plain paragraphs: templates, tables, references, sources section and categories dropped; the date template read", () => {
    const { paragraphs, date } = wikitextToArticle(
      `{{дата|12 сентября 2031}}\n'''Нурабад''' — Текст [[Сарыозен|Сарыозена]].<ref>Сноска</ref>\n\n{| class="wikitable"\n|-\n| a || b\n|}\n\nВторой абзац.\n\n== Источники ==\n{{источники}}\n* [https://example.org Ссылка]\n[[Категория:Дипломатия]]`,
    );
    expect(date).toBe("2031-09-12");
    expect(paragraphs).toEqual(["Нурабад — Текст Сарыозена.", "Второй абзац."]);
  });

  for (const name of ["wikinews-sample.xml", "wikinews-sample.xml.bz2"]) {
    it(`streams ${name}: main-namespace articles only (no redirects, talk pages or empty stubs), with date, URL, source and licence`, async () => {
      const skipped = { count: 0 };
      const records = await all(readRecordsAsync(fixture(name), { skipped }));
      expect(records.map((r) => data(r).title)).toEqual(["В Нурабаде открылся форум степных государств", "Каменный край/Выборы"]);
      expect(skipped.count).toBe(1);
      const [first, second] = records.map(data);
      expect(first).toMatchObject({ date: "2031-09-12", source: "Викиновости", license: WIKINEWS_LICENSE });
      expect(first!.url).toBe(`https://ru.wikinews.org/wiki/${encodeURIComponent("В_Нурабаде_открылся_форум_степных_государств")}`);
      expect(first!.paragraphs).toEqual([
        "Нурабад, 12 сентября — В столице вымышленной Степной республики открылся форум степных государств, на который приехали делегации Сарыозена и Каменного края.",
        "«Мы приехали договариваться, а не спорить», – заявил глава делегации Сарыозена Бахыт Ержанов.",
        "Форум продлится три дня; в программе — круглые столы по водным ресурсам и транзиту.",
      ]);
      // No date template: the first revision's day; a subpage keeps its slash in the URL.
      expect(second!.date).toBe("2031-10-02");
      expect(second!.url).toBe(`https://ru.wikinews.org/wiki/${encodeURIComponent("Каменный_край")}/${encodeURIComponent("Выборы")}`);
      const doc = toDocument(records[0]!);
      expect(doc.license).toBe(WIKINEWS_LICENSE);
      expect(doc.quotes[0]?.speaker).toBe("Бахыт Ержанов");
    });
  }

  it("a broken dump is an error with its line", async () => {
    const file = path.join(dir, "broken.xml");
    fs.writeFileSync(file, `<mediawiki>\n<page>\n<title>А</title>\n<ns>0</ns>\n<revision><text>Текст</revision>\n</page>\n</mediawiki>\n`);
    await expect(all(readWikiDump(file))).rejects.toThrow(/broken\.xml:5: invalid MediaWiki dump/);
  });
});
