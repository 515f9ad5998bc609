import type { Speaker } from "@/lib/validations/document";
import { parse, normalForm } from "./morph";
import { EAST_ASIAN_FAMILY, ROLE_HEADS, type Gender } from "./lexicon";
import { nameKey, nameKind, nominativePart, normaliseName, type PersonName } from "./names";
import { isRoleWord, type InstitutionMention } from "./describe";
import { nameBlocks, nameCases } from "./name-blocks";
import type { Attribution, QTok } from "./statements";
/**
 * The people and institutions one document speaks of, as attribution meets them: who a surname,
 * a role or a pronoun stands for, and the full nominative name each speaker ends with.
 */

export interface InstitutionDetail {
  name: string;
  aliases: string[];
  parent?: string;
}

export interface PersonRec {
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

export function key(s: string): string {
  return nameKey(s);
}

/** Role nouns that fit a person whatever their post: a senator is a «политик», a singer a «музыкант». */
const GENERIC_ROLES = new Set(["политик", "чиновник", "музыкант", "артист", "артистка", "спортсмен", "спортсменка", "бизнесмен", "предприниматель", "ученый", "учёный", "исполнитель", "исполнительница", "дипломат", "собеседник", "собеседница", "знаменитость", "звезда", "деятель", "общественник", "лидер"]);

/** «политик» → masc, «актриса» → femn, when the role noun says. */
function roleGender(role: string): Gender | undefined {
  const w = role.toLowerCase().split(/\s+/).find((x) => parse(x).some((p) => p.tag.POS === "NOUN"));
  const g = w ? parse(w).find((p) => p.tag.POS === "NOUN")?.tag.GNdr : undefined;
  return g === "femn" ? "femn" : undefined;
}

/**
 * Posts news text names by what they head: «глава государства» is the president, «глава
 * правительства» the prime minister, «глава МИД» the foreign minister. Matched on the role as
 * written, so the later «подчеркнул глава государства» finds «президент Владимир Путин». Only
 * the bare phrase counts: «глава российского правительства» in a text that also quotes Italy's
 * premier is not known to be that premier.
 */
const HEADS_OF: [RegExp, string][] = [
  [/^глав[аеуыо]й?\s+(государства|страны)$/u, "президент"],
  [/^глав[аеуыо]й?\s+(правительства|кабмина)$/u, "премьер-министр"],
  [/^глав[аеуыо]й?\s+(мид|внешнеполитического\s+ведомства)$/u, "министр"],
  // «глава министерства иностранных дел Украины Павел Климкин» is the minister «— сказал министр» names.
  [/^глав[аеуыо]й?\s+министерства(\s|$)/u, "министр"],
];

/** The post a «глава …» phrase stands for, the body it heads included («глава МИД», «глава российского правительства»). */
function headOf(role: string, body?: string): string | undefined {
  const phrase = `${role} ${body ?? ""}`.toLowerCase().trim();
  return HEADS_OF.find(([re]) => re.test(phrase))?.[1];
}

function roleHead(role: string): string {
  const bodyHead = headOf(role);
  if (bodyHead) return bodyHead;
  const words = role.toLowerCase().split(/\s+/);
  for (const w of words) {
    const noun = parse(w).find((p) => p.tag.POS === "NOUN");
    if (noun) return normalForm(noun, w).replace(/ё/g, "е");
  }
  return words[0] ?? "";
}

export class Institutions {
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

export class People {
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
      // «глава МИД» names the minister: the body is part of the post, not a filter on who holds it.
      const bodyHead = a.institution ? headOf(a.role, a.institution.surface) : undefined;
      const head = bodyHead ?? roleHead(a.role);
      let cands = this.list.filter((r) => r.role && roleHead(r.role) === head && genderOk(r));
      if (a.institution && !bodyHead) {
        const inst = this.institutions.find(a.institution.name) ?? (a.institution.aliases.length ? this.institutions.find(a.institution.aliases[0]!) : undefined);
        cands = inst ? cands.filter((r) => r.institution && key(r.institution) === key(inst.name)) : [];
      }
      if (cands.length === 1) {
        this.lastHow = "role";
        return cands[0];
      }
      // «По словам Климкина, …. «…», — сказал министр»: of several ministers, the one who was just
      // speaking in this paragraph. Across a paragraph break it stays open (another may speak).
      if (cands.length > 1 && this.last && cands.includes(this.last.rec) && this.last.paragraph === paragraph) {
        this.lastHow = "role";
        return this.last.rec;
      }
      // «Политик заявил, что …», «Президент и сам …»: a bare role nobody is known to hold stands
      // for the nearest person whose own post, if known, is that role.
      if (cands.length === 0 && (!a.institution || bodyHead) && at !== undefined) {
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

export interface Mention {
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

const PLACE_NOUN = /^(улиц[аеыу]|улицей|проспект[аеу]?|площад[ьи]|переул[оке]к?[аеу]?|бульвар[аеу]?|набережн[аяой]+|район[аеу]?|имени|станци[яиюей]|остров[аеу]?|мост[аеу]?|аэропорт[аеу]?|памятник[аеу]?|музе[йяею])$/u;

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

function firstKey(w: string): string {
  const bare = w.replace(/\.$/u, "");
  return bare.length <= 2 ? key(bare) : key(nominativePart(bare, "first"));
}

/**
 * The full nominative name the document gives each person: «Медведев», «Дмитрием Медведев» →
 * «Дмитрий Медведев»; «А. Кержаев» → «Алексей Кержаев»; «Цзиньпин» → «Си Цзиньпин». A surname
 * with two different first names in the text stays as it is.
 */
export function canonicalNames(recs: PersonRec[], names: readonly PersonName[], paragraphs: readonly string[]): void {
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
