import type { WordMorphology } from "./analyzer";
import { type AzParse, dictionaryParses } from "./az";
import { foldYo } from "./normalize";
import { relatedLemmas } from "./derive";
import { englishStem, snowballStem } from "./stem";
import { isAbbreviation } from "./tokenize";

/**
 * Dictionary lemmatization (az / OpenCorpora) with rules for what the 2016 dictionary gets wrong.
 *
 * Index side: the SET of dictionary lemmas of a token, so an ambiguous form (Астане: Астана or
 * Астан) is findable by every reading. Query side: the one best lemma, which is always in that
 * set. Words the dictionary does not know (new names, foreign names, neologisms) get a case-ending
 * key instead of Snowball, because Snowball splits name paradigms (Ержан→ержа, Ержана→ержа but
 * Салтыбаев→салтыба, Салтыбаева→салтыбаев) while a noun/adjective case stripper keeps them together.
 */

const PROPER = ["Name", "Surn", "Patr", "Geox", "Orgn", "Trad"] as const;

/** Surname-shaped: -ов/-ев/-ёв/-ин/-ын plus an optional case ending (Салтыбаевым, Токаевой). */
const SURNAME = /^(.{2,}?(?:ов|ев|ин|ын))(?:а|у|ым|ом|е|ой|ою|ых|ыми|ы)?$/;
/** The bare nominative form of such a surname, which the dictionary may misread (Токаев as gen. pl. of токай). */
const SURNAME_NOMINATIVE = /^.{2,}(?:ов|ев|ин|ын)$/;

/** Noun and adjective case endings, longest first, for words the dictionary does not know. */
const CASE_ENDINGS = [
  "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими",
  "ией", "ием", "иям", "иях", "ий", "ый", "ой", "ей", "ая", "яя", "ое", "ее", "ую", "юю", "ые", "ие", "ых", "их", "ым", "им",
  "ом", "ем", "ам", "ям", "ах", "ях", "ою", "ею", "ия", "ию", "ии",
  "а", "я", "у", "ю", "е", "ы", "и", "о", "ь", "й",
];
const MIN_STEM = 3;

/** Case-ending key of an unknown word: every case form of Эрдоган, Ержан, Салтыбаев maps to one key. */
export function caseKey(norm: string): string {
  if (!/^[а-я]+$/.test(norm)) return norm;
  const s = SURNAME.exec(norm);
  if (s) return s[1]!;
  for (const e of CASE_ENDINGS) {
    if (norm.length - e.length >= MIN_STEM && norm.endsWith(e)) return norm.slice(0, -e.length);
  }
  return norm;
}

/**
 * OpenCorpora links patronymics to the father's name (Петровича→пётр), which would make
 * "Петрович" find every Пётр. Key a patronymic by its own nominative, per gender.
 */
export function patronymicKey(norm: string): string {
  const m = /^(.+?(?:ович|евич|ич))(?:а|у|ем|е)?$/.exec(norm);
  if (m) return m[1]!;
  const f = /^(.+?(?:овн|евн|ичн|инишн))(?:а|ы|е|у|ой|ою)$/.exec(norm);
  if (f) return `${f[1]!}а`;
  return norm;
}

interface Analysis {
  terms: string[];
  key: string;
}


function isProper(p: AzParse): boolean {
  return PROPER.some((g) => Boolean(p.tag[g]));
}

function lemmaOf(p: AzParse, norm: string): string {
  if (p.tag.Patr) return patronymicKey(norm);
  // OpenCorpora files ordinals under the cardinal (первым→один), which would make "первый" find every "один".
  if (p.tag.Anum) return caseKey(norm);
  return foldYo(p.normalize().word);
}

/** Lemma with the highest summed probability among the given readings; ties go to the first seen. */
function bestLemma(parses: AzParse[], norm: string): string {
  const score = new Map<string, number>();
  for (const p of parses) {
    const l = lemmaOf(p, norm);
    score.set(l, (score.get(l) ?? 0) + (p.score || 1e-6));
  }
  let best = "";
  let bestScore = -1;
  for (const [l, s] of score)
    if (s > bestScore) {
      best = l;
      bestScore = s;
    }
  return best;
}


