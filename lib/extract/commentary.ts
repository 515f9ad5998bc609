import type { Quote, Speaker } from "@/lib/validations/document";
import { parse, normalForm } from "./morph";
import { EAST_ASIAN_FAMILY, ORG_HEADS, reportingVerb, ROLE_HEADS, TITLE_HEADS, type Gender } from "./lexicon";
import { nameKey, nameKind, nominativePart, normaliseName, type PersonName } from "./names";
import { findAffiliations, isAbbr, isRoleWord, nameBlocks, nameCases, nominativePhrase, parseInstitution, type InstitutionMention } from "./describe";
import { findColonSpans, findDialogueSpans, findQuoteSpans, type QuoteSpan } from "./quotes";
import { findStatements, maskedTokens, quoteRanges, type Attribution, type QTok, type Statement } from "./statements";
import { sentences, tokens } from "./tokens";

/**
 * Document-level attribution: quotes, the people who said them, and coreference inside the
 * document. A person introduced once («директор ИМЭП Ержан Салтыбаев») is found again by surname
 * («заключил Салтыбаев»), by role and institution («подчеркнул директор ИМЭП») or by pronoun;
 * anything ambiguous stays unattributed, because a wrong speaker is worse than a missing one.
 */

export interface InstitutionDetail {
  name: string;
  aliases: string[];
  parent?: string;
}

export interface ExtractedSpeaker extends Speaker {
  /** Forms of the name seen in the text (inflected, surname alone). */
  aliases: string[];
  gender?: Gender;
}

export interface CommentaryExtraction {
  quotes: Quote[];
  speakers: ExtractedSpeaker[];
  institutions: string[];
  institutionDetails: InstitutionDetail[];
  mentionedOrganizations: string[];
  /** Per quote (same order): how its speaker was identified, or null when it has none. */
  attributedBy: (ResolvedBy | "continued" | null)[];
}

interface PersonRec {
  name: string;
  first?: string;
  surname: string;
  gender?: Gender;
  role?: string;
  institution?: string;
  forms: Set<string>;
  said: number;
  known: boolean;
  /** Has been the speaker of a statement or a quote. */
  spoke?: boolean;
  /** A body or a medium («РБК», «пресс-служба МВД»), not a person. */
  org?: boolean;
  /** A news medium: credited with what it reports, never with a direct quote. */
  medium?: boolean;
}

function key(s: string): string {
  return nameKey(s);
}

/** Role nouns that fit a person whatever their post: a senator is a «политик», a singer a «музыкант». */
const GENERIC_ROLES = new Set(["политик", "чиновник", "музыкант", "артист", "артистка", "спортсмен", "спортсменка", "бизнесмен", "предприниматель", "ученый", "учёный", "исполнитель", "исполнительница", "дипломат", "собеседник", "собеседница", "знаменитость", "звезда", "деятель", "общественник"]);

/** «политик» → masc, «актриса» → femn, when the role noun says. */
function roleGender(role: string): Gender | undefined {
  const w = role.toLowerCase().split(/\s+/).find((x) => parse(x).some((p) => p.tag.POS === "NOUN"));
  const g = w ? parse(w).find((p) => p.tag.POS === "NOUN")?.tag.GNdr : undefined;
  return g === "femn" ? "femn" : undefined;
}

function roleHead(role: string): string {
  const words = role.toLowerCase().split(/\s+/);
  for (const w of words) {
    const noun = parse(w).find((p) => p.tag.POS === "NOUN");
    if (noun) return normalForm(noun, w).replace(/ё/g, "е");
  }
  return words[0] ?? "";
}

class Institutions {
  readonly byName = new Map<string, InstitutionDetail>();

  add(m: InstitutionMention | InstitutionDetail): InstitutionDetail {
    const existing = this.find(m.name) ?? m.aliases.map((a) => this.find(a)).find(Boolean);
    // A bare abbreviation that names a known institution («директор ИМЭП») is that institution.
    if (existing) {
      for (const a of m.aliases) if (!existing.aliases.includes(a) && key(a) !== key(existing.name)) existing.aliases.push(a);
      if (!existing.parent && m.parent) existing.parent = m.parent;
      return existing;
    }
    const d: InstitutionDetail = { name: m.name, aliases: [...m.aliases], ...(m.parent ? { parent: m.parent } : {}) };
    this.byName.set(key(d.name), d);
    if (d.parent && !this.find(d.parent)) this.byName.set(key(d.parent), { name: d.parent, aliases: [] });
    return d;
  }

  find(name: string): InstitutionDetail | undefined {
    const k = key(name);
    const direct = this.byName.get(k);
    if (direct) return direct;
    for (const d of this.byName.values()) if (d.aliases.some((a) => key(a) === k)) return d;
    return undefined;
  }
}

export type ResolvedBy = "name" | "surname" | "role" | "pronoun";

class People {
  readonly list: PersonRec[] = [];
  last?: { rec: PersonRec; paragraph: number };
  /** How the most recent successful resolve() found its person. */
  lastHow?: ResolvedBy;
  /**
   * People mentioned outside quotes, in text order, for pronouns: a named person, or a role noun
   * standing as a subject («Президент и сам …») that names nobody known (rec undefined) and so
   * blocks a pronoun from reaching further back.
   */
  readonly mentions: Mention[] = [];

  constructor(
    private readonly institutions: Institutions,
    private readonly closed: boolean,
  ) {}

  /** Sentences whose person mentions are read only when a pronoun needs them (most texts have few pronouns). */
  readonly pending: { ts: QTok[]; paragraph: number; sentence: number }[] = [];
  create = true;

  antecedent(paragraph: number, pos: number, gender: Gender | undefined, fits?: (r: PersonRec) => boolean): PersonRec | undefined {
    for (const x of this.pending.splice(0)) recordMentions(x.ts, x.paragraph, x.sentence, this, this.create);
    return antecedentOf(this.mentions, paragraph, pos, gender, fits);
  }

