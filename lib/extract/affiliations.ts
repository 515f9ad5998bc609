import { parse, normalForm } from "./morph";
import { ROLE_HEADS, type Gender } from "./lexicon";
import { normaliseName, type Case, type PersonName } from "./names";
import { tokens, sentences, type Tok } from "./tokens";
import {
  conjoinedInstitution,
  describable,
  governedByNoun,
  isFiniteVerb,
  isOrgHeadWord,
  isRoleWord,
  leftDescriptor,
  nominativePhrase,
  parseDescriptor,
  parseInstitution,
  rightDescriptor,
  roleCase,
  skipAdjectives,
  type Description,
  type InstitutionMention,
} from "./describe";
import { nameBlocks, type NameBlock } from "./name-blocks";

/**
 * Person–role–institution triples from running text (used for the registry and the evaluation):
 * the descriptors of describe.ts joined to the names they describe, through appositions, linking
 * verbs («Х возглавил компанию …»), lists of names under one post, and roles named without a name.
 */

export interface Affiliation {
  person: PersonName;
  role?: string;
  institution?: InstitutionMention;
  /** Character offsets of the name in the analysed text. */
  start: number;
  end: number;
}

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

