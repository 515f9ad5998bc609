/** Dates and header lines as importers meet them, turned into the archive's fields. */

const MONTHS_RU: Record<string, number> = {
  январ: 1, феврал: 2, март: 3, апрел: 4, ма: 5, июн: 6, июл: 7, август: 8, сентябр: 9, октябр: 10, ноябр: 11, декабр: 12,
};
const MONTHS_EN: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };

const pad = (n: number) => String(n).padStart(2, "0");

function ruMonth(word: string): number | undefined {
  const w = word.toLowerCase();
  // «мая», «май» share the stem «ма»; try longer stems first.
  for (const stem of Object.keys(MONTHS_RU).sort((a, b) => b.length - a.length)) if (w.startsWith(stem)) return MONTHS_RU[stem];
  return undefined;
}

/**
 * A date as written, without moving it across time zones: 2024-03-12, 2024-03-12T23:30:00+03:00,
 * 12.03.2024, 12 марта 2024 (г.), Tue, 12 Mar 2024 10:00:00 +0300, March 12, 2024. Returns
 * YYYY-MM-DD, or the trimmed input when it reads as none of these, so validation can say so.
 */
export function normaliseDate(raw: string): string {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(s);
  if (m) return `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  m = /^(\d{1,2})\s+([А-Яа-яЁё]+)\s+(\d{4})/.exec(s);
  if (m && ruMonth(m[2]!)) return `${m[3]}-${pad(ruMonth(m[2]!)!)}-${pad(Number(m[1]))}`;
  m = /(?:^|,\s*)(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})/.exec(s);
  if (m && MONTHS_EN[m[2]!.toLowerCase()]) return `${m[3]}-${pad(MONTHS_EN[m[2]!.toLowerCase()]!)}-${pad(Number(m[1]))}`;
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(s);
  if (m && MONTHS_EN[m[1]!.toLowerCase()]) return `${m[3]}-${pad(MONTHS_EN[m[1]!.toLowerCase()]!)}-${pad(Number(m[2]))}`;
  return s;
}

/** The header lines a .txt (or a Word file) may start with, and the field each fills. */
const HEADERS: Record<string, "date" | "source" | "url" | "author" | "title"> = {
  дата: "date",
  источник: "source",
  издание: "source",
  url: "url",
  ссылка: "url",
  адрес: "url",
  автор: "author",
  заголовок: "title",
  // Latin spellings, for files written on an English keyboard or by other tools.
  date: "date",
  source: "source",
  link: "url",
  author: "author",
  title: "title",
};

export const HEADER_NAMES = ["Дата", "Источник", "URL", "Автор"] as const;

export interface Headers {
  fields: Partial<Record<"date" | "source" | "url" | "author" | "title", string>>;
  /** Index of the first line after the header block. */
  next: number;
  /** Line index each field came from. */
  at: Partial<Record<string, number>>;
}

/**
 * Header lines at the top of a text: `Дата: 12.03.2024`, `Источник: …`, `URL: …`, `Автор: …`
 * (also `Ссылка:`, `Издание:`, `Заголовок:`, and in Latin `Date:`, `Source:`, `Link:`, `Author:`,
 * `Title:`), one per line, before the first other line.
 * Blank lines before and after the block are allowed.
 */
export function readHeaders(lines: readonly string[]): Headers {
  const out: Headers = { fields: {}, next: 0, at: {} };
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  for (; i < lines.length; i++) {
    const m = /^\s*([A-Za-zА-Яа-яЁё]+)\s*:\s*(.*?)\s*$/.exec(lines[i]!);
    const field = m ? HEADERS[m[1]!.toLowerCase()] : undefined;
    if (!m || !field || m[2] === "" || out.fields[field] !== undefined) break;
    out.fields[field] = field === "date" ? normaliseDate(m[2]!) : m[2]!;
    out.at[field] = i;
    out.next = i + 1;
  }
  return out;
}
