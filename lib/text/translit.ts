import { translate, BGN_PCGN, GOST_779_ALT, SCIENTIFIC, WIKIPEDIA, type Schema } from "iuliia";

/**
 * Transliteration between Russian and Latin script, both ways.
 *
 * Cyrillic → Latin is iuliia's (github.com/nalgeon/iuliia): English Wikipedia's romanisation (the
 * spelling English-language news uses for Russian names: Shoygu, Yury, Khabarovsk), BGN/PCGN and
 * GOST 7.79 (System B). Latin → Cyrillic has no one answer (y is ы, й or и; e is е or э; ts is ц
 * or тс), so it gives candidates, best first, for the caller to check against the index; every
 * reading of the schemes above and the usual English spellings (ph, w, x, ck, -sky, Alexander) is
 * among them.
 */

export const LATIN_SCHEMES: Readonly<Record<string, Schema>> = {
  wikipedia: WIKIPEDIA,
  bgn: BGN_PCGN,
  gost779: GOST_779_ALT,
  scientific: SCIENTIFIC,
};

/** The Latin form English-language text most often uses for a Russian word or name. */
export function toLatin(text: string, scheme: keyof typeof LATIN_SCHEMES = "wikipedia"): string {
  return translate(text, LATIN_SCHEMES[scheme]!);
}

