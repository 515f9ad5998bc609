import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractCommentary } from "@/lib/extract";
import { extractFromParagraphs } from "@/lib/extract/commentary";
import { sentenceSpeakers } from "@/lib/extract/statements";
import type { Quote } from "@/lib/validations/document";

/** The stored span of a statement: paragraphs[paragraph].slice(start, end), across paragraphs to endParagraph. */
function span(paragraphs: readonly string[], q: Quote): string {
  const from = q.paragraph;
  const to = q.endParagraph ?? q.paragraph;
  if (from === to) return paragraphs[from]!.slice(q.start, q.end);
  return [paragraphs[from]!.slice(q.start), ...paragraphs.slice(from + 1, to), paragraphs[to]!.slice(0, q.end)].join("\n");
}

/** Every quote has offsets; a reported clause is stored exactly as written; a direct quote's span holds its text. */
function expectOffsets(paragraphs: readonly string[], quotes: readonly Quote[]): void {
  for (const q of quotes) {
    expect(q.start).toBeTypeOf("number");
    expect(q.end).toBeTypeOf("number");
    const s = span(paragraphs, q);
    if (q.kind === "reported") expect(s).toBe(q.text);
    else {
      // Interruptions and paragraph breaks are removed from the text, never added.
      const words = (x: string) => x.replace(/[^\p{L}\p{N}\s]/gu, " ").split(/\s+/).filter(Boolean);
      const inSpan = new Set(words(s));
      for (const w of words(q.text)) expect(inSpan.has(w)).toBe(true);
    }
  }
}

function run(paragraphs: string[]) {
  const r = extractFromParagraphs(paragraphs);
  expectOffsets(paragraphs, r.quotes);
  return r;
}

const direct = (qs: readonly Quote[]) => qs.filter((q) => q.kind === "direct");
const reported = (qs: readonly Quote[]) => qs.filter((q) => q.kind === "reported");

