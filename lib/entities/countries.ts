import { type Ambiguity, CITIES, COUNTRIES, type CountryStatus, NOT_PLACES } from "@/config/countries";
import { memoByString } from "@/lib/extract/memo";
import { type AzParse, normalForm, parse } from "@/lib/extract/morph";
import { normalizePunctuation, normalizeWord } from "@/lib/text/normalize";
import { type RawToken, tokenize } from "@/lib/text/tokenize";

/**
 * Country and city gazetteer over config/countries.ts.
 *
 * Every case form of every name is generated once, at first use, by inflecting the nominative with
 * az (the head noun takes the case, adjectives before it agree, words after it — «Штаты Америки»,
 * «Республика Корея» — stay as they are). Lookups are then a Map hit per token span: no morphology
 * runs on the input, which keeps findCountries cheap on whole documents and makes the result
 * independent of how az happens to read an ambiguous surface («Того» reads as a pronoun first).
 */

export interface Place {
  kind: "country" | "city";
  /** Canonical name: a country's short name, or a city's name. */
  name: string;
  /** For a city, the canonical name of its country. */
  country?: string;
}

export interface CountryMention {
  /** Canonical country name. */
  name: string;
  /** Offsets into the input, in UTF-16 code units (what String.prototype.slice takes). */
  start: number;
  end: number;
  /** The mention exactly as written. */
  surface: string;
}

export interface PlaceMention extends CountryMention {
  kind: Place["kind"];
  country?: string;
}

interface Target {
  /** Undefined for NOT_PLACES phrases: they match only to swallow their span. */
  place?: Place;
  abbr?: string;
  ambiguous?: Ambiguity;
  /** Per word of the name: must the text have a capital there («Босния и Герцеговина»: yes, no, yes). */
  caps: boolean[];
}

interface Gazetteer {
  byKey: Map<string, Target>;
  /** Longest name (in tokens) starting with a given first token, so a scan tries only spans that can hit. */
  longest: Map<string, number>;
  adjectives: Map<string, string>;
  status: Map<string, CountryStatus>;
}

const CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"] as const;
type Case = (typeof CASES)[number];

const key = (word: string) => normalizeWord(normalizePunctuation(word));
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const isAllCaps = (w: string) => /\p{Lu}.*\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
const readerOf = (p: AzParse) => (p as unknown as { parser?: string }).parser;

/** Grammemes of a reading, minus the case and animacy that inflection is about to choose. */
function grammemes(p: AzParse): string[] {
  return p.tag.toString().split(/[ ,]/).filter((g) => g && g !== p.tag.POS && !CASES.includes(g as Case) && g !== "anim" && g !== "inan");
}

function inflect(p: AzParse, c: Case, word: string): string | undefined {
  const r = p.inflect([c, ...grammemes(p)]);
  if (!r || typeof r.word !== "string") return undefined;
  // az inflects a hyphenated word by its last part and may return only that part («Нур-Султан» → «султана»).
  const prefix = word.toLowerCase().slice(0, word.lastIndexOf("-") + 1);
  return prefix && !r.word.startsWith(prefix) ? prefix + r.word : r.word;
}

const nominative = (p: AzParse) => /\bnomn\b/.test(p.tag.toString());

/**
 * The reading of a capitalised name word to inflect. Dictionary readings win over az's suffix
 * guesses, and place readings (Geox) over the rest: «Израиль» is also a first name, «Филиппины» a
 * woman's name in the genitive.
 */
function nounReading(word: string): AzParse | undefined {
  const rs = parse(word).filter((p) => p.tag.POS === "NOUN" && nominative(p));
  const rank = (p: AzParse) => (readerOf(p) === "Dictionary" ? 2 : 0) + (p.tag.Geox ? 1 : 0);
  return rs.sort((a, b) => rank(b) - rank(a))[0];
}

function adjectiveReading(word: string): AzParse | undefined {
  return parse(word.toLowerCase()).find((p) => (p.tag.POS === "ADJF" || p.tag.POS === "PRTF") && nominative(p) && !p.tag.anim && !p.tag.Fixd);
}

/**
 * Foreign names ending in a vowel other than -а/-я are indeclinable in Russian (Того, Перу, Бурунди,
 * Кабо-Верде), but az guesses a paradigm for the ones it does not know. Its dictionary is trusted;
 * its guesses are not, except for native neuters in -ье/-ие (Приднестровье).
 */
