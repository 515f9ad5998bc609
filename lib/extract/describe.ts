import { parse, normalForm } from "./morph";
import { ORG_HEADS, ROLE_HEADS, ROLE_MODIFIERS, reportingVerb, type Gender } from "./lexicon";
import { nameKind, normaliseName, surnameAfterFirst, isKnownSurnameOnly, NAME_PARTICLES, isCapitalisedWord, type Case, type PersonName } from "./names";
import { tokens, sentences, type Tok } from "./tokens";
import { memoByString } from "./memo";

/**
 * Roles and institutions written around a person's name: «директор Института мировой экономики
 * и политики (ИМЭП) при Фонде Первого Президента РК – Лидера Нации Ержан Салтыбаев»,
 * «посол США в Казахстане», «эксперт «Астана клуба»», «Ван Цзюнь, бывший председатель корпорации CITIC».
 */

export interface InstitutionMention {
  /** Nominative name without the abbreviation: «Институт мировой экономики и политики». */
  name: string;
  aliases: string[];
  /** The body it belongs to («при Фонде …» → «Фонд …»). */
  parent?: string;
  surface: string;
}

export interface Description {
  role?: string;
  institution?: InstitutionMention;
  /** Further workplaces joined to the first by «и» («тренер сборной … и клуба …»). */
  also?: InstitutionMention[];
  /** Further posts in a chain of appositions («Х, журналист, корреспондент газеты …»). */
  more?: Description[];
}

export interface NameBlock {
  /** Token indices [from, to) within the sentence's tokens. */
  from: number;
  to: number;
  words: string[];
}

const ABBR = /^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9-]*[A-ZА-ЯЁ0-9]$|^[A-ZА-ЯЁ]{2,}$/u;
const LATIN = /^[A-Za-z][A-Za-z0-9&.-]*$/u;

export function isAbbr(w: string): boolean {
  // Roman numerals (Елизавета II) are regnal numbers, not abbreviations.
  return w.length >= 2 && ABBR.test(w) && !/^[А-ЯЁ][а-яё]/u.test(w) && !/^[IVXLC]+$/u.test(w);
}

// The word-level predicates below are pure functions of the word and run for every token of every
// sentence, most of them many times: they are memoised across documents (lib/extract/memo.ts).
const lemmaOf = memoByString((word: string): string => {
  const rs = parse(word.toLowerCase());
  const noun = rs.find((p) => p.tag.POS === "NOUN") ?? rs[0];
  return (noun ? normalForm(noun, word) : word.toLowerCase()).replace(/ё/g, "е");
});

/** Shared sets: read, never change them. */
const lemmas = memoByString((word: string): ReadonlySet<string> => new Set(parse(word.toLowerCase()).map((p) => normalForm(p, word).replace(/ё/g, "е"))));

const roleWord = memoByString((text: string): boolean => {
  // Capitalised only as the first word of a sentence or heading («Представитель талибов …»).
  if (!/^[а-яёА-ЯЁ][а-яё-]*$/u.test(text)) return false;
  const rs = parse(text.toLowerCase());
  // «после» is also a case form of «посол»; a function word is never a role.
  if (rs[0] && (rs[0].tag.POS === "PREP" || rs[0].tag.POS === "CONJ" || rs[0].tag.POS === "PRCL")) return false;
  // «адвокаты Берлускони», «представители партии»: a plural role describes a group, not the person named.
  const nouns = rs.filter((p) => p.tag.POS === "NOUN" && ROLE_HEADS.has(normalForm(p, text)));
  if (nouns.length > 0 && nouns.every((p) => p.tag.NMbr === "plur") && !rs.some((p) => p.tag.POS === "ADJF")) return false;
  for (const l of lemmas(text)) if (ROLE_HEADS.has(l) || ROLE_MODIFIERS.has(l)) return true;
  return ROLE_HEADS.has(text.toLowerCase());
});

export function isRoleWord(t: Tok): boolean {
  return t.word && roleWord(t.text);
}

const isOrgHeadWord = memoByString((w: string): boolean => {
  for (const l of lemmas(w)) if (ORG_HEADS.has(l)) return true;
  return false;
});

function isFiniteVerb(t: Tok): boolean {
  if (!t.word || !/^[а-яё]+$/u.test(t.text)) return false;
  if (reportingVerb(t.text)) return true;
  const rs = parse(t.text);
  const top = rs[0];
  if (!top) return false;
  const verbScore = rs.filter((p) => p.tag.POS === "VERB").reduce((s, p) => s + p.score, 0);
  return verbScore > 0.5;
}

function capitaliseLike(src: string, out: string | undefined): string {
  if (!out) return src;
  if (src === src.toUpperCase() && src.length > 1) return out.toUpperCase();
  return /^[А-ЯЁA-Z]/u.test(src) ? out[0]!.toUpperCase() + out.slice(1) : out;
}

/**
 * Nominative of a noun phrase whose head is inflected: the words up to the head (an organisation
 * head such as «институт», else the first noun) go to the nominative; genitive complements stay.
 */
export function nominativePhrase(words: string[]): string {
  if (words.length === 0) return "";
  let head = words.findIndex((w, i) => i < 4 && /^[а-яёА-ЯЁ-]+$/u.test(w) && isOrgHeadWord(w) && !(i === 0 && false));
  if (head < 0) {
    head = words.findIndex((w) => {
      if (isAbbr(w) || LATIN.test(w)) return true;
      return parse(w).some((p) => p.tag.POS === "NOUN");
    });
  }
  if (head < 0) return words.join(" ");
  const headWord = words[head]!;
  if (isAbbr(headWord) || LATIN.test(headWord)) return words.join(" ");
  const headReading = parse(headWord).filter((p) => p.tag.POS === "NOUN").sort((a, b) => b.score - a.score)[0];
  if (!headReading) return words.join(" ");
  const number = headReading.tag.NMbr === "plur" && !parse(headWord).some((p) => p.tag.POS === "NOUN" && p.tag.NMbr === "sing") ? "plur" : "sing";
  const nomHead = headReading.tag.CAse === "nomn" && headReading.tag.NMbr === number ? headWord : (headReading.inflect(["nomn", number]) || null)?.word ?? normalForm(headReading, headWord);
  const gender = headReading.tag.GNdr as string | undefined;
  const out = words.slice();
  out[head] = capitaliseLike(headWord, nomHead);
  for (let i = 0; i < head; i++) {
    const w = words[i]!;
    const adj = parse(w).find((p) => p.tag.POS === "ADJF" && p.tag.CAse !== "nomn") ?? parse(w).find((p) => p.tag.POS === "ADJF");
    if (!adj || adj.tag.CAse === "nomn") continue;
    const grams = number === "plur" ? ["nomn", "plur"] : ["nomn", "sing", gender && gender !== "GNdr" ? gender : "masc"];
    const inf = adj.inflect(grams);
    if (inf) out[i] = capitaliseLike(w, inf.word);
  }
  return out.join(" ");
}

