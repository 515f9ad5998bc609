/**
 * The Snowball Russian stop list (snowballstem.org, BSD licence), folded ё→е,
 * minus numerals and evaluative words that carry meaning in commentary
 * (один, два, три, хорошо, лучше, нельзя). Content words such as мир, страна
 * and сила are not on the Snowball list and stay searchable.
 */
const SNOWBALL_RU = `и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец об другой хоть после над больше тот через эти нас про всего них какая много разве эту моя впрочем свою этой перед иногда чуть том такой им более всегда конечно всю между`;

/**
 * English function words, for the English names and titles Russian text quotes («the Guardian»,
 * «Council on Foreign Relations»): left out like Russian ones, so «the Guardian» finds «Guardian».
 */
const ENGLISH = `the a an of and or in on at to for by with from as is are was were be been that this it its into`;

export const STOPWORDS: ReadonlySet<string> = new Set([...SNOWBALL_RU.split(/\s+/), ...ENGLISH.split(/\s+/)]);

export function isStopword(normalized: string): boolean {
  return STOPWORDS.has(normalized);
}
