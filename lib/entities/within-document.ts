import { NOT_NAME, ORG_HEADS, ROLE_HEADS } from "@/lib/extract/lexicon";
import { normalForm } from "@/lib/extract/morph";
import { patronymicKey } from "@/lib/text/lemma";
import type { Quote, Speaker } from "@/lib/validations/document";
import { placeOf } from "./countries";
import { dictionaryNameParse, foldKey, nameParse, nameParts } from "./keys";

/**
 * Names made whole inside one document, before anything is compared across the archive:
 * a surname, a first name or «И. Фамилия» alone becomes the full name the same text gives
 * («заключил Медведев» in a text that says «Дмитрий Медведев»), and a first name left in an
 * oblique case («Дмитрием Медведев») is brought to the nominative. Only an unambiguous text
 * completes a name: two first names with one surname leave it as it is.
 */

const WORD = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?/gu;

function capitalise(w: string): string {
  return w.replace(/(^|-)([а-яё])/gu, (_, d: string, c: string) => d + c.toUpperCase());
}

/** A first name's reading, when the dictionary knows the word as one (az's guesses for unknown words are suffix noise). */
function firstNameReadings(word: string) {
  return nameParse(word).filter((p) => p.tag.Name && (p as unknown as { parser?: string }).parser === "Dictionary");
}

/** «Дмитрием» → «Дмитрий»; a word already nominative, or unknown, is kept as written. */
export function nominativeFirstName(word: string): string {
  const rs = firstNameReadings(word);
  if (rs.length === 0 || rs.some((p) => p.tag.CAse === "nomn")) return word;
  return capitalise(normalForm(rs[0]!, word));
}

/** Capitalised words that come before a name without being one. */
const NOT_FIRST = new Set([...ROLE_HEADS, ...ORG_HEADS, ...NOT_NAME].map((w) => foldKey(w)));