/** Uncached analysis of one normalised word; `capitalized` is the surface's first-letter case. */
export function analyzeLemma(norm: string, capitalized: boolean): Analysis {
  if (!/[а-я]/.test(norm)) {
    // English words in Russian text (sanctions, Guardian's): Porter/Snowball English stem.
    const key = /^[a-z]{4,}$/.test(norm) ? englishStem(norm) : norm;
    return { terms: key === norm ? [norm] : [key, norm], key };
  }
  const parses = dictionaryParses(norm);
  if (parses.length === 0) {
    const key = caseKey(norm);
    return { terms: [key], key };
  }
  // Capitalisation decides between proper and common readings (Астане: the city; ламе: the llama, not a surname).
  const preferred = parses.filter((p) => isProper(p) === capitalized);
  const terms = new Set<string>();
  for (const p of parses) terms.add(lemmaOf(p, norm));
  let key: string;
  if (capitalized && preferred.length > 0) key = bestLemma(preferred, norm);
  else if (capitalized && SURNAME_NOMINATIVE.test(norm) && !terms.has(norm)) key = caseKey(norm);
  else key = bestLemma(preferred.length > 0 ? preferred : parses, norm);
  if (capitalized && SURNAME.test(norm)) terms.add(caseKey(norm));
  terms.add(key);
  // The query key first: engines treat the first term as the word's main term.
  return { terms: [key, ...[...terms].filter((t) => t !== key)], key };
}

const CACHE_LIMIT = 300_000;
const cache = new Map<string, Analysis>();

/**
 * Memoised by surface form and capitalisation: az parses ~30–40k words/s, a cache hit is a Map
 * lookup, and news text repeats its vocabulary heavily, so ingest pays az once per distinct form.
 */
export function lemmaAnalysis(norm: string, surface: string): Analysis {
  const capitalized = surface.length > 0 && surface[0] !== surface[0]!.toLowerCase();
  // Initials (П. И. Чайковский) and all-capital abbreviations (МТБЮ, ПДД) are not inflected words:
  // az reads П as «подобный» and МТБЮ as a form of «мтб». Their key is the word itself; the
  // dictionary's lemmas stay indexed so a lowercase query (мтбю) still finds them.
  const single = [...norm].length === 1;
  const literal = single || (capitalized && isAbbreviation(surface));
  const id = literal ? `!${norm}` : capitalized ? `^${norm}` : norm;
  let a = cache.get(id);
  if (a === undefined) {
    a = analyzeLemma(norm, capitalized);
    if (single) a = { terms: [norm], key: norm };
    else if (literal) a = { terms: [norm, ...a.terms.filter((t) => t !== norm)], key: norm };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(id, a);
  }
  return a;
}

/**
 * Lemmas that carry no topic, beyond the surface stop list: question words (questions are the
 * longest queries people type) and lemmas of stop-listed forms that the list spells only partly.
 */
const STOP_LEMMAS = new Set(["который", "сколько", "каков", "чей", "почему", "весь", "свой", "мочь", "также"]);

export const lemmaMorphology: WordMorphology = {
  stopByKey: true,
  isStopKey: (key) => STOP_LEMMAS.has(key),
  indexTerms: (norm, surface) => lemmaAnalysis(norm, surface).terms,
  queryTerm: (norm, surface) => lemmaAnalysis(norm, surface).key,
  // Query side only: indexed as one term, an adjective's many documents drowned the place's own
  // (NEREL «Америке»); as separate terms each keeps its own idf.
  relatedKeys: relatedLemmas,
};

/** Snowball for comparison: kept here so the variants share one place that knows about both. */
export const snowballMorphology: WordMorphology = {
  indexTerms: (norm) => [snowballStem(norm)],
  queryTerm: (norm) => snowballStem(norm),
};
