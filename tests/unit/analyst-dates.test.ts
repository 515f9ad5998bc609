import { describe, expect, it } from "vitest";
import { dateBoundsOf, dateNumber, inBounds, isPartialDate, lowerBound, upperBound } from "@/lib/search/date-range";
import { bucketsBetween, granularityFor, timelineFromMonths } from "@/lib/search/timeline";
import { parseSearchParams, toSearchString } from "@/lib/validations/search-params";

describe("partial dates", () => {
  it("accepts a year, a month or a real day", () => {
    for (const s of ["2024", "2024-02", "2024-02-29", "0001", "1999-12-31"]) expect(isPartialDate(s)).toBe(true);
    for (const s of ["24", "2024-13", "2024-00", "2023-02-29", "2024-04-31", "2024-1", "2024/01", "2024-01-01T00", "0000", "", " 2024"]) expect(isPartialDate(s)).toBe(false);
  });

  it("bounds name the first and last day", () => {
    expect([lowerBound("2024"), upperBound("2024")]).toEqual([20240101, 20241231]);
    expect([lowerBound("2024-02"), upperBound("2024-02")]).toEqual([20240201, 20240231]);
    expect([lowerBound("2024-02-10"), upperBound("2024-02-10")]).toEqual([20240210, 20240210]);
    expect(dateBoundsOf({})).toBeUndefined();
    expect(dateBoundsOf({ from: "2023" })).toEqual({ min: 20230101 });
    expect(inBounds(dateNumber("2024-02-29"), { max: upperBound("2024-02") })).toBe(true);
    expect(inBounds(0, { min: 1 })).toBe(false);
  });
});

describe("timeline buckets", () => {
  it("is monthly up to 36 months, yearly past that", () => {
    expect(granularityFor(20210101, 20231231)).toBe("month");
    expect(granularityFor(20210101, 20240101)).toBe("year");
    expect(bucketsBetween(20231115, 20240210).map((b) => b.key)).toEqual(["2023-11", "2023-12", "2024-01", "2024-02"]);
    expect(bucketsBetween(20190101, 20240101).map((b) => b.key)).toEqual(["2019", "2020", "2021", "2022", "2023", "2024"]);
  });

  it("fills empty buckets and sums months into years", () => {
    const months = new Map([
      [201806, 2],
      [202401, 3],
      [202402, 1],
    ]);
    expect(timelineFromMonths(months, 4)).toEqual({
      granularity: "year",
      buckets: [
        { key: "2018", count: 2 },
        { key: "2019", count: 0 },
        { key: "2020", count: 0 },
        { key: "2021", count: 0 },
        { key: "2022", count: 0 },
        { key: "2023", count: 0 },
        { key: "2024", count: 4 },
      ],
      undated: 4,
    });
    expect(timelineFromMonths(new Map(), 2)).toEqual({ granularity: "year", buckets: [], undated: 2 });
  });
});

describe("from, to and sort in the URL", () => {
  const parse = (s: string) => parseSearchParams(Object.fromEntries(new URLSearchParams(s)), 10);

  it("reads a date range and keeps it in links", () => {
    const r = parse("q=санкции&from=2023&to=2024-06");
    expect(r.ok && r.query).toMatchObject({ from: "2023", to: "2024-06" });
    if (r.ok) expect(toSearchString(r.query)).toBe("?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8&from=2023&to=2024-06");
  });

  it("refuses malformed dates and a reversed range in Russian", () => {
    expect(parse("from=2024-13")).toEqual({ ok: false, field: "from", error: "from: дата должна быть в виде ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД" });
    expect(parse("to=вчера")).toMatchObject({ ok: false, field: "to" });
    expect(parse("from=2024&to=2023")).toMatchObject({ ok: false, field: "from", error: expect.stringContaining("позже") });
  });

  it("sorts by relevance, newest or oldest; date is newest", () => {
    expect(parse("sort=oldest")).toMatchObject({ ok: true, query: { sort: "oldest" } });
    expect(parse("sort=date")).toMatchObject({ ok: true, query: { sort: "newest" } });
    const bad = parse("sort=alphabet");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^sort: порядок должен быть/);
    const r = parse("sort=newest");
    if (r.ok) expect(toSearchString(r.query)).toBe("?sort=newest");
  });
});
