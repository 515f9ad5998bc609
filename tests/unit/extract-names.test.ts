import { describe, expect, it } from "vitest";
import { normaliseName } from "@/lib/extract/names";
import { findAffiliations } from "@/lib/extract/affiliations";
import { parseInstitution } from "@/lib/extract/describe";
import { sentenceSpeakers } from "@/lib/extract/statements";
import { tokens } from "@/lib/extract/tokens";
import { reportingVerb } from "@/lib/extract/lexicon";

describe("names to the nominative", () => {
  it.each([
    [["Салтыбаева"], "gent", "masc", "Салтыбаев"],
    [["Айгули", "Салтыбаевой"], "gent", undefined, "Айгуль Салтыбаева"],
    [["Салтыбаевой"], "gent", "femn", "Салтыбаева"],
    [["Томаса", "Келлера"], "gent", undefined, "Томас Келлер"],
    [["Ангелой", "Меркель"], undefined, undefined, "Ангела Меркель"],
    [["Виктора", "Януковича"], undefined, undefined, "Виктор Янукович"],
    [["Жан-Клодом", "Трише"], undefined, undefined, "Жан-Клод Трише"],
    [["Ержан", "Салтыбаев"], "nomn", "masc", "Ержан Салтыбаев"],
    // The dictionary files a patronymic under the father's name: «Фёдоровича» is not «Фёдор».
    [["Ивана", "Фёдоровича"], "gent", undefined, "Иван Фёдорович"],
    [["Юлией", "Вячеславовной"], undefined, undefined, "Юлия Вячеславовна"],
    [["Ивана", "Фёдоровича", "Жданова"], "gent", undefined, "Иван Жданов"],
  ] as const)("%j (%s, %s) → %s", (words, c, g, expected) => {
    expect(normaliseName([...words], c, g)?.name).toBe(expected);
  });

  it("reporting verbs carry gender", () => {
    expect(reportingVerb("отметил")?.gender).toBe("masc");
    expect(reportingVerb("отметила")?.gender).toBe("femn");
    expect(reportingVerb("уверена")?.gender).toBe("femn");
    expect(reportingVerb("считает")?.gender).toBeUndefined();
    expect(reportingVerb("Подчеркнула")?.gender).toBe("femn");
    // «– писал Баффет в одном из бестселлеров»: a written statement is a statement too.
    expect(reportingVerb("писала")?.gender).toBe("femn");
  });
});