describe("speaker after the quote", () => {
  it("«…», – сказал Трамп: a surname az reads as a common noun", () => {
    const r = run(["Президент США Дональд Трамп выступил в Белом доме.", "«Я не могу вам точно сказать», – сказал Трамп, когда его спросили о здоровье лидера КНДР."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Дональд Трамп"]);
  });

  it("«…», – заключил Салтыбаев: a surname resolves to the full name given earlier", () => {
    const r = run(["«Мы избегаем чужих геополитических игр», – отметил директор ИМЭП Ержан Салтыбаев.", "«Клуб станет площадкой для диалога», – заключил Салтыбаев."]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Ержан Салтыбаев", "Ержан Салтыбаев"]);
    expect(r.attributedBy).toEqual(["name", "surname"]);
  });

  it("«…», – многозначительно тогда предупредила Х: words of manner between the dash and the verb are passed over", () => {
    const r = run(["Ректором назначена Людмила Линик.", "«Я полагаю, что приказы руководства не обсуждаются», – опершись на трибуну, многозначительно тогда предупредила Линик членов совета."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Людмила Линик"]);
  });

  it("a clause with its own verb or a name between the quote and the verb keeps them apart", () => {
    const other = run(["Ректором назначена Людмила Линик.", "«Я полагаю, что приказы руководства не обсуждаются» – этот лозунг висел над входом, предупредила Линик."]);
    expect(direct(other.quotes).map((q) => q.speaker)).toEqual([undefined]);
  });

  it("«Должность учреждения Имя Фамилия: «…»»: the institution's last noun before the name does not govern it", () => {
    const r = run(["Заместитель директора Института прикладной истории Олег Сомов: «Переговоры зашли в тупик, и без посредника их уже не сдвинуть»."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
    const father = run(["Отец Олега Сомова: «Я не видел сына уже восемь лет и не знаю, где он»."]);
    expect(direct(father.quotes).map((q) => q.speaker)).toEqual([undefined]);
  });

  it("«Х во вторник, 12 мая, заявил, что «…»»: a date between commas stands between the subject and the verb", () => {
    const r = run(["Министр иностранных дел Ирина Ласточкина во вторник, 12 мая, заявила, что «переговоры продолжатся и после выборов»."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Ирина Ласточкина"]);
  });

  it("«Х, говоря о Y, отметил», «Х, который …, заявил»: names inside a gerund phrase or a «который» clause are its objects", () => {
    const gerund = run(["Политолог Олег Сомов, говоря о визите Ласточкиной, отметил, что «диалог важнее любых санкций»."]);
    expect(direct(gerund.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
    const which = run(["Олег Сомов, который давно знаком с Ласточкиной, заявил: «Она всегда держит слово, даже когда это ей невыгодно»."]);
    expect(direct(which.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
    // A gerund aside of small words only («, говоря об этом,»).
    const plain = run(["Ласточкина встретилась с послом, и Олег Сомов, говоря об этом, заметил: «Встреча была долгой и трудной для обеих сторон»."]);
    expect(direct(plain.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
  });

  it("«Х после встречи с Y заявил»: a name inside a prepositional phrase before the verb is passed over", () => {
    const r = run(["Олег Сомов после разговора с послом Ласточкиной заявил: «Мы договорились обо всём, что собирались обсудить»."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
    // A noun governing the name with no preposition before it is the subject's own head: no speaker.
    const father = run(["Отец Олега Сомова заявил: «Я не видел сына уже восемь лет и не знаю, где он»."]);
    expect(direct(father.quotes).map((q) => q.speaker)).toEqual([undefined]);
  });

  it("a list of titles («Мимино», «Афоня» и «Я шагаю по Москве») holds no statements; words quoted in a row do", () => {
    const films = run(["Режиссёр прославился такими картинами, как «Вечерний звон», «Мы идём на север» и «Я шагаю домой».", "Песни «Ты у меня одна», «Тихий вальс» исполнял он сам."]);
    expect(films.quotes).toEqual([]);
    const words = run(["Ирина Ласточкина отметила, что ценит коллег, поскольку «они делают то, что должны делать», «они пытаются понять друг друга»."]);
    const texts = words.quotes.map((q) => q.text).join(" | ");
    expect(texts).toContain("они делают то, что должны делать");
    expect(texts).toContain("они пытаются понять друг друга");
  });

  it("«…», — цитирует NEWSru.com Х / РБК президента … Х / «Вести» заявление Х: the speaker follows the medium", () => {
    const site = run(["«Переговоры продолжатся на следующей неделе в Женеве», — цитирует NEWSru.com Сомова."]);
    expect(direct(site.quotes).map((q) => q.speaker)).toEqual(["Сомов"]);
    const agency = run(["«Мы будем добиваться отмены пошлин всеми доступными средствами», — цитирует РБК президента фонда «Открытый путь» Олега Сомова."]);
    expect(direct(agency.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
    const statement = run(["«Мы условились с партнёрами продолжить консультации по визам», — цитируют «Вечерние вести» заявление Ирины Ласточкиной по итогам встречи."]);
    expect(direct(statement.quotes).map((q) => q.speaker)).toEqual(["Ирина Ласточкина"]);
    const twoPart = run(["«Проверки повторятся, если кому-то будет что-то непонятно», — цитируют РИА «Новости» генерального прокурора Олега Сомова."]);
    expect(direct(twoPart.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
    // The medium itself is never taken for a person («Лента.ру» once gave a speaker «Лент»).
    const bare = run(["«Переговоры продолжатся на следующей неделе в Женеве», — цитирует Лента.ру обращение к читателям."]);
    expect(bare.speakers.map((sp) => sp.name)).not.toContain("Лент");
  });

  it("«глава государства», «глава правительства», «глава МИД» find the president, the premier, the minister", () => {
    const r = run([
      "Президент Ирина Ласточкина провела переговоры с премьер-министром соседней страны Олегом Сомовым.",
      "«Мы договорились о главном и продолжим работу», — сказал Сомов.",
      "При этом глава государства подчеркнула, что «решение не должно ущемлять интересы сторон».",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Олег Сомов", "Ирина Ласточкина"]);
    // With a qualifier the post is not known to be the one the text gave: no guess.
    const qualified = run([
      "Премьер-министр соседней страны Олег Сомов встретился с журналистами.",
      "«Мы договорились о главном и продолжим работу», — заключил глава российского правительства.",
    ]);
    expect(direct(qualified.quotes).map((q) => q.speaker)).toEqual([undefined]);
  });

  it("«Х, в свою очередь, подчеркнула, что …», «Он, в частности, заявил»: a parenthetical after the subject is no quote's comma", () => {
    const r = run(["Ирина Ласточкина, в свою очередь, подчеркнула, что «лгать недопустимо даже ради победы»."]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Ирина Ласточкина"]);
    const pronoun = run(["Олег Сомов выступил на форуме.", "Он, в частности, прокомментировал отставку Ласточкиной и заявил, что «это давно назревало»."]);
    expect(pronoun.speakers.map((sp) => sp.name)).not.toContain("Ласточкиной");
  });

  it("«— заявил Х и спустя год сделал …»: the subject's next predicate is not part of the speaker's name", () => {
    const r = run(["«Чем больше я читаю об этих инвестициях, тем хуже я к ним отношусь», — заявил Петров и спустя год реализовал своё намерение."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Петров"]);
  });

  it("«… с Ласточкиной и заявил»: the name before «и» is the earlier verb's object; «позвонил брат Олег и сказал» keeps its subject", () => {
    const object = run(["Олег Сомов встретился с Ириной Ласточкиной и заявил, что «переговоры прошли успешно»."]);
    expect(object.speakers.map((sp) => sp.name)).not.toContain("Ирина Ласточкина");
    const subject = run(["Около полуночи ей позвонил младший брат Олег Сомов и сказал, что «всё уже решено»."]);
    expect(subject.quotes.map((q) => q.speaker)).toEqual(["Олег Сомов"]);
  });

  it("«По словам Х, …. «…», — сказал министр»: of several ministers, the one just speaking in the paragraph", () => {
    const r = run([
      "«Мы готовы к любым вариантам», — заявил министр иностранных дел Пётр Зуев.",
      "По словам министра иностранных дел соседней страны Олега Сомова, переговоры продолжатся в следующем месяце. «Я надеюсь, что все эти вопросы будут обсуждаться открыто», — сказал министр.",
    ]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Пётр Зуев", "Олег Сомов"]);
  });

  it("«Мэр города Кузьминово отметил»: a town after «города» is no person", () => {
    const r = run(["Мэр города Кузьминово отметил, что «средств на ремонт дорог снова не хватает»."]);
    expect(r.speakers.map((sp) => sp.name)).toEqual([]);
    const governor = run(["Губернатор Калужской области Олег Сомов отметил, что «средств на ремонт дорог снова не хватает»."]);
    expect(governor.speakers.map((sp) => sp.name)).toEqual(["Олег Сомов"]);
  });

  it("a post in an oblique case bars its name only when the name can take that case too", () => {
    // «с агентом Сомерс говорил»: «Сомерс» cannot be instrumental, so it is the subject.
    const agent = run(["В разговоре с агентом Сомерс говорил, что «ему не нужен никакой план отхода»."]);
    expect(agent.quotes.map((q) => q.speaker)).toEqual(["Сомерс"]);
    // «супруга музыканта Ирина Ласточкина»: a nominative feminine surname takes no genitive; «брат
    // "короля джаза" Жермен Джексон»: a surname az reads in every case says nothing about its case.
    const wife = run(["Председатель фонда и супруга музыканта Ирина Ласточкина сказала: «Он ушёл после долгой и тяжёлой болезни»."]);
    expect(direct(wife.quotes).map((q) => q.speaker)).toEqual(["Ирина Ласточкина"]);
    const brother = run(['Однако вскоре брат "короля джаза" Жермен Джексон заявил, что врачи просто предписали его матери покой.']);
    expect(brother.quotes.map((q) => q.speaker)).toEqual(["Жермен Джексон"]);
    // «Исполняющий обязанности … представителя» opens in the nominative: its name is the subject.
    const acting = run(["Исполняющий обязанности торгового представителя Олег Сомов заявил: «Мы сожалеем, что переговоры сорвались»."]);
    expect(direct(acting.quotes).map((q) => q.speaker)).toEqual(["Олег Сомов"]);
  });

  it("East Asian names: «обращение председателя КНР Си Цзиньпина», «лидер КНДР Ким Чен Ын»", () => {
    const xi = run(["«Народы двух стран готовы выступать вместе против любых попыток переписать историю», — цитирует Лента.ру обращение председателя КНР Си Цзиньпина к россиянам."]);
    expect(direct(xi.quotes).map((q) => q.speaker)).toEqual(["Си Цзиньпин"]);
    const kim = run(["«Мы готовы к переговорам, но не к капитуляции», — заявил лидер КНДР Ким Чен Ын."]);
    expect(direct(kim.quotes).map((q) => q.speaker)).toEqual(["Ким Чен Ын"]);
  });

  it("«Со слов Х, «…»» credits the quote as «по словам Х» does", () => {
    const r = run(["Со слов Скрябина, «просто в концовке поединка соперник немного подсел, а я функционально готов чуть лучше»."]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Скрябин"]);
  });

  it("a dash-opened quote after «– сказал Х.» continues that speaker", () => {
    const r = run(["«Я не могу вам точно сказать», – сказал Трамп на пресс-конференции. – «Я просто желаю ему всего хорошего»."]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Трамп", "Трамп"]);
    expect(r.attributedBy[1]).toBe("continued");
  });
});

describe("speaker before the quote", () => {
  it("Х заявил: «…»", () => {
    const r = run(["Министр иностранных дел Сергей Лавров заявил: «Мы готовы к переговорам без предварительных условий»."]);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ kind: "direct", speaker: "Сергей Лавров" });
  });

  it("an adverbial between subject and verb («в своём Telegram-канале») is passed over", () => {
    expect(sentenceSpeakers("Глава Чечни Рамзан Кадыров в своём Telegram-канале сказал, что взгляды сформировались во Франции.").map((s) => s.name)).toEqual(["Рамзан Кадыров"]);
  });

  it("a participle phrase between commas («Бардо, известная …, заявила»)", () => {
    expect(sentenceSpeakers("Бардо, известная также как активистка, заявила, что готова попросить гражданство.").map((s) => s.name)).toEqual(["Бардо"]);
  });

  it("«признал вину» is no statement", () => {
    expect(sentenceSpeakers("Владимир Здоровенин признал вину по двум пунктам обвинения.")).toEqual([]);
  });
});

describe("a verb of its own before a colon", () => {
  it("«Алишер Усманов опровергал …: «…»» credits the subject; a relative clause between does not", () => {
    const r = run([
      "Год назад Алишер Усманов опровергал все сведения журналистов о наследниках: «Ничего никому не оставлю. Детей у меня нет».",
      "Юханссон хотел бы видеть наследником Бекенбауэра, который отшучивается словами: «Я отвечу так: в моём возрасте пора думать об удочке у тихой реки».",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Алишер Усманов", undefined]);
  });
});

describe("pronouns and roles", () => {
  it("«добавил он» goes to the nearest compatible person, not to a woman quoted in between", () => {
    const r = run([
      "«Переговоры будут трудными», – заявил политолог Марат Шибутов.",
      "Его коллега Айгуль Салтыбаева не согласилась с этой оценкой. «Но другого пути у сторон нет», – добавил он.",
    ]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Марат Шибутов", "Марат Шибутов"]);
    expect(r.attributedBy[1]).toBe("pronoun");
  });

  it("a role noun that names nobody known blocks the pronoun: unattributed rather than wrong", () => {
    const r = run([
      "Причиной отказа стала неточность формулировок, заявил председатель совета Игорь Рогов. Президент и сам неоднократно критически отзывался о намерении депутатов. «Если мне позволят здоровье и силы, я буду работать, сколько мне позволят», — добавил он.",
    ]);
    const q = direct(r.quotes)[0]!;
    expect(q.text.startsWith("Если мне позволят")).toBe(true);
    expect(q.speaker).toBeUndefined();
  });

  it("«подчеркнул директор ИМЭП»: a role and an institution find the person", () => {
    const r = run([
      "«Казахстан не участвует в чужих играх», – отметил директор Института мировой экономики и политики (ИМЭП) Ержан Салтыбаев.",
      "«Нам нужны новые прагматичные проекты», – подчеркнул директор ИМЭП.",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Ержан Салтыбаев", "Ержан Салтыбаев"]);
    expect(r.attributedBy[1]).toBe("role");
  });
});

describe("reported speech", () => {
  it("«По словам Х, …»: the clause after the comma", () => {
    const p = ["По словам Сергея Лаврова, Россия готова продолжить переговоры в Женеве."];
    const r = run(p);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ kind: "reported", speaker: "Сергей Лавров", paragraph: 0, text: "Россия готова продолжить переговоры в Женеве" });
  });

  it("«Х считает, что …» and «Х уверен, что …»", () => {
    const r = run(["Политолог Марат Шибутов считает, что посредничество Казахстана будет востребовано.", "Шибутов уверен, что стороны вернутся за стол переговоров."]);
    expect(reported(r.quotes).map((q) => [q.speaker, q.text])).toEqual([
      ["Марат Шибутов", "посредничество Казахстана будет востребовано"],
      ["Марат Шибутов", "стороны вернутся за стол переговоров"],
    ]);
  });

  it("«Как заявил Х, …» and «Х сообщил журналистам, что …»", () => {
    const r = run(["Как заявил министр обороны Сергей Шойгу, учения пройдут в сентябре.", "Шойгу также сообщил журналистам, что в них примут участие десять стран."]);
    expect(reported(r.quotes).map((q) => q.text)).toEqual(["учения пройдут в сентябре", "в них примут участие десять стран"]);
    expect(reported(r.quotes).every((q) => q.speaker === "Сергей Шойгу")).toBe(true);
  });

  it("«…, заявил Х»: the clause before the attribution", () => {
    const r = run(["Малайзия не хочет конфликтовать с Китаем из-за спорного моря, заявил премьер-министр Махатхир Мохамад."]);
    expect(r.quotes[0]).toMatchObject({ kind: "reported", speaker: "Махатхир Мохамад", start: 0, text: "Малайзия не хочет конфликтовать с Китаем из-за спорного моря" });
  });

  it("«Он отметил, что …» takes the person the pronoun stands for", () => {
    const r = run(["Сенатор Тед Круз выступил в Хьюстоне. Он отметил, что будет участвовать в президентских выборах."]);
    expect(reported(r.quotes)).toEqual([expect.objectContaining({ speaker: "Тед Круз", text: "будет участвовать в президентских выборах" })]);
  });

  it("an unattributed «считает, что» is not stored", () => {
    const r = run(["Многие считают, что переговоры затянутся.", "Известно, что делегации прибудут в понедельник."]);
    expect(r.quotes).toEqual([]);
  });

  it("a clause holding a direct quote is stored once, as the direct quote", () => {
    const r = run(["Министр Сергей Лавров заявил, что «Россия готова продолжить переговоры без предварительных условий»."]);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ kind: "direct", speaker: "Сергей Лавров" });
  });

  it("«признал доктора Конрада Мюррея виновным»: a verdict is no reported speech", () => {
    const r = run(["Суд присяжных в Лос-Анджелесе, штат Калифорния, признал доктора Конрада Мюррея виновным."]);
    expect(reported(r.quotes)).toEqual([]);
  });
});

describe("bodies and media", () => {
  it("«…, передает РИА Новости», «По данным газеты «…»», «Как сообщает NEWSru.com, …» credit the medium with the report", () => {
    const r = run([
      "Сейчас выясняется, кому именно принадлежит изъятое оружие, передает РИА Новости.",
      "По данным газеты «The Washington Post», он преуспел и сколотил состояние.",
      "Как сообщает NEWSru.com, член комитета принял картину в подарок.",
    ]);
    expect(r.quotes.map((q) => [q.kind, q.speaker])).toEqual([
      ["reported", "РИА Новости"],
      ["reported", "The Washington Post"],
      ["reported", "NEWSru.com"],
    ]);
    expect(r.speakers).toEqual([]);
  });

  it("a body as the subject is kept as written; «Об этом сообщило Х» credits the sentence before", () => {
    const r = run([
      "Министерство морских дел и рыболовства сообщило, что черепах передадут на лечение в центр.",
      "Японский предприниматель Дайсуке Эномото станет четвёртым космическим туристом. Об этом сообщила американская фирма «Спейс адвентчерс».",
    ]);
    expect(r.quotes.map((q) => [q.speaker, q.text])).toEqual([
      ["Министерство морских дел и рыболовства", "черепах передадут на лечение в центр"],
      ["Спейс адвентчерс", "Японский предприниматель Дайсуке Эномото станет четвёртым космическим туристом"],
    ]);
  });

  it("an agency never gets a direct quote, and a body named by a common noun alone gets nothing", () => {
    const r = run(["«Казахстан остаётся площадкой для переговоров», – сообщил ТАСС.", "Пресс-служба отмечает, что на момент обыска в доме находились сотрудники."]);
    expect(r.quotes.every((q) => q.speaker === undefined)).toBe(true);
  });
});

describe("dialogue and paragraphs", () => {
  it("«Х в twitter написал:» and the next paragraph is what Х wrote", () => {
    const p = ["Мэр города Сергей Собянин в twitter написал:", "Троим пострадавшим на остановке оказывают всю необходимую помощь."];
    const r = run(p);
    expect(r.quotes).toEqual([expect.objectContaining({ kind: "direct", speaker: "Сергей Собянин", paragraph: 1, start: 0, text: "Троим пострадавшим на остановке оказывают всю необходимую помощь" })]);
  });

  it("a dialogue line opened by a dash is a direct quote, with the attribution taken out", () => {
    const p = ["Журналисты спросили министра о сроках.", "— Мы готовы к переговорам, — сказал Сергей Лавров. — Но не на любых условиях."];
    const r = run(p);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ kind: "direct", speaker: "Сергей Лавров", paragraph: 1, text: "Мы готовы к переговорам. Но не на любых условиях" });
  });

  it("a dialogue line ending with its attribution", () => {
    const r = run(["— Соглашение будет подписано до конца года, — заявил Марат Шибутов."]);
    expect(r.quotes[0]).toMatchObject({ text: "Соглашение будет подписано до конца года", speaker: "Марат Шибутов" });
  });

  it("a quote over two paragraphs keeps one span from the first to the last", () => {
    const p = ["«Первый абзац длинной цитаты о переговорах в Астане.", "«Второй абзац той же цитаты о посредничестве», – отметил эксперт Ержан Салтыбаев."];
    const r = run(p);
    expect(r.quotes).toHaveLength(1);
    expect(r.quotes[0]).toMatchObject({ paragraph: 0, endParagraph: 1, start: 1, speaker: "Ержан Салтыбаев" });
    expect(p[1]!.slice(0, r.quotes[0]!.end)).toBe("«Второй абзац той же цитаты о посредничестве");
  });

  it("a paragraph opened by a stray mark and never closed is no quote", () => {
    const r = run(["«Малайзия не хочет конфликтовать с Китаем из-за спорного моря и уйгурских мусульман, и это известно давно.", "Китай усиливает притязания почти на всё Южно-Китайское море."]);
    expect(r.quotes).toEqual([]);
  });
});

describe("non-statements", () => {
  it("law titles («закон «О …»») and orders («орден «За заслуги перед Отечеством»») are not quotes", () => {
    const r = run([
      "Нурсултан Назарбаев подписал конституционный закон «О внесении дополнений и изменений в некоторые конституционные законы Республики Казахстан».",
      "Президент Дмитрий Медведев наградил его орденом «За заслуги перед Отечеством» IV степени.",
    ]);
    expect(r.quotes).toEqual([]);
  });

  it("a law title without the word «закон» and an award on its own", () => {
    const r = run(["Депутаты приняли поправки «О муниципальной службе в Российской Федерации».", "Ему вручили медаль «За отвагу на пожаре»."]);
    expect(r.quotes).toEqual([]);
  });

  it("films, books, newspapers, parties and operations in «…» are names", () => {
    const r = run([
      "Режиссёр представил фильм «Люди Икс: Дни минувшего будущего» в Москве.",
      "Газета «Московский комсомолец» вышла с опозданием, а партия «Единая Россия» промолчала.",
      "Операция «Буря в пустыне» началась в январе.",
      "Писатель закончил книгу «Один день Ивана Денисовича» за несколько недель.",
    ]);
    expect(r.quotes).toEqual([]);
  });

  it("a quoted name nobody says that does not read as speech is dropped; speech nobody claims is kept", () => {
    const r = run(["Художник написал картину «Женщина перед открытым окном» в 1890 году.", "Неизвестный автор оставил надпись: «Мы вернёмся сюда весной и всё исправим»."]);
    expect(r.quotes.map((q) => q.text)).toEqual(["Мы вернёмся сюда весной и всё исправим"]);
    expect(r.quotes[0]!.speaker).toBeUndefined();
  });
});

describe("full nominative names", () => {
  it("a surname alone becomes the full name the document gives («Цзиньпин» → «Си Цзиньпин»)", () => {
    const r = run(["Председатель КНР Си Цзиньпин выступил на съезде партии.", "По словам Цзиньпина, марксизм остаётся руководящей идеей партии."]);
    expect(reported(r.quotes).map((q) => q.speaker)).toEqual(["Си Цзиньпин"]);
  });

  it("an inflected first name becomes nominative («Мамуки Бахтадзе» → «Мамука Бахтадзе»)", () => {
    const r = run(["Парламент выразил доверие Мамуке Бахтадзе.", "«В новом кабинете будут новые лица», – сказал Бахтадзе.", "36-летний Мамука Бахтадзе окончил ТГУ."]);
    expect(r.quotes[0]!.speaker).toBe("Мамука Бахтадзе");
    expect(r.speakers.map((s) => s.name)).toEqual(["Мамука Бахтадзе"]);
  });

  it("«А. Кержаев» and a bare surname resolve to «Александр Кержаев»; ё as written", () => {
    const r = run([
      "«Это случается очень редко», – сказал директор музея Александр Кержаев.",
      "«Мамонт прожил до 50 лет», – уточнил А. Кержаев.",
      "«Скелет сохранился почти полностью», – добавил Пётр Порошенко.",
    ]);
    expect(r.quotes.map((q) => q.speaker)).toEqual(["Александр Кержаев", "Александр Кержаев", "Пётр Порошенко"]);
  });

  it("«Гарри Каспаров» in passing and «Гари Каспаров» quoted: the surname goes to the one who spoke", () => {
    const r = run(["Чемпионом тогда был Гарри Каспаров.", "«Топалов — не фаворит», – сказал Гари Каспаров.", "Позже Каспаров сказал: «Традиции шахмат были нарушены, но матч состоится»."]);
    expect(direct(r.quotes).map((q) => q.speaker)).toEqual(["Гари Каспаров", "Гари Каспаров"]);
  });
});

describe("seed and import path", () => {
  const seedPath = path.resolve(import.meta.dirname, "../../content/kazakhstan-mediator.txt");
  const lines = readFileSync(seedPath, "utf8").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

  it("the seed keeps exactly three statements, all direct, all by Ержан Салтыбаев, with offsets", () => {
    const e = extractCommentary({ title: lines[0]!, paragraphs: lines.slice(1) });
    expect(e.quotes).toHaveLength(3);
    expect(e.quotes.every((q) => q.kind === "direct" && q.speaker === "Ержан Салтыбаев")).toBe(true);
    expectOffsets(lines.slice(1), e.quotes);
  });

  it("quotes come in text order, reported and direct together", () => {
    const r = run(["По словам Сергея Лаврова, переговоры продолжатся на следующей неделе.", "«Мы готовы ко всему», – сказал Лавров."]);
    expect(r.quotes.map((q) => q.kind)).toEqual(["reported", "direct"]);
    expect(r.attributedBy).toHaveLength(2);
  });
});
