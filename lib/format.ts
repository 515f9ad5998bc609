const dateFormat = new Intl.DateTimeFormat("ru-RU", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** 14 июня 2021 г. */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T00:00:00Z`));
}

const plural = new Intl.PluralRules("ru-RU");

/** The word that goes with a number: pluralize(5, ["результат", "результата", "результатов"]) → "результатов". */
export function pluralize(n: number, [one, few, many]: readonly [string, string, string]): string {
  const rule = plural.select(n);
  return rule === "one" ? one : rule === "few" ? few : many;
}

export function countResults(n: number): string {
  return `${n.toLocaleString("ru-RU")} ${pluralize(n, ["результат", "результата", "результатов"])}`;
}
