import { describe, expect, it } from "vitest";
import { ALIASES, STATE_DEMONYMS, aliasSynonyms } from "@/config/aliases";
import { COUNTRIES } from "@/config/countries";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine, buildFtsMatch } from "@/lib/search/engines/sqlite";
import { emptyFilters } from "@/lib/search/types";
import { QUERY_HELP, queryHelpText } from "@/lib/search/query-help";
import { type Clause, formatQuery, parseQuery } from "@/lib/search/query-syntax";
import { getAnalyzer } from "@/lib/text/analyzers";

const a = getAnalyzer("default");
const parse = (q: string) => parseQuery(q, a);
const ids = (g: Clause[]) => g.map((c) => (c.kind === "term" ? `t:${c.key}` : `p:${c.words.join(" ")}`));
/** The clauses as typed, alias expansions (other names of Казахстан, Китай, …) left out. */
const typed = (g: Clause[]) => ids(g.filter((c) => !c.expansion));

describe("query syntax", () => {
  it("ANDs words, each by its analyzed key", () => {
    const p = parse("санкций Казахстане");
    expect(p.groups.map(typed)).toEqual([["t:санкция"], ["t:казахстан"]]);
    expect(p.excluded).toEqual([]);
  });

  it("keeps a quoted phrase with its normalised forms and the keys it matches on, in any case form", () => {
    const p = parse('"Ёмкие санкции" Казахстан');
    expect(p.groups[0]).toEqual([{ kind: "phrase", raw: "Ёмкие санкции", words: ["емкие", "санкции"], keys: ["емкий", "санкция"], stems: ["емк*", "санкц*"] }]);
    expect(p.groups).toHaveLength(2);
  });

  it("reads «…», „…“ and “…” as phrases too", () => {
    for (const q of ["«Астана клуб»", "„Астана клуб“", "“Астана клуб”", '"Астана клуба"']) {
      const g = parse(`${q} форум`).groups;
      expect(g).toHaveLength(2);
      expect(g[0]![0]).toMatchObject({ kind: "phrase", keys: ["астана", "клуб"] });
    }
    expect(parse("-«нефть и газ»").excluded[0]).toMatchObject({ kind: "phrase", words: ["нефть", "и", "газ"] });
    expect(parse("«незакрытая фраза").groups[0]![0]).toMatchObject({ kind: "phrase", raw: "незакрытая фраза" });
  });

  it("reads a trailing * as a prefix, without morphology", () => {
    expect(parse("санкци* Казахстан").groups[0]).toEqual([{ kind: "term", raw: "санкци*", key: "санкци", prefix: true }]);
    expect(buildFtsMatch(parse("санкци*").groups, "all")).toBe('({title body} : "санкци"* OR {title_exact body_exact} : "санкци"*)');
    // One letter is no prefix worth searching: it is read as the word.
    expect(parse("с*").groups).toEqual([]);
  });

  it("makes a lowercase «или» between two words an alternative", () => {
    expect(parse("санкции или пошлины Китай").groups.map(typed)).toEqual([["t:санкция", "t:пошлина"], ["t:китай"]]);
  });

  it("excludes a word or a phrase after a minus", () => {
    const p = parse('санкции -Россия -"нефть и газ"');
    expect(p.groups.map(ids)).toEqual([["t:санкция"]]);
    expect(typed(p.excluded)).toEqual(["t:россия", "p:нефть и газ"]);
    // An excluded name takes its other names with it.
    expect(ids(p.excluded)).toEqual(expect.arrayContaining(["t:рф", "p:российская федерация"]));
  });

  it("makes ИЛИ / OR alternatives within one group", () => {
    expect(parse("Казахстан ИЛИ Узбекистан медиатор").groups.map(typed)).toEqual([["t:казахстан", "t:узбекистан"], ["t:медиатор"]]);
    expect(parse("Казахстан OR Узбекистан").groups.map(typed)).toEqual([["t:казахстан", "t:узбекистан"]]);
  });

  it("drops stopwords and never fails on stray syntax", () => {
    expect(parse("и в на").groups).toEqual([]);
    expect(parse('ИЛИ "незакрытая фраза').groups).toHaveLength(1);
    expect(parse("- --").groups).toEqual([]);
  });

  it("writes a query back without the alias expansions", () => {
    expect(formatQuery(parse("санкции США -Китай"))).toBe("санкции США -Китай");
  });
});