  seed(s: Speaker): void {
    const parts = s.name.trim().split(/\s+/);
    this.list.push({
      name: s.name,
      ...(parts.length > 1 ? { first: parts[0] } : {}),
      surname: parts[parts.length - 1]!,
      ...(s.role ? { role: s.role } : {}),
      ...(s.institution ? { institution: s.institution } : {}),
      forms: new Set(),
      said: 0,
      known: true,
    });
  }

  private institutionName(m: InstitutionMention | undefined): string | undefined {
    return m ? this.institutions.add(m).name : undefined;
  }

  private enrich(rec: PersonRec, a: Attribution): void {
    if (!rec.role && a.role) rec.role = a.role;
    if (!rec.institution && a.institution) rec.institution = this.institutionName(a.institution);
    else if (a.institution) this.institutions.add(a.institution);
    if (!rec.gender && a.gender) rec.gender = a.gender;
    if (a.person && a.person.surface !== rec.name) rec.forms.add(a.person.surface);
  }

  /** The person an attribution names, creating them when allowed; undefined when unsure. */
  resolve(a: Attribution, paragraph: number, create: boolean, at?: number): PersonRec | undefined {
    const genderOk = (r: PersonRec) => !a.gender || !r.gender || r.gender === a.gender;
    if (a.organisation) {
      // A body or a medium: credited as the text names it, never a person, never a pronoun's antecedent.
      if (this.closed) return undefined;
      const k = key(a.organisation);
      let rec = this.list.find((r) => r.org && key(r.name) === k);
      if (!rec) {
        rec = { name: a.organisation, surname: a.organisation, forms: new Set(), said: 0, known: false, org: true, ...(a.medium ? { medium: true } : {}) };
        this.list.push(rec);
      }
      this.lastHow = "name";
      return rec;
    }
    if (a.person) {
      const p = a.person;
      const sameSurname = this.list.filter((r) => key(r.surname) === key(p.surname) && genderOk(r));
      let hit: PersonRec | undefined;
      if (p.first) {
        let exact = sameSurname.filter((r) => r.first && key(r.first) === key(p.first!));
        // «Дин» / «Дина», «Мамуки» / «Мамука»: the same first name in another case.
        if (exact.length === 0) exact = sameSurname.filter((r) => r.first && firstKey(r.first) === firstKey(p.first!));
        const bare = sameSurname.filter((r) => !r.first);
        hit = exact[0] ?? (bare.length === 1 ? bare[0] : undefined);
        if (hit && !hit.first) {
          hit.first = p.first;
          hit.name = p.name;
        }
      } else if (sameSurname.length === 1) hit = sameSurname[0];
      else if (sameSurname.length > 1) {
        // «Гарри Каспаров» mentioned in passing and «Гари Каспаров» quoted: a bare surname goes to
        // the one who has spoken, when only one has.
        const spoke = sameSurname.filter((r) => r.spoke);
        if (spoke.length !== 1) return undefined;
        hit = spoke[0];
      }
      if (!hit) {
        if (this.closed || !create) return undefined;
        hit = { name: p.name, ...(p.first ? { first: p.first } : {}), surname: p.surname, forms: new Set(), said: 0, known: false, ...(p.gender ? { gender: p.gender } : {}) };
        this.list.push(hit);
      }
      this.enrich(hit, a);
      this.lastHow = p.first ? "name" : "surname";
      return hit;
    }
    if (a.pronoun) {
      const rec = at ? this.antecedent(paragraph, at, a.pronoun) : undefined;
      if (rec) this.lastHow = "pronoun";
      return rec;
    }
    if (a.role) {
      const head = roleHead(a.role);
      let cands = this.list.filter((r) => r.role && roleHead(r.role) === head && genderOk(r));
      if (a.institution) {
        const inst = this.institutions.find(a.institution.name) ?? (a.institution.aliases.length ? this.institutions.find(a.institution.aliases[0]!) : undefined);
        cands = inst ? cands.filter((r) => r.institution && key(r.institution) === key(inst.name)) : [];
      }
      if (cands.length === 1) {
        this.lastHow = "role";
        return cands[0];
      }
      // «Политик заявил, что …», «Президент и сам …»: a bare role nobody is known to hold stands
      // for the nearest person whose own post, if known, is that role.
      if (cands.length === 0 && !a.institution && at !== undefined) {
        const g = a.gender ?? roleGender(a.role);
        const rec = this.antecedent(paragraph, at, g, (r) => !r.role || GENERIC_ROLES.has(head) || roleHead(r.role) === head || roleHead(r.role).startsWith(head) || head.startsWith(roleHead(r.role)));
        if (rec) {
          this.lastHow = "role";
          return rec;
        }
      }
      return undefined;
    }
    return undefined;
  }
}

interface Mention {
  rec?: PersonRec;
  paragraph: number;
  /** Offset in the paragraph. */
  pos: number;
  gender?: Gender;
  /** Running number of the sentence it is in. */
  sentence: number;
  /** The speaker of a statement (or of a quote) in that sentence. */
  speaker?: boolean;
}

/** The person a pronoun at (paragraph, pos) stands for: the nearest earlier compatible mention, this paragraph or the one before. */
function antecedentOf(mentions: readonly Mention[], paragraph: number, pos: number, gender: Gender | undefined, fits?: (r: PersonRec) => boolean): PersonRec | undefined {
  const before = mentions
    .filter((m) => (m.paragraph === paragraph && m.pos < pos) || m.paragraph === paragraph - 1)
    .filter((m) => {
      const g = m.rec?.gender ?? m.gender;
      if (fits && (!m.rec || !fits(m.rec))) return false;
      return !g || !gender || g === gender;
    })
    .sort((a, b) => b.paragraph - a.paragraph || b.pos - a.pos);
  const nearest = before[0];
  if (!nearest) return undefined;
  // In the nearest sentence that mentions someone, «он» is its speaker, else its first person:
  // «Лесин опроверг, что Венедиктов предлагал …» — он is Лесин.
  const same = before.filter((m) => m.sentence === nearest.sentence);
  const speaker = same.find((m) => m.speaker);
  if (speaker) return speaker.rec;
  return same[same.length - 1]!.rec;
}

