/** Issue 14, item 5: references in GOST R 7.0.100-2018 style and as plain text with the permalink. */
import { describe, expect, it } from "vitest";
import { articlePlainText, articleReference, gostDate, gostName, statementReference } from "@/lib/search/citation";
import { formatDate } from "@/lib/format";

const ACCESSED = new Date(2026, 11, 1, 10, 0);
const PERMA = "https://archive.example/articles/konsultacii";

describe("GOST R 7.0.100-2018 references", () => {
  it("names become «Фамилия, И. О.»; what is not a plain personal name is kept as written", () => {
    expect(gostName("Ержан Салтыбаев")).toBe("Салтыбаев, Е.");
    expect(gostName("Пётр Иванович Самойлов")).toBe("Самойлов, П. И.");
    expect(gostName("Анна-Мария Петрова-Водкина")).toBe("Петрова-Водкина, А.-М.");
    expect(gostName("Салтыбаев")).toBe("Салтыбаев");
    expect(gostName("МИД России")).toBe("МИД России");
    expect(gostName("Е. Салтыбаев")).toBe("Е. Салтыбаев");
  });

  it("an article: author heading, title // source, date, original URL and the reader's date of access", () => {
    const ref = articleReference(
      { title: "Консультации продолжатся весной.", source: "Вымышленные известия", date: "2031-03-03", url: "https://izvestia.example/a", author: "Пётр Самойлов" },
      PERMA,
      ACCESSED,
    );
    expect(ref).toBe(
      "Самойлов, П. Консультации продолжатся весной // Вымышленные известия. – 03.03.2031. – URL: https://izvestia.example/a (дата обращения: 01.12.2026). – Текст : электронный.",
    );
  });

  it("an article with nothing known but its title cites the permalink and marks the missing year «[б. г.]»", () => {
    expect(articleReference({ title: "Заголовок" }, PERMA, ACCESSED)).toBe(`Заголовок. – [б. г.]. – URL: ${PERMA} (дата обращения: 01.12.2026). – Текст : электронный.`);
  });

  it("a statement: the speaker, [Высказывание] // the article / its source, and the statement's own permalink", () => {
    const hit = { speaker: { name: "Ильяс Муратов", role: "директор" }, document: { id: "d", slug: "konsultacii", title: "Консультации", date: "2031-03-03", source: "Вымышленные известия" } };
    expect(statementReference(hit, `${PERMA}#quote-2`, ACCESSED)).toBe(
      `Муратов, И. [Высказывание] // Консультации / Вымышленные известия. – 03.03.2031. – URL: ${PERMA}#quote-2 (дата обращения: 01.12.2026). – Текст : электронный.`,
    );
    const body = statementReference({ speaker: { name: "МВД Нурабада", kind: "body" }, document: hit.document }, PERMA, ACCESSED);
    expect(body.startsWith("МВД Нурабада [Высказывание] // ")).toBe(true);
    expect(statementReference({ document: hit.document }, PERMA, ACCESSED).startsWith("[Высказывание] // Консультации")).toBe(true);
  });

  it("the date of access is the day it is given, and plain text ends with the permalink", () => {
    expect(gostDate(new Date(2027, 0, 9))).toBe("09.01.2027");
    expect(articlePlainText({ title: "Консультации", source: "Вымышленные известия", date: "2031-03-03" }, PERMA, formatDate)).toBe(
      `Консультации. Вымышленные известия, ${formatDate("2031-03-03")}. ${PERMA}`,
    );
    expect(articlePlainText({ title: "Консультации" }, PERMA, formatDate)).toBe(`Консультации. ${PERMA}`);
  });
});