/** Role phrase in the nominative: «старшего научного сотрудника» → «старший научный сотрудник». */
function roleNominative(words: string[], c: Case | undefined): string {
  if (!c || c === "nomn") return words.join(" ");
  const head = words.findIndex((w) => ROLE_HEADS.has(lemmaOf(w)) && !ROLE_MODIFIERS.has(lemmaOf(w)) && parse(w).some((p) => p.tag.POS === "NOUN"));
  if (head < 0) return words.join(" ");
  return nominativePhrase(words.slice(0, head + 1)) + (head + 1 < words.length ? ` ${words.slice(head + 1).join(" ")}` : "");
}

/** Rebuild text from tokens, keeping original spacing conventions for punctuation. */
export function joinTokens(ts: Tok[]): string {
  let s = "";
  let prev: Tok | undefined;
  for (const t of ts) {
    if (prev && t.start > prev.end) s += " ";
    s += t.text;
    prev = t;
  }
  return s.trim();
}

/** Movements named by their members, in lowercase: «представитель талибов». */
const MOVEMENTS = /^(талибов|хуситов)$/u;

/** Military and police ranks stand between a post and the name, never inside an institution. */
const RANK = /^(генерал|адмирал|вице-адмирал|контр-адмирал|маршал|полковник|подполковник|майор|капитан|лейтенант|старший-лейтенант|сержант|ефрейтор|рядовой)/u;

const canContinueName = memoByString((w: string): boolean => {
  if (isOrgHeadWord(w)) return true;
  return parse(w).some((p) => (p.tag.POS === "NOUN" || p.tag.POS === "ADJF" || p.tag.POS === "NUMR") && (p.tag.CAse === "gent" || p.tag.CAse === "nomn"));
});

/**
 * Something that names an organisation or a state: an organisation head word, an abbreviation,
 * a Latin name, a place. A bare capitalised word (Рами, Пан) is more likely part of a name.
 */
function looksLikeOrganisation(words: string[]): boolean {
  return words.some((w) => {
    if (MOVEMENTS.test(w)) return true;
    if (isAbbr(w) || LATIN.test(w)) return true;
    if (/^[а-яё-]+$/u.test(w)) return isOrgHeadWord(w);
    const rs = parse(w).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
    if (rs.some((p) => p.tag.Geox || p.tag.Orgn)) return true;
    // Compound agency names: Минздрав, Роснефть, Газпром, Сбербанк, Россельхознадзор.
    if (/^(мин|гос|рос|газ|сбер|внеш|транс|евро|нефт|энерго|пром|аэро|генштаб|генпрокуратур)/u.test(w.toLowerCase()) && !rs.some((p) => p.tag.Name || p.tag.Surn)) return true;
    if (/(банк|газ|нефть|пром|надзор|трест|строй|энерго|холдинг|союз|фонд|центр|инвест|транс|авиа|телеком|ком|сервис)[а-я]{0,3}$/u.test(w.toLowerCase()) && !rs.some((p) => p.tag.Name || p.tag.Surn)) return true;
    return isOrgHeadWord(w);
  });
}

