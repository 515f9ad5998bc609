import { describe, expect, it } from "vitest";
import { paragraphSegments, placeStatements } from "@/lib/statement-anchors";
import type { Quote } from "@/lib/validations/document";

const P = ["«Мы за диалог», — сказал он. «Мы за диалог», — повторил он.", "Второй абзац: «начало", "и конец» цитаты."];

describe("placeStatements", () => {
  it("places a statement by its offsets, not by finding its text", () => {
    // The same words twice: only the offsets tell which one is meant.
    const quotes: Quote[] = [{ text: "Мы за диалог", paragraph: 0, start: 30, end: 42 }];
    expect(placeStatements(P, quotes)).toEqual([{ index: 0, paragraph: 0, start: 30, end: 42, first: true, how: "offsets" }]);
  });

  it("splits a statement over paragraphs into parts, the anchor on the first", () => {
    const quotes: Quote[] = [{ text: "начало и конец", paragraph: 1, start: 15, endParagraph: 2, end: 7 }];
    expect(placeStatements(P, quotes)).toEqual([
      { index: 0, paragraph: 1, start: 15, end: 21, first: true, how: "offsets" },
      { index: 0, paragraph: 2, start: 0, end: 7, first: false, how: "offsets" },
    ]);
  });

  it("falls back to the text for old data, one occurrence after another, else to the whole paragraph", () => {
    const quotes: Quote[] = [
      { text: "Мы за диалог", paragraph: 0 },
      { text: "Мы за диалог", paragraph: 0 },
      { text: "нет такого текста", paragraph: 1 },
      // Offsets out of range read as old data too.
      { text: "цитаты", paragraph: 2, start: 50, end: 60 },
    ];
    expect(placeStatements(P, quotes).map((p) => [p.paragraph, p.start, p.end, p.how])).toEqual([
      [0, 1, 13, "text"],
      [0, 30, 42, "text"],
      [1, 0, P[1]!.length, "paragraph"],
      [2, 9, 15, "text"],
    ]);
  });
});

describe("paragraphSegments", () => {
  it("cuts a paragraph at every boundary, overlapping statements included, one anchor each", () => {
    const parts = [
      { index: 0, paragraph: 0, start: 2, end: 8, first: true, how: "offsets" as const },
      { index: 1, paragraph: 0, start: 5, end: 10, first: true, how: "offsets" as const },
      { index: 2, paragraph: 0, start: 5, end: 10, first: false, how: "offsets" as const },
    ];
    expect(paragraphSegments(12, parts)).toEqual([
      { start: 0, end: 2, statements: [], anchors: [] },
      { start: 2, end: 5, statements: [0], anchors: [0] },
      { start: 5, end: 8, statements: [0, 1, 2], anchors: [1] },
      { start: 8, end: 10, statements: [1, 2], anchors: [] },
      { start: 10, end: 12, statements: [], anchors: [] },
    ]);
  });

  it("gives an empty statement part its anchor anyway", () => {
    const segs = paragraphSegments(5, [{ index: 3, paragraph: 0, start: 5, end: 5, first: true, how: "offsets" }]);
    expect(segs.flatMap((s) => s.anchors)).toEqual([3]);
  });
});