describe("aliases", () => {
  it("expands an abbreviation to its spelled-out name as a phrase", () => {
    const g = parse("ИМЭП").groups;
    expect(g).toHaveLength(1);
    expect(ids(g[0]!)).toEqual(["t:имэп", "p:институт мировой экономики и политики"]);
    const phrase = g[0]![1]!;
    expect(phrase.kind === "phrase" && phrase.keys).toEqual(["институт", "мировой", "экономика", "политика"]);
  });

  it("matches the abbreviation whatever its case", () => {
    expect(ids(parse("сша").groups[0]!)).toContain("p:соединенные штаты америки");
  });

  it("lets a spelled-out name, in any case form, find the abbreviation", () => {
    const g = parse("Института мировой экономики и политики Казахстан").groups;
    expect(g).toHaveLength(2);
    expect(ids(g[0]!)).toEqual(["p:институт мировой экономики и политики", "t:имэп"]);
    expect(ids(parse('"Соединённые Штаты Америки"').groups[0]!)).toContain("t:сша");
  });

  it("excludes the spelled-out name with the abbreviation", () => {
    expect(parse("санкции -США").excluded.map((c) => ids([c])[0])).toContain("p:соединенные штаты америки");
  });

  it("compiles an alias phrase to a NEAR over analyzed keys in the embedded engine", () => {
    expect(buildFtsMatch(parse("ИМЭП").groups, "all")).toBe(
      '({title body} : "имэп" OR {title body} : NEAR("институт" "мировой" "экономика" "политика", 8))',
    );
  });

  it("exports Meilisearch synonyms both ways", () => {
    const syn = aliasSynonyms();
    expect(syn["имэп"]).toContain("институт мировой экономики и политики");
    expect(syn["институт мировой экономики и политики"]).toContain("имэп");
    expect(ALIASES.map((e) => e.short)).toEqual(expect.arrayContaining(["ЕАЭС", "ОДКБ", "ШОС", "ООН"]));
  });
});

describe("aliases in the embedded engine", () => {
  const mk = (id: string, p: string) => ({ id, slug: id, title: `Документ ${id}`, paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });
  const search = async (q: string) => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([
      mk("abbr", "Директор ИМЭП Ержан Салтыбаев отметил роль Казахстана."),
      mk("full", "Эксперты Института мировой экономики и политики ожидают санкций."),
      mk("scattered", "Институт истории провёл конференцию, где обсуждали мировой рынок нефти, затем долго говорили про экономику региона и её политику."),
      mk("usa", "Позиция Соединённых Штатов Америки не изменилась."),
    ]);
    return (await e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id).sort();
  };

  it("finds the abbreviation and the inflected spelled-out name, not its words far apart", async () => {
    expect(await search("ИМЭП")).toEqual(["abbr", "full"]);
    expect(await search("Институт мировой экономики и политики")).toEqual(["abbr", "full"]);
    expect(await search("США")).toEqual(["usa"]);
  });

  it("a state's name alone finds its adjective and back; inside a longer query the adjective is just a word", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([
      mk("italy", "Италия предложила провести переговоры."),
      mk("italian", "Итальянские дипломаты предложили провести переговоры."),
      mk("german", "Немецкий канцлер не приедет."),
      mk("uni", "Итальянский университет открыл кафедру."),
    ]);
    const ids = async (q: string) => (await e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id).sort();
    expect(await ids("Италия")).toEqual(["italian", "italy", "uni"]);
    expect(await ids("итальянский")).toEqual(["italian", "italy", "uni"]);
    expect(await ids("Германии")).toEqual(["german"]);
    // Two words: «итальянский университет» is not «Италия университет».
    expect(await ids("итальянский университет")).toEqual(["uni"]);
    expect(await ids("Италия переговоры")).toEqual(["italy"]);
  });

  it("a citizen's name finds the state and back: «немец» finds «Германия» and «немецкий», «Германия» finds «немцы»", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([mk("state", "Германия закрыла посольство."), mk("people", "Двое немцев задержаны на границе."), mk("other", "Французский посол уехал.")]);
    const ids = async (q: string) => (await e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 })).hits.map((h) => h.id).sort();
    expect(await ids("немец")).toEqual(["people", "state"]);
    expect(await ids("Германия")).toEqual(["people", "state"]);
  });

  it("names every state of the demonym table as the gazetteer does, each with its adjectives", () => {
    const states = new Map(COUNTRIES.map((c) => [c.name, c]));
    for (const name of Object.keys(STATE_DEMONYMS)) expect(states.get(name)?.adj?.length, name).toBeGreaterThan(0);
  });
});

describe("query help", () => {
  it("documents every operator the parser knows", () => {
    const text = queryHelpText();
    for (const s of ['"', "-", "ИЛИ", "OR"]) expect(text).toContain(s);
    expect(QUERY_HELP.length).toBeGreaterThanOrEqual(4);
  });
});
