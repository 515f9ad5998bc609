import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCommentary } from "@/lib/extract";
import { extractFromParagraphs } from "@/lib/extract/commentary";
import { findQuoteSpans } from "@/lib/extract/quotes";

const seedPath = path.resolve(import.meta.dirname, "../../content/kazakhstan-mediator.txt");

function seed() {
  const lines = readFileSync(seedPath, "utf8").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return { title: lines[0]!, paragraphs: lines.slice(1) };
}

describe("seed article", () => {
  const r = extractFromParagraphs(seed().paragraphs);

  it("yields exactly three quotes, all by Ержан Салтыбаев", () => {
    expect(r.quotes).toHaveLength(3);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Ержан Салтыбаев", "Ержан Салтыбаев", "Ержан Салтыбаев"]);
    expect(r.quotes.map((q) => q.paragraph)).toEqual([2, 4, 6]);
    expect(r.quotes[0]!.text.startsWith("При этом Казахстан")).toBe(true);
    expect(r.quotes[0]!.text.endsWith("обязательств")).toBe(true);
  });

  it("gives the speaker role, institution, alias and parent", () => {
    expect(r.speakers).toHaveLength(1);
    expect(r.speakers[0]).toMatchObject({ name: "Ержан Салтыбаев", role: "директор", institution: "Институт мировой экономики и политики" });
    const inst = r.institutionDetails.find((d) => d.name === "Институт мировой экономики и политики");
    expect(inst).toEqual({ name: "Институт мировой экономики и политики", aliases: ["ИМЭП"], parent: "Фонд Первого Президента РК – Лидера Нации" });
  });

  it("attributes the second quote by role alone and the third by surname", () => {
    expect(r.attributedBy).toEqual(["name", "role", "surname"]);
  });

  it("finds «Астана клуб» as a mentioned organisation, not a speaker", () => {
    expect(r.mentionedOrganizations).toContain("Астана клуб");
    expect(r.speakers.some((s) => s.name.includes("Астана"))).toBe(false);
  });

  it("is what ingest receives through extractCommentary", () => {
    const e = extractCommentary(seed());
    expect(e.quotes).toHaveLength(3);
    expect(e.institutions).toContain("Институт мировой экономики и политики");
    expect(e.topics).toContain("Посредничество и урегулирование конфликтов");
  });
});

describe("quote forms", () => {
  it("reads «…», „…“ and straight quotes, keeping nested quotes inside", () => {
    const spans = findQuoteSpans([
      "«Это «мягкая сила» в действии, и она работает давно», – сказал Иван Петров.",
      "„Немецкие кавычки тоже бывают в наших текстах“, – добавил он.",
      'Он ответил: "Прямые кавычки встречаются в новостях постоянно".',
    ]);
    expect(spans.map((s) => s.text)).toEqual([
      "Это «мягкая сила» в действии, и она работает давно",
      "Немецкие кавычки тоже бывают в наших текстах",
      "Прямые кавычки встречаются в новостях постоянно",
    ]);
  });

  it("joins a quote interrupted by its attribution and attributes it", () => {
    const r = extractFromParagraphs(["«Переговоры не будут простыми, – считает политолог Марат Шибутов. – Но другого пути у сторон просто нет»."]);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]!.text).toBe("Переговоры не будут простыми. Но другого пути у сторон просто нет");
    expect(r.quotes[0]!.speaker).toBe("Марат Шибутов");
    expect(r.speakers[0]).toMatchObject({ name: "Марат Шибутов", role: "политолог" });
  });

  it("keeps a quote spanning paragraphs as one quote", () => {
    const r = extractFromParagraphs([
      "«Первый абзац длинной цитаты о переговорах в Астане.",
      "«Второй абзац той же цитаты о посредничестве», – отметил эксперт Ержан Салтыбаев.",
    ]);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ paragraph: 0, speaker: "Ержан Салтыбаев" });
    expect(r.quotes[0]!.text).toBe("Первый абзац длинной цитаты о переговорах в Астане. Второй абзац той же цитаты о посредничестве");
  });

  it("leaves a quote without attribution unattributed instead of guessing", () => {
    const r = extractFromParagraphs([
      "«Казахстан останется площадкой для диалога», – заявил директор института Иван Петров.",
      "Конференция продолжилась в закрытом режиме.",
      "«Санкционное давление на регион будет только расти в ближайшие годы».",
    ]);
    expect(r.quotes).toHaveLength(2);
    expect(r.quotes[0]!.speaker).toBe("Иван Петров");
    expect(r.quotes[1]!.speaker).toBeUndefined();
    expect(r.attributedBy[1]).toBeNull();
  });

  it("does not take short quoted names for quotes", () => {
    const r = extractFromParagraphs(["Заседание «Астана клуба» прошло в столице, эксперты обсудили «soft power»."]);
    expect(r.quotes).toHaveLength(0);
    expect(r.mentionedOrganizations).toContain("Астана клуб");
  });
});

