import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decodeText } from "@/lib/ingest/decode";
import { readTextFile } from "@/lib/ingest/read-files";
import { prepareIngest } from "@/lib/ingest/run-ingest";

const FIXTURES = path.resolve("tests/fixtures/ingest");
const fixture = (name: string) => path.join(FIXTURES, name);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ingest-enc-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe("encodings", () => {
  const QUOTE = "«Мы близки к соглашению», – отметил посол Ильяс Муратов.";
  const cases: [string, string, string, string][] = [
    ["cp1251.txt", "windows-1251", "Переговоры о транзите (cp1251) продолжатся", QUOTE],
    // KOI8-R has no «», nor the en dash.
    ["koi8r.txt", "KOI8-R", "Переговоры о транзите (KOI8-R) продолжатся", '"Мы близки к соглашению", - отметил посол Ильяс Муратов.'],
    ["utf16le-bom.txt", "UTF-16LE", "Переговоры о транзите (UTF-16LE с BOM) продолжатся", QUOTE],
    ["utf16le-nobom.txt", "UTF-16LE", "Переговоры о транзите (UTF-16LE без BOM) продолжатся", QUOTE],
  ];
  for (const [name, encoding, title, quote] of cases) {
    it(`${name} is recognised as ${encoding}, converted and said to be`, () => {
      const read = readTextFile(fixture(name));
      expect(read.decoded).toEqual({ encoding, converted: true });
      const data = read.records[0]!.data as { title: string; paragraphs: string[] };
      expect(data.title).toBe(title);
      expect(data.paragraphs[1]).toBe(quote);
      const { documents, errors } = prepareIngest([fixture(name)]);
      expect(errors).toEqual([]);
      expect(documents[0]!.document.quotes[0]?.speaker).toBe("Ильяс Муратов");
    });
  }

  it("UTF-16BE without a BOM, in Markdown, keeps its front matter", () => {
    const read = readTextFile(fixture("utf16be-nobom.md"));
    expect(read.decoded?.encoding).toBe("UTF-16BE");
    expect(read.records[0]!.data).toMatchObject({ title: "Заметка в UTF-16BE без BOM", date: "2031-02-03" });
  });

  it("UTF-8, with or without BOM, is not a conversion; short cp1251 and KOI8-R words are still told apart", () => {
    expect(decodeText("a.txt", Buffer.from("\uFEFFПривет", "utf8"))).toEqual({ text: "Привет", encoding: "UTF-8", converted: false });
    const sentence = "Министр иностранных дел заявил, что переговоры продолжатся на следующей неделе.";
    expect(decodeText("b.txt", iconv.encode(sentence, "windows-1251")).text).toBe(sentence);
    expect(decodeText("c.txt", iconv.encode(sentence, "koi8-r")).text).toBe(sentence);
  });

  it("control-character junk and NUL bytes are refused with line and byte offset", () => {
    expect(() => decodeText("junk.txt", Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/junk\.txt:1: control character U\+0001 .*line 1, byte 0/);
    const nul = Buffer.concat([Buffer.from("Заголовок\nАбзац\n", "utf8"), Buffer.alloc(100_000)]);
    expect(() => decodeText("nul.txt", nul)).toThrow(/nul\.txt:3: control character U\+0000 in the text \(line 3, byte 30\)/);
    const file = write("junk.txt", Buffer.from("Title\n\u0007\u0007\u0007\n"));
    expect(prepareIngest([file]).errors[0]!.message).toMatch(/junk\.txt:2: control character U\+0007/);
  });

  it("an XML feed or an HTML page that declares its encoding is read in it, even with too little Cyrillic to guess", () => {
    const feed = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?>\n<rss version="2.0"><channel><title>Лента</title><item><title>Да</title><link>https://example.org/1</link><description>Summary of the meeting, in English mostly; итог.</description></item></channel></rss>`, "windows-1251");
    const read = readTextFile(write("feed.xml", feed));
    expect(read.decoded).toEqual({ encoding: "windows-1251", converted: true });
    expect(read.records[0]!.data).toMatchObject({ title: "Да", source: "Лента" });
    const page = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><title>Итог</title></head><body><article><h1>Итог</h1><p>The meeting ended; да.</p></article></body></html>`, "koi8-r");
    expect(readTextFile(write("page.html", page)).decoded).toEqual({ encoding: "koi8-r", converted: true });
  });

  it("a DOS end-of-file mark is not content", () => {
    expect(decodeText("eof.txt", Buffer.from("Заголовок\r\nАбзац\r\n\u001a")).text).toBe("Заголовок\nАбзац\n");
  });
});

describe("hostile and awkward files", () => {
  it("CRLF Markdown: the last front-matter key keeps no \\r, so its date is valid", () => {
    const { documents, errors } = prepareIngest([fixture("crlf.md")]);
    expect(errors).toEqual([]);
    expect(documents[0]!.document).toMatchObject({ date: "2031-05-06", source: "Вымышленный еженедельник" });
    expect(documents[0]!.document.paragraphs).toEqual(["Первый абзац заметки, сохранённой в Блокноте.", "Второй абзац, тоже с CRLF."]);
  });

  it("a URL with NUL or other control characters is refused (JSON escapes can carry them past decoding)", () => {
    const file = write("nul-url.json", JSON.stringify({ title: "Т", paragraphs: ["А"], url: "https://example.org/a\u0000b" }));
    expect(prepareIngest([file]).errors[0]!.message).toMatch(/nul-url\.json:1: url: /);
    const text = write("ctl.json", JSON.stringify({ title: "\u0001\u0002", paragraphs: ["А"] }));
    expect(prepareIngest([text]).errors[0]!.message).toMatch(/ctl\.json:1: title: contains control characters/);
  });

  it("an item of a JSON array is reported at its own line, with the line of its bad field", () => {
    const file = write(
      "many.json",
      `[\n  {"title": "Первый", "paragraphs": ["А"]},\n  {\n    "title": "Второй",\n    "paragraphs": ["Б"],\n    "date": "2031-13-01"\n  },\n  {"title": "", "paragraphs": ["В"]}\n]\n`,
    );
    const messages = prepareIngest([file]).errors.map((e) => e.message);
    expect(messages).toEqual([expect.stringMatching(/many\.json:6: date: item 1: /), expect.stringMatching(/many\.json:8: title: item 2: /)]);
  });

  it("an empty .jsonl, or an empty JSON array, is refused with a message", () => {
    expect(prepareIngest([write("empty.jsonl", "")]).errors[0]!.message).toMatch(/empty\.jsonl:1: empty \.jsonl file/);
    expect(prepareIngest([write("blank.jsonl", "\n\n  \n")]).errors[0]!.message).toMatch(/blank\.jsonl:1: empty \.jsonl file/);
    expect(prepareIngest([write("none.json", "[]")]).errors[0]!.message).toMatch(/none\.json:1: the array holds no documents/);
  });
});
