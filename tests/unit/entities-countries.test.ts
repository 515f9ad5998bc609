import { describe, expect, it } from "vitest";
import { COUNTRIES } from "@/config/countries";
import { countryNames, countryOf, countryOfAdjective, countryStatus, findCountries, findPlaces, placeOf } from "@/lib/entities/countries";

const names = (text: string) => findCountries(text).map((m) => m.name);

describe("countryOf: case forms and aliases", () => {
  it("reads every case form of a one-word name", () => {
    for (const f of ["Россия", "России", "Россию", "Россией"]) expect(countryOf(f), f).toBe("Россия");
    for (const f of ["Китай", "Китая", "Китаю", "Китаем", "Китае"]) expect(countryOf(f), f).toBe("Китай");
    for (const f of ["Великобритания", "Великобританию", "Великобританией"]) expect(countryOf(f), f).toBe("Великобритания");
    for (const f of ["Беларусь", "Беларуси", "Беларусью"]) expect(countryOf(f), f).toBe("Беларусь");
  });

  it("maps official names and abbreviations to the canonical name", () => {
    expect(countryOf("РФ")).toBe("Россия");
    expect(countryOf("Российская Федерация")).toBe("Россия");
    expect(countryOf("Российской Федерации")).toBe("Россия");
    expect(countryOf("КНР")).toBe("Китай");
    expect(countryOf("Китайской Народной Республики")).toBe("Китай");
    expect(countryOf("ФРГ")).toBe("Германия");
    expect(countryOf("США")).toBe("США");
    expect(countryOf("Соединённых Штатов")).toBe("США");
    expect(countryOf("Соединёнными Штатами Америки")).toBe("США");
    expect(countryOf("Северная Корея")).toBe("КНДР");
    expect(countryOf("Республики Корея")).toBe("Южная Корея");
    expect(countryOf("Белоруссии")).toBe("Беларусь");
    expect(countryOf("Киргизия")).toBe("Кыргызстан");
    expect(countryOf("Англии")).toBe("Великобритания");
    expect(countryOf("Голландии")).toBe("Нидерланды");
  });

  it("inflects adjective-based names in agreement", () => {
    expect(countryOf("Южной Кореи")).toBe("Южная Корея");
    expect(countryOf("Южную Корею")).toBe("Южная Корея");
    expect(countryOf("Объединённых Арабских Эмиратов")).toBe("ОАЭ");
    expect(countryOf("Центральноафриканской Республикой")).toBe("Центральноафриканская Республика");
    expect(countryOf("Саудовской Аравии")).toBe("Саудовская Аравия");
    expect(countryOf("Соломоновых Островах")).toBe("Соломоновы Острова");
    expect(countryOf("Боснии и Герцеговины")).toBe("Босния и Герцеговина");
    expect(countryOf("Папуа — Новой Гвинее")).toBe("Папуа — Новая Гвинея");
  });

  it("keeps indeclinable names as they are and declines only the declining part", () => {
    for (const n of ["Перу", "Сан-Марино", "Бурунди", "Зимбабве", "Кабо-Верде", "Никарагуа"]) expect(countryOf(n), n).toBe(n);
    expect(countryOf("Гвинеи-Бисау")).toBe("Гвинея-Бисау");
    expect(countryOf("Шри-Ланки")).toBe("Шри-Ланка");
    expect(countryOf("Кот-д'Ивуара")).toBe("Кот-д'Ивуар");
    expect(countryOf("Кот-д’Ивуаре")).toBe("Кот-д'Ивуар");
  });

  it("ignores case and ё/е in a standalone name", () => {
    expect(countryOf("Соединенных Штатов")).toBe("США");
    expect(countryOf("россии")).toBe("Россия");
    expect(countryOf("ЮЖНОЙ КОРЕИ")).toBe("Южная Корея");
    // A standalone string is already a name candidate (facet value, query), so «рф» is taken.
    expect(countryOf("рф")).toBe("Россия");
    expect(countryOf("сша")).toBe("США");
  });

  it("needs the capital where the lowercase word is something else", () => {
    expect(countryOf("того")).toBeUndefined();
    expect(countryOf("Того")).toBe("Того");
    expect(countryOf("ТОГО")).toBeUndefined();
    expect(countryOf("мали")).toBeUndefined();
    expect(countryOf("Мали")).toBe("Мали");
    expect(countryOf("чили")).toBeUndefined();
    expect(countryOf("Чили")).toBe("Чили");
    expect(countryOf("чада")).toBeUndefined();
    expect(countryOf("Чада")).toBe("Чад");
  });

  it("rejects parties, continents, cities, adjectives and lists", () => {
    expect(countryOf("Единая Россия")).toBeUndefined();
    expect(countryOf("Единой России")).toBeUndefined();
    expect(countryOf("Латинская Америка")).toBeUndefined();
    expect(countryOf("Москва")).toBeUndefined();
    expect(countryOf("российский")).toBeUndefined();
    expect(countryOf("Россия и Китай")).toBeUndefined();
    expect(countryOf("Корея")).toBeUndefined();
    expect(countryOf("")).toBeUndefined();
  });
});