function indeclinable(word: string, p: AzParse | undefined): boolean {
  if (p && readerOf(p) === "Dictionary") return Boolean(p.tag.Fixd);
  if (p?.tag.Fixd) return true;
  return /[оеиуюэ]$/iu.test(word) && !/[ьи]е$/iu.test(word);
}

type Role = "head" | "adj" | "fixed";

/** Heads take the case, adjectives before a head agree with it, everything else stays. */
function roles(words: string[]): { role: Role; reading?: AzParse }[] {
  const out: { role: Role; reading?: AzParse }[] = words.map(() => ({ role: "fixed" }));
  // Conjuncts («Босния и Герцеговина», «Тринидад и Тобаго») inflect independently.
  let from = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && words[i] !== "и") continue;
    let pending: number[] = [];
    for (let j = from; j < i; j++) {
      const w = words[j]!;
      // A dictionary reading beats a guess; between equals, a word before the last one is taken as
      // an adjective (az guesses noun readings for unknown adjectives such as «Маршалловы»).
      let adj = j < i - 1 ? adjectiveReading(w) : undefined;
      let noun = nounReading(w);
      if (adj && noun) {
        if (readerOf(noun) === "Dictionary" && readerOf(adj) !== "Dictionary") adj = undefined;
        else noun = undefined;
      }
      if (isCapitalised(w) && noun && !indeclinable(w, noun)) {
        out[j] = { role: "head", reading: noun };
        for (const k of pending) out[k]!.role = "adj";
        break;
      }
      if (adj) {
        out[j] = { role: "fixed", reading: adj };
        pending.push(j);
      } else pending = [];
    }
    from = i + 1;
  }
  return out;
}

/**
 * Regular endings for a one-word name az has no nominative noun reading for («Претория» reads as
 * a genitive, «Кампала» as a verb). Only -а/-я and hard consonants: anything else is left alone.
 */
function ruleForms(word: string): string[] {
  const w = word.toLowerCase();
  const hush = /[гкхжшчщ]$/u;
  if (/ия$/u.test(w)) return ["ии", "ию", "ией"].map((e) => w.slice(0, -1) + e.slice(1)).concat(w.slice(0, -2) + "ии");
  if (/а$/u.test(w)) {
    const stem = w.slice(0, -1);
    return [stem + (hush.test(stem) ? "и" : "ы"), stem + "е", stem + "у", stem + (/[жшчщц]$/u.test(stem) ? "ей" : "ой")];
  }
  if (/[бвгдзклмнпрстфхц]$/u.test(w)) return ["а", "у", "ом", "е"].map((e) => w + e);
  return [];
}

/** Every case form of a name, as lists of words. Inflected words come back lowercase from az. */
function caseForms(name: string): string[][] {
  const words = tokenize(name).map((t) => t.surface);
  if (words.length === 1 && !nounReading(words[0]!) && !isAllCaps(words[0]!)) return [words, ...ruleForms(words[0]!).map((f) => [f])];
  const rs = roles(words);
  const forms: string[][] = [words];
  for (const c of CASES) {
    let variants: string[][] = [[]];
    for (const [i, w] of words.entries()) {
      const { role, reading } = rs[i]!;
      let options = [w];
      if (role !== "fixed" && reading) {
        const inflected = inflect(reading, c, w);
        // An inanimate accusative equals the nominative; az may hand back the animate one.
        options = [...new Set([inflected ?? w, ...(c === "accs" && role === "adj" ? [w] : [])])];
      }
      variants = variants.flatMap((v) => options.map((o) => [...v, o]));
    }
    forms.push(...variants);
  }
  return forms;
}

