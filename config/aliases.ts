/**
 * Names that stand for one another, applied at query time (lib/search/aliases.ts), every name
 * finding every other: an abbreviation (ЕС, written in capitals here: matched as typed, any case),
 * a one-word name (Евросоюз: any case form) or a name of several words (российский МИД: its words
 * in any case form, adjacent). Plain data, edit freely: one entry a line, no reindex needed.
 * Both engines expand queries with it (lib/search/query-syntax.ts); Meilisearch can take
 * `aliasSynonyms()` as its synonyms setting.
 */
import { CITIES, COUNTRIES } from "./countries";
import { EXONYMS } from "./exonyms";

export interface AliasEntry {
  /** The abbreviation or first name as written. */
  short: string;
  /** The other names, nominative, as written. */
  full: string[];
}

/** The hand-written table; ALIASES below adds the gazetteer's other names. */
const SHORT_FORMS: readonly AliasEntry[] = [
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
  // Media by their Russian short forms; Latin names of media and companies are in config/exonyms.ts.
  { short: "РИА", full: ["РИА Новости"] },
  { short: "КП", full: ["Комсомольская правда"] },
  { short: "МК", full: ["Московский комсомолец"] },
  { short: "РГ", full: ["Российская газета"] },
  // Ministries, agencies, courts and codes: the short forms news and commentary write.
  { short: "МВД", full: ["Министерство внутренних дел"] },
  { short: "МЧС", full: ["Министерство по чрезвычайным ситуациям"] },
  { short: "Минюст", full: ["Министерство юстиции"] },
  { short: "Минфин", full: ["Министерство финансов"] },
  { short: "Минздрав", full: ["Министерство здравоохранения"] },
  { short: "Минэнерго", full: ["Министерство энергетики"] },
  { short: "Минпромторг", full: ["Министерство промышленности и торговли"] },
  { short: "Минобрнауки", full: ["Министерство науки и высшего образования"] },
  { short: "Генпрокуратура", full: ["Генеральная прокуратура"] },
  { short: "Генштаб", full: ["Генеральный штаб"] },
  { short: "СК", full: ["Следственный комитет", "СКР"] },
  { short: "ФСИН", full: ["Федеральная служба исполнения наказаний"] },
  { short: "ФСО", full: ["Федеральная служба охраны"] },
  { short: "ФТС", full: ["Федеральная таможенная служба"] },
  { short: "ЦИК", full: ["Центральная избирательная комиссия", "Центризбирком"] },
  { short: "СФ", full: ["Совет Федерации", "Совфед"] },
  { short: "КС", full: ["Конституционный суд"] },
  { short: "ВС РФ", full: ["Верховный суд России", "Верховный суд Российской Федерации"] },
  { short: "УК", full: ["Уголовный кодекс"] },
  { short: "УПК", full: ["Уголовно-процессуальный кодекс"] },
  { short: "КоАП", full: ["Кодекс об административных правонарушениях"] },
  { short: "ФБР", full: ["Федеральное бюро расследований"] },
  { short: "АНБ", full: ["Агентство национальной безопасности"] },
  { short: "ФРС", full: ["Федеральная резервная система"] },
  { short: "ЕЦБ", full: ["Европейский центральный банк"] },
  { short: "МОК", full: ["Международный олимпийский комитет"] },
  { short: "СБУ", full: ["Служба безопасности Украины"] },
  { short: "ВСУ", full: ["Вооружённые силы Украины"] },
  { short: "ВМФ", full: ["Военно-морской флот"] },
  { short: "ВКС", full: ["Воздушно-космические силы"] },
  // Parties and movements.
  { short: "КПРФ", full: ["Коммунистическая партия Российской Федерации"] },
  { short: "КПСС", full: ["Коммунистическая партия Советского Союза"] },
  { short: "КПК", full: ["Коммунистическая партия Китая"] },
  { short: "Компартия", full: ["Коммунистическая партия"] },
  { short: "ЛДПР", full: ["Либерально-демократическая партия России"] },
  { short: "ИГ", full: ["ИГИЛ", "Исламское государство"] },
  // Offices: the short word and the title written out.
  { short: "генсек", full: ["генеральный секретарь"] },
  { short: "гендиректор", full: ["генеральный директор"] },
  { short: "главком", full: ["главнокомандующий"] },
  { short: "замминистра", full: ["заместитель министра"] },
  { short: "премьер", full: ["премьер-министр"] },
  { short: "Генассамблея", full: ["Генеральная Ассамблея"] },
];

/**
 * Other one-word names of states and cities from the gazetteer (config/countries.ts): former names,
 * spellings and abbreviations (Белоруссия, Киргизия, Петербург, Алма-Ата, РФ). Official names of
 * several words («Республика Беларусь», «Турецкая Республика») are left out: commentary rarely
 * writes them (NEREL: the same nDCG@10 and R@100 with or without), and every alternative multiplies
 * the query variants Meilisearch runs. Also left out are the names the gazetteer accepts for an
 * entity that name something else too: «Америка» (a continent) for США, «Англия» (a part) for
 * Великобритания, «Македония» (a region) for Северная Македония.
 */
const BROADER_NAMES = new Set(["Америка", "Англия", "Македония"]);

export const GAZETTEER_ALIASES: readonly AliasEntry[] = [...COUNTRIES, ...CITIES]
  .map((c) => ({ short: c.name, full: [...(c.aliases ?? []), ...("abbr" in c ? (c.abbr ?? []) : [])].filter((n) => !BROADER_NAMES.has(n) && !/\s/.test(n)) }))
  .filter((e) => e.full.length > 0);

