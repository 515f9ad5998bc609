import { parse } from "./morph";
import { EAST_ASIAN_FAMILY } from "./lexicon";
import { nameKind, surnameAfterFirst, isKnownSurnameOnly, NAME_PARTICLES, isCapitalisedWord } from "./names";
import type { Tok } from "./tokens";

/** Capitalised name blocks in running text: the candidates every descriptor and attribution starts from. */

export interface NameBlock {
  /** Token indices [from, to) within the sentence's tokens. */
  from: number;
  to: number;
  words: string[];
}

/** Capitalised name blocks (1–3 words) in a token list; words inside «…» are titles, not names. */
export function nameBlocks(ts: Tok[], sentenceStartIdx = 0): NameBlock[] {
  const out: NameBlock[] = [];
  let depth = 0;
  let i = 0;
  while (i < ts.length) {
    const t = ts[i]!;
    if (t.text === "«" || t.text === "„") depth++;
    if ((t.text === "»" || t.text === "“") && depth > 0) depth--;
    if (depth > 0 || !t.word) {
      i++;
      continue;
    }
    // Initials: «Э.Уитакер», «В. В. Путину» — the surname stands for the person.
    if (/^(?:[А-ЯЁ]|Дж)$/u.test(t.text) && ts[i + 1]?.text === ".") {
      let k = i;
      while (/^(?:[А-ЯЁ]|Дж)$/u.test(ts[k]?.text ?? "") && ts[k + 1]?.text === "." && k - i < 4) k += 2;
      const sur = ts[k];
      if (k > i && sur?.word && isCapitalisedWord(sur.text) && nameKind(sur.text) !== undefined) {
        out.push({ from: i, to: k + 1, words: [sur.text] });
        i = k + 1;
        continue;
      }
    }
    const atStart = i === sentenceStartIdx || (i > 0 && /^[.!?…:«"–—-]$/u.test(ts[i - 1]!.text) && ts[i - 1]!.text !== "-");
    // «Си Цзиньпина», «Ким Чен Ын»: an East Asian family name before the given name, in any case.
    const given = ts[i + 1];
    if (!atStart && t.text.length >= 2 && EAST_ASIAN_FAMILY.has(t.text) && given?.word && given.start - t.end <= 1 && isCapitalisedWord(given.text) && !parse(given.text.toLowerCase()).some((p) => (p as unknown as { parser?: string }).parser === "Dictionary")) {
      const third = ts[i + 2];
      // A three-part Korean name («Ким Чен Ын») is left to the general rule below.
      if (!(third?.word && third.start - given.end <= 1 && isCapitalisedWord(third.text))) {
        out.push({ from: i, to: i + 2, words: [t.text, given.text] });
        i += 2;
        continue;
      }
    }
    const k = nameKind(t.text, { sentenceStart: atStart });
    if (!k) {
      i++;
      continue;
    }
    // «Россельхознадзора Юлия Мелано»: an unknown word before a known first name is not part of the name.
    const nx = ts[i + 1];
    if (k === "surname" && nx?.word && nameKind(nx.text) === "first" && !parse(t.text).some((p) => (p as unknown as { parser?: string }).parser === "Dictionary")) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      // «Висенте дель Боске»: a particle between two capitalised parts stays inside the name.
      const particle = ts[j];
      const nextCap = ts[j + 1];
      if (particle?.word && NAME_PARTICLES.has(particle.text) && nextCap?.word && isCapitalisedWord(nextCap.text) && j - i < 4) {
        j += 2;
        continue;
      }
      break;
    }
    while (
      j < ts.length &&
      j - i < 3 &&
      ts[j]!.word &&
      ts[j]!.start - ts[j - 1]!.end <= 1 &&
      // A name goes Имя [Отчество] Фамилия: nothing follows a surname (Паркер Ривлину is two people).
      !isKnownSurnameOnly(ts[j - 1]!.text) &&
      (nameKind(ts[j]!.text) ||
        (j === i + 1 && k === "first" && surnameAfterFirst(ts[j]!.text)) ||
        // «Дмитрий Ливанов»: a Russian-surname shape after a first name wins over a place reading (Ливан).
        (j === i + 1 && k === "first" && isCapitalisedWord(ts[j]!.text) && /^[А-ЯЁ][а-яё]+(ов|ев|ёв|ин|ын)$/u.test(ts[j]!.text))) &&
      casesAgree(ts.slice(i, j + 1).map((x) => x.text))
    )
      j++;
    // «князь Монако Альбер II»: a first name with a regnal number names a monarch.
    if (j === i + 1 && k === "first" && /^[IVX]+$/u.test(ts[j]?.text ?? "") && ts[j]!.start - t.end <= 1) j++;
    const words = ts.slice(i, j).map((x) => x.text);
    // «Московского центра»: a capitalised adjective before a lowercase noun is part of a name of a thing.
    const after = ts[j];
    if (j - i === 1 && after?.word && /^[а-яё]/u.test(after.text) && parse(t.text.toLowerCase()).some((p) => p.tag.POS === "ADJF") && parse(after.text).some((p) => p.tag.POS === "NOUN" || (p.tag.POS === "ADJF" && p.score >= 0.5))) {
      i = j;
      continue;
    }
    // A lone first name or patronymic is too weak to stand for a person.
    const lone = words.length === 1 && k !== "surname";
    if (!lone || j - i > 1) out.push({ from: i, to: j, words });
    else if (lone && parse(t.text).some((p) => p.tag.Surn)) out.push({ from: i, to: j, words });
    i = j;
  }
  return out;
}

/** Cases a word can stand in as part of a name; undefined when az does not know it as a name. */
export function nameCases(word: string): Set<string> | undefined {
  const rs = parse(word).filter((p) => (p.tag.Name || p.tag.Surn || p.tag.Patr) && (p as unknown as { parser?: string }).parser === "Dictionary");
  return rs.length > 0 ? new Set(rs.map((p) => p.tag.CAse as string)) : undefined;
}

/** Parts of one name share a case: «Паркер Ривлину» is two people, not one. */
function casesAgree(words: string[]): boolean {
  let common: Set<string> | undefined;
  for (const w of words) {
    const cs = nameCases(w);
    if (!cs) {
      // Unknown word with an oblique ending after a nominative-only name: a second person.
      if (common && !common.has("gent") && !common.has("datv") && !common.has("ablt") && /([бвгджзклмнпрстфхцчшщ]у|ом|ем|ой|ым)$/u.test(w)) return false;
      continue;
    }
    common = common ? new Set([...common].filter((c) => cs.has(c))) : cs;
    if (common.size === 0) return false;
  }
  return true;
}

