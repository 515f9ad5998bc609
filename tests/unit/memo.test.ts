import { describe, expect, it } from "vitest";
import { memoByString } from "@/lib/extract/memo";

describe("memoByString", () => {
  it("asks the function once per string, undefined and falsy answers included", () => {
    const calls: string[] = [];
    const kind = memoByString((w: string) => {
      calls.push(w);
      return w === "Путин" ? "surname" : w === "ноль" ? 0 : undefined;
    });
    for (let i = 0; i < 3; i++) expect([kind("Путин"), kind("сказал"), kind("ноль")]).toEqual(["surname", undefined, 0]);
    expect(calls).toEqual(["Путин", "сказал", "ноль"]);
  });

  it("keeps what is still in use across a generation and forgets what is not", () => {
    const calls: string[] = [];
    const m = memoByString((w: string) => (calls.push(w), w.length), 2);
    m("a");
    m("b"); // young is full: a, b
    m("c"); // a new generation: old = {a, b}, young = {c}
    m("a"); // found in the old generation, carried into the young one
    m("d"); // young {c, a} is full: old = {c, a}, young = {d}; b is gone
    m("b");
    expect(calls).toEqual(["a", "b", "c", "d", "b"]);
    expect(m.size()).toBeLessThanOrEqual(4);
  });
});
