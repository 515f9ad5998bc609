import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";
import { countResults } from "@/lib/format";

describe("Russian plurals for result counts", () => {
  it.each([
    [0, "0 результатов"],
    [1, "1 результат"],
    [2, "2 результата"],
    [4, "4 результата"],
    [5, "5 результатов"],
    [11, "11 результатов"],
    [21, "21 результат"],
    [22, "22 результата"],
    [111, "111 результатов"],
  ])("%i → %s", (n, text) => expect(countResults(n)).toBe(text));
});

describe("configuration", () => {
  it("has working defaults and treats empty variables as unset", () => {
    const c = parseConfig({ MEILI_URL: "", PORT: "" });
    expect(c.MEILI_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.ARCHIVE_DB_PATH).toMatch(/data[\\/]archive\.db$/);
    expect(c.MEILI_INDEX).toBe("commentary");
  });

  it("names each bad variable", () => {
    expect(() => parseConfig({ MEILI_URL: "localhost:7700", SEARCH_PAGE_SIZE: "0", ANALYZER: "x" })).toThrow(ConfigError);
    try {
      parseConfig({ MEILI_URL: "localhost:7700", SEARCH_PAGE_SIZE: "0" });
    } catch (e) {
      expect((e as Error).message).toMatch(/MEILI_URL: /);
      expect((e as Error).message).toMatch(/SEARCH_PAGE_SIZE: /);
    }
  });
});
