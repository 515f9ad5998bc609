import { describe, expect, it } from "vitest";
import { articleParts, partFromParam } from "@/lib/article-parts";

describe("long articles in parts", () => {
  it("keeps a short article whole", () => {
    expect(articleParts(["a".repeat(10), "b".repeat(10)], 100)).toEqual([{ number: 1, from: 0, to: 2 }]);
    expect(articleParts([], 100)).toEqual([{ number: 1, from: 0, to: 0 }]);
  });

  it("cuts at paragraph boundaries so no part passes the budget, except a paragraph longer than it alone", () => {
    const ps = [40, 40, 40, 250, 10, 10].map((n) => "x".repeat(n));
    const parts = articleParts(ps, 100);
    expect(parts).toEqual([
      { number: 1, from: 0, to: 2 },
      { number: 2, from: 2, to: 3 },
      { number: 3, from: 3, to: 4 },
      { number: 4, from: 4, to: 6 },
    ]);
    // Every paragraph in exactly one part, in order.
    expect(parts.flatMap((p) => Array.from({ length: p.to - p.from }, (_, k) => p.from + k))).toEqual([0, 1, 2, 3, 4, 5]);
    for (const p of parts) {
      const size = ps.slice(p.from, p.to).reduce((n, s) => n + s.length, 0);
      expect(size <= 100 || p.to - p.from === 1).toBe(true);
    }
  });

  it("reads ?part= safely", () => {
    expect(partFromParam(undefined, 3)).toBe(1);
    expect(partFromParam("2", 3)).toBe(2);
    expect(partFromParam("99", 3)).toBe(3);
    expect(partFromParam("0", 3)).toBe(1);
    expect(partFromParam("x", 3)).toBe(1);
    expect(partFromParam(["2", "3"], 3)).toBe(2);
  });
});
