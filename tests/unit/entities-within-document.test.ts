import { describe, expect, it } from "vitest";
import { completeDocumentNames, completeName, nominativeFirstName } from "@/lib/entities/within-document";

describe("names made whole inside one document", () => {
  it("a surname alone takes the first name the same text gives", () => {
    const text = "Президент Дмитрий Медведев провёл совещание. «Это важно», – сказал Медведев.";
    expect(completeName("Медведев", text)).toBe("Дмитрий Медведев");
  });

  it("initials take the first name that fits them, and only that one", () => {
    const text = "Выступили Сергей Иванов и Пётр Иванов. С. Иванов добавил…";
    expect(completeName("С. Иванов", text)).toBe("Сергей Иванов");
    expect(completeName("Иванов", text)).toBe("Иванов");
  });

  it("a first name in an oblique case comes back to the nominative", () => {
    expect(nominativeFirstName("Дмитрием")).toBe("Дмитрий");
    expect(nominativeFirstName("Рауля")).toBe("Рауль");
    expect(completeName("Рауля Кастро", "")).toBe("Рауль Кастро");
    expect(completeName("Пётр Порошенко", "")).toBe("Пётр Порошенко");
  });

  it("a first name alone takes the surname that follows it in the text", () => {
    expect(completeName("Юлия", "Фигуристка Юлия Липницкая выиграла. Юлия сказала…")).toBe("Юлия Липницкая");
  });

  it("a first name alone is completed from an oblique pair, and a foreign first name from the pair it opens", () => {
    expect(completeName("Борис", "Показания перебежчика Бориса Карпичкова. Позже Борис рассказал…")).toBe("Борис Карпичков");
    expect(completeName("Бриджит", "Актриса Бриджит Бардо угрожает переездом. Бриджит отметила…")).toBe("Бриджит Бардо");
    expect(completeName("Ярослав", "Глава зоны Ярослав Емельяненко заявил. Ярослав писал…")).toBe("Ярослав Емельяненко");
    // Two people share the surname: a surname alone stays as it is.
    expect(completeName("Соломон", "Холли Соломон и Дэниел Соломон. Соломон рассказал…")).toBe("Соломон");
  });

  it("a surname that is also a common word is completed only from a first name beside it", () => {
    expect(completeName("Орёл", "Министр Сергей Орёл заявил, что горный орёл охраняется")).toBe("Сергей Орёл");
    expect(completeName("Орёл", "Город Орёл и его жители")).toBe("Орёл");
  });

  it("merges a document's two values for one person and moves the quotes with them", () => {
    const paragraphs = ["Директор Ержан Салтыбаев выступил.", "«Мы готовы», – заключил Салтыбаев."];
    const out = completeDocumentNames("Заголовок", paragraphs, [{ name: "Ержан Салтыбаев", role: "директор" }, { name: "Салтыбаев" }], [{ text: "Мы готовы", paragraph: 1, speaker: "Салтыбаев" }]);
    expect(out.speakers).toEqual([{ name: "Ержан Салтыбаев", role: "директор", aliases: ["Салтыбаев"] }]);
    expect(out.quotes[0]!.speaker).toBe("Ержан Салтыбаев");
  });

  it("a first name and patronymic alone join the one speaker whose full name has both", () => {
    const paragraphs = ["Поэт Иван Фёдорович Жданов госпитализирован.", "По словам Ивана Фёдоровича, претензий он не имеет."];
    const out = completeDocumentNames("Заголовок", paragraphs, [
      { name: "Иван Жданов", aliases: ["Иван Фёдорович Жданов"] },
      { name: "Иван Фёдорович", aliases: ["Ивана Фёдоровича"] },
    ], [{ text: "претензий он не имеет", paragraph: 1, speaker: "Иван Фёдорович" }]);
    expect(out.speakers.map((s) => s.name)).toEqual(["Иван Жданов"]);
    expect(out.speakers[0]!.aliases).toContain("Ивана Фёдоровича");
    expect(out.quotes[0]!.speaker).toBe("Иван Жданов");
  });

  it("a first name and patronymic that two speakers share stay apart", () => {
    const out = completeDocumentNames("Заголовок", [], [
      { name: "Иван Жданов", aliases: ["Иван Фёдорович Жданов"] },
      { name: "Иван Петров", aliases: ["Иван Фёдорович Петров"] },
      { name: "Иван Фёдорович" },
    ], [{ text: "слова", paragraph: 0, speaker: "Иван Фёдорович" }]);
    expect(out.speakers.map((s) => s.name)).toContain("Иван Фёдорович");
    expect(out.quotes[0]!.speaker).toBe("Иван Фёдорович");
  });
});