/** Abbreviation definitions anywhere in the text: «Евразийского экономического союза (ЕАЭС)». */
function abbreviationDefinitions(paragraph: string): InstitutionMention[] {
  const out: InstitutionMention[] = [];
  const ts = tokens(paragraph);
  for (let i = 2; i + 1 < ts.length; i++) {
    if (ts[i]!.text !== "(" || !isAbbr(ts[i + 1]?.text ?? "") || ts[i + 2]?.text !== ")") continue;
    let h = -1;
    for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
      const t = ts[j]!;
      if (!t.word && t.text !== "–") break;
      if (/^[А-ЯЁ]/u.test(t.text) && parse(t.text.toLowerCase()).some((p) => ORG_HEADS.has(normalForm(p, t.text)))) h = j;
    }
    if (h < 0) continue;
    let s = h;
    while (s > 0 && /^[А-ЯЁ]/u.test(ts[s - 1]!.text) && parse(ts[s - 1]!.text).some((p) => p.tag.POS === "ADJF")) s--;
    const m = parseInstitution(ts.slice(s, i + 3));
    if (m) out.push(m);
  }
  return out;
}

/** Short capitalised «…» names with an organisation head inside or before them: «Астана клуб». */
function organisationMentions(paragraph: string): string[] {
  const out: string[] = [];
  for (const m of paragraph.matchAll(/(?:([а-яё]+)\s+)?[«"„]([^«»"„“]{2,60})[»"“]/gu)) {
    const inner = m[2]!.trim();
    const words = inner.split(/\s+/);
    if (words.length > 4 || !/^[А-ЯЁA-Z]/u.test(inner)) continue;
    const before = m[1] ? parse(m[1]).some((p) => ORG_HEADS.has(normalForm(p, m[1]!))) : false;
    const headInside = words.some((w) => /^[а-яё]+$/u.test(w) && parse(w).some((p) => ORG_HEADS.has(normalForm(p, w))));
    if (!before && !headInside) continue;
    out.push(headInside ? nominativePhrase(words) : inner);
  }
  // «в формате Астана клуба»: a proper name followed by an organisation head, without quotes.
  for (const m of paragraph.matchAll(/(?<![«"„])\b([А-ЯЁ][а-яё]+)\s+(клуб[а-я]*|форум[а-я]*)\b/gu)) {
    const first = m[1]!;
    if (parse(first).some((p) => p.tag.POS === "ADJF")) continue;
    out.push(nominativePhrase([first, m[2]!]));
  }
  return out;
}

/** «…», – добавил эксперт: a reporting verb right after the quote. */
function verbAfter(paragraphs: readonly string[], q: QuoteSpan): boolean {
  const m = /^\s*[,.!?…]?\s*[–—-]\s*([а-яё]+)/u.exec(paragraphs[q.endPara]!.slice(q.end));
  return Boolean(m && reportingVerb(m[1]!));
}

/** A short quote still counts when a reporting verb follows it («…», – сказал Х) or a colon precedes it. */
function attributedNextTo(paragraphs: readonly string[], q: QuoteSpan): boolean {
  const after = paragraphs[q.endPara]!.slice(q.end);
  const m = /^\s*[,.!?…]?\s*[–—-]\s*([а-яё]+)/u.exec(after);
  if (m && reportingVerb(m[1]!)) return true;
  const before = paragraphs[q.startPara]!.slice(0, q.start);
  return /:\s*$/u.test(before);
}

function quoteRangesIn(spans: QuoteSpan[], para: number, length: number): { start: number; end: number; id: number }[] {
  const out: { start: number; end: number; id: number }[] = [];
  for (const q of spans) {
    if (para < q.startPara || para > q.endPara) continue;
    out.push({ start: para === q.startPara ? q.start : 0, end: para === q.endPara ? q.end : length, id: q.id });
  }
  return out;
}


/** A «…» right after «закон», «орден», «фильм» …, a law title «О …» or an award «За …»: a name, not a statement. */
function isTitle(paragraphs: readonly string[], q: QuoteSpan): boolean {
  if (q.dialogue || q.interruptions.length > 0) return false;
  const before = paragraphs[q.startPara]!.slice(Math.max(0, q.start - 40), q.start);
  const m = /([А-Яа-яЁё-]+)\s*$/u.exec(before);
  if (m) {
    const w = m[1]!.toLowerCase();
    if (TITLE_HEADS.has(w) || parse(w).some((p) => p.tag.POS === "NOUN" && TITLE_HEADS.has(normalForm(p, w).replace(/ё/g, "е")))) return true;
  }
  const t = q.text.trim();
  const words = t.split(/\s+/);
  const inner = t.replace(/[.…]+$/u, "");
  const law = /^(О|Об|Обо)$/u.test(words[0] ?? "") && !/[.!?…]/u.test(inner) && words.length <= 30;
  const award = /^за$/iu.test(words[0] ?? "") && words.length <= 25 && !/[.!?…]/u.test(inner);
  if (!law && !award) return false;
  // «О внесении дополнений и изменений в некоторые законы» is a law's title, «За заслуги перед
  // Отечеством» an award; «О чём вы говорите» is a question.
  return !words.some((w) => {
    const bare = w.toLowerCase().replace(/[^а-яё-]/gu, "");
    return bare.length > 0 && parse(bare)[0]?.tag.POS === "VERB";
  });
}

const SPEECH_PRONOUN = /(?<![а-яё])(я|мы|ты|вы|мне|меня|мной|нам|нас|нами|вам|вас|вами|тебе|тебя|мой|моя|моё|мое|мои|моих|наш|наша|наше|наши|наших|ваш|ваша|ваше|ваши)(?![а-яё])/iu;

/** Words that read as something said: a finite verb, a first- or second-person pronoun, or more than one sentence. */
function speechLike(q: QuoteSpan): boolean {
  if (q.dialogue || q.interruptions.length > 0) return true;
  const t = q.text;
  if (SPEECH_PRONOUN.test(t) || /[а-яёa-z]{2}[.!?…]\s+[А-ЯЁA-Z«"„]/u.test(t)) return true;
  for (const w of t.toLowerCase().match(/[а-яё]+(?:-[а-яё]+)*/gu) ?? []) {
    // Only words with a verb's ending are looked up: most of a title is nouns and adjectives.
    if (w.length < 3 || !/(ть|ти|л|ла|ли|ло|ет|ёт|ут|ют|ит|ат|ят|ем|ём|им|ешь|ишь|ете|ите|ся|сь|й|йте|но|жно|льзя)$/u.test(w)) continue;
    const top = parse(w)[0];
    if (top && (top.tag.POS === "VERB" || top.tag.POS === "PRED") && top.score >= 0.3) return true;
  }
  return false;
}

const PLACE_NOUN = /^(улиц[аеыу]|улицей|проспект[аеу]?|площад[ьи]|переул[оке]к?[аеу]?|бульвар[аеу]?|набережн[аяой]+|район[аеу]?|имени|станци[яиюей]|остров[аеу]?|мост[аеу]?|аэропорт[аеу]?|памятник[аеу]?|музе[йяею])$/u;

const COORDINATOR = /^(однако|а|но|и|также|затем|потом)$/iu;

const PREPOSITION = /^(с|со|к|ко|у|о|об|обо|от|для|без|при|про|через|между|перед|над|под|за|по|из|в|во|на|после|против)$/u;

/** Person mentions of one sentence (outside quotes), for pronouns and full names. */
function recordMentions(ts: QTok[], paragraph: number, sentence: number, people: People, create: boolean): void {
  const blocks = nameBlocks(ts, 0);
  for (const b of blocks) {
    const n = normaliseName(b.words);
    if (!n) continue;
    const prev = ts[b.from - 1];
    // «встретился с Путиным», «отец Андерса Брейвика»: an oblique name is no antecedent of «он».
    if (prev?.word && PREPOSITION.test(prev.text.toLowerCase())) continue;
    const last = b.words[b.words.length - 1]!;
    if (!nameCases(last) && /[аяуюыеи]$/u.test(last) && n.gender !== "femn" && prev?.word && /^[а-яё]/u.test(prev.text) && parse(prev.text)[0]?.tag.POS === "NOUN") continue;
    // «на улице Лётчиков»: after a common noun, a word that can be its genitive names a thing.
    if (prev?.word && PLACE_NOUN.test(prev.text.toLowerCase())) continue;
    // «с Лавровым и Климкиным»: a surname in an oblique case.
    if (!nameCases(last) && /(?:ов|ев|ёв|ин|ын)(?:а|у|ым|е)$|(?:ск|цк)(?:ого|ому|им|ом)$|(?:ов|ев|ин)ой$/u.test(last)) continue;
    if (!b.words.every((w) => nameCases(w)?.has("nomn") ?? true)) continue;
    // A name's own gender guess is weaker than a verb's agreement: it is kept on the mention only.
    const { gender: _gender, ...bare } = n;
    // The form a known person was introduced with is that person («Дин Хоермаер», not «Дина»);
    // a passing mention never creates a namesake of someone already known.
    const surface = key(b.words.join(" "));
    const rec =
      people.list.find((r) => key(r.name) === surface || [...r.forms].some((f) => key(f) === surface)) ??
      people.resolve({ person: bare }, paragraph, create && !people.list.some((r) => key(r.surname) === key(n.surname)));
    people.mentions.push({ rec, paragraph, pos: ts[b.from]!.start, sentence, ...(n.gender ? { gender: n.gender } : {}) });
  }
  // «Президент и сам неоднократно …»: a role noun as the subject of a sentence stands for someone;
  // if nobody known holds that role, a pronoun after it cannot be resolved past it.
  const first = ts[0]?.word ? 0 : ts[1]?.word && /^[–—]$/u.test(ts[0]!.text) ? 1 : -1;
  const t = first >= 0 ? ts[first]! : undefined;
  if (t && /^[А-ЯЁ]/u.test(t.text) && isRoleWord(t) && !blocks.some((b) => b.from > first && b.from - first <= 5)) {
    const lower = t.text.toLowerCase();
    const noun = parse(lower).find((p) => p.tag.POS === "NOUN" && p.tag.CAse === "nomn" && p.tag.NMbr === "sing");
    if (noun && ROLE_HEADS.has(normalForm(noun, lower))) {
      people.lastHow = undefined;
      const rec = people.resolve({ role: normalForm(noun, lower) }, paragraph, false, t.start);
      people.mentions.push({ rec, paragraph, pos: t.start, sentence });
    }
  }
}

/** Index of the first comma after `from` outside brackets, or -1. */
function commaAfter(ts: QTok[], from: number): number {
  let depth = 0;
  for (let k = from; k < ts.length; k++) {
    const t = ts[k]!.text;
    if (t === "(") depth++;
    else if (t === ")") depth--;
    else if (t === "," && depth <= 0) return k;
  }
  return -1;
}

/**
 * The clause a statement without quotation marks reports, as offsets in the paragraph:
 * «По словам Х, …», «Как заявил Х, …», «Х заявил журналистам, что …», «…, – отметил Х».
 */
function reportedClause(ts: QTok[], st: Statement): { start: number; end: number } | undefined {
  const v = st.verbIndex;
  let from = -1;
  let to = ts.length - 1;
  const opener = (i: number) => i === 0 || (i === 1 && /^(а|но|и|однако|при|тем|[–—])$/iu.test(ts[0]!.text));
  if (st.kind === "po-slovam") {
    const po = ts[v - 1]?.text.toLowerCase() === "по" ? v - 1 : v - 2;
    if (opener(po)) {
      const c = commaAfter(ts, v + 1);
      if (c < 0) return undefined;
      from = c + 1;
    } else if (ts[po - 1]?.text === ",") {
      // «…, по словам Х.»: the attribution closes the sentence.
      if (commaAfter(ts, v + 1) >= 0) return undefined;
      from = 0;
      to = po - 2;
    } else return undefined;
  } else if (st.kind === "before") {
    for (let k = v + 1; k < Math.min(ts.length - 1, v + 12); k++) {
      const t = ts[k]!;
      if (t.quote !== undefined || /^[.;!?]$/u.test(t.text) || (t.word && k > v + 1 && reportingVerb(t.text))) break;
      if (t.text === "," && ts[k + 1]?.text.toLowerCase() === "что") {
        from = k + 2;
        break;
      }
      if (t.text === ":" && ts[k + 1] && ts[k + 1]!.quote === undefined) {
        from = k + 1;
        break;
      }
    }
    if (from < 0) return undefined;
    // «…, однако напомнил, что …»: the clause ends where a second statement of the same speaker begins.
    for (let k = from + 2; k < ts.length; k++) {
      if (ts[k]!.word && reportingVerb(ts[k]!.text) && COORDINATOR.test(ts[k - 1]!.text) && ts[k - 2]!.text === ",") {
        to = k - 3;
        break;
      }
    }
  } else if (st.kind === "after") {
    let prev = ts[v - 1];
    let asAt = v - 1;
    if (ts[v - 2]?.text.toLowerCase() === "как" && prev?.word && parse(prev.text).some((p) => p.tag.POS === "ADVB")) {
      prev = ts[v - 2];
      asAt = v - 2;
    }
    if (prev?.text.toLowerCase() === "как") {
      if (!opener(asAt)) return undefined;
      const c = commaAfter(ts, v + 1);
      if (c < 0) return undefined;
      from = c + 1;
    } else if (prev && /^[,–—-]$/u.test(prev.text)) {
      // The attribution closes the clause: «…, заявил председатель совета Игорь Рогов», not
      // «…, признал доктора Конрада Мюррея виновным».
      let e = v + 1;
      while (e < ts.length && !/^[,.;!?:]$/u.test(ts[e]!.text)) e++;
      let lastName = -1;
      for (let k = v + 1; k < e; k++) if (ts[k]!.word && (/^[А-ЯЁA-Z]/u.test(ts[k]!.text) || /^(он|она)$/u.test(ts[k]!.text) || isRoleWord(ts[k]!))) lastName = k;
      if (lastName < 0) return undefined;
      let after = lastName + 1;
      while (after < e && /^[»"“'’]$/u.test(ts[after]!.text)) after++;
      if (after < e && !/^(в|во|на|при|после|перед|по|с|со|для|за|во время|\()$/u.test(ts[after]!.text)) return undefined;
      let j = v - 1;
      while (j >= 0 && /^[,–—-]$/u.test(ts[j]!.text)) j--;
      from = ts[0] && /^[–—]$/u.test(ts[0].text) ? 1 : 0;
      to = j;
    } else return undefined;
  } else return undefined;
  while (to >= from && !ts[to]!.word && ts[to]!.quote === undefined && /^[.!?…;:,–—-]$/u.test(ts[to]!.text)) to--;
  while (from <= to && !ts[from]!.word && ts[from]!.quote === undefined && /^[,:–—-]$/u.test(ts[from]!.text)) from++;
  if (from > to) return undefined;
  const body = ts.slice(from, to + 1);
  // A quote inside is the statement itself, already stored as a direct quote.
  if (body.some((t) => t.quote !== undefined)) return undefined;
  if (body.filter((t) => t.word).length < 3) return undefined;
  // The clause is the speaker's words, not a question put to them or a half of another statement.
  if (body.some((t) => t.word && reportingVerb(t.text) && st.kind !== "before")) return undefined;
  return { start: ts[from]!.start, end: ts[to]!.end };
}

/** Names ending in a form of `surname` anywhere in the text: «Дмитрием Медведевым», «А. Кержаев». */
function namesInText(surname: string, paragraphs: readonly string[]): PersonName[] {
  if (!/^[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?$/u.test(surname)) return [];
  // «Кэтрин» alone is a first name standing for the person: «мать Майкла Джексона Кэтрин» names
  // someone else before it; only a word that can be nominative («Махатхир Мохамад») joins it.
  const loneFirst = nameKind(surname) === "first";
  const stem = surname.length > 5 ? surname.slice(0, -2) : surname.length > 3 ? surname.slice(0, -1) : surname;
  const re = new RegExp(`(?<![А-ЯЁа-яё])((?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\\s+){1,2}|[А-ЯЁ]\\.\\s*)(${stem}[а-яё]*)(?![А-ЯЁа-яё])`, "gu");
  const out: PersonName[] = [];
  for (const p of paragraphs) {
    for (const m of p.matchAll(re)) {
      const before = m[1]!.trim();
      // «А. Кержаев» says only which first names fit; it is no full name itself.
      if (/^[А-ЯЁ]\.$/u.test(before)) continue;
      const words = before.split(/\s+/);
      // «Дмитрий Анатольевич Медведев», «Дмитрия Медведева»; «Президент России Медведев» is no name.
      const first = words.length === 2 && nameKind(words[1]!) === "patronymic" ? words.slice(0) : words.slice(-1);
      if (!nameKind(first[0]!) || parse(first[0]!.toLowerCase()).some((x) => x.tag.POS === "ADJF" && x.score >= 0.3)) continue;
      // «песни Сталина Вертинский»: the words of one name share a case.
      const fc = nameCases(first[0]!);
      const sc = nameCases(m[2]!);
      if (fc && sc && ![...fc].some((c) => sc.has(c))) continue;
      if (loneFirst && fc && !fc.has("nomn")) continue;
      const n = normaliseName([...first, m[2]!]);
      if (n?.first) out.push(n);
    }
  }
  return out;
}

/** A first name as it stands in the nominative: az reads it so (or does not know it at all). */
function nominativeFirst(w: string): boolean {
  const rs = parse(w).filter((p) => p.tag.Name && (p as unknown as { parser?: string }).parser === "Dictionary");
  return rs.length === 0 || rs.some((p) => p.tag.CAse === "nomn" && p.tag.NMbr !== "plur");
}

/** A whole sentence without its final mark, when it is plain narrative (no quote, no statement of its own). */
function wholeSentence(ts: QTok[]): { start: number; end: number } | undefined {
  let from = 0;
  let to = ts.length - 1;
  while (to >= 0 && !ts[to]!.word && ts[to]!.quote === undefined && /^[.!?…;:,–—-]$/u.test(ts[to]!.text)) to--;
  while (from <= to && !ts[from]!.word && /^[–—-]$/u.test(ts[from]!.text)) from++;
  if (from > to || ts.slice(from, to + 1).filter((t) => t.word).length < 4) return undefined;
  return { start: ts[from]!.start, end: ts[to]!.end };
}

function firstKey(w: string): string {
  const bare = w.replace(/\.$/u, "");
  return bare.length <= 2 ? key(bare) : key(nominativePart(bare, "first"));
}

/**
 * The full nominative name the document gives each person: «Медведев», «Дмитрием Медведев» →
 * «Дмитрий Медведев»; «А. Кержаев» → «Алексей Кержаев»; «Цзиньпин» → «Си Цзиньпин». A surname
 * with two different first names in the text stays as it is.
 */
function canonicalNames(recs: PersonRec[], names: readonly PersonName[], paragraphs: readonly string[]): void {
  for (const r of recs) {
    if (r.known || !r.spoke || r.org) continue;
    // «Дана Борисова» as the text wrote it is already full and nominative.
    if (r.first && r.first.length > 1 && nominativeFirst(r.first)) continue;
    const sk = key(r.surname);
    const same = [...names, ...namesInText(r.surname, paragraphs)].filter((n) => n.first && key(n.surname) === sk);
    let cands = same;
    if (r.first) {
      const f = r.first.replace(/\.$/u, "");
      cands = f.length === 1 ? same.filter((n) => key(n.first!).startsWith(key(f))) : same.filter((n) => firstKey(n.first!) === firstKey(f));
    }
    if (r.gender) cands = cands.filter((n) => !n.gender || n.gender === r.gender);
    const firsts = new Set(cands.map((n) => firstKey(n.first!)));
    if (firsts.size === 1) {
      // As written where the text gives it in the nominative (ё kept), else the first name's
      // nominative before the speaker's own surname.
      const asWritten = cands.find((n) => n.surface === n.name && nominativeFirst(n.first!));
      const first = asWritten?.first ?? nominativePart(cands[0]!.first!, "first", undefined, r.gender ?? cands[0]!.gender);
      r.first = first;
      r.name = asWritten?.name ?? `${first} ${r.surname}`;
      continue;
    }
    if (firsts.size === 0 && !r.first && /^[А-ЯЁ][а-яё]+$/u.test(r.surname)) {
      // «Си Цзиньпин»: a family name written before the given name; «Махатхир Мохамад»: a
      // first name az does not know, written before the surname more than once.
      const seen = new Map<string, number>();
      const re = new RegExp(`(?<![А-ЯЁа-яё])([А-ЯЁ][а-яё]+)\\s+${r.surname.slice(0, Math.max(3, r.surname.length - 2))}`, "gu");
      for (const p of paragraphs) for (const m of p.matchAll(re)) seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1);
      const fits = [...seen].filter(([w, n]) => EAST_ASIAN_FAMILY.has(w) || (n >= 2 && !parse(w).some((p) => (p as unknown as { parser?: string }).parser === "Dictionary")));
      if (fits.length === 1 && seen.size === 1) {
        const fam = fits[0]![0];
        r.first = fam;
        r.name = `${fam} ${r.surname}`;
      }
    }
  }
}

/** Tokens between a quote and a statement verb are only punctuation and dashes. */
function adjacentAfter(ts: QTok[], quoteIdx: number, verbIdx: number): boolean {
  if (verbIdx <= quoteIdx) return false;
  let words = 0;
  let dash = false;
  for (let i = quoteIdx + 1; i < verbIdx; i++) {
    const t = ts[i]!;
    if (!t.word) {
      if (/^[–—-]$/u.test(t.text)) dash = true;
      else if (/^[.!?…;:]$/u.test(t.text) || t.quote !== undefined) return false;
      continue;
    }
    // «"…", – многозначительно тогда предупредила Линик», «– опершись на трибуну, заявил он»:
    // after the dash, words that only say how or when it was said may stand before the verb.
    if (!dash || !mannerWord(t.text)) return false;
    words++;
  }
  return words === 0 ? verbIdx - quoteIdx <= 4 : words <= 8;
}

/** Adverbs, gerunds, particles and the small words of a gerund's phrase: nothing in them can say who spoke. */
function mannerWord(word: string): boolean {
  if (/^[А-ЯЁA-Z]/u.test(word)) return false;
  const rs = parse(word.toLowerCase());
  if (rs.length === 0) return false;
  return rs.some((p) => /^(ADVB|GRND|PRCL|PREP|CONJ|PRED)$/u.test(String(p.tag.POS))) || (rs.every((p) => p.tag.POS === "NOUN" || p.tag.POS === "ADJF") && rs.every((p) => p.tag.CAse !== "nomn"));
}

export function extractFromParagraphs(paragraphs: readonly string[], known: readonly Speaker[] = []): CommentaryExtraction {
  const institutions = new Institutions();
  const closed = known.length > 0;
  const people = new People(institutions, closed);
  people.create = !closed;
  for (const s of known) {
    people.seed(s);
    if (s.institution) institutions.add({ name: s.institution, aliases: [], surface: s.institution });
  }
  const marked = findQuoteSpans(paragraphs);
  const dialogue = findDialogueSpans(paragraphs, marked.length, marked);
  const colonLines = findColonSpans(paragraphs, marked.length + dialogue.length, [...marked, ...dialogue], (pi) => {
    const p = paragraphs[pi]!;
    const ss = sentences(p);
    const last = ss[ss.length - 1];
    if (!last) return false;
    const ts = maskedTokens(p.slice(last.start, last.end), last.start, quoteRanges(p));
    return findStatements(ts).some((st) => st.kind !== "colon" && st.kind !== "po-slovam");
  });
  const spans = [...marked, ...dialogue, ...colonLines];
  // Short quoted names without attribution are titles and organisations, not quotes; so are
  // titles of laws, orders, films (закон «О …», орден «За заслуги …»), and a paragraph opened by a
  // stray mark that never closes.
  const isQuote = (q: QuoteSpan) => (q.closed || q.interruptions.length > 0) && !isTitle(paragraphs, q) && (q.words >= 4 || q.interruptions.length > 0 || attributedNextTo(paragraphs, q));
  const quoteSpans = spans.filter(isQuote);

  const mentioned: string[] = [];
  paragraphs.forEach((p) => {
    for (const m of abbreviationDefinitions(p)) institutions.add(m);
    mentioned.push(...organisationMentions(p));
  });

  /** Every person name the text gives outside quotes, for the full nominative name of a speaker. */
  const names: PersonName[] = [];
  // People introduced with a role anywhere outside quotes, so that later mentions can refer back.
  paragraphs.forEach((p, pi) => {
    const ranges = quoteRangesIn(quoteSpans, pi, p.length);
    let masked = p;
    for (const r of ranges) masked = masked.slice(0, r.start) + " ".repeat(r.end - r.start) + masked.slice(r.end);
    for (const a of findAffiliations(masked)) {
      names.push(a.person);
      if (a.institution) institutions.add(a.institution);
      if (!closed) people.resolve({ person: a.person, ...(a.role ? { role: a.role } : {}), ...(a.institution ? { institution: a.institution } : {}) }, pi, true);
    }
  });

  const quoteSpeaker = new Map<number, PersonRec | undefined>();
  const quoteHow = new Map<number, Statement["kind"] | "interrupted" | "continued">();
  const quoteBy = new Map<number, ResolvedBy | "continued">();
  const statementSpeakers = new Set<PersonRec>();
  const reported: { paragraph: number; start: number; end: number; rec: PersonRec; by?: ResolvedBy }[] = [];

  /** Colon lines and the statement that introduces each («Х написал:» at the end of the paragraph before). */
  const colonSpeaker = new Map<number, { rec: PersonRec; by?: ResolvedBy }>();
  let sentenceNo = 0;
  let prevSentence: { pi: number; ts: QTok[]; reported?: boolean } | undefined;
  paragraphs.forEach((p, pi) => {
    const colonLine = quoteSpans.find((q) => q.colon && q.startPara === pi + 1);
    const sentenceSpans = sentences(p);
    const ranges = quoteRangesIn(quoteSpans, pi, p.length);
    let prevTail: PersonRec | undefined;
    for (const s of sentenceSpans) {
      const ts = maskedTokens(p.slice(s.start, s.end), s.start, ranges);
      const sentence = sentenceNo++;
      const lastSentence = s === sentenceSpans[sentenceSpans.length - 1];
      people.pending.push({ ts, paragraph: pi, sentence });
      const statements = findStatements(ts);
      const resolved = statements.map((st) => {
        people.lastHow = undefined;
        const at = ts[st.verbIndex]!.start;
        const rec = people.resolve(st.attribution, pi, true, at);
        if (rec) rec.spoke = true;
        // The speaker of a statement is the freshest antecedent; one nobody can name blocks it.
        if ((rec && !rec.org) || st.attribution.role || st.attribution.person) people.mentions.push({ rec, paragraph: pi, pos: at, sentence, speaker: true, ...(st.attribution.gender ? { gender: st.attribution.gender } : {}) });
        return { st, rec, by: people.lastHow as ResolvedBy | undefined, used: false };
      });
      // «Х заявил, что …, однако напомнил, что …»: a second verb joined to the first has its speaker.
      for (let v = 1; v < ts.length; v++) {
        const t = ts[v]!;
        if (!t.word || !reportingVerb(t.text) || !COORDINATOR.test(ts[v - 1]!.text) || statements.some((st) => st.verbIndex === v)) continue;
        const first = [...resolved].reverse().find((x) => x.st.verbIndex < v && x.rec && x.st.kind === "before");
        if (first) resolved.push({ st: { verb: t.text.toLowerCase(), verbIndex: v, attribution: first.st.attribution, kind: "before" }, rec: first.rec, by: first.by, used: false });
      }
      const quoteIdxs = ts.map((t, i) => (t.quote !== undefined ? i : -1)).filter((i) => i >= 0);
      for (const qi of quoteIdxs) {
        const q = quoteSpans.find((x) => x.id === ts[qi]!.quote)!;
        // Each quote is decided once: in the paragraph where it closes (tail) or opens (lead).
        if (quoteSpeaker.has(q.id) && quoteSpeaker.get(q.id)) continue;
        let rec: PersonRec | undefined;
        let how: Statement["kind"] | "interrupted" | "continued" | undefined;
        let by: ResolvedBy | "continued" | undefined;
        const intro = q.colon ? colonSpeaker.get(q.id) : undefined;
        if (intro) {
          rec = intro.rec;
          by = intro.by;
          how = "colon";
        }
        if (!rec && q.interruptions.length > 0) {
          for (const r of q.interruptions) {
            const its = maskedTokens(paragraphs[r.para]!.slice(r.start, r.end), r.start, []);
            const st = findStatements(its)[0];
            if (st) {
              people.lastHow = undefined;
              rec = people.resolve(st.attribution, r.para, true, r.start);
              if (rec) rec.spoke = true;
              by = people.lastHow;
              how = "interrupted";
              break;
            }
          }
        }
        if (!rec && pi === q.endPara) {
          const tail = resolved.find((x) => x.st.kind === "after" && adjacentAfter(ts, qi, x.st.verbIndex));
          if (tail) {
            tail.used = true;
            rec = tail.rec;
            by = tail.by;
            how = "after";
          }
        }
        if (!rec && pi === q.startPara) {
          const lead = [...resolved].reverse().find((x) => x.st.verbIndex < qi && !quoteIdxs.some((o) => o > x.st.verbIndex && o < qi && ts[o]!.quote !== q.id && isQuote(q)));
          if (lead) {
            lead.used = true;
            rec = lead.rec;
            by = lead.by;
            how = lead.st.kind;
          }
        }
        // «…», – считает Х. – «…»: a quote opening a sentence with a dash continues the last speaker.
        if (!rec && qi <= 1 && ts[0] && /^[–—]$/u.test(ts[0].text) && prevTail) {
          rec = prevTail;
          by = "continued";
          how = "continued";
        }
        // «…», – сообщил ТАСС: an agency relays a quote; whose words they are it does not say.
        if (rec?.medium) rec = undefined;
        if (rec) {
          if (!rec.org) people.mentions.push({ rec, paragraph: pi, pos: ts[qi]!.start, sentence, speaker: true });
          quoteSpeaker.set(q.id, rec);
          quoteHow.set(q.id, how!);
          if (by) quoteBy.set(q.id, by);
          people.last = { rec, paragraph: pi };
          if (how === "after" || how === "interrupted") prevTail = rec;
        } else if (!quoteSpeaker.has(q.id)) quoteSpeaker.set(q.id, undefined);
      }
      const thisSentence: { pi: number; ts: QTok[]; reported?: boolean } = { pi, ts, ...(resolved.length > 0 || ts.some((t) => t.quote !== undefined) ? { reported: true } : {}) };
      if (colonLine && lastSentence) {
        // «Собянин в twitter написал:» — the paragraph that follows is what he wrote.
        const intro = [...resolved].reverse().find((x) => x.rec && x.st.kind !== "colon" && x.st.kind !== "po-slovam");
        if (intro) {
          intro.used = true;
          colonSpeaker.set(colonLine.id, { rec: intro.rec!, ...(intro.by ? { by: intro.by } : {}) });
        }
      }
      for (const x of resolved) {
        if (!x.rec) continue;
        statementSpeakers.add(x.rec);
        people.last = { rec: x.rec, paragraph: pi };
        if (x.used) continue;
        // Reported speech: «по словам Х, …», «Х считает, что …», «…, заявил Х».
        const clause = reportedClause(ts, x.st);
        if (clause) reported.push({ paragraph: pi, ...clause, rec: x.rec, ...(x.by ? { by: x.by } : {}) });
        // «Об этом сообщил Х»: what was reported is the sentence before.
        else if (/^об$/iu.test(ts[0]?.text ?? "") && /^этом$/iu.test(ts[1]?.text ?? "") && x.st.verbIndex <= 8 && prevSentence && !prevSentence.reported) {
          const back = wholeSentence(prevSentence.ts);
          if (back) {
            reported.push({ paragraph: prevSentence.pi, ...back, rec: x.rec, ...(x.by ? { by: x.by } : {}) });
            prevSentence.reported = true;
          }
        }
      }
      prevSentence = thisSentence;
    }
  });

  if (!closed) canonicalNames(people.list, names, paragraphs);

  type Out = { quote: Quote; by: ResolvedBy | "continued" | null };
  const out: Out[] = [];
  for (const q of quoteSpans) {
    const rec = quoteSpeaker.get(q.id);
    // Nobody says it and it does not read as speech («Мост Чаринг-Кросс», «ушиб грудной клетки»):
    // a title, a name or a term, not a statement.
    if (!rec && (q.colon || (!speechLike(q) && !verbAfter(paragraphs, q)))) continue;
    if (rec) rec.said++;
    // Offsets of the quoted words, inside the marks: the anchor covers what was said.
    out.push({
      quote: {
        text: q.text,
        paragraph: q.startPara,
        start: q.innerStart,
        end: q.innerEnd,
        ...(q.endPara !== q.startPara ? { endParagraph: q.endPara } : {}),
        kind: "direct" as const,
        ...(rec ? { speaker: rec.name, ...(rec.org ? { speakerKind: "body" as const } : {}) } : {}),
      },
      by: rec ? (quoteBy.get(q.id) ?? null) : null,
    });
  }
  for (const r of reported) {
    r.rec.said++;
    out.push({ quote: { text: paragraphs[r.paragraph]!.slice(r.start, r.end), paragraph: r.paragraph, start: r.start, end: r.end, kind: "reported", speaker: r.rec.name, ...(r.rec.org ? { speakerKind: "body" as const } : {}) }, by: r.by ?? null });
  }
  out.sort((a, b) => a.quote.paragraph - b.quote.paragraph || (a.quote.start ?? 0) - (b.quote.start ?? 0));
  const quotes = out.map((o) => o.quote);
  for (const r of statementSpeakers) if (r.said === 0) r.said = -1;

  const speakerRecs = closed ? people.list : people.list.filter((r) => r.said !== 0 && !r.org);
  // Two records that came to the same full name are one person.
  const byName = new Map<string, PersonRec[]>();
  for (const r of speakerRecs) byName.set(key(r.name), [...(byName.get(key(r.name)) ?? []), r]);
  const speakers: ExtractedSpeaker[] = [...byName.values()].map((rs) => {
    const r = rs[0]!;
    const role = rs.find((x) => x.role)?.role;
    const institution = rs.find((x) => x.institution)?.institution;
    const gender = rs.find((x) => x.gender)?.gender;
    return {
      name: r.name,
      ...(role ? { role } : {}),
      ...(institution ? { institution } : {}),
      aliases: [...new Set(rs.flatMap((x) => [...x.forms]))].filter((f) => f !== r.name).sort(),
      ...(gender ? { gender } : {}),
    };
  });

  const speakerInstitutions = new Set(speakers.map((s) => s.institution).filter((x): x is string => Boolean(x)));
  const mentionedOrganizations: string[] = [];
  const seen = new Set<string>();
  for (const m of mentioned) {
    const d = institutions.find(m);
    const name = d?.name ?? m;
    if (seen.has(key(name))) continue;
    seen.add(key(name));
    if (!d) institutions.add({ name, aliases: [], surface: m });
    mentionedOrganizations.push(name);
  }
  const institutionNames: string[] = [];
  const add = (n: string) => {
    if (!institutionNames.some((x) => key(x) === key(n))) institutionNames.push(n);
  };
  for (const n of speakerInstitutions) add(n);
  for (const n of speakerInstitutions) {
    const parent = institutions.find(n)?.parent;
    if (parent) add(parent);
  }
  for (const n of mentionedOrganizations) add(n);
  const institutionDetails = institutionNames.map((n) => institutions.find(n) ?? { name: n, aliases: [] });
  const attributedBy = out.map((o) => o.by);
  return { quotes, speakers, institutions: institutionNames, institutionDetails, mentionedOrganizations, attributedBy };
}
