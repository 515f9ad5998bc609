import { describe, expect, it } from "vitest";
import { findAffiliations } from "@/lib/extract/affiliations";

/** Workplaces found around a person's name; sentences written for these tests. */
function pairs(text: string): string[] {
  return findAffiliations(text).map((a) => `${a.person.name} → ${a.institution?.name ?? "-"}`);
}

describe("workplace patterns", () => {
  it("takes a lowercase organisation right after the post as the workplace", () => {
    expect(pairs("Губернатор уволил директора департамента образования Петра Сидорова.")).toContain("Пётр Сидоров → департамент образования");
    expect(pairs("Представитель администрации района Олег Кузнецов ответил на вопросы.")).toContain("Олег Кузнецов → администрация района");
  });

  it("reads a short circumstance between «который» and the linking verb", () => {
    expect(pairs("Должность освободил Андрей Морозов, который на прошлой неделе стал руководителем Минтранса.")).toContain("Андрей Морозов → Минтранс");
  });

  it("reads joining and leaving a board", () => {
    expect(pairs("Ольга Белова покинула совет директоров Сбербанка.")).toContain("Ольга Белова → совет директоров Сбербанка");
    expect(pairs("Ольга Белова вышла из комнаты.")).toEqual([]);
  });

  it("gives both workplaces joined by «и»", () => {
    const got = pairs("Тренер сборной Омской области и клуба «Сибиряк» Игорь Лебедев подвёл итоги.");
    expect(got).toContain("Игорь Лебедев → Омская область");
    expect(got).toContain("Игорь Лебедев → клуб Сибиряк");
  });

  it("does not take a second post or a bare place after «и» as a workplace", () => {
    const got = pairs("Заслуженная артистка России и Татарстана Анна Котова выступила в Казани.");
    expect(got).not.toContain("Анна Котова → Татарстан");
  });

  it("treats a surname after «имени» or a capitalised body as part of the institution", () => {
    const got = pairs("На вечере выступил ректор Университета Лобачевского Семён Орлов.");
    expect(got).toContain("Семён Орлов → Университет Лобачевского");
    expect(got.some((p) => p.startsWith("Лобачевск"))).toBe(false);
    expect(pairs("Выставку открыла директор Музея имени Глинки Вера Соколова.").some((p) => p.startsWith("Глинк"))).toBe(false);
  });

  it("combines a post before the name with a heading verb after it", () => {
    expect(pairs("Опытный тренер Павел Жуков возглавил «Торпедо».")).toContain("Павел Жуков → Торпедо");
  });

  it("reads «во главе с» as leading the body named before it", () => {
    expect(pairs("Комиссия Минфина во главе с Денисом Ковалёвым завершила проверку.")).toContain("Денис Ковалёв → Комиссия Минфина");
    const place = findAffiliations("Он приехал в Самару во главе с Денисом Ковалёвым.");
    expect(place.every((a) => !a.institution)).toBe(true);
    expect(place[0]?.person.name).toBe("Денис Ковалёв");
  });

  it("reads «из группы «…»» after a name as membership", () => {
    expect(pairs("На сцену вышел Игорь Смирнов из группы «Вектор».")).toContain("Игорь Смирнов → группа Вектор");
  });

  it("reads a chain of comma-separated posts after a name", () => {
    const got = pairs("Вчера умер Олег Гришин, друг Петра Фомина, директор Уральского завода в 1990—1998 годах, председатель Союза промышленников.");
    expect(got).toContain("Олег Гришин → Уральский завод");
    expect(got).toContain("Олег Гришин → Союз промышленников");
    expect(got.some((p) => p.startsWith("Пётр Фомин"))).toBe(false);
  });

  it("reads a later «работал в …» of the same subject", () => {
    const got = pairs("Нина Белова окончила МГУ, преподавала в школе и работала в Минфине и Министерстве экономики.");
    expect(got).toContain("Нина Белова → Минфин");
    expect(got).toContain("Нина Белова → Министерство экономики");
    expect(pairs("Нина Белова сказала, что Ольга Котова работала в Минфине.")).not.toContain("Нина Белова → Минфин");
  });

  it("gives a list of names after a plural post with an institution the same workplace", () => {
    const got = pairs("Концерт дал Пётр Лунин с музыкантами оркестра «Рассвет» — Игорем Смирновым, Олегом Кузнецовым и Павлом Жуковым.");
    expect(got).toContain("Игорь Смирнов → оркестр Рассвет");
    expect(got).toContain("Олег Кузнецов → оркестр Рассвет");
    expect(got).toContain("Павел Жуков → оркестр Рассвет");
    expect(got.some((p) => p.startsWith("Пётр Лунин → оркестр"))).toBe(false);
  });

  it("reads «в составе X — names» as membership", () => {
    const got = pairs("В составе «Северного ветра» — солист Игорь Смирнов (вокал) и Олег Кузнецов (гитара).");
    expect(got).toContain("Игорь Смирнов → Северный ветер");
    expect(got).toContain("Олег Кузнецов → Северный ветер");
  });

  it("starts a post after a dash between lowercase words", () => {
    expect(pairs("Мэр уволил двух опытных чиновников — директора департамента транспорта Петра Сидорова.")).toContain("Пётр Сидоров → департамент транспорта");
  });

  it("reads «на должности главы «X»» after a name", () => {
    expect(pairs("Ольга Белова на должности главы «Эрмитажа» провела реформу.").some((p) => p.endsWith("→ Эрмитаж"))).toBe(true);
  });

  it("ends the descriptor at a preposition before the post", () => {
    expect(pairs("Прошли официальные встречи с участием президента Латвии Андрея Петрова и других гостей.")).toContain("Андрей Петров → Латвия");
  });

  it("reads wiki-style ''…'' as quotation marks around a name", () => {
    expect(pairs("На сцену вышел вокалист ''Night Owls'' Игорь Смирнов.")).toContain("Игорь Смирнов → Night Owls");
  });

  it("steps over a lowercase aside in brackets inside the post", () => {
    expect(pairs("Слово дали главе федерации городского (уличного) баскетбола Игорю Смирнову.").some((p) => p.startsWith("Игорь Смирнов → федерация"))).toBe(true);
  });

  it("takes a movement named by its members as the workplace", () => {
    expect(pairs("Представитель хуситов Ахмед Салех сообщил о перемирии.")).toContain("Ахмед Салех → хуситы");
  });

  it("adds an earlier post in the same case set off by a comma", () => {
    const got = pairs("Цветы вручили директору Уральского завода, председателю Союза промышленников Петру Сидорову.");
    expect(got).toContain("Пётр Сидоров → Союз промышленников");
    expect(got).toContain("Пётр Сидоров → Уральский завод");
  });

  it("does not read a capitalised adjective before lowercase adjectives as a name", () => {
    expect(findAffiliations("Поздравили руководителя Пермского академического театра Олега Котова.").map((a) => a.person.name)).not.toContain("Пермский");
  });

  it("knows «агент» and «главарь» as posts", () => {
    expect(pairs("В фильме сыграл агент ЦРУ Джон Смит.")).toContain("Джон Смит → ЦРУ");
  });

  it("reads a first name with a regnal number as a monarch's name", () => {
    expect(pairs("На приёме был король Швеции Густав V.")).toContain("Густав V → Швеция");
  });

  it("resolves «страны» to the one country the sentence names", () => {
    expect(pairs("В Молдавии прошли выборы, и президент страны Игорь Смирнов признал итоги.")).toContain("Игорь Смирнов → Молдавия");
    expect(pairs("Президент страны Игорь Смирнов признал итоги.")).toContain("Игорь Смирнов → -");
  });

  it("keeps a Russian-shaped surname that is also a place after a first name", () => {
    expect(pairs("Глава Минфина Дмитрий Ливанов выступил на форуме.")).toContain("Дмитрий Ливанов → Минфин");
  });
});
