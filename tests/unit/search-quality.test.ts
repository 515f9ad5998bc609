import { describe, expect, it } from "vitest";
import { ALIASES } from "@/config/aliases";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { RANKING } from "@/lib/search/proximity";
import { type Clause, parseQuery } from "@/lib/search/query-syntax";
import { emptyFilters } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";
import { cyrillicToLatinLayout, latinLayoutToCyrillic, looksLikeWrongLayout } from "@/lib/text/layout";
import { cyrillicCandidates, toLatin } from "@/lib/text/translit";

const a = getAnalyzer("default");
const ids = (g: Clause[]) => g.map((c) => (c.kind === "term" ? `t:${c.key}` : `p:${c.words.join(" ")}`));

const mk = (id: string, title: string, p: string) => ({ id, slug: id, title, paragraphs: [p], topics: [], speakers: [], institutions: [], quotes: [], contentHash: id });
const DOCS = [
  mk("astana", "Форум в столице", "Заседание Астана клуба прошло в ноябре."),
  mk("apart", "Клуб любителей", "Клуб собрался, а потом все поехали в Астану."),
  mk("saltybaev", "Конференция ИМЭП", "Директор Ержан Салтыбаев отметил роль Казахстана как медиатора."),
  mk("shoigu", "Визит министра", "Сергей Шойгу прибыл в Пекин."),
  mk("mid", "Заявление", "Российский МИД выразил протест послу."),
  mk("eu", "Брюссель", "Евросоюз продлил санкции против Ирана."),
  mk("russia24", "Эфир", "В эфире телеканала Россия 24 выступил эксперт."),
  mk("west", "Обзор", "Западная Европа ищет новых поставщиков газа, и переговоры об этом идут уже третий месяц подряд без видимого результата."),
  mk("west-apart", "Рынок", "Западный рынок газа сжался, поставки в Европу выросли."),
  mk("reuters", "Источники", "Как сообщает агентство Рейтер, переговоры продолжатся."),
];

