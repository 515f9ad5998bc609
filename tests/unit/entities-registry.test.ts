import { describe, expect, it } from "vitest";
import { buildEntityRegistry, entitiesOf, findEntity, matchEntities, resolveName } from "@/lib/entities/registry";
import { NO_OVERRIDES, type PeopleOverrides } from "@/lib/entities/overrides";
import type { DocumentNames } from "@/lib/entities/types";

let n = 0;
function doc(speakers: DocumentNames["speakers"], more: Partial<DocumentNames> = {}): DocumentNames {
  return { docId: `d${++n}`, speakers, institutions: [], countries: [], topics: [], quoteSpeakers: {}, ...more };
}

const people = (docs: DocumentNames[], overrides: PeopleOverrides = NO_OVERRIDES) => {
  const r = buildEntityRegistry(docs, overrides);
  return { r, names: entitiesOf(r, "person").map((p) => p.name).sort(), of: (d: DocumentNames, raw: string) => resolveName(r, "person", raw, d.docId)?.name };
};

describe("people across the archive", () => {
  it("merges full names over case, ё/е and patronymic, keeping ё as written", () => {
    const a = doc([{ name: "Пётр Порошенко" }]);
    const b = doc([{ name: "Петр Порошенко" }]);
    const c = doc([{ name: "Петр Алексеевич Порошенко" }]);
    const { names, of } = people([a, b, c]);
    expect(names).toEqual(["Пётр Порошенко"]);
    expect(of(c, "Петр Алексеевич Порошенко")).toBe("Пётр Порошенко");
  });

  it("merges a full name whose first name was left in an oblique case, showing the nominative", () => {
    const { names } = people([doc([{ name: "Дмитрием Медведев" }]), doc([{ name: "Дмитрий Медведев" }]), doc([{ name: "Дмитрий Медведев" }])]);
    expect(names).toEqual(["Дмитрий Медведев"]);
  });

  it("links a surname alone, and initials, to the one compatible person", () => {
    const a = doc([{ name: "Владимир Путин" }]);
    const b = doc([{ name: "Путин" }]);
    const c = doc([{ name: "В. Путин" }]);
    const { names, of } = people([a, b, c]);
    expect(names).toEqual(["Владимир Путин"]);
    expect(of(b, "Путин")).toBe("Владимир Путин");
    expect(of(c, "В. Путин")).toBe("Владимир Путин");
  });

  it("never merges two different first names, and a surname shared by two people stays a partial value of its own", () => {
    const { r, names } = people([doc([{ name: "Уоррен Баффет" }]), doc([{ name: "Говард Баффет" }]), doc([{ name: "Баффет" }])]);
    expect(names).toEqual(["Баффет", "Говард Баффет", "Уоррен Баффет"]);
    expect(entitiesOf(r, "person").find((p) => p.name === "Баффет")!.partial).toBe(true);
  });

  it("keeps a man and a woman with one surname apart, and a feminine surname alone finds only her", () => {
    const a = doc([{ name: "Ержан Салтыбаев" }]);
    const b = doc([{ name: "Айгуль Салтыбаева" }]);
    const c = doc([{ name: "Салтыбаева", gender: "femn" }]);
    const d = doc([{ name: "Салтыбаев", gender: "masc" }]);
    const { names, of } = people([a, b, c, d]);
    expect(names).toEqual(["Айгуль Салтыбаева", "Ержан Салтыбаев"]);
    expect(of(c, "Салтыбаева")).toBe("Айгуль Салтыбаева");
    expect(of(d, "Салтыбаев")).toBe("Ержан Салтыбаев");
  });

  it("an initial that fits nobody stays apart: «А. Путин» is not Владимир Путин", () => {
    const { names } = people([doc([{ name: "Владимир Путин" }]), doc([{ name: "А. Путин" }])]);
    expect(names).toEqual(["А. Путин", "Владимир Путин"]);
  });

  it("counts documents and statements per person and keeps roles over time", () => {
    const a = doc([{ name: "Ержан Салтыбаев", role: "директор", institution: "Институт мировой экономики и политики" }], { date: "2024-01-10", quoteSpeakers: { "Ержан Салтыбаев": 3 } });
    const b = doc([{ name: "Салтыбаев", role: "эксперт" }], { date: "2019-05-01", quoteSpeakers: { Салтыбаев: 1 } });
    const { r } = people([a, b]);
    const p = entitiesOf(r, "person")[0]!;
    expect([p.documentCount, p.statementCount]).toEqual([2, 4]);
    expect(p.role).toBe("директор");
    expect(p.roles.map((x) => x.role)).toEqual(["директор", "эксперт"]);
  });
});

