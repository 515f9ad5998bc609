import { DERIVATION_EXCEPTIONS, FEMININE_RULES, PLACE_ADJECTIVE_RULES, PLACE_LINKS, type EndingRule } from "@/config/derivations";
import { type AzParse, dictionaryParses } from "./az";
import { foldYo } from "./normalize";

/**
 * The word a lemma is derived from, by the rules in config/derivations.ts, confirmed by the
 * dictionary: a place's adjective gives the place (кавказский → кавказ), a feminine noun of a
 * person its masculine (журналистка → журналист); derivativesOf is the other direction. A query of
 * one word searches for both (lib/search/aliases.ts, expandDerived); nothing here changes the index.
 */


/** Dictionary readings of a word that are its own nominative (the candidate is a lemma, not a form of another word). */
function lemmaReadings(word: string): AzParse[] {
  return dictionaryParses(word).filter((p) => foldYo(p.normalize().word) === word);
}

const isPlace = (p: AzParse) => p.tag.POS === "NOUN" && Boolean(p.tag.Geox);
const isPersonNoun = (p: AzParse, gender: "masc" | "femn") =>
  p.tag.POS === "NOUN" && Boolean(p.tag.anim) && Boolean(p.tag[gender]) && !p.tag.Name && !p.tag.Surn && !p.tag.Patr;

function candidates(lemma: string, rules: readonly EndingRule[], links: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    if (!out.includes(c)) out.push(c);
  };
  for (const [ending, sources] of rules) {
    if (!lemma.endsWith(ending) || lemma.length - ending.length < 2) continue;
    const base = lemma.slice(0, -ending.length);
    for (const s of sources) add(base + s);
    for (const [link, after] of Object.entries(links))
      if (base.endsWith(link) && base.length - link.length >= 2) for (const s of after) add(base.slice(0, -link.length) + s);
  }
  return out;
}

const PLACE_ADJECTIVE = /(ский|ской|цкий)$/;
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 100_000;

/** Source words of a lemma (folded: ё → е), most likely first; empty for most words. */
export function derivedFrom(lemma: string): string[] {
  let out = cache.get(lemma);
  if (out !== undefined) return out;
  out = [];
  if (/^[а-яё-]+$/.test(lemma) && !DERIVATION_EXCEPTIONS.has(lemma)) {
    const readings = () => lemmaReadings(lemma);
    if (PLACE_ADJECTIVE.test(lemma) && readings().some((p) => p.tag.POS === "ADJF")) {
      for (const c of candidates(lemma, PLACE_ADJECTIVE_RULES, PLACE_LINKS)) if (lemmaReadings(c).some(isPlace)) out.push(c);
    } else if (/[ая]$/.test(lemma) && readings().some((p) => isPersonNoun(p, "femn"))) {
      for (const c of candidates(lemma, FEMININE_RULES)) {
        const folded = foldYo(c);
        if (lemmaReadings(folded).some((p) => isPersonNoun(p, "masc"))) {
          out.push(folded);
          break; // the longest matching ending is the word's derivation
        }
      }
    }
    // An adjective may name more than one place the dictionary knows (московский: Москва, Московия): all are kept, a few at most.
    out = out.slice(0, 3);
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lemma, out);
  return out;
}

/** Rules read backwards: the lemmas a source word's derived words could have. */
function inverse(lemma: string, rules: readonly EndingRule[], links: Readonly<Record<string, readonly string[]>> = {}): string[] {
  const out: string[] = [];
  const add = (c: string) => {
    if (c !== lemma && !out.includes(c)) out.push(c);
  };
  for (const [ending, sources] of rules) {
    for (const s of sources) if (lemma.endsWith(s) && lemma.length - s.length >= 2) add(lemma.slice(0, lemma.length - s.length) + ending);
    for (const [link, after] of Object.entries(links))
      for (const s of after) if (lemma.endsWith(s) && lemma.length - s.length >= 2) add(lemma.slice(0, lemma.length - s.length) + link + ending);
  }
  return out;
}

const derivativesCache = new Map<string, string[]>();

/**
 * Words derived from a lemma (кавказ → кавказский, журналист → журналистка): the rules read
 * backwards, each result kept only when derivedFrom leads back to the lemma.
 */
export function derivativesOf(lemma: string): string[] {
  let out = derivativesCache.get(lemma);
  if (out !== undefined) return out;
  out = [];
  if (/^[а-яё-]+$/.test(lemma)) {
    const readings = lemmaReadings(lemma);
    const place = readings.some(isPlace);
    const person = readings.some((p) => isPersonNoun(p, "masc"));
    const tried = [...(place ? inverse(lemma, PLACE_ADJECTIVE_RULES, PLACE_LINKS) : []), ...(person ? inverse(lemma, FEMININE_RULES) : [])];
    for (const c of tried) {
      const folded = foldYo(c);
      // One dictionary lookup rules out most candidates before derivedFrom's own lookups.
      if (lemmaReadings(folded).length > 0 && derivedFrom(folded).includes(lemma)) out.push(folded);
    }
  }
  if (derivativesCache.size >= CACHE_LIMIT) derivativesCache.clear();
  derivativesCache.set(lemma, out);
  return out;
}

/**
 * Both directions together, the word's source first: what a query word also searches for. With
 * `personsOnly`, the gender pairs only (журналист ↔ журналистка), not a place and its adjective.
 */
export function relatedLemmas(lemma: string, personsOnly = false): string[] {
  const all = [...derivedFrom(lemma), ...derivativesOf(lemma)];
  return personsOnly ? all.filter((w) => !PLACE_ADJECTIVE.test(w) && !PLACE_ADJECTIVE.test(lemma)) : all;
}
