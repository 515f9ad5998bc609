import { describe, expect, it } from "vitest";
import { ALIASES, withExonyms } from "@/config/aliases";
import { EXONYMS } from "@/config/exonyms";
import { openDatabase } from "@/lib/archive/db";
import { exonymTwins } from "@/lib/search/aliases";
import { withScriptVariants } from "@/lib/search/script-correction";
import { clauseCoverage, hasAlternatives } from "@/lib/search/coverage";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { type Clause, parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { dictionaryParses } from "@/lib/text/az";
import { hasCyrillic } from "@/lib/text/translit";

const a = getAnalyzer("default");
const ids = (g: Clause[]) => g.map((c) => (c.kind === "term" ? `t:${c.key}` : `p:${(c.keys ?? c.words).join(" ")}`));
const group = (q: string) => ids(parseQuery(q, a).groups[0]!);
// Invented sentences; the places and firms are real names, nothing is said of them.
const mk = (id: string, p: string) => ({ id, slug: id, title: "", paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });

describe("names in both scripts (config/exonyms.ts)", () => {
  it("gives every line a name in each script, and no name to two lines", () => {
    const seen = new Map<string, number>();
    EXONYMS.forEach((line, i) => {
      expect(line.some(hasCyrillic), line.join(" / ")).toBe(true);
      expect(line.some((n) => !hasCyrillic(n)), line.join(" / ")).toBe(true);
      for (const n of line) {
        const k = n.toLowerCase().replace(/ё/g, "е");
        expect(seen.get(k), `${n} is on lines ${seen.get(k)} and ${i}`).toBeUndefined();
        seen.set(k, i);
      }
    });
  });

  it("has no one-word Russian name that the dictionary reads as a form of another word (Политико: «политик»)", () => {
    const misread = EXONYMS.flat()
      // A hyphenated name keys as its parts joined (кока-кол), which only its own forms give.
      .filter((n) => hasCyrillic(n) && !n.includes("-") && a.analyze(n).filter((t) => !t.stop).length === 1)
      .flatMap((n) => {
        const t = a.analyze(n).find((x) => !x.stop)!;
        return t.terms.includes(t.norm) || dictionaryParses(t.key).length === 0 ? [] : [`${n} → ${t.key}`];
      });
    expect(misread).toEqual([]);
    const t = a.analyze("Политико")[0]!;
    expect(dictionaryParses(t.key).length).toBeGreaterThan(0);
  });

  it("joins a line to the alias entries that share one of its names, and keeps the rest apart", () => {
    const merged = withExonyms([{ short: "ЕС", full: ["Евросоюз"] }, { short: "МИД", full: ["Министерство иностранных дел"] }], [["EU", "ЕС"], ["Paris", "Париж"]]);
    expect(merged).toEqual([
      { short: "ЕС", full: ["Евросоюз", "EU"] },
      { short: "МИД", full: ["Министерство иностранных дел"] },
      { short: "Paris", full: ["Париж"] },
    ]);
    const eu = ALIASES.find((e) => e.short === "ЕС")!;
    expect(eu.full).toEqual(expect.arrayContaining(["Евросоюз", "EU", "European Union"]));
  });

  it("expands a Latin name to the Russian one and back, in any case form", () => {
    expect(group("London")).toContain("t:лондон");
    expect(group("Лондона")).toContain("t:london");
    // A Latin word is keyed by its stem, as a typed query is (Paris → pari), not as written.
    expect(group("Paris")).toContain("t:париж");
    expect(group("Парижу")).toContain(`t:${a.queryKey("Paris")}`);
    expect(group("Фейсбука")).toContain("t:facebook");
    expect(group("EU")).toEqual(expect.arrayContaining(["t:ес", "t:евросоюз"]));
    expect(group("Северного потока")).toContain("p:nord stream");
    expect(group("Nord Stream")).toContain("p:северный поток");
  });

  it("marks the other script's name as the typed word's twin, and other aliases not", () => {
    const g = parseQuery("Лондона", a).groups[0]!;
    expect(g.find((c) => c.kind === "term" && c.key === "london")?.twin).toBe(true);
    const rf = parseQuery("РФ", a).groups[0]!;
    expect(rf.find((c) => c.kind === "term" && c.key === "россия")?.twin).toBeUndefined();
  });

  it("does not count a twin as one more of the query's words, nor as an alternative", () => {
    const groups: Clause[][] = [
      [{ kind: "term", raw: "Тесла", key: "тесла" }, { kind: "term", raw: "Tesla", key: "tesla", expansion: true, twin: true }],
      [{ kind: "term", raw: "умер", key: "умереть" }],
    ];
    // Clauses 0 and 1 are the name in both scripts, clause 2 the other word.
    expect(clauseCoverage(groups, (i) => i === 0 || i === 1)).toBe(0.5);
    expect(clauseCoverage(groups, (i) => i === 0 || i === 2)).toBe(1);
    expect(hasAlternatives(groups)).toBe(false);
    expect(hasAlternatives([[groups[0]![0]!, { kind: "term", raw: "рф", key: "рф", expansion: true }]])).toBe(true);
  });

  it("drops the twins the archive does not have, so Meilisearch is not sent variants that match nothing", () => {
    const parsed = parseQuery("Лондон Париж", a);
    const has = (keys: string[]) => ({ hasKey: (k: string) => keys.includes(k) || !/^[a-z]/.test(k) });
    const keep = withScriptVariants(parsed, a, has(["london"]));
    expect(keep.groups.map(ids)).toEqual([["t:лондон", "t:london"], ["t:париж"]]);
    const none = withScriptVariants(parsed, a, has([]));
    expect(none.groups.map(ids)).toEqual([["t:лондон"], ["t:париж"]]);
    // Other aliases stay whatever the archive has: only the table's other-script names are checked.
    expect(withScriptVariants(parseQuery("РФ", a), a, has([])).groups[0]!.length).toBe(3);
  });

  it("gives the one-word twins a word the archive lacks is corrected to", () => {
    expect(exonymTwins("Paris", a)).toEqual(["Париж"]);
    expect(exonymTwins("Фейсбуке", a)).toEqual(["Facebook"]);
    expect(exonymTwins("UN", a)).toEqual(["ООН"]);
    expect(exonymTwins("Берлин", a)).toEqual(["Berlin"]);
    expect(exonymTwins("Нью-Йорк", a)).toEqual([]);
    // One quoted word is an exact form, so it keeps no other names.
    expect(parseQuery('"Лондон"', a).groups[0]!).toHaveLength(1);
    expect(exonymTwins("медиатор", a)).toEqual([]);
  });

  it("finds a document that names the place or firm only in the other script", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([
      mk("paris", "Переговоры прошли в Париже и продолжатся весной."),
      mk("fb", "Заявление опубликовано в Facebook в понедельник."),
      mk("ns", "Эксперты обсудили судьбу «Северного потока»."),
      mk("other", "Переговоры прошли в Женеве."),
    ]);
    const search = (q: string) => e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    const hitIds = async (q: string) => (await search(q)).hits.map((h) => h.id);
    expect(await hitIds("Фейсбуке")).toEqual(["fb"]);
    expect(await hitIds("Nord Stream")).toEqual(["ns"]);
    expect(await hitIds("переговоры Paris")).toEqual(["paris"]);
    // The archive has no «Paris»: the query is shown as its Russian name, as a romanised name is.
    const r = await search("Paris");
    expect(r.correctedQuery).toBe("Париж");
    expect(r.hits.map((h) => h.id)).toEqual(["paris"]);
  });
});