async function engine() {
  const e = new SqliteEngine(openDatabase(":memory:"), a);
  await e.upsert(DOCS);
  return e;
}
const search = async (e: SqliteEngine, q: string) => e.search({ q, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
const hitIds = async (e: SqliteEngine, q: string) => (await search(e, q)).hits.map((h) => h.id);

describe("transliteration (lib/text/translit.ts)", () => {
  it("romanises Russian by iuliia's schemes", () => {
    expect(toLatin("Сергей Шойгу")).toBe("Sergey Shoygu");
    expect(toLatin("Юрий", "bgn")).toBe("Yuriy");
    expect(toLatin("Щёлково", "gost779")).toMatch(/^Shh/);
  });

  it("reads a Latin name back into Cyrillic candidates, the likeliest first", () => {
    expect(cyrillicCandidates("Saltybaev")[0]).toBe("салтыбаев");
    expect(cyrillicCandidates("Putin")[0]).toBe("путин");
    expect(cyrillicCandidates("Shoigu")).toContain("шойгу");
    expect(cyrillicCandidates("Zelensky")[0]).toBe("зеленский");
    expect(cyrillicCandidates("Khrushchev")[0]).toBe("хрущев");
    expect(cyrillicCandidates("Alexander")[0]).toBe("александр");
    expect(cyrillicCandidates("Шойгу")).toEqual([]);
  });

  it("round-trips romanised names through the candidates", () => {
    for (const name of ["Салтыбаев", "Назарбаев", "Лавров", "Захарова", "Цыганков", "Шойгу", "Ельцин"])
      for (const scheme of ["wikipedia", "bgn"] as const) expect(cyrillicCandidates(toLatin(name, scheme))).toContain(name.toLowerCase());
  });
});

describe("keyboard layout (lib/text/layout.ts)", () => {
  it("converts both ways, shifted keys included", () => {
    expect(cyrillicToLatinLayout("Казахстан")).toBe("Rfpf[cnfy");
    expect(latinLayoutToCyrillic("Rfpf[cnfy")).toBe("Казахстан");
    expect(latinLayoutToCyrillic("vtlbfnjh cgjhjd")).toBe("медиатор споров");
    expect(latinLayoutToCyrillic("{jkjlyfz djqyf")).toBe("Холодная война");
  });

  it("only offers Latin-only text made of layout keys", () => {
    expect(looksLikeWrongLayout("Rfpf[cnfy")).toBe(true);
    expect(looksLikeWrongLayout("Казахстан")).toBe(false);
    expect(looksLikeWrongLayout("Putin 2024")).toBe(true);
    expect(looksLikeWrongLayout("a@b")).toBe(false);
  });
});

describe("queries in the other script or layout, corrected against the archive", () => {
  it("finds Cyrillic documents for a Latin name and says what it searched for", async () => {
    const e = await engine();
    const r = await search(e, "Saltybaev");
    expect(r.correctedQuery).toBe("Салтыбаев");
    expect(r.hits.map((h) => h.id)).toEqual(["saltybaev"]);
    expect((await search(e, "Sergei Shoigu")).correctedQuery).toBe("Сергей Шойгу");
    expect(await hitIds(e, "Shoygu")).toEqual(["shoigu"]);
  });

  it("converts a whole query typed on the wrong layout", async () => {
    const e = await engine();
    const r = await search(e, "Rfpf[cnfyf vtlbfnjhf");
    expect(r.correctedQuery).toBe("Казахстана медиатора");
    expect(r.hits.map((h) => h.id)).toEqual(["saltybaev"]);
  });

  it("leaves a query as typed when the archive has its words, or has no reading of them", async () => {
    const e = await engine();
    expect((await search(e, "Салтыбаев")).correctedQuery).toBeUndefined();
    expect((await search(e, "Qwxz")).correctedQuery).toBeUndefined();
    expect((await e.search({ q: "Saltybaev", filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10, noCorrection: true })).total).toBe(0);
  });
});

describe("phrases on lemmas, prefixes, «или»", () => {
  it("matches a phrase in «…» in any case form, its words together", async () => {
    const e = await engine();
    expect(await hitIds(e, "«Астана клуб»")).toEqual(["astana"]);
    expect(await hitIds(e, '"Астаны клуба"')).toEqual(["astana"]);
    expect(await hitIds(e, "„западной Европы“")).toEqual(["west"]);
  });

  it("finds every word form and term that starts with a prefix", async () => {
    const e = await engine();
    expect(await hitIds(e, "санкци*")).toEqual(["eu"]);
    expect((await hitIds(e, "Казах*")).sort()).toEqual(["saltybaev"]);
  });

  it("reads a lowercase или as OR", async () => {
    const e = await engine();
    expect((await hitIds(e, "Шойгу или Салтыбаев")).sort()).toEqual(["saltybaev", "shoigu"]);
  });

  it("ranks a multi-word name standing together above its words apart, which bm25 alone does not", async () => {
    const e = await engine();
    expect((await hitIds(e, "Западная Европа"))[0]).toBe("west");
    // bm25 alone: without proximity, and without exactness, which also favours «Западная Европа» as typed.
    const { proximityBoost, exactBoost } = RANKING;
    try {
      RANKING.exactBoost = 0;
      expect((await hitIds(await engine(), "Западная Европа"))[0]).toBe("west");
      RANKING.proximityBoost = 0;
      const plain = await engine();
      expect((await hitIds(plain, "Западная Европа"))[0]).toBe("west-apart");
    } finally {
      Object.assign(RANKING, { proximityBoost, exactBoost });
    }
  });
});

describe("aliases (config/aliases.ts)", () => {
  it("has the foreign-policy short forms", () => {
    const names = ALIASES.flatMap((e) => [e.short, ...e.full]);
    for (const n of ["РФ", "Россия", "ЕС", "Евросоюз", "СНГ", "ОДКБ", "МИД России", "российский МИД", "CNN", "Си-эн-эн", "Reuters", "Рейтер"]) expect(names).toContain(n);
  });

  it("expands an abbreviation to its one-word name and back", () => {
    // …and Russia, the Latin name config/exonyms.ts adds to the entry.
    expect(ids(parseQuery("РФ", a).groups[0]!)).toEqual(["t:рф", "p:российская федерация", "t:россия", "t:russia"]);
    // Alone, a state's name also takes its adjective and its citizens (config/aliases.ts, STATE_ADJECTIVE_ALIASES).
    expect(ids(parseQuery("России", a).groups[0]!)).toEqual(["t:россия", "t:рф", "p:российская федерация", "t:russia", "t:российский", "t:россиянин", "t:россиянка"]);
    expect(ids(parseQuery("России сегодня", a).groups[0]!)).toEqual(["t:россия", "t:рф", "p:российская федерация", "t:russia"]);
    expect(ids(parseQuery("ЕС", a).groups[0]!)).toContain("t:евросоюз");
  });

  it("finds «российский МИД» for «МИД России», Евросоюз for ЕС, Рейтер for Reuters", async () => {
    const e = await engine();
    expect(await hitIds(e, "МИД России")).toEqual(["mid"]);
    expect(await hitIds(e, "ЕС санкции")).toEqual(["eu"]);
    expect(await hitIds(e, "Reuters")).toEqual(["reuters"]);
  });

  it("lets a hyphenated name find its parts written apart", async () => {
    const e = await engine();
    expect(await hitIds(e, "Россия-24")).toEqual(["russia24"]);
  });
});

describe("Latin-script words in Russian text (analyzer)", () => {
  it("drops English function words and stems English words", () => {
    const t = a.analyze("the Guardian sanctions");
    expect(t[0]!.stop).toBe(true);
    expect(t[2]!.key).toBe("sanction");
    expect(a.queryKey("sanction")).toBe("sanction");
  });

  it("folds Latin lookalikes inside a Russian word, not in a Latin one", () => {
    expect(a.queryKey("Католичеcкой")).toBe(a.queryKey("Католической"));
    expect(a.analyze("Cолист")[0]!.norm).toBe("солист");
    expect(a.analyze("Cola")[0]!.norm).toBe("cola");
  });

  it("finds «Guardian» for «the Guardian»", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([mk("g", "Пресса", "Об этом пишет британская Guardian со ссылкой на источники.")]);
    expect(await hitIds(e, "the Guardian")).toEqual(["g"]);
  });
});

describe("statements search", () => {
  it("takes phrases in «…» on lemmas and prefixes too", async () => {
    const e = new SqliteEngine(openDatabase(":memory:"), a);
    await e.upsert([
      {
        ...mk("s", "Конференция", "«Роль Астана клуба растёт, а санкции не помогают», – отметил директор ИМЭП Ержан Салтыбаев."),
        speakers: [{ name: "Ержан Салтыбаев" }],
        quotes: [{ text: "Роль Астана клуба растёт, а санкции не помогают", speaker: "Ержан Салтыбаев", paragraph: 0 }],
      },
    ]);
    const q = (text: string) => e.searchStatements({ q: text, filters: emptyFilters(), sort: "relevance", page: 1, perPage: 10 });
    expect((await q("«Астана клуб»")).total).toBe(1);
    expect((await q("«клуб Астана»")).total).toBe(0);
    expect((await q("санкци*")).total).toBe(1);
  });
});