describe("attribution patterns", () => {
  it("«…», – отметил [роль] Имя Фамилия", () => {
    const r = extractFromParagraphs(["«Центральная Азия становится субъектом мировой политики», – отметил старший научный сотрудник Института востоковедения Рустам Бурнашев."]);
    expect(r.quotes[0]!.speaker).toBe("Рустам Бурнашев");
    expect(r.speakers[0]).toMatchObject({ role: "старший научный сотрудник", institution: "Институт востоковедения" });
  });

  it("Как подчеркнул [роль] Х, «…»", () => {
    const r = extractFromParagraphs(["Как подчеркнул посол США в Казахстане Дэниел Розенблюм, «наши страны связывает долгосрочное партнерство в энергетике»."]);
    expect(r.quotes[0]!.speaker).toBe("Дэниел Розенблюм");
    expect(r.speakers[0]).toMatchObject({ role: "посол", institution: "США" });
  });

  it("По словам Х (gen.), … normalises the name to the nominative", () => {
    const r = extractFromParagraphs(["По словам эксперта «Астана клуба» Айгули Салтыбаевой, «региональная интеграция требует терпения и последовательных шагов»."]);
    expect(r.quotes[0]!.speaker).toBe("Айгуль Салтыбаева");
    expect(r.speakers[0]).toMatchObject({ name: "Айгуль Салтыбаева", role: "эксперт", institution: "Астана клуб" });
  });

  it("Х заявил, что … and Х: «…»", () => {
    const r = extractFromParagraphs([
      "Министр иностранных дел Мурат Нуртлеу заявил, что Астана готова предоставить площадку для переговоров.",
      "Нуртлеу: «Мы готовы принять делегации обеих стран в любой момент».",
    ]);
    expect(r.speakers.map((s) => s.name)).toEqual(["Мурат Нуртлеу"]);
    expect(r.quotes[0]!.speaker).toBe("Мурат Нуртлеу");
  });

  it("feminine speaker: the verb's gender gives the feminine surname", () => {
    const r = extractFromParagraphs([
      "«Евразийская интеграция без транспортных коридоров невозможна», – подчеркнула директор Центра транспортных исследований Анна Кузнецова.",
      "«Средний коридор уже перегружен», – добавила Кузнецова.",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Анна Кузнецова", "Анна Кузнецова"]);
    expect(r.speakers).toHaveLength(1);
    expect(r.speakers[0]!.gender).toBe("femn");
  });

  it("two speakers in one paragraph keep their own quotes", () => {
    const r = extractFromParagraphs([
      "«Санкции бьют по транзиту через регион», – заявил экономист Олжас Худайбергенов. «Рынок уже адаптировался к новым условиям», – возразила аналитик Айгуль Салтыбаева.",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Олжас Худайбергенов", "Айгуль Салтыбаева"]);
  });

  it("a surname with a different first name is not merged into another person", () => {
    const r = extractFromParagraphs([
      "«Казахстан сохраняет многовекторность», – отметил Ержан Салтыбаев.",
      "«Многовекторность требует ресурсов и терпения», – заметила Айгуль Салтыбаева.",
      "«Это и есть наша дипломатия», – заключил Салтыбаев.",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Ержан Салтыбаев", "Айгуль Салтыбаева", "Ержан Салтыбаев"]);
  });

  it("a pronoun refers to the speaker just introduced", () => {
    const r = extractFromParagraphs([
      "«Вопрос воды в Центральной Азии становится вопросом безопасности», – считает эксперт Рустам Бурнашев.",
      "«Без общего водного режима конфликты неизбежны», – добавил он.",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Рустам Бурнашев", "Рустам Бурнашев"]);
  });

  it("no antecedent, an agency or an addressee is never the speaker", () => {
    const q = (p: string) => extractFromParagraphs([p]).quotes[0]?.speaker;
    expect(q("«Казахстан остаётся площадкой для переговоров», – отметил он.")).toBeUndefined();
    expect(q("«Казахстан остаётся площадкой для переговоров», – сообщил ТАСС.")).toBeUndefined();
    expect(q("Об этом Иван Петров рассказал Марату Шибутову: «Казахстан остаётся площадкой для переговоров».")).toBe("Иван Петров");
    expect(q("«Казахстан остаётся площадкой для переговоров», – цитирует Ержана Салтыбаева агентство.")).toBe("Ержан Салтыбаев");
  });

  it("an ambiguous role stays unattributed", () => {
    const r = extractFromParagraphs([
      "«Переговоры продолжатся», – сказал эксперт Иван Петров.",
      "«Посредничество Казахстана востребовано», – сказал эксперт Марат Шибутов.",
      "«Но сроки пока неясны всем участникам», – добавил эксперт.",
    ]);
    expect(r.quotes[2]!.speaker).toBeUndefined();
  });

  it("metadata speakers: quotes go to them and no new speakers are invented", () => {
    const e = extractCommentary({
      title: "t",
      paragraphs: ["«Казахстан сохраняет многовекторность в новых условиях», – отметил директор ИМЭП Ержан Салтыбаев.", "«Это наш путь», – сказал Иван Петров в интервью."],
      speakers: [{ name: "Ержан Салтыбаев", role: "директор", institution: "Институт мировой экономики и политики" }],
    });
    expect(e.quotes[0]!.speaker).toBe("Ержан Салтыбаев");
    expect(e.speakers.map((s) => s.name)).toEqual(["Ержан Салтыбаев"]);
  });
});
