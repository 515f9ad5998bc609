/**
 * Short help on query syntax for the search page, in Russian like the archive. Kept next to the
 * parser (query-syntax.ts) so the two change together; the page renders it as plain text.
 */
export interface QueryHelpItem {
  /** What to type, e.g. `"точная фраза"`. */
  example: string;
  /** What it does. */
  meaning: string;
}

export const QUERY_HELP_TITLE = "Как искать";

export const QUERY_HELP: readonly QueryHelpItem[] = [
  { example: "Казахстан медиатор", meaning: "все слова сразу, в любой форме: «санкций» найдёт и «санкции», «Салтыбаева» — «Салтыбаев»" },
  { example: "«Астана клуб»", meaning: "фраза: слова рядом и в этом порядке, в любой форме («Астана клуба»); кавычки «…», \"…\" или „…“" },
  { example: "санкци*", meaning: "звёздочка в конце — все слова, которые так начинаются" },
  { example: "санкции -США", meaning: "минус перед словом исключает документы с ним" },
  { example: "Казахстан ИЛИ Узбекистан", meaning: "ИЛИ (или, OR) между словами — подойдёт любое из них" },
  { example: "ИМЭП", meaning: "сокращения находят и полные названия, и наоборот: РФ — Россию, ЕС — Евросоюз" },
];

/** Notes shown under the examples: what the search does when the query as typed finds little. */
export const QUERY_HELP_NOTES: readonly string[] = [
  "Если ни один документ не содержит всех слов, показываются документы хотя бы с частью из них.",
  "Опечатки исправляются: в словах от 5 букв — одна, от 9 букв — две («Показаны результаты для …»).",
  "Имена латиницей (Saltybaev) и запросы в английской раскладке (Rfpf[cnfy) ищутся по-русски: «Салтыбаев», «Казахстан».",
];

/** The whole help as plain text, one line per item. */
export function queryHelpText(): string {
  return [QUERY_HELP_TITLE, ...QUERY_HELP.map((h) => `${h.example} — ${h.meaning}`), ...QUERY_HELP_NOTES].join("\n");
}
