/**
 * Names that stand for one another, applied at query time (lib/search/aliases.ts), every name
 * finding every other: an abbreviation (ЕС, written in capitals here: matched as typed, any case),
 * a one-word name (Евросоюз: any case form) or a name of several words (российский МИД: its words
 * in any case form, adjacent). Plain data, edit freely: one entry a line, no reindex needed.
 * Both engines expand queries with it (lib/search/query-syntax.ts); Meilisearch can take
 * `aliasSynonyms()` as its synonyms setting.
 */
export interface AliasEntry {
  /** The abbreviation or first name as written. */
  short: string;
  /** The other names, nominative, as written. */
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
  { short: "ЕС", full: ["Европейский союз", "Евросоюз"] },
  { short: "НАТО", full: ["Организация Североатлантического договора", "Североатлантический альянс"] },
  { short: "ОБСЕ", full: ["Организация по безопасности и сотрудничеству в Европе"] },
  { short: "МИД", full: ["Министерство иностранных дел"] },
  { short: "МВФ", full: ["Международный валютный фонд"] },
  { short: "ВТО", full: ["Всемирная торговая организация"] },
  { short: "АСЕАН", full: ["Ассоциация государств Юго-Восточной Азии"] },
  { short: "ОПЕК", full: ["Организация стран-экспортёров нефти"] },
  { short: "ЕАБР", full: ["Евразийский банк развития"] },
  { short: "РФ", full: ["Российская Федерация", "Россия"] },
  { short: "КНР", full: ["Китайская Народная Республика"] },
  { short: "РК", full: ["Республика Казахстан"] },
  { short: "КИСИ", full: ["Казахстанский институт стратегических исследований"] },
  { short: "ИМЭМО", full: ["Институт мировой экономики и международных отношений"] },
  { short: "МГИМО", full: ["Московский государственный институт международных отношений"] },
  { short: "РСМД", full: ["Российский совет по международным делам"] },
  { short: "ВШЭ", full: ["Высшая школа экономики"] },
  // Short forms and other names of states and unions.
  { short: "Великобритания", full: ["Соединённое Королевство"] },
  { short: "ФРГ", full: ["Федеративная Республика Германия"] },
  { short: "КНДР", full: ["Корейская Народно-Демократическая Республика"] },
  { short: "ОАЭ", full: ["Объединённые Арабские Эмираты"] },
  { short: "ЮАР", full: ["Южно-Африканская Республика"] },
  { short: "Евразийский союз", full: ["Евразийский экономический союз"] },
  { short: "ЕЭК", full: ["Евразийская экономическая комиссия"] },
  { short: "ЕК", full: ["Европейская комиссия", "Еврокомиссия"] },
  { short: "ЕП", full: ["Европейский парламент", "Европарламент"] },
  { short: "ПАСЕ", full: ["Парламентская ассамблея Совета Европы"] },
  { short: "МАГАТЭ", full: ["Международное агентство по атомной энергии"] },
  { short: "ВОЗ", full: ["Всемирная организация здравоохранения"] },
  { short: "ЮНЕСКО", full: ["Организация Объединённых Наций по вопросам образования, науки и культуры"] },
  { short: "СБ ООН", full: ["Совет Безопасности ООН", "Совбез ООН"] },
  { short: "ГА ООН", full: ["Генеральная Ассамблея ООН", "Генассамблея ООН"] },
  { short: "ЕСПЧ", full: ["Европейский суд по правам человека"] },
  { short: "МУС", full: ["Международный уголовный суд"] },
  { short: "БРИКС", full: ["BRICS"] },
  { short: "АТЭС", full: ["Азиатско-Тихоокеанское экономическое сотрудничество"] },
  { short: "ОИС", full: ["Организация исламского сотрудничества"] },
  { short: "ЛАГ", full: ["Лига арабских государств"] },
  { short: "АС", full: ["Африканский союз"] },
  { short: "ОЧЭС", full: ["Организация черноморского экономического сотрудничества"] },
  { short: "СВМДА", full: ["Совещание по взаимодействию и мерам доверия в Азии"] },
  { short: "ОТГ", full: ["Организация тюркских государств", "Тюркский совет"] },
  { short: "ГУАМ", full: ["Организация за демократию и экономическое развитие"] },
  // Institutions and offices, and their usual short forms.
  { short: "МИД России", full: ["российский МИД", "МИД РФ", "Министерство иностранных дел России", "Министерство иностранных дел Российской Федерации"] },
  { short: "Минобороны", full: ["Министерство обороны"] },
  { short: "Минэкономразвития", full: ["Министерство экономического развития"] },
  { short: "Госдеп", full: ["Государственный департамент", "Госдепартамент"] },
  { short: "Госдума", full: ["Государственная дума"] },
  { short: "Совбез", full: ["Совет безопасности"] },
  { short: "СВР", full: ["Служба внешней разведки"] },
  { short: "ФСБ", full: ["Федеральная служба безопасности"] },
  { short: "ЦРУ", full: ["Центральное разведывательное управление"] },
  { short: "ЦБ", full: ["Центральный банк", "Центробанк"] },
  { short: "ВВП", full: ["валовой внутренний продукт"] },
  { short: "АЭС", full: ["атомная электростанция"] },
  { short: "ВПК", full: ["военно-промышленный комплекс"] },
  { short: "СВО", full: ["специальная военная операция"] },
  { short: "ПМЭФ", full: ["Петербургский международный экономический форум"] },
  { short: "ВЭФ", full: ["Восточный экономический форум"] },
  { short: "МГУ", full: ["Московский государственный университет"] },
  { short: "РАН", full: ["Российская академия наук"] },
  { short: "МЭА", full: ["Международное энергетическое агентство"] },
  // Foreign media and companies in both scripts (Latin ↔ the Russian press's spelling).
  { short: "CNN", full: ["Си-эн-эн"] },
  { short: "BBC", full: ["Би-би-си"] },
  { short: "Reuters", full: ["Рейтер"] },
  { short: "Bloomberg", full: ["Блумберг"] },
  { short: "Гугл", full: ["Google"] },
  { short: "Газпром", full: ["Gazprom"] },
  { short: "Роснефть", full: ["Rosneft"] },
  { short: "Guardian", full: ["Гардиан"] },
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