/** The word at `at` does not open a sentence, so its capital letter means a name. */
function midSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at);
  return at > 0 && !/(^|[.!?…»"]\s*|\n\s*)$/u.test(before) && /\S/u.test(text.slice(0, at));
}

function unknownToDictionary(word: string): boolean {
  return !nameParse(word).some((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
}

function isFirstName(word: string): boolean {
  const rs = firstNameReadings(word);
  return rs.length > 0 && rs.reduce((s, p) => s + p.score, 0) >= 0.3;
}

const CASE_ENDINGS = ["а", "у", "ом", "е", "ым", "ой", "ым", "ого", "ому"];

/**
 * Every «Имя Фамилия» pair in the text whose surname is `surname` (the stored nominative), as
 * written or with a case ending («Лэнса Армстронга»): the first name is brought to the
 * nominative by the dictionary, or, for a foreign name it does not know, by taking off the
 * same ending the surname carries.
 */
function firstNamesBefore(surname: string, text: string): Set<string> {
  const out = new Set<string>();
  const sk = foldKey(surname);
  const ws = [...text.matchAll(WORD)];
  for (let i = 1; i < ws.length; i++) {
    let prev = ws[i - 1]!;
    const cur = ws[i]!;
    const ck = foldKey(cur[0]);
    const ending = ck === sk ? "" : ck.startsWith(sk) ? ck.slice(sk.length) : undefined;
    if (ending === undefined || (ending !== "" && !CASE_ENDINGS.includes(ending))) continue;
    // «Юлия Вячеславовна Липницкая»: a patronymic between them is passed over.
    let gap = text.slice(prev.index! + prev[0].length, cur.index!);
    if (gap.trim() === "" && dictionaryNameParse(prev[0]).some((p) => p.tag.Patr) && i >= 2) {
      const before = ws[i - 2]!;
      gap = text.slice(before.index! + before[0].length, prev.index!);
      prev = before;
    }
    // Adjacent words only: «Дмитрий Медведев», not «Дмитрий сказал, что Медведев».
    if (gap.trim() !== "") continue;
    const first = prev[0];
    if (isFirstName(first)) {
      const rs = firstNameReadings(first);
      // With the surname in the nominative, the first name is nominative too.
      out.add(ending === "" && rs.some((p) => p.tag.CAse === "nomn") ? first : nominativeFirstName(first));
    } else if ((unknownToDictionary(first) || midSentence(text, prev.index!)) && !placeOf(first) && !NOT_FIRST.has(foldKey(first))) {
      // A foreign first name the dictionary does not know («Даг Армстронг», «Лэнса Армстронга»)
      // or reads as another word («Деррик Роуз», «Аарон Шварц»: capitalised inside a sentence):
      // it declines like the surname, so the same ending comes off.
      if (ending === "") out.add(first);
      else if (foldKey(first).endsWith(ending) && first.length - ending.length >= 2) out.add(first.slice(0, first.length - ending.length));
    }
  }
  return out;
}

/** Surnames after a first name alone: «Юлия» in a text that says «Юлия Липницкая». */
function surnamesAfter(first: string, text: string): Set<string> {
  const out = new Set<string>();
  const fk = foldKey(first);
  const ws = [...text.matchAll(WORD)];
  for (let i = 0; i + 1 < ws.length; i++) {
    const cur = ws[i]!;
    const next = ws[i + 1]!;
    const ck = foldKey(cur[0]);
    // «Бориса Карпичкова»: a man's name ending in a consonant and his surname decline alike, so
    // the ending both carry comes off both.
    const ending = ck === fk ? "" : ck.startsWith(fk) && /[бвгджзклмнпрстфхцчшщ]$/u.test(fk) ? ck.slice(fk.length) : undefined;
    if (ending === undefined || (ending !== "" && !CASE_ENDINGS.includes(ending))) continue;
    if (text.slice(cur.index! + cur[0].length, next.index!).trim() !== "") continue;
    if (ending !== "") {
      const nk = foldKey(next[0]);
      if (nk.endsWith(ending) && next[0].length - ending.length >= 3 && /(ов|ев|ин|ын|ёв)$/u.test(nk.slice(0, nk.length - ending.length))) out.add(next[0].slice(0, next[0].length - ending.length));
      continue;
    }
    let surname = next;
    // «Юлия Вячеславовна Липницкая»: the patronymic is not the surname.
    if (dictionaryNameParse(next[0]).some((p) => p.tag.Patr)) {
      const after = ws[i + 2];
      if (!after || text.slice(next.index! + next[0].length, after.index!).trim() !== "") continue;
      surname = after;
    }
    if (isFirstName(surname[0])) continue;
    // «Юлия Вячеславовна! Приглашаем…»: a dictionary word that is no surname ends the name.
    if (!unknownToDictionary(surname[0]) && !dictionaryNameParse(surname[0]).some((p) => p.tag.Surn)) continue;
    out.add(surname[0]);
  }
  return out;
}

/**
 * «Александра Лукашенко», «Александра Жарова»: a woman's nominative, or a man's genitive. The
 * masculine reading wins when the verb said so (gender) or the text also names him in the
 * nominative.
 */
function masculineNominative(parts: { first: string; words: string[] }, text: string, gender: string | undefined): string | undefined {
  const firstMasc = firstNameReadings(parts.first).filter((p) => p.tag.GNdr === "masc");
  if (firstMasc.length === 0 || firstMasc.some((p) => p.tag.CAse === "nomn")) return undefined;
  const first = capitalise(normalForm(firstMasc[0]!, parts.first));
  const surname = parts.words[parts.words.length - 1]!;
  const surnMasc = dictionaryNameParse(surname).filter((p) => p.tag.Surn && p.tag.GNdr === "masc" && p.tag.CAse !== "nomn");
  const nominativeSurname = surnMasc.length > 0 ? capitalise(normalForm(surnMasc[0]!, surname)) : surname;
  const candidate = `${first} ${nominativeSurname}`;
  return gender === "masc" || text.includes(candidate) ? candidate : undefined;
}

/** The full name a document gives for one of its speakers' names, or the name as it was. */
export function completeName(name: string, text: string, gender?: string): string {
  const parts = nameParts(name);
  if (!parts) return name;
  if (parts.first) {
    if (parts.words.length === 2) {
      const masc = masculineNominative({ first: parts.first, words: parts.words }, text, gender);
      if (masc) return masc;
    }
    const first = nominativeFirstName(parts.first);
    return first === parts.first ? name : [first, ...parts.words.slice(1)].join(" ");
  }
  // A first name alone, or a foreign word that is only ever followed by a surname and never
  // preceded by a first name («Бриджит» in a text that says «Бриджит Бардо»).
  const firstAlone = isFirstName(parts.surname) && !dictionaryNameParse(parts.surname).some((p) => p.tag.Surn);
  const foreignFirst = parts.words.length === 1 && unknownToDictionary(parts.surname) && firstNamesBefore(parts.surname, text).size === 0;
  if (parts.words.length === 1 && (firstAlone || foreignFirst)) {
    const surnames = [...surnamesAfter(parts.surname, text)];
    // Only a nominative surname of the first name's gender can be trusted as written here
    // («Юлия Ефимова»: Ефимова is also a masculine genitive, but not after «Юлия»).
    const gender = firstNameReadings(parts.surname).find((p) => p.tag.CAse === "nomn")?.tag.GNdr;
    const nominative = surnames.filter((s) => {
      const rs = dictionaryNameParse(s).filter((p) => p.tag.Surn);
      return rs.length === 0 || rs.some((p) => p.tag.CAse === "nomn" && (!gender || p.tag.GNdr === gender || p.tag.Fixd || /^ms-f$/iu.test(String(p.tag.GNdr))));
    });
    return nominative.length === 1 && surnames.length === 1 ? `${nominativeFirstName(parts.surname)} ${nominative[0]}` : name;
  }
  const initial = parts.initial;
  const firsts = [...firstNamesBefore(parts.surname, text)].filter((f) => !initial || f[0]!.toUpperCase() === initial);
  const distinct = new Set(firsts.map(foldKey));
  return distinct.size === 1 ? `${firsts[0]} ${parts.surname}` : name;
}

const PATRONYMIC = /(?:ович|евич|ич|овна|евна|ична|инична)$/u;

/** First name and patronymic of a three-word name, in the nominative and folded: «Иваном Фёдоровичем Ждановым» → «иван фёдорович». */
function firstAndPatronymic(name: string): string | undefined {
  const words = name.trim().split(/\s+/u);
  if (words.length !== 3) return undefined;
  const patronymic = patronymicKey(words[1]!);
  if (!PATRONYMIC.test(patronymic)) return undefined;
  return foldKey(`${nominativeFirstName(words[0]!)} ${patronymic}`);
}

/**
 * «По словам Ивана Фёдоровича» in a text that names «Иван Фёдорович Жданов»: the name and
 * patronymic alone are how Russian refers to someone already introduced, so they belong to the one
 * speaker of the document whose full name has both (none, or two such speakers: left alone).
 */
function patronymicOwner(s: Speaker, speakers: readonly Speaker[]): Speaker | undefined {
  const words = s.name.trim().split(/\s+/u);
  if (words.length !== 2 || !PATRONYMIC.test(words[1]!)) return undefined;
  const key = foldKey(s.name);
  const owners = speakers.filter((o) => o !== s && [o.name, ...(o.aliases ?? [])].some((n) => firstAndPatronymic(n) === key));
  return owners.length === 1 ? owners[0] : undefined;
}

/**
 * A document's speakers and quotes with names completed; two values that turn out to be one
 * person («Медведев», «Дмитрий Медведев») become one speaker, keeping the other form as an alias.
 */
export function completeDocumentNames(title: string, paragraphs: readonly string[], speakers: Speaker[], quotes: Quote[]): { speakers: Speaker[]; quotes: Quote[] } {
  const text = [title, ...paragraphs].join("\n");
  const renamed = new Map<string, string>();
  const out: Speaker[] = [];
  for (const s of speakers) {
    const full = completeName(s.name, text, s.gender);
    renamed.set(s.name, full);
    const existing = out.find((x) => foldKey(x.name) === foldKey(full));
    if (existing) {
      existing.aliases = [...new Set([...(existing.aliases ?? []), s.name, ...(s.aliases ?? [])])].filter((a) => a !== existing.name);
      existing.role ??= s.role;
      existing.institution ??= s.institution;
      continue;
    }
    const aliases = [...new Set([...(s.aliases ?? []), ...(full !== s.name ? [s.name] : [])])].filter((a) => a !== full);
    out.push({ ...s, name: full, ...(aliases.length ? { aliases } : {}) });
  }
  for (const s of [...out]) {
    const owner = patronymicOwner(s, out);
    if (!owner) continue;
    owner.aliases = [...new Set([...(owner.aliases ?? []), s.name, ...(s.aliases ?? [])])].filter((a) => a !== owner.name);
    owner.role ??= s.role;
    owner.institution ??= s.institution;
    out.splice(out.indexOf(s), 1);
    for (const [from, to] of renamed) if (to === s.name) renamed.set(from, owner.name);
  }
  const fixedQuotes = quotes.map((q) => (q.speaker && renamed.has(q.speaker) && renamed.get(q.speaker) !== q.speaker ? { ...q, speaker: renamed.get(q.speaker)! } : q));
  return { speakers: out, quotes: fixedQuotes };
}
