import { describe, expect, it } from "vitest";
import { ENTITY_BASE, entityIndexHref, entityPath } from "@/lib/entity-urls";
import { MAX_ENTITY_LIMIT, parseEntitiesParams, parseEntityIndexParams } from "@/lib/validations/entities-params";

describe("GET /api/entities parameters", () => {
  it("takes each type and fills the defaults", () => {
    for (const type of ["person", "institution", "country", "topic"] as const) {
      expect(parseEntitiesParams({ type })).toEqual({ ok: true, params: { type, q: "", sort: "count", limit: 100, offset: 0 } });
    }
  });

  it("reads q, sort, limit and offset; q is trimmed", () => {
    expect(parseEntitiesParams({ type: "person", q: "  Путина ", sort: "name", limit: "20", offset: "40" })).toEqual({
      ok: true,
      params: { type: "person", q: "Путина", sort: "name", limit: 20, offset: 40 },
    });
  });

  it("treats empty values as absent, as the search URL does", () => {
    expect(parseEntitiesParams({ type: "topic", q: "", sort: "", limit: "", offset: " " })).toMatchObject({ ok: true, params: { sort: "count", limit: 100, offset: 0 } });
  });

  it("takes the last of repeated values", () => {
    expect(parseEntitiesParams({ type: ["bogus", "country"], sort: ["count", "name"] })).toMatchObject({ ok: true, params: { type: "country", sort: "name" } });
  });

  it.each([
    [{}, "type"],
    [{ type: "bogus" }, "type"],
    [{ type: "Person" }, "type"],
    [{ type: "person", sort: "best" }, "sort"],
    [{ type: "person", limit: "0" }, "limit"],
    [{ type: "person", limit: String(MAX_ENTITY_LIMIT + 1) }, "limit"],
    [{ type: "person", limit: "1.5" }, "limit"],
    [{ type: "person", limit: "ten" }, "limit"],
    [{ type: "person", offset: "-1" }, "offset"],
    [{ type: "person", offset: "1e9" }, "offset"],
    [{ type: "person", q: "я".repeat(201) }, "q"],
  ])("rejects %j naming %s", (raw, field) => {
    const parsed = parseEntitiesParams(raw);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.field).toBe(field);
    expect(parsed.error).toMatch(new RegExp(`^${field}: `));
  });

  it("says which types exist when type is missing or wrong", () => {
    const missing = parseEntitiesParams({});
    const wrong = parseEntitiesParams({ type: "bogus" });
    expect(!missing.ok && missing.error).toMatch(/^type: не указан тип; тип должен быть person \(эксперты\), institution \(организации\), country \(страны\) или topic \(темы\)$/);
    expect(!wrong.ok && wrong.error).toBe("type: тип должен быть person (эксперты), institution (организации), country (страны) или topic (темы)");
  });

  it("accepts the limits' edges", () => {
    expect(parseEntitiesParams({ type: "person", limit: "1" }).ok).toBe(true);
    expect(parseEntitiesParams({ type: "person", limit: String(MAX_ENTITY_LIMIT) }).ok).toBe(true);
    expect(parseEntitiesParams({ type: "person", q: "я".repeat(200) }).ok).toBe(true);
  });
});

describe("index page parameters", () => {
  it("defaults to the first page by count", () => {
    expect(parseEntityIndexParams({})).toEqual({ ok: true, params: { q: "", sort: "count", page: 1 } });
  });

  it("reads q, sort and page", () => {
    expect(parseEntityIndexParams({ q: "Жумабекова", sort: "name", page: "3" })).toEqual({ ok: true, params: { q: "Жумабекова", sort: "name", page: 3 } });
  });

  it.each([
    [{ page: "0" }, "page"],
    [{ page: "abc" }, "page"],
    [{ sort: "date" }, "sort"],
    [{ q: "x".repeat(201) }, "q"],
  ])("rejects %j naming %s", (raw, field) => {
    const parsed = parseEntityIndexParams(raw);
    expect(parsed).toMatchObject({ ok: false, field });
  });

  it("ignores parameters it does not know", () => {
    expect(parseEntityIndexParams({ type: "bogus", limit: "0" })).toMatchObject({ ok: true });
  });
});

describe("entity addresses", () => {
  it("puts each kind under its base", () => {
    expect(ENTITY_BASE).toEqual({ person: "/speakers", institution: "/institutions", country: "/countries", topic: "/topics" });
    expect(entityPath("person", "erzhan-saltybaev")).toBe("/speakers/erzhan-saltybaev");
  });

  it("omits defaults from an index address and keeps the rest", () => {
    expect(entityIndexHref("person", {})).toBe("/speakers");
    expect(entityIndexHref("person", { q: "", sort: "count", page: 1 })).toBe("/speakers");
    expect(entityIndexHref("topic", { q: "санкции", sort: "name", page: 2 })).toBe("/topics?q=%D1%81%D0%B0%D0%BD%D0%BA%D1%86%D0%B8%D0%B8&sort=name&page=2");
  });
});