/**
 * The tables above with the names of config/exonyms.ts: a line that shares a name with entries
 * joins each of them (EU joins ЕС, Европейский союз, Евросоюз), so each of its names finds all of
 * theirs; any other line is an entry of its own. Not the state adjectives: «французском» is mostly
 * the language, and finding France in Latin for it cost the NEREL slices' adjective queries rank.
 */
export function withExonyms(entries: readonly AliasEntry[], exonyms: readonly (readonly string[])[] = EXONYMS): AliasEntry[] {
  const out = entries.map((e) => ({ short: e.short, full: [...e.full] }));
  const norm = (s: string) => s.toLowerCase().replace(/ё/g, "е");
  for (const line of exonyms) {
    const names = new Set(line.map(norm));
    const homes = out.filter((e) => [e.short, ...e.full].some((n) => names.has(norm(n))));
    if (homes.length === 0) out.push({ short: line[0]!, full: line.slice(1) });
    for (const home of homes) {
      const have = new Set([home.short, ...home.full].map(norm));
      for (const n of line) if (!have.has(norm(n))) home.full.push(n);
    }
  }
  return out;
}

export const ALIASES: readonly AliasEntry[] = withExonyms([...SHORT_FORMS, ...GAZETTEER_ALIASES]);

/**
 * Citizens of a state, masculine and feminine nominative (немец, немка), for the states most
 * written about. Nationalities only where the word names the state's people, not an ethnic group
 * living across states (so no «еврей», «курд», «узбек»).
 */
export const STATE_DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  Россия: ["россиянин", "россиянка"],
  США: ["американец", "американка"],
  Германия: ["немец", "немка"],
  Франция: ["француз", "француженка"],
  Великобритания: ["британец", "британка"],
  Италия: ["итальянец", "итальянка"],
  Испания: ["испанец", "испанка"],
  Китай: ["китаец", "китаянка"],
  Япония: ["японец", "японка"],
  Канада: ["канадец", "канадка"],
  Мексика: ["мексиканец", "мексиканка"],
  Бразилия: ["бразилец", "бразильянка"],
  Аргентина: ["аргентинец", "аргентинка"],
  Куба: ["кубинец"],
  Украина: ["украинец", "украинка"],
  Беларусь: ["белорус", "белоруска"],
  Казахстан: ["казахстанец", "казахстанка"],
  Кыргызстан: ["кыргызстанец", "кыргызстанка"],
  Армения: ["армянин", "армянка"],
  Грузия: ["грузин", "грузинка"],
  Азербайджан: ["азербайджанец", "азербайджанка"],
  Турция: ["турок", "турчанка"],
  Иран: ["иранец", "иранка"],
  Израиль: ["израильтянин", "израильтянка"],
  Египет: ["египтянин", "египтянка"],
  Сирия: ["сириец", "сирийка"],
  Ирак: ["иракец", "иракка"],
  Афганистан: ["афганец"],
  Пакистан: ["пакистанец", "пакистанка"],
  Индия: ["индиец"],
  Вьетнам: ["вьетнамец", "вьетнамка"],
  Польша: ["поляк", "полячка"],
  Чехия: ["чех"],
  Словакия: ["словак", "словачка"],
  Сербия: ["серб", "сербка"],
  Хорватия: ["хорват", "хорватка"],
  Болгария: ["болгарин", "болгарка"],
  Румыния: ["румын", "румынка"],
  Венгрия: ["венгр", "венгерка"],
  Греция: ["грек", "гречанка"],
  Австрия: ["австриец", "австрийка"],
  Швейцария: ["швейцарец", "швейцарка"],
  Нидерланды: ["нидерландец", "голландец", "голландка"],
  Бельгия: ["бельгиец", "бельгийка"],
  Португалия: ["португалец", "португалка"],
  Ирландия: ["ирландец", "ирландка"],
  Дания: ["датчанин", "датчанка"],
  Швеция: ["швед", "шведка"],
  Норвегия: ["норвежец", "норвежка"],
  Финляндия: ["финн"],
  Эстония: ["эстонец", "эстонка"],
  Латвия: ["латыш", "латышка"],
  Литва: ["литовец", "литовка"],
  Австралия: ["австралиец", "австралийка"],
  Монголия: ["монгол", "монголка"],
};

/**
 * A state's name finds its adjectives and back (Италия ↔ итальянский, США ↔ американский,
 * Германия ↔ немецкий), from the gazetteer (config/countries.ts): news text names a country by
 * its adjective about as often as by its name («американские санкции», «немецкий канцлер»).
 */
export const STATE_ADJECTIVE_ALIASES: readonly AliasEntry[] = COUNTRIES.filter((c) => c.adj && c.adj.length > 0).map((c) => ({
  short: c.name,
  full: [...c.adj!, ...(STATE_DEMONYMS[c.name] ?? [])],
}));

/**
 * What a query of one word expands with: the table above and the state adjectives. In a longer
 * query an adjective is mostly part of a name («Российская академия наук», «американский
 * университет»): expanded there, it cost the NEREL multi-word slice 0.007 nDCG@10.
 */
export const ONE_WORD_ALIASES: readonly AliasEntry[] = [...ALIASES, ...STATE_ADJECTIVE_ALIASES];

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
