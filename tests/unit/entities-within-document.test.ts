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
});
