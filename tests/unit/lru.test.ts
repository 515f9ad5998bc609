import { describe, expect, it } from "vitest";
import { WeightedLru } from "@/lib/search/lru";

describe("WeightedLru", () => {
  it("forgets the least recently used entries once the weight passes the budget", () => {
    const lru = new WeightedLru<number[]>(5, (v) => v.length);
    lru.set("a", [1, 1]);
    lru.set("b", [1, 1]);
    expect(lru.get("a")).toEqual([1, 1]); // a is now the most recent
    lru.set("c", [1, 1]);
    expect(lru.has("b")).toBe(false);
    expect(lru.has("a")).toBe(true);
    expect(lru.has("c")).toBe(true);
  });

  it("keeps the entry just stored even when it alone is over budget", () => {
    const lru = new WeightedLru<number[]>(3, (v) => v.length);
    lru.set("small", [1]);
    lru.set("big", [1, 1, 1, 1]);
    expect(lru.has("small")).toBe(false);
    expect(lru.get("big")).toHaveLength(4);
  });

  it("replacing a key does not count its old weight twice", () => {
    const lru = new WeightedLru<number[]>(4, (v) => v.length);
    lru.set("a", [1, 1]);
    lru.set("b", [1]);
    lru.set("a", [1, 1, 1]);
    expect(lru.has("b")).toBe(true);
    expect(lru.get("a")).toHaveLength(3);
  });
});
