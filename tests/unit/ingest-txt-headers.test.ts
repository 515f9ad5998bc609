/** Issue 14, item 8: a .txt may start with its date, source and address, in Russian or Latin, and they leave the body. */
import { describe, expect, it } from "vitest";
import { readText } from "@/lib/ingest/read-text";
import { toDocument } from "@/lib/ingest/to-document";

const BODY = "Вымышленный заголовок о консультациях\nПервый абзац вымышленной статьи.\nВторой абзац.\n";

describe(".txt provenance header", () => {
  it("Latin Date/Source/URL become the document's fields and are not paragraphs", () => {
    const doc = toDocument(readText("en.txt", `Date: 14.11.2031\nSource: Example Gazette\nURL: https://gazette.example/a\n\n${BODY}`)[0]!);
    expect(doc).toMatchObject({ date: "2031-11-14", source: "Example Gazette", url: "https://gazette.example/a", title: "Вымышленный заголовок о консультациях" });
    expect(doc.paragraphs).toEqual(["Первый абзац вымышленной статьи.", "Второй абзац."]);
    expect(doc.paragraphs.join(" ")).not.toMatch(/Date|Source|gazette/);
  });

  it("Russian and Latin names mix, in any case, and a title line keeps its colon", () => {
    const doc = toDocument(readText("mix.txt", `дата: 2031-11-14\nSOURCE: Вымышленные известия\n${BODY}`)[0]!);
    expect(doc.date).toBe("2031-11-14");
    expect(doc.source).toBe("Вымышленные известия");
    expect(doc.title).toBe("Вымышленный заголовок о консультациях");
  });

  it("a bad date or address is reported as file:line: field, on the header's own line", () => {
    expect(() => toDocument(readText("d.txt", `Source: Газета\nDate: 2031-13-40\n${BODY}`)[0]!)).toThrow(/^d\.txt:2: date: /);
    expect(() => toDocument(readText("u.txt", `\nДата: 2031-11-14\nURL: ftp://gazette.example/a\n${BODY}`)[0]!)).toThrow(/^u\.txt:3: url: /);
    expect(() => toDocument(readText("w.txt", `Date: вчера\n${BODY}`)[0]!)).toThrow(/^w\.txt:1: date: /);
  });

  it("without a header the first line is the title and nothing is invented", () => {
    const doc = toDocument(readText("plain.txt", BODY)[0]!);
    expect(doc.date).toBeUndefined();
    expect(doc.source).toBeUndefined();
    expect(doc.paragraphs).toHaveLength(2);
  });
});