/** An institution phrase: abbreviation in parentheses → alias, «при X» → parent, quotes removed. */
export function parseInstitution(ts: Tok[]): InstitutionMention | undefined {
  let body = ts.slice();
  const aliases: string[] = [];
  let parent: string | undefined;
  const surface = joinTokens(ts);
  const pri = body.findIndex((t, i) => i > 0 && t.text === "при");
  if (pri > 0) {
    const p = parseInstitution(body.slice(pri + 1));
    if (p) parent = p.name;
    body = body.slice(0, pri);
  }
  // A trailing location («посол США в Казахстане») says where, not who employs.
  // «Госсовета Китая в 1988—1998 годах»: a date after «в» ends the name too.
  const loc = body.findIndex((t, i) => i > 0 && /^(в|во|от|из|на)$/u.test(t.text) && body[i + 1] && (isCapitalisedWord(body[i + 1]!.text) || /^[0-9]/u.test(body[i + 1]!.text)));
  if (loc > 0) body = body.slice(0, loc);
  const open = body.findIndex((t) => t.text === "(");
  if (open >= 0) {
    const close = body.findIndex((t, i) => i > open && t.text === ")");
    const inside = body.slice(open + 1, close < 0 ? undefined : close);
    if (inside.length === 1 && isAbbr(inside[0]!.text)) aliases.push(inside[0]!.text);
    body = [...body.slice(0, open), ...(close < 0 ? [] : body.slice(close + 1))];
  }
  const quoted = body.some((t) => /^[«"„]$/u.test(t.text));
  body = body.filter((t) => !/^[«»"„“”]$/u.test(t.text));
  // The name ends at the first lowercase word that cannot continue a genitive chain
  // («ФСБ по получению…», «Детройт избран…»).
  // Words up to the head noun agree with it in any case («в одесском предвыборном штабе»);
  // only after the head must the chain be genitive.
  const headIdx = Math.max(0, body.findIndex((t) => t.word && (isOrgHeadWord(t.text) || isAbbr(t.text) || parse(t.text).some((p) => p.tag.POS === "NOUN"))));
  const endsName = (t: Tok, i: number): boolean => {
    if (i <= headIdx || !t.word) return false;
    // «IKEA в 37», «Партия регионов 54-летний»: numbers after the head belong to the sentence.
    if (/^[0-9]/u.test(t.text)) return true;
    // «Россия и СССР»: «и» before a capitalised word joins two names, not one.
    if (t.text === "и") return /^[А-ЯЁA-Z]/u.test(body[i + 1]?.text ?? "");
    if (/^(о|об|с|со|до|после|у|для|за|через)$/u.test(t.text)) return true;
    // «… администрацию год назад»: time words end the name.
    if (/^(год|года|году|лет|месяц|месяца|неделю|назад|время|день|дня|раз|числе)$/u.test(t.text)) return true;
    if (/^[а-яё-]+$/u.test(t.text)) return !canContinueName(t.text) || RANK.test(t.text) || (isRoleWord(t) && !isOrgHeadWord(t.text) && !parse(t.text).some((p) => p.tag.CAse === "gent"));
    return false;
  };
  const cut = body.findIndex((t, i) => endsName(t, i));
  if (cut > 0) body = body.slice(0, cut);
  while (body.length > 0 && !body[body.length - 1]!.word) body.pop();
  while (body.length > 0 && !body[0]!.word) body.shift();
  if (body.length === 0) return undefined;
  const words: string[] = [];
  for (const t of body) {
    if (t.word) words.push(t.text);
    else if (words.length > 0) words[words.length - 1] += t.text === "–" || t.text === "—" ? "" : "";
    if (t.text === "–" || t.text === "—") words.push(t.text);
  }
  const name = nominativePhrase(words).replace(/\s+/g, " ").trim();
  if (!name) return undefined;
  if (!quoted && aliases.length === 0 && !looksLikeOrganisation(words)) return undefined;
  return { name, aliases, ...(parent ? { parent } : {}), surface };
}

/**
 * Split a descriptor (the words between a reporting verb and a name, or before a name) into a
 * role and an institution. `c` is the case the phrase stands in (genitive after «по словам»).
 */
export function parseDescriptor(ts: Tok[], c?: Case): Description {
  let i = 0;
  // Skip leading circumstance: «в своем выступлении», «в интервью …», «на пресс-конференции».
  const firstRole = ts.findIndex((t) => isRoleWord(t));
  if (firstRole < 0) return {};
  i = firstRole;
  const roleStart = i;
  let seenNoun = false;
  while (i < ts.length && isRoleWord(ts[i]!)) {
    const isNoun = parse(ts[i]!.text).some((p) => p.tag.POS === "NOUN");
    // After the head noun only another role noun continues the chain (заместитель министра);
    // an adjective there already describes the institution (член исполнительного комитета).
    if (seenNoun && !isNoun) break;
    if (isNoun) seenNoun = true;
    i++;
  }
  const headEnd = i;
  // Lowercase genitive complements belong to the role («член экспертного совета»), until an
  // institution starts: a capitalised word, an abbreviation, a quoted name, or a lowercase
  // organisation head followed by a proper name («корпорации CITIC»).
  let instStart = -1;
  for (let j = i; j < ts.length; j++) {
    const t = ts[j]!;
    if (!t.word) {
      // «главой федерации северной (скандинавской) ходьбы»: a lowercase aside does not start a name.
      if (t.text === "(" && /^[а-яё-]+$/u.test(ts[j + 1]?.text ?? "") && ts[j + 2]?.text === ")") {
        j += 2;
        continue;
      }
      if (/[«"„(]/u.test(t.text)) {
        instStart = j;
        break;
      }
      continue;
    }
    if ((/^[А-ЯЁA-Z]/u.test(t.text) || MOVEMENTS.test(t.text)) && j > roleStart) {
      instStart = j;
      break;
    }
    if (isOrgHeadWord(t.text)) {
      const next = ts[j + 1];
      if (next && (LATIN.test(next.text) || isAbbr(next.text) || /[«"„]/u.test(next.text))) {
        let k = j;
        while (k > headEnd && parse(ts[k - 1]!.text).some((p) => p.tag.POS === "ADJF")) k--;
        instStart = k;
        break;
      }
    }
    if (/^(в|во|от|из|на|с|со|при)$/u.test(t.text)) {
      instStart = -1;
      i = j;
      break;
    }
    i = j + 1;
  }
  if (instStart < 0) {
    // «судья федерального апелляционного суда»: a lowercase organisation with adjectives in the
    // complement is a workplace even without a proper name.
    const h = ts.findIndex((t, k) => k >= headEnd && k < i && t.word && /^[а-яё-]+$/u.test(t.text) && isOrgHeadWord(t.text) && parse(t.text).some((p) => p.tag.POS === "NOUN" && p.tag.CAse === "gent"));
    if (h > headEnd && parse(ts[h - 1]!.text).some((p) => p.tag.POS === "ADJF" && p.tag.CAse === "gent")) {
      let k = h;
      while (k > headEnd && parse(ts[k - 1]!.text).some((p) => p.tag.POS === "ADJF" && p.tag.CAse === "gent")) k--;
      instStart = k;
    } else if (h === headEnd && h + 1 < i && ts[h + 1]!.word && /^[а-яё-]+$/u.test(ts[h + 1]!.text)) {
      // «директор департамента здравоохранения», «представитель правительства провинции»: an
      // organisation head right after the post, with its own complement, is the workplace.
      instStart = h;
    }
  }
  const roleEnd = instStart >= 0 ? instStart : i;
  const roleWords = ts.slice(roleStart, roleEnd).filter((t) => t.word).map((t, n) => (n === 0 ? t.text.toLowerCase() : t.text));
  // Modifiers alone («Официальный Нур-Султан») are no role.
  if (!ts.slice(roleStart, headEnd).some((t) => parse(t.text.toLowerCase()).some((p) => p.tag.POS === "NOUN" && ROLE_HEADS.has(normalForm(p, t.text))))) return {};
  const out: Description = {};
  if (roleWords.length > 0) out.role = roleNominative(roleWords, c);
  if (instStart >= 0) {
    // «тренер сборной Свердловской области и Клуба самбо УГМК»: two workplaces joined by «и».
    const and = conjoinedInstitution(ts, instStart);
    const inst = parseInstitution(and >= 0 ? ts.slice(instStart, and) : ts.slice(instStart));
    if (inst) out.institution = inst;
    const second = and >= 0 ? parseInstitution(ts.slice(and + 1)) : undefined;
    if (inst && second) out.also = [second];
  }
  return out;
}

/**
 * Index of an «и» that joins a second genitive organisation to the one starting at `from`
 * («сборной Хорватии и клуба «Реал»»), or -1. A role word after «и» starts a second post
 * («президент Египта и бывший лидер …»), which is not a workplace of the first.
 */
function conjoinedInstitution(ts: Tok[], from: number): number {
  let depth = 0;
  for (let k = from + 1; k < ts.length - 1; k++) {
    const t = ts[k]!;
    if (/^[«„(]$/u.test(t.text)) depth++;
    if (/^[»“)]$/u.test(t.text)) depth = Math.max(0, depth - 1);
    if (depth > 0 || t.text !== "и") continue;
    const next = ts[k + 1]!;
    if (!next.word) return /^[«„"]$/u.test(next.text) ? k : -1;
    if (isRoleWord(next) && !isOrgHeadWord(next.text)) return -1;
    // A bare place («артистка России и Мордовии») is an honour's scope more often than a workplace.
    if (!/^[а-яё-]+$/u.test(next.text)) return isAbbr(next.text) || LATIN.test(next.text) || isOrgHeadWord(next.text) ? k : -1;
    return isOrgHeadWord(next.text) && parse(next.text).some((p) => p.tag.CAse === "gent") ? k : -1;
  }
  return -1;
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

/** Tokens allowed between a role and the name it describes. */
function describable(t: Tok): boolean {
  if (!t.word) return /^[()«»"„“–—-]$/u.test(t.text);
  if (isRoleWord(t)) return true;
  if (isFiniteVerb(t)) return false;
  // Participles and gerunds start a new predicate (назначен, избран, возглавляющий).
  if (/^[а-яё]+$/u.test(t.text)) {
    const rs = parse(t.text);
    const pred = rs.filter((p) => p.tag.POS === "PRTS" || p.tag.POS === "PRTF" || p.tag.POS === "GRND" || p.tag.POS === "INFN").reduce((a, p) => a + p.score, 0);
    if (pred > 0.5) return false;
  }
  return true;
}

export interface Affiliation {
  person: PersonName;
  role?: string;
  institution?: InstitutionMention;
  /** Character offsets of the name in the analysed text. */
  start: number;
  end: number;
}

/** The descriptor to the left of a name, back to the nearest role word («директор … Ержан Салтыбаев»). */
export function leftDescriptor(ts: Tok[], block: NameBlock, others: NameBlock[] = []): { from: number; desc: Description; c?: Case } | undefined {
  let j = block.from - 1;
  let leftmostRole = -1;
  let depth = 0;
  const limit = Math.max(0, block.from - 20);
  const inOther = (idx: number) => others.some((b) => b !== block && idx >= b.from && idx < b.to);
  while (j >= limit) {
    const t = ts[j]!;
    if (t.text === ")") depth++;
    if (t.text === "(") depth--;
    if (depth <= 0 && (t.text === "," || t.text === ":" || t.text === ";" || t.text === ".")) break;
    // «уволила двух чиновников — директора департамента …»: a dash before a found post opens the apposition.
    // «мероприятия с участием президента Литвы Х»: a preposition before a found post ends the descriptor.
    if (depth <= 0 && leftmostRole >= 0 && /^(с|со|к|ко|у|о|об|для|через|перед|между)$/u.test(t.text)) break;
    if (depth <= 0 && leftmostRole >= 0 && /^[—–]$/u.test(t.text) && /^[а-яё]/u.test(ts[j - 1]?.text ?? "") && /^[а-яё]/u.test(ts[j + 1]?.text ?? "")) break;
    if (!describable(t) || inOther(j)) break;
    if (isRoleWord(t)) leftmostRole = j;
    j--;
  }
  if (leftmostRole < 0) return undefined;
  const c = roleCase(ts.slice(leftmostRole, block.from));
  const desc = parseDescriptor(ts.slice(leftmostRole, block.from), c);
  return desc.role ? { from: leftmostRole, desc, ...(c ? { c } : {}) } : undefined;
}

/** The case of the role head noun, which an apposed name shares (с министром … Логаром). */
export function roleCase(ts: Tok[]): Case | undefined {
  const head = ts.find((t) => isRoleWord(t) && parse(t.text).some((p) => p.tag.POS === "NOUN"));
  if (!head) return undefined;
  const cases = new Set(parse(head.text).filter((p) => p.tag.POS === "NOUN" && p.tag.NMbr === "sing").map((p) => p.tag.CAse as string));
  if (cases.size === 0 || cases.has("nomn")) return undefined;
  for (const c of ["gent", "datv", "ablt", "loct", "accs"] as const) if (cases.has(c)) return c;
  return undefined;
}

/** Index of the role word after up to three lowercase adjectives starting at `from`, or -1. */
function skipAdjectives(ts: Tok[], from: number): number {
  for (let k = from; k < ts.length && k - from <= 3; k++) {
    const t = ts[k]!;
    if (isRoleWord(t)) return k;
    if (!t.word || !/^[а-яё-]+$/u.test(t.text) || !parse(t.text).some((p) => p.tag.POS === "ADJF")) return -1;
  }
  return -1;
}

/** «Имя Фамилия, должность организации,» — an apposition after the name. */
export function rightDescriptor(ts: Tok[], block: NameBlock): Description | undefined {
  // «Гордона Брауна – лидера Лейбористской партии» works like a comma apposition.
  if (ts[block.to]?.text !== "," && !/^[–—-]$/u.test(ts[block.to]?.text ?? "")) return undefined;
  // «Ван Цзюнь, бывший председатель …», «Мадонна — американская певица»: adjectives may precede the role word.
  let startIdx = skipAdjectives(ts, block.to + 1);
  // «Ли Пэн, соратник Цзян Цзэминя, премьер Госсовета …»: a first apposition that names no post
  // («соратник», «уроженец») is stepped over when a post follows it.
  if (startIdx < 0 && ts[block.to + 1]?.word && /^[а-яё]+$/u.test(ts[block.to + 1]!.text) && parse(ts[block.to + 1]!.text)[0]?.tag.POS === "NOUN") {
    let k = block.to + 1;
    while (k < ts.length && k - block.to < 6 && ts[k]!.text !== "," && describable(ts[k]!)) k++;
    if (ts[k]?.text === ",") startIdx = skipAdjectives(ts, k + 1);
  }
  if (startIdx < 0) return undefined;
  let j = startIdx;
  let depth = 0;
  while (j < ts.length && j - startIdx < 16) {
    const t = ts[j]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (depth <= 0 && /^[,.;:!?]$/u.test(t.text)) break;
    if (!describable(t)) return undefined;
    j++;
  }
  const desc = parseDescriptor(ts.slice(startIdx, j));
  if (!desc.role) return undefined;
  // «Ли Пэн, соратник …, премьер Госсовета Китая …, председатель Постоянного комитета …»: further
  // comma-separated posts describe the same person.
  const more: Description[] = [];
  while (ts[j]?.text === "," && more.length < 3) {
    const s2 = skipAdjectives(ts, j + 1);
    if (s2 < 0) break;
    let e = s2;
    let ok = true;
    depth = 0;
    while (e < ts.length && e - s2 < 16) {
      const t = ts[e]!;
      if (t.text === "(") depth++;
      if (t.text === ")") depth--;
      if (depth <= 0 && /^[,.;:!?]$/u.test(t.text)) break;
      if (!describable(t)) {
        ok = false;
        break;
      }
      e++;
    }
    if (!ok) break;
    const d2 = parseDescriptor(ts.slice(s2, e));
    if (!d2.role) break;
    if (d2.institution) more.push(d2);
    j = e;
  }
  return more.length > 0 ? { ...desc, more } : desc;
}

/** Does a lowercase non-role noun stand right before the block (отец Андерса Брейвика)? */
export function governedByNoun(ts: Tok[], block: NameBlock): boolean {
  const prev = ts[block.from - 1];
  if (!prev || !prev.word || !/^[а-яё-]+$/u.test(prev.text) || isRoleWord(prev)) return false;
  return parse(prev.text)[0]?.tag.POS === "NOUN";
}

/** Person–role–institution triples from running text (used for the registry and the evaluation). */
/** Verbs linking a person to a post or a workplace: «Х стал начальником штаба …», «Х возглавил компанию …». */
const LINK_VERBS = new Set([
  "стал", "стала", "станет", "назначен", "назначена", "избран", "избрана", "является", "являлся", "являлась",
  "работает", "работал", "работала", "служил", "служила", "занимал", "занимала", "занимает", "был", "была", "остается",
  "остаётся", "тренирует", "тренировал", "тренировала", "возглавил", "возглавила", "возглавляет", "возглавлял", "возглавляла", "назначили", "покидает", "покинул",
  "покинула", "вступил", "вступила", "вошел", "вошёл", "вошла", "вышел", "вышла", "утвержден", "утверждён", "утверждена", "переизбран", "переизбрана",
]);
const WORKS_VERBS = new Set(["работает", "работал", "работала", "служил", "служила", "служит", "трудится", "трудился", "трудилась"]);
const MEMBER_VERBS = new Set(["покинул", "покинула", "покидает", "вступил", "вступила", "вошел", "вошёл", "вошла", "вышел", "вышла"]);
const HEADS_VERBS = new Set(["возглавил", "возглавила", "возглавляет", "возглавлял", "возглавляла", "тренирует", "тренировал", "тренировала"]);

/** «Х стал начальником штаба Приволжско-Уральского военного округа», «Х возглавляет компанию «Ренова»». */
export function verbDescriptor(ts: Tok[], block: NameBlock): Description | undefined {
  let j = block.to;
  // «назначит Томаса Фридена (Thomas Frieden) на пост директора Центров …», «исключил Грызлова
  // из состава Совета Безопасности»: the post or body follows the name without a linking verb.
  let k = j;
  if (ts[k]?.text === "(") {
    while (k < ts.length && ts[k]!.text !== ")") k++;
    k++;
  }
  const w1 = ts[k]?.text.toLowerCase();
  const w2 = ts[k + 1]?.text.toLowerCase();
  if ((w1 === "на" && (w2 === "пост" || w2 === "должность" || w2 === "посту" || w2 === "должности")) || ((w1 === "из" || w1 === "в") && w2 === "состава") || (w1 === "в" && w2 === "состав")) {
    let end = k + 2;
    while (end < ts.length && end - k < 16 && !/^[,.;:!?]$/u.test(ts[end]!.text) && describable(ts[end]!)) end++;
    const span = ts.slice(k + 2, end);
    if (span.length === 0) return undefined;
    if (w2 === "состава" || w2 === "состав") {
      const inst = parseInstitution(span);
      return inst ? { role: "член", institution: inst } : undefined;
    }
    if (!isRoleWord(span[0]!)) return undefined;
    const desc = parseDescriptor(span, roleCase(span));
    return desc.role ? desc : undefined;
  }
  let linked = false;
  let heads = false;
  // «Х, который возглавляет …», «Х, возглавляющий компанию …»: a relative clause or participle.
  if (ts[j]?.text === "," && ts[j + 1]?.word) {
    const w = ts[j + 1]!.text.toLowerCase();
    if (/^(который|которая)$/u.test(w)) {
      // «Х, который в понедельник стал руководителем …»: a short circumstance may precede the verb.
      let v = j + 2;
      while (v < ts.length && v - (j + 2) < 4 && ts[v]!.word && !LINK_VERBS.has(ts[v]!.text.toLowerCase()) && !isFiniteVerb(ts[v]!) && /^[а-яё0-9]+$/u.test(ts[v]!.text)) v++;
      if (ts[v] && LINK_VERBS.has(ts[v]!.text.toLowerCase())) j = v;
    }
    else if (/^(возглавляющ|возглавлявш|руководящ|руководивш)/u.test(w)) {
      j += 2;
      linked = true;
      heads = true;
    }
  }
  for (let n = 0; n < 3 && j < ts.length && !heads; n++) {
    const w = ts[j]!.text.toLowerCase();
    if (!ts[j]!.word) break;
    if (LINK_VERBS.has(w)) {
      linked = true;
      heads = heads || HEADS_VERBS.has(w);
      j++;
      continue;
    }
    if (linked) break;
    // One adverb between the name and the verb («Х вчера стал …»).
    if (n === 0 && /^[а-яё]+$/u.test(w) && parse(w)[0]?.tag.POS === "ADVB") {
      j++;
      continue;
    }
    return undefined;
  }
  if (!linked) return undefined;
  while (j < ts.length && /^(на|пост|посту|должность|должности|в|качестве|позицию|место)$/u.test(ts[j]!.text.toLowerCase()) && ts[j + 1] && (isRoleWord(ts[j + 1]!) || /^(пост|посту|должность|должности|качестве)$/u.test(ts[j + 1]!.text))) j++;
  let end = j;
  let depth = 0;
  while (end < ts.length && end - j < 14) {
    const t = ts[end]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (depth <= 0 && /^[,.;:!?]$/u.test(t.text)) break;
    if (end > j && !describable(t)) break;
    end++;
  }
  const span = ts.slice(j, end);
  if (span.length === 0) return undefined;
  // «работал в Индии», «служил в Генштабе»: the place of work after «в».
  if (WORKS_VERBS.has(ts[block.to]!.text.toLowerCase()) || WORKS_VERBS.has(ts[j - 1]?.text.toLowerCase() ?? "")) {
    if (/^(в|во)$/u.test(span[0]!.text) && span[1]) {
      const inst = parseInstitution(span.slice(1));
      return inst ? { institution: inst } : undefined;
    }
  }
  // «Х покинул совет директоров Microsoft», «вошла в совет директоров холдинга …»: membership
  // of a body named by an organisation head.
  const verb = ts[j - 1]?.text.toLowerCase() ?? "";
  if (MEMBER_VERBS.has(verb) || (/^(в|во|из)$/u.test(ts[j]?.text ?? "") && MEMBER_VERBS.has(ts[j - 1]?.text.toLowerCase() ?? ""))) {
    const body = /^(в|во|из)$/u.test(span[0]!.text) ? span.slice(1) : span;
    if (body[0] && /^[а-яё-]+$/u.test(body[0].text) && isOrgHeadWord(body[0].text)) {
      const inst = parseInstitution(body);
      return inst ? { institution: inst } : undefined;
    }
  }
  if (heads) {
    const inst = parseInstitution(span);
    return inst ? { institution: inst } : undefined;
  }
  const r = skipAdjectives(span, 0);
  if (r >= 0) {
    const rest = span.slice(r);
    const desc = parseDescriptor(rest, roleCase(rest));
    return desc.role ? desc : undefined;
  }
  return undefined;
}

/** «Мэром Детройта избран баскетболист Дэйв Бинг»: the post stands before a linking verb. */
export function preVerbDescriptor(ts: Tok[], block: NameBlock): Description | undefined {
  let v = block.from - 1;
  // Between the verb and the name only a rank, an age or modifiers («генерал-майор», «39-летний»).
  while (v >= 0 && block.from - v <= 4 && !(ts[v]!.word && LINK_VERBS.has(ts[v]!.text.toLowerCase()))) {
    const t = ts[v]!;
    if (!t.word || /^[А-ЯЁ]/u.test(t.text)) return undefined;
    v--;
  }
  if (v < 1 || !ts[v]!.word || !LINK_VERBS.has(ts[v]!.text.toLowerCase())) return undefined;
  let j = v - 1;
  let leftmostRole = -1;
  while (j >= 0 && v - j <= 14) {
    const t = ts[j]!;
    if (/^[,.;:!?]$/u.test(t.text) || !describable(t)) break;
    if (isRoleWord(t)) leftmostRole = j;
    j--;
  }
  if (leftmostRole < 0) return undefined;
  const span = ts.slice(leftmostRole, v);
  const c = roleCase(span);
  // Only the instrumental reads as a post here (Мэром Детройта избран …); anything else is a subject.
  if (c !== "ablt") return undefined;
  const desc = parseDescriptor(span, c);
  return desc.role ? desc : undefined;
}

/**
 * «ГМИИ имени Пушкина», «президент Института Пушкина», «Ассоциации имени Людвига ван Бетховена»:
 * a name right after «имени» or a capitalised organisation head is part of the institution's name.
 */
function insideInstitutionName(ts: Tok[], b: NameBlock): boolean {
  const prev = ts[b.from - 1];
  if (!prev?.word) return false;
  if (/^(имени|им)$/u.test(prev.text)) return true;
  // Only a bare surname: «члена Совета Федерации Сергея Лисовского» is a person after the body.
  return b.words.length === 1 && /^[А-ЯЁ][а-яё]+$/u.test(prev.text) && isOrgHeadWord(prev.text) && parse(prev.text).some((p) => p.tag.POS === "NOUN" && p.tag.CAse === "gent");
}

/**
 * Workplaces after «работал(а) в» later in the clause whose subject is the name: the name opens the
 * sentence (or follows a comma) and is directly followed by a verb; the work verb comes after a
 * comma or «и», with no other name in between. Works verbs right after the name are verbDescriptor's.
 */
function laterWorkplaces(ts: Tok[], block: NameBlock, blocks: NameBlock[]): InstitutionMention[] {
  const before = ts[block.from - 1];
  if (before && !/^[,.;:!?—–-]$/u.test(before.text)) return [];
  const next = ts[block.to];
  if (!next?.word || !isFiniteVerb(next) || WORKS_VERBS.has(next.text.toLowerCase())) return [];
  for (let k = block.to + 1; k < ts.length - 2 && k - block.to < 30; k++) {
    const t = ts[k]!;
    if (/^[.;:!?]$/u.test(t.text)) return [];
    if (blocks.some((b) => b.from === k)) return [];
    if (/^(который|которая|которые|что|чтобы|когда|где)$/u.test(t.text)) return [];
    if (!WORKS_VERBS.has(t.text.toLowerCase()) || !/^(,|и)$/u.test(ts[k - 1]!.text)) continue;
    if (!/^(в|во)$/u.test(ts[k + 1]!.text)) return [];
    let end = k + 2;
    while (end < ts.length && end - k < 14 && !/^[,.;:!?]$/u.test(ts[end]!.text) && describable(ts[end]!)) end++;
    const span = ts.slice(k + 2, end);
    const and = conjoinedInstitution(span, 0);
    const first = parseInstitution(and >= 0 ? span.slice(0, and) : span);
    const second = and >= 0 ? parseInstitution(span.slice(and + 1)) : undefined;
    return [first, second].filter((x): x is InstitutionMention => !!x);
  }
  return [];
}

/**
 * The people named in a list from token k on («А, Б (…) и В»), each given the institution;
 * a bracketed aside after a name is skipped.
 */
function namesInList(ts: Tok[], blocks: NameBlock[], k: number, c: Case | undefined, gender: Gender | undefined, institution: InstitutionMention): Affiliation[] {
  const out: Affiliation[] = [];
  for (;;) {
    const b = blocks.find((x) => x.from === k);
    if (!b) break;
    const person = normaliseName(b.words, c, gender);
    if (person) out.push({ person, institution, start: ts[b.from]!.start, end: ts[b.to - 1]!.end });
    k = b.to;
    if (ts[k]?.text === "(") {
      while (k < ts.length && ts[k]!.text !== ")") k++;
      k++;
    }
    if (ts[k]?.text === "," || ts[k]?.text === "и") k++;
    else break;
    if (ts[k]?.text === "и") k++;
  }
  return out;
}

/**
 * «с музыкантами группы СВ — Вадимом Голутвиным, Евгением Казанцевым и Юрием Китаевым»: a plural
 * post with an institution, then a dash or colon and a list of names, gives each name that workplace.
 */
function listAffiliations(ts: Tok[], blocks: NameBlock[], gender?: Gender): Affiliation[] {
  const out: Affiliation[] = [];
  for (let p = 1; p < ts.length - 1; p++) {
    if (!/^[—–:]$/u.test(ts[p]!.text)) continue;
    // «В составе «Второго приближения» — лидер Андрей Разин (…), Татьяна Комова (…) и …».
    let first = p + 1;
    if (ts[first] && isRoleWord(ts[first]!) && blocks.some((b) => b.from === first + 1)) first++;
    if (!blocks.some((b) => b.from === first)) continue;
    const sostav = ts.findIndex((t, i) => i < p && p - i <= 10 && /^составе$/u.test(t.text) && /^(в|во)$/iu.test(ts[i - 1]?.text ?? ""));
    if (sostav > 0 && !ts.slice(sostav + 1, p).some((t) => /^[,.;:!?]$/u.test(t.text))) {
      const inst = parseInstitution(ts.slice(sostav + 1, p));
      if (inst) {
        out.push(...namesInList(ts, blocks, first, undefined, gender, inst));
        continue;
      }
    }
    if (first !== p + 1) continue;
    let r = p - 1;
    let role: Tok | undefined;
    while (r >= 0 && p - r <= 7 && (ts[r]!.word || /^[«»"„“]$/u.test(ts[r]!.text))) {
      const t = ts[r]!;
      if (/^[а-яё-]+$/u.test(t.text) && parse(t.text).some((x) => x.tag.POS === "NOUN" && x.tag.NMbr === "plur" && ROLE_HEADS.has(normalForm(x, t.text)))) {
        role = t;
        break;
      }
      r--;
    }
    if (!role || r + 1 >= p) continue;
    const inst = parseInstitution(ts.slice(r + 1, p));
    if (!inst) continue;
    const c = (["ablt", "gent", "datv", "accs", "loct"] as const).find((k) => parse(role!.text).some((x) => x.tag.POS === "NOUN" && x.tag.NMbr === "plur" && x.tag.CAse === k));
    out.push(...namesInList(ts, blocks, p + 1, c === "accs" ? undefined : c, gender, inst));
  }
  return out;
}

/** «соратник Цзян Цзэминя»: the name completes a noun; «по словам Х», «13 ноября Х», «в 2002 году Х» do not count. */
function nameIsComplement(ts: Tok[], block: NameBlock): boolean {
  if (!governedByNoun(ts, block)) return false;
  const before = ts[block.from - 2]?.text ?? "";
  if (/^по$/iu.test(before) || /^[0-9]/u.test(before)) return false;
  return !/^(год|году|года|январ|феврал|март|апрел|ма[яе]|июн|июл|август|сентябр|октябр|ноябр|декабр|день|дня|вечером|утром)/u.test(ts[block.from - 1]!.text);
}

export function findAffiliations(input: string, gender?: Gender): Affiliation[] {
  // Wiki markup quotes a name with two apostrophes (''Depeche Mode''); read them as quotation
  // marks. Same length, so offsets stay those of the input.
  const text = input.replace(/''/g, '""');
  const out: Affiliation[] = [];
  const roleMentions: RoleMention[] = [];
  for (const s of sentences(text)) {
    const ts = tokens(text.slice(s.start, s.end), s.start);
    const blocks = nameBlocks(ts).filter((b) => !insideInstitutionName(ts, b));
    for (const block of blocks) {
      let left = leftDescriptor(ts, block, blocks);
      // «Президент России, Владимир Путин, …»: a descriptor set off by commas on both sides.
      if (!left && ts[block.from - 1]?.text === "," && /^[,(]$/u.test(ts[block.to]?.text ?? "")) {
        const shifted = ts.slice(0, block.from - 1).concat(ts.slice(block.from));
        const b2 = { ...block, from: block.from - 1, to: block.to - 1 };
        const l2 = leftDescriptor(shifted, b2, []);
        if (l2 && l2.desc.institution) left = l2;
      }
      // «соратник Цзян Цзэминя, премьер …»: a name governed by a noun is not what the apposition describes.
      const right = left ? undefined : ((nameIsComplement(ts, block) ? undefined : rightDescriptor(ts, block)) ?? verbDescriptor(ts, block) ?? preVerbDescriptor(ts, block));
      let desc = left?.desc ?? right;
      // «художественному руководителю Театра сатиры, полному кавалеру ордена … Александру Ширвиндту»:
      // an earlier post in the same case, set off by a comma, describes the same person.
      if (left && left.c && ts[left.from - 1]?.text === ",") {
        const prev = leftDescriptor(ts, { from: left.from - 1, to: left.from - 1, words: [] }, blocks);
        if (prev?.desc.institution && prev.c === left.c) desc = { ...desc!, more: [...(desc!.more ?? []), prev.desc] };
      }
      // «тренер Жолт Хорняк возглавил «Бананц»»: the post stands before the name, the workplace after it.
      if (left && left.desc.role && !left.desc.institution) {
        const v = verbDescriptor(ts, block);
        if (v?.institution && !v.role) desc = { ...left.desc, institution: v.institution };
      }
      // «Правительство России во главе с Дмитрием Медведевым»: the body led stands before «во главе с».
      let leadCase: Case | undefined;
      if (ts[block.from - 1]?.text === "с" && ts[block.from - 2]?.text === "главе" && /^во$/iu.test(ts[block.from - 3]?.text ?? "")) {
        leadCase = "ablt";
        let k = block.from - 3;
        while (k > 0 && block.from - 3 - k < 8 && ts[k - 1]!.word && !isFiniteVerb(ts[k - 1]!) && !/^(и|а|но|с|со|под|в|во|на|из|к|от|по|за)$/iu.test(ts[k - 1]!.text)) k--;
        // «приехал в Минск во главе с …»: a place after a preposition is where, not what is led.
        const governed = k > 0 && /^(с|со|под|в|во|на|из|к|от|по|за)$/iu.test(ts[k - 1]!.text);
        const inst = !desc?.institution && !governed && k < block.from - 3 ? parseInstitution(ts.slice(k, block.from - 3)) : undefined;
        if (inst) desc = { role: "глава", institution: inst };
      }
      // «Игорь Журавлёв из группы «Альянс»»: membership with no post named.
      if (!desc && ts[block.to]?.text === "из" && ts[block.to + 1]?.word && /^[а-яё]+$/u.test(ts[block.to + 1]!.text) && isOrgHeadWord(ts[block.to + 1]!.text) && /^[«"A-ZА-ЯЁ]/u.test(ts[block.to + 2]?.text ?? "")) {
        let end = block.to + 1;
        while (end < ts.length && end - block.to < 12 && !/^[,.;:!?]$/u.test(ts[end]!.text) && describable(ts[end]!)) end++;
        const inst = parseInstitution(ts.slice(block.to + 1, end));
        if (inst) desc = { institution: inst };
      }
      // «Мейв Кеннеди родилась …, окончила …, работала в Госдепартаменте и Министерстве …»: a later
      // «работал в …» of the same subject names workplaces.
      const worked = laterWorkplaces(ts, block, blocks);
      if (worked.length > 0) {
        const person = normaliseName(block.words, undefined, gender);
        if (person) for (const inst of worked) out.push({ person, institution: inst, start: ts[block.from]!.start, end: ts[block.to - 1]!.end });
      }
      if (!desc || (!desc.role && !desc.institution)) continue;
      // «В Белоруссии … сына президента страны Александра Лукашенко»: «страны» is the one country
      // the sentence names.
      if (desc.role && !desc.institution && /\sстраны$/u.test(desc.role)) {
        const places = ts.filter((t, i) => t.word && /^[А-ЯЁ][а-яё-]+$/u.test(t.text) && !blocks.some((b) => i >= b.from && i < b.to) && parse(t.text).some((p) => p.tag.Geox && (p as unknown as { parser?: string }).parser === "Dictionary" && p.tag.POS === "NOUN"));
        const names = new Set(places.map((t) => nominativePhrase([t.text])));
        if (names.size === 1) {
          const inst = parseInstitution([places[0]!]);
          if (inst) desc = { ...desc, role: desc.role.replace(/\sстраны$/u, ""), institution: inst };
        }
      }
      // «аналитик Джон Смит из Brookings Institution»: the workplace follows the name.
      if (desc.role && !desc.institution && ts[block.to]?.text === "из" && ts[block.to + 1] && (/^[«"A-ZА-ЯЁ]/u.test(ts[block.to + 1]!.text) || isOrgHeadWord(ts[block.to + 1]!.text))) {
        let end = block.to + 1;
        while (end < ts.length && end - block.to < 12 && !/^[,.;:!?]$/u.test(ts[end]!.text) && describable(ts[end]!)) end++;
        const inst = parseInstitution(ts.slice(block.to + 1, end));
        if (inst) desc = { ...desc, institution: inst };
      }
      const c: Case | undefined = leadCase ?? left?.c;
      const person = normaliseName(block.words, c, gender);
      if (!person) continue;
      out.push({ person, ...(desc.role ? { role: desc.role } : {}), ...(desc.institution ? { institution: desc.institution } : {}), start: ts[block.from]!.start, end: ts[block.to - 1]!.end });
      for (const inst of desc.also ?? []) out.push({ person, ...(desc.role ? { role: desc.role } : {}), institution: inst, start: ts[block.from]!.start, end: ts[block.to - 1]!.end });
      for (const d of desc.more ?? []) {
        for (const inst of [d.institution, ...(d.also ?? [])]) if (inst) out.push({ person, ...(d.role ? { role: d.role } : {}), institution: inst, start: ts[block.from]!.start, end: ts[block.to - 1]!.end });
      }
    }
    out.push(...listAffiliations(ts, blocks, gender));
    roleMentions.push(...unnamedRoleMentions(ts, blocks));
  }
  return [...out, ...resolveRoleMentions(out, roleMentions)];
}

interface RoleMention {
  role: string;
  institution: InstitutionMention;
  start: number;
}

/** «президент США заявил»: a role with an institution and no name after it. */
function unnamedRoleMentions(ts: Tok[], blocks: NameBlock[]): RoleMention[] {
  const out: RoleMention[] = [];
  for (let r = 0; r < ts.length; r++) {
    if (!isRoleWord(ts[r]!) || (r > 0 && isRoleWord(ts[r - 1]!))) continue;
    let end = r;
    while (end < ts.length && end - r < 10 && !/^[,.;:!?]$/u.test(ts[end]!.text) && describable(ts[end]!) && !blocks.some((b) => b.from === end)) end++;
    // A name right after the descriptor makes it an ordinary apposition, handled above.
    if (blocks.some((b) => b.from === end)) continue;
    const desc = parseDescriptor(ts.slice(r, end));
    if (desc.role && desc.institution) out.push({ role: desc.role, institution: desc.institution, start: ts[r]!.start });
  }
  return out;
}

export function roleHeadLemma(role: string): string {
  for (const w of role.toLowerCase().split(/\s+/)) {
    const noun = parse(w).find((p) => p.tag.POS === "NOUN" && ROLE_HEADS.has(normalForm(p, w)));
    if (noun) return normalForm(noun, w);
  }
  return role.toLowerCase().split(/\s+/)[0] ?? "";
}

/**
 * A later «президент США» refers to the only person the document introduced as «президент»
 * (coreference by role); with two such people it refers to nobody.
 */
function resolveRoleMentions(found: Affiliation[], mentions: RoleMention[]): Affiliation[] {
  const out: Affiliation[] = [];
  for (const m of mentions) {
    const head = roleHeadLemma(m.role);
    const people = new Map<string, Affiliation>();
    for (const a of found) if (a.role && roleHeadLemma(a.role) === head && !a.institution) people.set(a.person.surname.toLowerCase(), a);
    const others = found.filter((a) => a.role && roleHeadLemma(a.role) === head && a.institution);
    if (people.size !== 1 || others.length > 0) continue;
    const a = [...people.values()][0]!;
    out.push({ person: a.person, role: a.role!, institution: m.institution, start: a.start, end: a.end });
  }
  return out;
}

