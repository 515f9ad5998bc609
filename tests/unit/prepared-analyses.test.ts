import { describe, expect, it } from "vitest";
import { indexTexts, PreparedAnalyses, type IndexTextSource } from "@/lib/ingest/prepared-analyses";
import type { CommentaryDocument } from "@/lib/validations/document";

// Fictional text, written for this test.
const doc = (n: number) =>
  ({ title: `Заголовок ${n}`, paragraphs: [`Абзац ${n}.`, "Второй абзац."], quotes: [{ text: `Цитата ${n}`, speaker: "Иван Примеров", paragraph: 0 }] }) as unknown as CommentaryDocument;
const answer = (t: string): [string, string] => [`i:${t}`, `e:${t}`];

/** A stand-in for the analysis pool: records what it was asked for. */
function recorder(): IndexTextSource & { submitted: string[] } {
  const submitted: string[] = [];
  return {
    submitted,
    submit: (texts) => void submitted.push(...texts),
    take: (t) => (submitted.includes(t) ? answer(`pool ${t}`) : undefined),
    drainTokens: () => {},
    reset: () => {},
  };
}

describe("index texts analysed on the extraction threads (lib/ingest/prepared-analyses.ts)", () => {
  it("answers the texts it holds, passes every other text to the pool, and never submits one it holds", () => {
    const prepared = new PreparedAnalyses();
    prepared.fallback = recorder();
    prepared.add(doc(1), indexTexts(doc(1)).map(answer), [["абзац", { norm: "абзац", terms: ["абзац"], key: "абзац", stop: false, joined: "абзац" }]]);
    prepared.submit(indexTexts(doc(1)));
    prepared.submit(indexTexts(doc(2)));
    expect((prepared.fallback as ReturnType<typeof recorder>).submitted).toEqual(indexTexts(doc(2)));
    expect(prepared.take("Абзац 1.\nВторой абзац.")).toEqual(answer("Абзац 1.\nВторой абзац."));
    expect(prepared.take("Заголовок 2")).toEqual(answer("pool Заголовок 2"));
    expect(prepared.take("никогда не виденный текст")).toBeUndefined();
    expect(prepared.taken).toBe(1);
    const tokens: string[] = [];
    prepared.drainTokens((surface) => tokens.push(surface));
    prepared.drainTokens((surface) => tokens.push(surface));
    expect(tokens).toEqual(["абзац"]);
  });

  it("keeps answers for no more text than its budget, and ignores answers that do not match the document", () => {
    const prepared = new PreparedAnalyses(40);
    const input = (n: number) => ({ title: "x".repeat(n), paragraphs: ["y".repeat(n)] });
    expect(prepared.reserve(input(10))).toBe(true);
    expect(prepared.reserve(input(10))).toBe(true);
    expect(prepared.reserve(input(1))).toBe(false);
    prepared.add(doc(3), [answer("only one")], []);
    expect(prepared.documents).toBe(0);
    expect(prepared.take("Заголовок 3")).toBeUndefined();
  });
});