describe("placeOf: cities versus countries", () => {
  it("knows a capital is a city of its country", () => {
    expect(placeOf("Москва")).toEqual({ kind: "city", name: "Москва", country: "Россия" });
    expect(placeOf("Тегерана")).toEqual({ kind: "city", name: "Тегеран", country: "Иран" });
    expect(placeOf("Вашингтоне")).toEqual({ kind: "city", name: "Вашингтон", country: "США" });
    expect(placeOf("Нур-Султане")).toEqual({ kind: "city", name: "Астана", country: "Казахстан" });
    expect(placeOf("Алма-Аты")?.name).toBe("Алматы");
    expect(placeOf("Санкт-Петербурга")?.name).toBe("Санкт-Петербург");
    expect(placeOf("Ростова-на-Дону")?.name).toBe("Ростов-на-Дону");
    expect(placeOf("Женеве")?.country).toBe("Швейцария");
  });

  it("reports countries as countries, city-states included", () => {
    expect(placeOf("России")).toEqual({ kind: "country", name: "Россия" });
    expect(placeOf("Сингапур")).toEqual({ kind: "country", name: "Сингапур" });
  });

  it("does not take ordinary words for places", () => {
    expect(placeOf("Султан")).toBeUndefined();
    expect(placeOf("институт")).toBeUndefined();
    expect(placeOf("грозный")).toBeUndefined();
    expect(placeOf("Грозный")?.country).toBe("Россия");
  });
});