export function isLatinWord(word: string): boolean {
  return /^[a-z'’-]+$/i.test(word) && /[a-z]/i.test(word);
}

export function hasCyrillic(text: string): boolean {
  return /[\u0400-\u04ff]/.test(text);
}

/**
 * Multigraphs, longest first, each with its Cyrillic readings, most likely first. Readings are
 * lowercase; the candidate keeps the first letter's case of the Latin word.
 */
const GRAPHS: [string, string[]][] = [
  ["shch", ["щ"]],
  ["sch", ["щ", "ш"]],
  ["tch", ["ч"]],
  ["zh", ["ж"]],
  ["kh", ["х"]],
  ["ts", ["ц", "тс"]],
  ["tz", ["ц"]],
  ["ch", ["ч", "х"]],
  ["sh", ["ш"]],
  ["ph", ["ф"]],
  ["th", ["т"]],
  ["ck", ["к"]],
  ["ya", ["я", "ья"]],
  ["ia", ["ия", "я", "ья"]],
  ["ja", ["я"]],
  ["yu", ["ю", "ью"]],
  ["iu", ["ию", "ю", "ью"]],
  ["ju", ["ю"]],
  ["yo", ["ё", "йо", "ьо"]],
  ["jo", ["ё"]],
  ["ye", ["е", "ье", "э"]],
  ["ie", ["ие", "ье", "е"]],
  ["je", ["е"]],
  ["iy", ["ий", "ый"]],
  ["yy", ["ый", "ий"]],
  ["ee", ["и", "ее"]],
  ["oo", ["у", "оо"]],
  ["ou", ["у", "оу"]],
  ["e'", ["э"]],
  ["y'", ["ы"]],
  ["a", ["а"]],
  ["b", ["б"]],
  ["v", ["в"]],
  ["w", ["в", "у"]],
  ["g", ["г", "дж"]],
  ["d", ["д"]],
  ["e", ["е", "э"]],
  ["z", ["з"]],
  ["i", ["и", "й"]],
  ["j", ["й", "дж", "ж"]],
  ["k", ["к"]],
  ["l", ["л", "ль"]],
  ["m", ["м"]],
  ["n", ["н"]],
  ["o", ["о"]],
  ["p", ["п"]],
  ["r", ["р"]],
  ["s", ["с", "з"]],
  ["t", ["т"]],
  ["u", ["у", "ю"]],
  ["f", ["ф"]],
  ["h", ["х", "г"]],
  ["c", ["к", "ц", "с"]],
  ["x", ["кс"]],
  ["q", ["к"]],
  ["y", ["ы", "й", "и"]],
  ["'", ["ь", ""]],
  ["’", ["ь", ""]],
  ["-", ["-"]],
];

/** Common English spellings of first names that no letter rule gives; places, bodies and firms are in config/exonyms.ts. */
const ENGLISH_NAMES: Record<string, string> = {
  alexander: "александр",
  alexandra: "александра",
  alexei: "алексей",
  alexey: "алексей",
  alexis: "алексей",
  peter: "пётр",
  paul: "павел",
  michael: "михаил",
  nicholas: "николай",
  catherine: "екатерина",
  helen: "елена",
  elena: "елена",
  yury: "юрий",
  yuri: "юрий",
  dmitry: "дмитрий",
  dmitri: "дмитрий",
  sergei: "сергей",
  sergey: "сергей",
  andrei: "андрей",
  andrey: "андрей",
  nikolai: "николай",
  mikhail: "михаил",
};

const VOWELS = /[aeiouy]/;

function readingsAt(word: string, i: number): { len: number; options: string[] }[] {
  const out: { len: number; options: string[] }[] = [];
  for (const [g, options] of GRAPHS) {
    if (!word.startsWith(g, i)) continue;
    let opts = options;
    // After a vowel, y/i/j is й (Tolstoy, Shoigu, Andrei), at a word's end -y after a consonant is ий/ый (-sky, Zelensky).
    if ((g === "y" || g === "i" || g === "j") && i > 0 && VOWELS.test(word[i - 1]!)) opts = ["й", ...options.filter((o) => o !== "й")];
    if (g === "y" && i === word.length - 1 && i > 0 && !VOWELS.test(word[i - 1]!)) opts = ["ий", "ый", ...options];
    // A doubled consonant in English spelling (Matthew, Hillary) is often single in Russian.
    out.push({ len: g.length, options: opts });
    if (out.length >= 2) break;
  }
  return out;
}

/**
 * Cyrillic readings of a Latin word, lowercase, best first: at most `limit`, ordered by how many
 * second-choice readings they use. The word is read left to right by longest multigraph, with the
 * shorter reading of a multigraph (t+s for ts) as an alternative.
 */
export function cyrillicCandidates(latin: string, limit = 48): string[] {
  const word = latin.toLowerCase().replace(/’/g, "'");
  if (!isLatinWord(word)) return [];
  const out: string[] = [];
  const named = ENGLISH_NAMES[word];
  if (named) out.push(named);
  // Positions as a chain of choices: for each, alternatives (multigraph length, reading) with a cost.
  type State = { at: number; text: string; cost: number };
  let states: State[] = [{ at: 0, text: "", cost: 0 }];
  const done: State[] = [];
  let guard = 0;
  while (states.length > 0 && guard++ < 64) {
    const next: State[] = [];
    for (const s of states) {
      if (s.at >= word.length) {
        done.push(s);
        continue;
      }
      const readings = readingsAt(word, s.at);
      if (readings.length === 0) {
        next.push({ at: s.at + 1, text: s.text, cost: s.cost });
        continue;
      }
      readings.forEach((r, ri) =>
        r.options.forEach((o, oi) => {
          // Doubled letters (ss, ll, tt): both kept first, one dropped as an alternative.
          next.push({ at: s.at + r.len, text: s.text + o, cost: s.cost + ri + oi });
        }),
      );
      const ch = word[s.at]!;
      if (s.at > 0 && word[s.at - 1] === ch && !VOWELS.test(ch)) next.push({ at: s.at + 1, text: s.text, cost: s.cost + 1 });
    }
    // Keep the cheapest states only, so long words stay bounded.
    next.sort((a, b) => a.cost - b.cost);
    states = next.filter((s) => s.cost <= 3).slice(0, 400);
  }
  done.sort((a, b) => a.cost - b.cost);
  for (const s of done) {
    if (out.length >= limit) break;
    if (!out.includes(s.text)) out.push(s.text);
  }
  return out;
}

/** A candidate written with the first-letter case of the word it came from. */
export function withCaseOf(candidate: string, typed: string): string {
  return /^\p{Lu}/u.test(typed) && candidate ? candidate[0]!.toUpperCase() + candidate.slice(1) : candidate;
}
