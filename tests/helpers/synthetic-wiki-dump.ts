import fs from "node:fs";

/**
 * A synthetic MediaWiki `pages-articles` dump of invented news items (no real article is
 * copied): each page has a date template, an infobox-like template, a table, references and
 * categories around two short paragraphs; redirects and talk pages between them, which the
 * reader must leave out. Written in chunks, in bounded memory.
 */
const CITIES = ["Астана", "Ташкент", "Бишкек", "Душанбе", "Ереван", "Баку", "Минск", "Кишинёв"];
const TOPICS = ["транзиту", "энергетике", "торговле", "водным ресурсам", "логистике", "безопасности"];
const MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

export function syntheticArticle(i: number): { title: string; wikitext: string; date: string; paragraphs: string[] } {
  const city = CITIES[i % CITIES.length]!;
  const topic = TOPICS[i % TOPICS.length]!;
  const day = (i % 28) + 1;
  const month = i % 12;
  const year = 2005 + (i % 19);
  const date = `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const title = `В городе ${city} прошёл раунд консультаций № ${i + 1} по ${topic}`;
  const p1 = `${city}, ${day} ${MONTHS[month]} — Делегации провели очередной раунд консультаций по ${topic}, сообщила пресс-служба оргкомитета.`;
  const p2 = `«Мы договорились продолжить работу экспертных групп», – отметил координатор встречи Тимур Оралов.`;
  const wikitext = [
    `{{дата|${day} ${MONTHS[month]} ${year}}}`,
    `{{Карточка события|место=${city}|номер=${i + 1}}}`,
    `'''${city}''', ${day} ${MONTHS[month]} — Делегации провели очередной раунд консультаций по [[${topic}|${topic}]], сообщила пресс-служба оргкомитета.<ref>{{cite web|url=https://example.org/${i}|title=Пресс-релиз}}</ref>`,
    "",
    `{| class="wikitable"`,
    `|-`,
    `! Делегация !! Число участников`,
    `|-`,
    `| Первая || ${(i % 9) + 2}`,
    `|}`,
    "",
    `«Мы договорились продолжить работу экспертных групп», – отметил координатор встречи [[Тимур Оралов]].<ref name="r${i}">Сообщение оргкомитета.</ref>`,
    "",
    `== Источники ==`,
    `{{источники}}`,
    `* [https://example.org/${i} Пресс-релиз оргкомитета]`,
    "",
    `{{Публикация|Завершено}}`,
    `[[Категория:${city}]]`,
    `[[Категория:Дипломатия]]`,
  ].join("\n");
  return { title, wikitext, date, paragraphs: [p1, p2] };
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Write a dump of `n` articles to `file`, plus one redirect for every tenth and one talk page for
 * every 25th (pages the reader must leave out); returns the number of pages written.
 */
export function writeSyntheticDump(file: string, n: number): number {
  const fd = fs.openSync(file, "w");
  let pages = 0;
  let chunk = "";
  const put = (s: string) => {
    chunk += s;
    if (chunk.length > 1 << 20) {
      fs.writeSync(fd, chunk);
      chunk = "";
    }
  };
  put(
    `<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="ru">\n<siteinfo>\n<sitename>Викиновости</sitename>\n<dbname>ruwikinews</dbname>\n<base>https://ru.wikinews.org/wiki/%D0%97%D0%B0%D0%B3%D0%BB%D0%B0%D0%B2%D0%BD%D0%B0%D1%8F_%D1%81%D1%82%D1%80%D0%B0%D0%BD%D0%B8%D1%86%D0%B0</base>\n<namespaces><namespace key="0" case="first-letter" /><namespace key="1" case="first-letter">Обсуждение</namespace></namespaces>\n</siteinfo>\n`,
  );
  const page = (id: number, title: string, ns: number, text: string, date: string, redirect?: string) => {
    pages++;
    put(
      `<page>\n<title>${escapeXml(title)}</title>\n<ns>${ns}</ns>\n<id>${id}</id>\n${redirect ? `<redirect title="${escapeXml(redirect)}" />\n` : ""}<revision>\n<id>${id + 10_000_000}</id>\n<timestamp>${date}T12:00:00Z</timestamp>\n<contributor><username>Автор</username><id>1</id></contributor>\n<model>wikitext</model>\n<format>text/x-wiki</format>\n<text bytes="${Buffer.byteLength(text)}" xml:space="preserve">${escapeXml(text)}</text>\n</revision>\n</page>\n`,
    );
  };
  for (let i = 0; i < n; i++) {
    const a = syntheticArticle(i);
    page(pages + 1, a.title, 0, a.wikitext, a.date);
    if (i % 10 === 9) page(pages + 1, `${a.title} (перенаправление)`, 0, `#перенаправление [[${a.title}]]`, a.date, a.title);
    if (i % 25 === 24) page(pages + 1, `Обсуждение:${a.title}`, 1, "Предлагаю уточнить число участников. ~~~~", a.date);
  }
  put("</mediawiki>\n");
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return pages;
}