function build(): Gazetteer {
  const byKey = new Map<string, Target>();
  const longest = new Map<string, number>();
  const add = (forms: string[][], target: Omit<Target, "caps">, pattern: string[]) => {
    const caps = pattern.map(isCapitalised);
    for (const f of forms) {
      if (f.length !== pattern.length) continue;
      const k = f.map(key).join(" ");
      // The first registration wins: NOT_PLACES, then countries, then cities.
      if (byKey.has(k)) continue;
      byKey.set(k, { ...target, caps });
      const first = key(f[0]!);
      longest.set(first, Math.max(longest.get(first) ?? 0, f.length));
    }
  };
  const addName = (name: string, target: Omit<Target, "caps">, extra: readonly string[] = []) => {
    const pattern = tokenize(name).map((t) => t.surface);
    const single = pattern.length === 1 ? { ...target } : { ...target, ambiguous: undefined };
    add(caseForms(name), single, pattern);
    for (const form of extra) add([tokenize(form).map((t) => t.surface)], single, pattern);
  };

  for (const phrase of NOT_PLACES) addName(phrase, {});
  const status = new Map<string, CountryStatus>();
  const adjectives = new Map<string, string>();
  for (const c of COUNTRIES) {
    const place: Place = { kind: "country", name: c.name };
    status.set(c.name, c.status ?? "un");
    const abbrs = new Set([...(c.abbr ?? []), ...(isAllCaps(c.name) ? [c.name] : [])]);
    for (const a of abbrs) add([[a]], { place, abbr: a }, [a]);
    for (const n of [c.name, ...(c.aliases ?? [])].filter((n) => !abbrs.has(n))) addName(n, { place, ambiguous: c.ambiguous }, c.forms);
    for (const a of c.adj ?? []) adjectives.set(key(a), c.name);
  }
  for (const city of CITIES) {
    const place: Place = { kind: "city", name: city.name, country: city.country };
    for (const n of [city.name, ...(city.aliases ?? [])]) addName(n, { place, ambiguous: city.ambiguous }, city.forms);
  }
  return { byKey, longest, adjectives, status };
}

let gazetteer: Gazetteer | undefined;
/** Built on first use (az load plus ~10k inflections, a few hundred ms), then shared. */
function gaz(): Gazetteer {
  return (gazetteer ??= build());
}

