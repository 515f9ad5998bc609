import { describe, expect, it } from "vitest";
import { buildEntityRegistry, findEntity } from "@/lib/entities/registry";
import type { DocumentNames } from "@/lib/entities/types";

const findPersonByObliqueForm = (r: typeof registry, text: string) => findEntity(r, "person", text);

let n = 0;
const doc = (speakers: DocumentNames["speakers"]): DocumentNames => ({ docId: `d${++n}`, speakers, institutions: [], countries: [], topics: [], quoteSpeakers: {} });

/** The fixture person of tests/e2e/entities.spec.ts, and a man and a woman who share a surname. */
const registry = buildEntityRegistry([
  doc([{ name: "Ерлан Кутпанбаев" }]),
  doc([{ name: "Кутпанбаев" }]),
  doc([{ name: "Е. Кутпанбаев" }]),
  doc([{ name: "Асхат Темиркулов" }]),
  doc([{ name: "Айгерим Темиркулова" }]),
  doc([{ name: "Ержан Салтыбаев" }]),
]);

describe("a man named by a case form of a name the dictionary does not know", () => {
  it.each(["Кутпанбаева", "Кутпанбаеву", "Кутпанбаевым", "Кутпанбаеве", "Ерлана Кутпанбаева", "Ерлану Кутпанбаеву", "Е. Кутпанбаева"])("%s → Ерлан Кутпанбаев", (text) => {
    expect(findPersonByObliqueForm(registry, text)?.name).toBe("Ерлан Кутпанбаев");
  });

  it("finds the seed's speaker by his genitive", () => {
    expect(findPersonByObliqueForm(registry, "Салтыбаева")?.name).toBe("Ержан Салтыбаев");
  });

  it("a text that names no one finds no one", () => {
    // «Темиркуловой» is a woman's oblique case: it finds her, not him.
    expect(findPersonByObliqueForm(registry, "Темиркуловой")?.name).toBe("Айгерим Темиркулова");
    expect(findPersonByObliqueForm(registry, "медиатора")).toBeUndefined();
    expect(findPersonByObliqueForm(registry, "")).toBeUndefined();
    expect(findPersonByObliqueForm(registry, "один два три четыре")).toBeUndefined();
  });

  it("the nominative reading comes first: «Темиркулова» is her, «Кутпанбаев» is him", () => {
    expect(findEntity(registry, "person", "Темиркулова")?.name).toBe("Айгерим Темиркулова");
    expect(findEntity(registry, "person", "Кутпанбаев")?.name).toBe("Ерлан Кутпанбаев");
  });

  it("initials must fit: «А. Кутпанбаев» finds no one", () => {
    expect(findEntity(registry, "person", "А. Кутпанбаев")).toBeUndefined();
  });
});

describe("a woman named by a case form", () => {
  const r = buildEntityRegistry([doc([{ name: "Ольга Ветлугина" }]), doc([{ name: "Анна Ковальская" }]), doc([{ name: "Глеб Ветлугин" }])]);
  it("finds her by her oblique cases, never the man with her surname", () => {
    expect(findEntity(r, "person", "Ветлугиной")?.name).toBe("Ольга Ветлугина");
    expect(findEntity(r, "person", "Ольги Ветлугиной")?.name).toBe("Ольга Ветлугина");
    expect(findEntity(r, "person", "Ковальскую")?.name).toBe("Анна Ковальская");
    // Her nominative is his genitive, her accusative his dative: either may be meant, so neither is found.
    expect(findEntity(r, "person", "Ветлугина")).toBeUndefined();
    expect(findEntity(r, "person", "Ветлугину")).toBeUndefined();
  });
});

describe("one foreign first name in two spellings", () => {
  it("«Бриджит Бардо» and «Брижит Бардо», «Мэттью Перри» and «Мэтью Перри» are one person each; «Юрий» and «Юлий Зорин» stay two", () => {
    const r = buildEntityRegistry([
      doc([{ name: "Бриджит Бардо", gender: "femn" }]),
      doc([{ name: "Брижит Бардо", gender: "femn" }]),
      doc([{ name: "Мэттью Перри" }]),
      doc([{ name: "Мэтью Перри" }]),
      doc([{ name: "Юрий Зорин" }]),
      doc([{ name: "Юлий Зорин" }]),
    ]);
    const people = r.entities.filter((e) => e.kind === "person").map((e) => e.name).sort();
    expect(people).toHaveLength(4);
    expect(findEntity(r, "person", "Брижит Бардо")?.name).toBe(findEntity(r, "person", "Бриджит Бардо")?.name);
    expect(findEntity(r, "person", "Мэтью Перри")?.name).toBe(findEntity(r, "person", "Мэттью Перри")?.name);
    expect(findEntity(r, "person", "Юрий Зорин")?.name).not.toBe(findEntity(r, "person", "Юлий Зорин")?.name);
  });
});

describe("a person's id", () => {
  it("is the id their written name always had; two spellings joined keep the id of the least", async () => {
    const { createHash } = await import("node:crypto");
    const old = (key: string) => `p${createHash("sha256").update(`person|${key}`).digest("hex").slice(0, 12)}`;
    const r = buildEntityRegistry([doc([{ name: "Геннадий Зюганов" }]), doc([{ name: "Мэттью Перри" }]), doc([{ name: "Мэтью Перри" }])]);
    // «Геннадий» has a doubled letter the spelling fold removes; his id is the one made from «геннадий|зюганов».
    expect(findEntity(r, "person", "Геннадий Зюганов")?.id).toBe(old("p:геннадий|зюганов"));
    expect(findEntity(r, "person", "Мэттью Перри")?.id).toBe(old("p:мэттью|перри"));
  });
});