describe("roles and institutions around a name", () => {
  it("splits role, institution, abbreviation alias and parent", () => {
    const [a] = findAffiliations(
      "Об этом сообщил директор Института мировой экономики и политики (ИМЭП) при Фонде Первого Президента РК – Лидера Нации Ержан Салтыбаев.",
    );
    expect(a).toMatchObject({
      person: { name: "Ержан Салтыбаев" },
      role: "директор",
      institution: { name: "Институт мировой экономики и политики", aliases: ["ИМЭП"], parent: "Фонд Первого Президента РК – Лидера Нации" },
    });
  });

  it("посол США в Казахстане: the country is the institution, the location is dropped", () => {
    const [a] = findAffiliations("Встречу открыл посол США в Казахстане Дэниел Розенблюм.");
    expect(a).toMatchObject({ person: { name: "Дэниел Розенблюм" }, role: "посол", institution: { name: "США" } });
  });

  it("эксперт «Астана клуба»: a quoted name in the genitive", () => {
    const [a] = findAffiliations("Доклад представил эксперт «Астана клуба» Рустам Назаров.");
    expect(a).toMatchObject({ role: "эксперт", institution: { name: "Астана клуб" } });
  });

  it("a multi-word role with a genitive complement and a nominative adjective institution", () => {
    const [a] = findAffiliations("Слово взял старший научный сотрудник Европейского института стратегического диалога Томас Келлер.");
    expect(a).toMatchObject({ role: "старший научный сотрудник", institution: { name: "Европейский институт стратегического диалога" } });
  });

  it("an apposition after the name", () => {
    const [a] = findAffiliations("Вячеслав Колосков, советник президента Олимпийского комитета России, приехал в Цюрих.");
    expect(a).toMatchObject({ person: { name: "Вячеслав Колосков" }, role: "советник президента", institution: { name: "Олимпийский комитет России" } });
  });

  it("a name in the instrumental after a role in the instrumental", () => {
    const [a] = findAffiliations("Он встретился с министром иностранных дел Словении Андже Логаром.");
    expect(a).toMatchObject({ role: "министр иностранных дел", institution: { name: "Словения" } });
  });

  it("«директор по исследованиям» keeps its complement; a rank ends the institution", () => {
    const [a] = findAffiliations("Выступил директор по исследованиям Московского центра евразийских исследований Игорь Левашов.");
    expect(a).toMatchObject({ role: "директор по исследованиям", institution: { name: "Московский центр евразийских исследований" } });
    const [b] = findAffiliations("Его сменил командующий войсками Сибирского военного округа генерал-полковник Александр Постников.");
    expect(b?.institution?.name).toBe("Сибирский военный округ");
  });

  it("«после» is not a role and a plural role does not describe the person", () => {
    expect(findAffiliations("Встреча прошла после отставки Фрица Хендерсона.")).toEqual([]);
    expect(findAffiliations("Вчера адвокаты Сильвио Берлускони подали жалобу.")).toEqual([]);
  });

  it("a later «президент США» gives its institution to the only president introduced", () => {
    const affs = findAffiliations("Выступил президент Барак Обама. Позже президент США подписал указ.");
    expect(affs.some((a) => a.person.name === "Барак Обама" && a.institution?.name === "США")).toBe(true);
  });

  it("«аналитик Имя Фамилия из Организации» and «Имя Фамилия — американская певица»", () => {
    const [a] = findAffiliations("Об этом рассказал аналитик Джон Смит из Брукингского института.");
    expect(a).toMatchObject({ role: "аналитик", institution: { name: "Брукингский институт" } });
    const [b] = findAffiliations("Мадонна Чикконе — американская певица.");
    expect(b?.role).toBe("певица");
  });

  it("a surname after initials is a person", () => {
    const [a] = findAffiliations("Главой компании назначен исполнительный директор General Motors Э.Уитакер.");
    expect(a?.person.name).toBe("Уитакер");
  });

  it("an abbreviation alone is an institution with itself as name", () => {
    expect(parseInstitution(tokens("ИМЭП"))?.name).toBe("ИМЭП");
  });
});

describe("speakers of single sentences", () => {
  const speakers = (s: string) => sentenceSpeakers(s).map((x) => x.name);

  it("subject before the verb", () => {
    expect(speakers("Кэбл указал, что обратился с просьбой к другим странам.")).toEqual(["Кэбл"]);
    expect(speakers("Стоя у избирательной урны, Киир заявил: «Исторический момент наступил».")).toEqual(["Киир"]);
  });

  it("inverted attribution and по словам with a genitive name", () => {
    expect(speakers("Кроме того, считает Чавес, все обвинения надуманны.")).toEqual(["Чавес"]);
    expect(speakers("По словам Айгули Салтыбаевой, переговоры зашли в тупик.")).toEqual(["Айгуль Салтыбаева"]);
  });

  it("a name governed by a noun is not the speaker", () => {
    expect(speakers("Тем временем отец Андерса Брейвика заявил, что его сын должен был убить себя.")).toEqual([]);
  });

  it("an object after the verb is not the speaker", () => {
    expect(speakers("Суд признал бывшего президента Михаила Саакашвили виновным.")).toEqual([]);
  });

  it("two people next to each other are not one name", () => {
    expect(speakers("«Мы благодарны», — сказал Паркер Ривлину.")).not.toContain("Паркер Ривлин");
  });
});