/** Does the text before a token end a sentence (or open a quote), so a capital there proves nothing? */
function atSentenceStart(text: string, tokens: RawToken[], i: number): boolean {
  if (i === 0) return true;
  return /[.!?…\n«"„“(]/u.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
}

/**
 * Tokens of a multi-word name may be separated by spaces or a dash («Папуа — Новая Гвинея»), or by
 * the apostrophe the tokenizer splits «Кот-д'Ивуар» at; nothing else.
 */
const JOINER = /^(?:[\s\u00a0]*(?:[—–-][\s\u00a0]*)?|['’])$/u;

/** Does the written span honour the name's capitals, abbreviation spelling and ambiguity rules? */
function accepts(t: Target, text: string, tokens: RawToken[], i: number, n: number): boolean {
  const words = tokens.slice(i, i + n).map((tk) => tk.surface);
  if (t.abbr) return normalizePunctuation(words[0]!).replace(/ё/g, "е") === t.abbr.replace(/ё/g, "е");
  if (words.some((w, j) => t.caps[j] && !isCapitalised(w))) return false;
  if (t.ambiguous === "word" && (atSentenceStart(text, tokens, i) || isAllCaps(words[0]!))) return false;
  if (t.ambiguous === "name") {
    const next = tokens[i + n];
    if (next && isCapitalised(next.surface) && /^[\s\u00a0]+$/u.test(text.slice(tokens[i + n - 1]!.end, next.start))) return false;
  }
  return true;
}

/**
 * «Россия-НАТО», «США-Китай»: a hyphenated token whose parts are all places or abbreviations is
 * read part by part. «Австро-Венгрия» and «Китай-город» are not (one part is neither), and
 * adjectival compounds («российско-китайский») are lowercase and match nothing anyway.
 */
function splitCompounds(tokens: RawToken[]): RawToken[] {
  const { byKey } = gaz();
  const known = (p: string) => byKey.has(key(p)) || (p.length >= 2 && isAllCaps(p));
  const out: RawToken[] = [];
  for (const t of tokens) {
    // Most tokens have no hyphen: no split, no closure per token (this ran for every word of every imported document).
    if (!t.surface.includes("-")) {
      out.push(t);
      continue;
    }
    const parts = t.surface.split("-");
    if (parts.length < 2 || byKey.has(key(t.surface)) || !parts.every(known) || !parts.some((p) => byKey.get(key(p))?.place)) {
      out.push(t);
      continue;
    }
    let at = t.start;
    for (const p of parts) {
      out.push({ surface: p, start: at, end: at + p.length });
      at += p.length + 1;
    }
  }
  return out;
}

/**
 * Every place mention in running text, longest match first, left to right, with offsets. Names match
 * only when capitalised as in the gazetteer and abbreviations only as written («РФ», not «рф»),
 * so ordinary words («того», «мали», «чили») never do. Adjectives are not mentions.
 * NOT_PLACES phrases swallow their span: «Единая Россия» yields nothing.
 */
const CAPITAL = /^[A-ZА-ЯЁ]/u;

export function findPlaces(text: string): PlaceMention[] {
  const { byKey, longest } = gaz();
  const tokens = splitCompounds(tokenize(text));
  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    // Every name starts with a capital (findPlaces matches capitalised names only): most words of
    // a text are passed over without folding them.
    if (!CAPITAL.test(tokens[i]!.surface)) {
      i++;
      continue;
    }
    const max = Math.min(longest.get(key(tokens[i]!.surface)) ?? 0, tokens.length - i);
    let matched = 0;
    for (let n = max; n >= 1 && !matched; n--) {
      if (n > 1 && !tokens.slice(i + 1, i + n).every((t, j) => JOINER.test(text.slice(tokens[i + j]!.end, t.start)))) continue;
      const target = byKey.get(tokens.slice(i, i + n).map((t) => key(t.surface)).join(" "));
      if (!target || !accepts(target, text, tokens, i, n)) continue;
      matched = n;
      if (target.place) {
        const start = tokens[i]!.start;
        const end = tokens[i + n - 1]!.end;
        out.push({ ...target.place, start, end, surface: text.slice(start, end) });
      }
    }
    i += matched || 1;
  }
  return out;
}

/** Every country mention in running text (see findPlaces); cities are left out. */
export function findCountries(text: string): CountryMention[] {
  return findPlaces(text)
    .filter((m) => m.kind === "country")
    .map(({ name, start, end, surface }) => ({ name, start, end, surface }));
}

/**
 * The place a whole string names, in any case form («Российской Федерации», «Пекином»). Meant for
 * strings that are already a candidate name (an extracted institution, a facet value, a query), so
 * it ignores case and ё/е — «рф» and «сша» are accepted — except where the lowercase word is
 * something else («того», «чили»): those need their capital. Anything more than one name is undefined.
 */
export function placeOf(text: string): Place | undefined {
  return placeOfMemo(text);
}

// A pure function of the string over a fixed gazetteer, asked of every institution, country and
// speaker value of every document at each registry rebuild: memoised, the rebuild of a 120k-document
// archive no longer tokenises the same few thousand names a million times.
const placeOfMemo = memoByString((text: string): Place | undefined => {
  const tokens = tokenize(text.trim());
  if (tokens.length === 0) return undefined;
  const target = gaz().byKey.get(tokens.map((t) => key(t.surface)).join(" "));
  if (!target?.place) return undefined;
  if (target.ambiguous && tokens.some((t, j) => target.caps[j] && !isCapitalised(t.surface))) return undefined;
  // A standalone «ТОГО» is a shouted pronoun more often than a country.
  if (target.ambiguous === "word" && isAllCaps(tokens[0]!.surface)) return undefined;
  return target.place;
});

/** Canonical country name for any case form or alias of a country; undefined for cities and the rest. */
export function countryOf(text: string): string | undefined {
  const p = placeOf(text);
  return p?.kind === "country" ? p.name : undefined;
}

/**
 * The country a state adjective refers to, in any form («российского», «американской» → Россия,
 * США), so «российский МИД» can meet «МИД России». Compounds («российско-китайский») are undefined.
 */
export function countryOfAdjective(word: string): string | undefined {
  const { adjectives } = gaz();
  const w = key(word.trim());
  const direct = adjectives.get(w);
  if (direct) return direct;
  // az lemmatises a hyphenated word by its last part; putting the prefix back keeps
  // «саудовско-аравийского» and stops «российско-китайского» from coming back as «китайский».
  const prefix = w.slice(0, w.lastIndexOf("-") + 1);
  for (const p of parse(w)) {
    if (p.tag.POS !== "ADJF") continue;
    const lemma = key(normalForm(p, w));
    const hit = adjectives.get(lemma.startsWith(prefix) ? lemma : prefix + lemma);
    if (hit) return hit;
  }
  return undefined;
}

/** Recognition status of a canonical country name («un», «partial», «former»…), for facets that filter. */
export function countryStatus(name: string): CountryStatus | undefined {
  return gaz().status.get(name);
}

/** Canonical names of every country in the gazetteer, in config order. */
export function countryNames(): string[] {
  return COUNTRIES.map((c) => c.name);
}
