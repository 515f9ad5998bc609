import { lemma } from "@/lib/extract/morph";

/**
 * Names in quotation marks that extraction offers as organisations a text mentions, but that
 * the words before them show to be a place, an event or a work: «торговый центр «Зимняя
 * вишня»», «конференция «Глобальное будущее»», «программа «Взгляд»», «миссия «Аполлон»». They
 * are not institutions anyone speaks for, and in the institution facet they are noise.
 */

/** Lemmas of the word right before «…» that make the name a venue, an event or a work. */
const NOT_A_BODY = new Set([
  // venues and facilities
  "театр", "кинотеатр", "клиника", "больница", "госпиталь", "ресторан", "кафе", "бар", "отель", "гостиница", "стадион",
  "арена", "аэропорт", "вокзал", "станция", "комплекс", "парк", "площадь", "улица", "проспект", "здание", "дворец",
  "павильон", "ночной", "торговый", "развлекательный", "магазин", "рынок", "завод",
  // events
  "конференция", "форум", "конгресс", "саммит", "фестиваль", "выставка", "конкурс", "турнир", "чемпионат", "кубок",
  "олимпиада", "акция", "марафон", "церемония", "шоу",
  // works, operations, awards
  "миссия", "операция", "программа", "передача", "фильм", "сериал", "спектакль", "мюзикл", "опера", "балет", "песня",
  "альбом", "сингл", "книга", "роман", "повесть", "картина", "статья", "доклад", "премия", "орден", "медаль", "проект",
  "корабль", "судно", "крейсер", "лодка", "самолет", "ракета", "спутник", "игра",
]);

/** The two words before a position, as lemmas: «торговом центре «…»» → центр, торговый. */
function precedingLemmas(text: string, at: number): string[] {
  const m = /(?:([А-ЯЁа-яё-]+)\s+)?([А-ЯЁа-яё-]+)\s*$/u.exec(text.slice(Math.max(0, at - 60), at));
  return m ? [m[2], m[1]].filter((w): w is string => Boolean(w)).map((w) => lemma(w.toLowerCase())) : [];
}

/** Every quoted occurrence of `name` in `text` follows a venue, event or work word. */
export function namesNoBody(name: string, text: string): boolean {
  let seen = 0;
  let notBody = 0;
  for (const open of ["«", "\"", "„"]) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(`${open}${name}`, from);
      if (at < 0) break;
      seen++;
      if (precedingLemmas(text, at).some((l) => NOT_A_BODY.has(l))) notBody++;
      from = at + 1;
    }
  }
  return seen > 0 && notBody === seen;
}
