/**
 * Abbreviations and the names they stand for, applied at query time: a query for the abbreviation
 * also finds the spelled-out name as a phrase (in any case form), and the spelled-out name also
 * finds the abbreviation. Plain data so every engine can use it: the embedded engine expands
 * queries (lib/search/query-syntax.ts); Meilisearch can take `aliasSynonyms()` as its synonyms setting.
 */
export interface AliasEntry {
  /** The abbreviation as written (case is ignored when matching). */
  short: string;
  /** Spelled-out names, nominative, as written. */
  full: string[];
}

export const ALIASES: readonly AliasEntry[] = [
  { short: "ИМЭП", full: ["Институт мировой экономики и политики"] },
  { short: "США", full: ["Соединённые Штаты Америки", "Соединённые Штаты"] },
  { short: "ЕАЭС", full: ["Евразийский экономический союз"] },
  { short: "ОДКБ", full: ["Организация Договора о коллективной безопасности"] },
  { short: "ШОС", full: ["Шанхайская организация сотрудничества"] },
  { short: "ООН", full: ["Организация Объединённых Наций"] },
  { short: "СНГ", full: ["Содружество Независимых Государств"] },
  { short: "ЕС", full: ["Европейский союз"] },
  { short: "НАТО", full: ["Организация Североатлантического договора", "Североатлантический альянс"] },
  { short: "ОБСЕ", full: ["Организация по безопасности и сотрудничеству в Европе"] },
  { short: "МИД", full: ["Министерство иностранных дел"] },
  { short: "МВФ", full: ["Международный валютный фонд"] },
  { short: "ВТО", full: ["Всемирная торговая организация"] },
  { short: "АСЕАН", full: ["Ассоциация государств Юго-Восточной Азии"] },
  { short: "ОПЕК", full: ["Организация стран-экспортёров нефти"] },
  { short: "ЕАБР", full: ["Евразийский банк развития"] },
  { short: "РФ", full: ["Российская Федерация"] },
  { short: "КНР", full: ["Китайская Народная Республика"] },
  { short: "РК", full: ["Республика Казахстан"] },
  { short: "КИСИ", full: ["Казахстанский институт стратегических исследований"] },
  { short: "ИМЭМО", full: ["Институт мировой экономики и международных отношений"] },
  { short: "МГИМО", full: ["Московский государственный институт международных отношений"] },
  { short: "РСМД", full: ["Российский совет по международным делам"] },
  { short: "ВШЭ", full: ["Высшая школа экономики"] },
];

/**
 * Meilisearch `synonyms` setting: every form lists all the others (Meilisearch expands
 * multi-word synonyms as phrases). Keys are lowercased with ё→е, as Meilisearch normalises queries.
 */
export function aliasSynonyms(entries: readonly AliasEntry[] = ALIASES): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е");
  for (const e of entries) {
    const forms = [e.short, ...e.full].map(norm);
    for (const f of forms) out[f] = [...new Set([...(out[f] ?? []), ...forms.filter((g) => g !== f)])];
  }
  return out;
}