describe("the editor's overrides", () => {
  it("merge, rename, not-a-person and a per-document split are applied", () => {
    const a = doc([{ name: "Иосиф Римский" }]);
    const b = doc([{ name: "Римский" }]);
    const c = doc([{ name: "Римский" }]);
    const d = doc([{ name: "За заслуги перед Отечеством" }]);
    const e = doc([{ name: "Владимир Ульянов" }]);
    const f = doc([{ name: "Ленин" }]);
    const overrides: PeopleOverrides = {
      merge: [["Владимир Ульянов", "Ленин"]],
      split: [{ name: "Римский", documents: [c.docId], as: "Павел Римский" }],
      rename: { "Владимир Ульянов": "Владимир Ленин" },
      notPerson: ["За заслуги перед Отечеством"],
    };
    const { names, of } = people([a, b, c, d, e, f], overrides);
    // With two Римские in the archive, the lone «Римский» of document b fits both and stays apart.
    expect(names).toEqual(["Владимир Ленин", "Иосиф Римский", "Павел Римский", "Римский"]);
    expect(of(b, "Римский")).toBe("Римский");
    expect(of(c, "Римский")).toBe("Павел Римский");
    expect(of(f, "Ленин")).toBe("Владимир Ленин");
  });

  it("a name listed under split without documents never links to anyone", () => {
    const { names } = people([doc([{ name: "Иосиф Римский" }]), doc([{ name: "Римский" }])], { ...NO_OVERRIDES, split: [{ name: "Римский" }] });
    expect(names).toEqual(["Иосиф Римский", "Римский"]);
  });
});

describe("finding an entity by what a user typed", () => {
  const { r } = people([doc([{ name: "Владимир Путин" }]), doc([{ name: "Вера Путина" }]), doc([{ name: "Дмитрий Медведев" }])]);
  it("resolves case forms, lowercase and slugs", () => {
    expect(findEntity(r, "person", "владимир путин")?.name).toBe("Владимир Путин");
    expect(findEntity(r, "person", "Владимира Путина")?.name).toBe("Владимир Путин");
    expect(findEntity(r, "person", "Медведева")?.name).toBe("Дмитрий Медведев");
    expect(findEntity(r, "person", "dmitriy-medvedev")?.name).toBe("Дмитрий Медведев");
  });
  it("a surname that fits two people finds neither", () => {
    // «Путина» is his genitive and her nominative.
    expect(findEntity(r, "person", "Путина")).toBeUndefined();
  });
});

describe("institutions, countries and topics", () => {
  it("one institution whatever case form or short name; places go to countries; fragments are cut", () => {
    const a = doc([{ name: "Си Цзиньпин", institution: "ЦК КПК Си" }], { institutions: ["Государственная дума", "Единой России", "РФ", "Москва", "ЦК КПК Си"] });
    const b = doc([], { institutions: ["Госдума", "Единая Россия", "ЦК КПК"] });
    const r = buildEntityRegistry([a, b]);
    expect(entitiesOf(r, "institution").map((i) => i.name).sort()).toEqual(["Государственная дума", "Единая Россия", "ЦК КПК"]);
    expect(entitiesOf(r, "institution").find((i) => i.name === "Государственная дума")!.documentCount).toBe(2);
    expect(entitiesOf(r, "country").map((c) => c.name)).toEqual(["Россия"]);
  });

  it("a fragment is cut only where the same document names the person, whichever document comes first", () => {
    // cleanInstitution is memoised on the words left after the cut: the answer for «ЦК КПК Си»
    // must not carry over between a document that names Си Цзиньпин and one that does not.
    const names = (docs: DocumentNames[]) => entitiesOf(buildEntityRegistry(docs), "institution").map((i) => i.name).sort();
    const withPerson = doc([{ name: "Си Цзиньпин", institution: "ЦК КПК Си" }], { docId: "a", institutions: ["ЦК КПК Си"] });
    const without = doc([], { docId: "b", institutions: ["ЦК КПК Си"] });
    expect(names([withPerson, without])).toEqual(["ЦК КПК", "ЦК КПК Си"]);
    expect(names([without, withPerson])).toEqual(["ЦК КПК", "ЦК КПК Си"]);
    expect(names([without])).toEqual(["ЦК КПК Си"]);
    expect(names([withPerson])).toEqual(["ЦК КПК"]);
  });

  it("regions are places, not institutions", () => {
    const r = buildEntityRegistry([doc([], { institutions: ["Подмосковье", "Миннесота", "Тамбовская область", "Гессен", "Совет Федерации"] })]);
    expect(entitiesOf(r, "institution").map((i) => i.name)).toEqual(["Совет Федерации"]);
  });

  it("the filter box finds an institution by the start of its name in another case", () => {
    const r = buildEntityRegistry([doc([], { institutions: ["Приаральский центр водной дипломатии", "Центр стратегических исследований"] })]);
    expect(matchEntities(r, "institution", "Приаральского центра").map((e) => e.name)).toEqual(["Приаральский центр водной дипломатии"]);
    expect(matchEntities(r, "institution", "центра").map((e) => e.name).sort()).toEqual(["Приаральский центр водной дипломатии", "Центр стратегических исследований"]);
  });

  it("МИД России and МИД Японии stay apart", () => {
    const r = buildEntityRegistry([doc([], { institutions: ["МИД России", "МИД Японии"] })]);
    expect(entitiesOf(r, "institution").map((i) => i.name).sort()).toEqual(["МИД Японии", "Министерство иностранных дел России"]);
  });

  it("a topic is one entity whatever its case, with one address", () => {
    const r = buildEntityRegistry([doc([], { topics: ["Санкции"] }), doc([], { topics: ["санкции"] })]);
    const topics = entitiesOf(r, "topic");
    expect(topics.map((t) => [t.name, t.slug, t.documentCount])).toEqual([["Санкции", "sanktsii", 2]]);
  });

  it("every entity of a kind has its own slug", () => {
    const r = buildEntityRegistry([doc([{ name: "Мэри Смит" }, { name: "Мери Смит" }])]);
    const slugs = entitiesOf(r, "person").map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});