describe("findCountries in running text", () => {
  it("reports every mention with offsets, multi-word names in oblique cases included", () => {
    const text = "Визит в Соединённые Штаты Америки, переговоры с Южной Кореей и позиция РФ обсуждались в Москве.";
    const found = findCountries(text);
    expect(found).toEqual([
      { name: "США", start: 8, end: 33, surface: "Соединённые Штаты Америки" },
      { name: "Южная Корея", start: 48, end: 60, surface: "Южной Кореей" },
      { name: "Россия", start: 71, end: 73, surface: "РФ" },
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.surface);
  });

  it("prefers the longest name", () => {
    expect(names("в Соединённых Штатах Америки")).toEqual(["США"]);
    expect(names("граница Южного Судана")).toEqual(["Южный Судан"]);
    expect(names("власти Демократической Республики Конго")).toEqual(["Демократическая Республика Конго"]);
    expect(names("в Папуа — Новой Гвинее")).toEqual(["Папуа — Новая Гвинея"]);
  });

  it("matches abbreviations only as abbreviations", () => {
    expect(names("позиция КНР и ФРГ")).toEqual(["Китай", "Германия"]);
    expect(names("позиция кнр")).toEqual([]);
    expect(names("рф")).toEqual([]);
  });

  it("does not match inside other words or in adjectives", () => {
    expect(names("российский МИД и американская сторона")).toEqual([]);
    expect(names("российско-китайские отношения")).toEqual([]);
    expect(names("Китай-город")).toEqual([]);
    expect(names("Россиянин")).toEqual([]);
  });

  it("reads hyphenated pairs of places part by part", () => {
    expect(findCountries("Совет Россия-НАТО")).toEqual([{ name: "Россия", start: 6, end: 12, surface: "Россия" }]);
    expect(names("диалог США-Китай")).toEqual(["США", "Китай"]);
    expect(names("Австро-Венгрия")).toEqual([]);
  });

  it("keeps «того» and «Того» apart", () => {
    expect(names("Кроме того, делегация прибыла в Того.")).toEqual(["Того"]);
    expect(names("После визита в Того и Бенин")).toEqual(["Того", "Бенин"]);
    // At a sentence start a capital proves nothing: «Того же мнения…» is the pronoun.
    expect(names("Того же мнения придерживаются в Пекине.")).toEqual([]);
    expect(names("Он прав. Того требует ситуация.")).toEqual([]);
    expect(names("ТОГО")).toEqual([]);
  });

  it("keeps «мали» and «Мали» apart, and other ordinary words too", () => {
    expect(names("мали")).toEqual([]);
    expect(names("Мали и Нигер вышли из ЭКОВАС")).toEqual(["Мали", "Нигер"]);
    expect(names("соус чили, объём куба, чад от костра")).toEqual([]);
    expect(names("Делегации Чили и Кубы, а также Чада")).toEqual(["Чили", "Куба", "Чад"]);
    expect(names("Перу автора принадлежит статья")).toEqual([]);
    expect(names("выборы в Перу")).toEqual(["Перу"]);
  });

  it("does not take a personal name for a country", () => {
    expect(names("правительство Сальвадора Альенде")).toEqual([]);
    expect(names("выборы в Сальвадоре")).toEqual(["Сальвадор"]);
  });

  it("swallows parties and continents that contain a country name", () => {
    // «Единая Россия» is a party: no «Россия» is reported inside it.
    expect(names("фракция «Единая Россия» поддержала закон о России")).toEqual(["Россия"]);
    expect(findCountries("депутаты Единой России")).toEqual([]);
    expect(names("страны Латинской Америки и Америка")).toEqual(["США"]);
    expect(names("в Северной Ирландии и Ирландии")).toEqual(["Ирландия"]);
  });

  it("leaves cities to findPlaces", () => {
    expect(names("Москва и Тегеран")).toEqual([]);
    expect(findPlaces("встреча в Тегеране, затем в Иране").map((m) => [m.kind, m.name, m.country])).toEqual([
      ["city", "Тегеран", "Иран"],
      ["country", "Иран", undefined],
    ]);
  });

  it("matches a capitalised name only", () => {
    expect(names("россия")).toEqual([]);
    expect(names("РОССИЯ И КИТАЙ")).toEqual(["Россия", "Китай"]);
  });
});

describe("countryOfAdjective", () => {
  it("maps state adjectives in any form", () => {
    expect(countryOfAdjective("российский")).toBe("Россия");
    expect(countryOfAdjective("российского")).toBe("Россия");
    expect(countryOfAdjective("Российской")).toBe("Россия");
    expect(countryOfAdjective("американской")).toBe("США");
    expect(countryOfAdjective("южнокорейские")).toBe("Южная Корея");
    expect(countryOfAdjective("северокорейским")).toBe("КНДР");
    expect(countryOfAdjective("британскому")).toBe("Великобритания");
    expect(countryOfAdjective("саудовско-аравийского")).toBe("Саудовская Аравия");
  });

  it("is undefined for compounds and other words", () => {
    expect(countryOfAdjective("российско-китайский")).toBeUndefined();
    expect(countryOfAdjective("российско-китайского")).toBeUndefined();
    expect(countryOfAdjective("международный")).toBeUndefined();
    expect(countryOfAdjective("Россия")).toBeUndefined();
  });
});

describe("gazetteer data", () => {
  it("has every UN member and says who is not one", () => {
    expect(COUNTRIES.filter((c) => (c.status ?? "un") === "un")).toHaveLength(193);
    expect(countryStatus("Россия")).toBe("un");
    expect(countryStatus("Палестина")).toBe("observer");
    expect(countryStatus("Косово")).toBe("partial");
    expect(countryStatus("ДНР")).toBe("unrecognised");
    expect(countryStatus("СССР")).toBe("former");
    expect(countryOf("Советского Союза")).toBe("СССР");
  });

  it("resolves every configured name to its own entry", () => {
    const all = countryNames();
    expect(new Set(all).size).toBe(all.length);
    for (const c of COUNTRIES) for (const n of [c.name, ...(c.aliases ?? []), ...(c.abbr ?? [])]) expect(countryOf(n), n).toBe(c.name);
  });

  it("scans a long document quickly once loaded", () => {
    findCountries("Россия");
    const text = "Эксперты из Казахстана, Кыргызстана и Южной Кореи обсудили в Астане позицию Соединённых Штатов. ".repeat(2000);
    const t0 = performance.now();
    expect(findCountries(text)).toHaveLength(8000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
