import type { Quote, Speaker } from "@/lib/validations/document";
import { parse, normalForm } from "./morph";
import { ORG_HEADS, reportingVerb, type Gender } from "./lexicon";
import { nameKey } from "./names";
import { findAffiliations, isAbbr, nominativePhrase, parseInstitution, type InstitutionMention } from "./describe";
import { findQuoteSpans, type QuoteSpan } from "./quotes";
import { findStatements, maskedTokens, type Attribution, type QTok, type Statement } from "./statements";
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
}

function key(s: string): string {
  return nameKey(s);
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

  constructor(
    private readonly institutions: Institutions,
    private readonly closed: boolean,
  ) {}

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
  resolve(a: Attribution, paragraph: number, create: boolean): PersonRec | undefined {
    const genderOk = (r: PersonRec) => !a.gender || !r.gender || r.gender === a.gender;
    if (a.person) {
      const p = a.person;
      const sameSurname = this.list.filter((r) => key(r.surname) === key(p.surname) && genderOk(r));
      let hit: PersonRec | undefined;
      if (p.first) {
        const exact = sameSurname.filter((r) => r.first && key(r.first) === key(p.first!));
        const bare = sameSurname.filter((r) => !r.first);
        hit = exact[0] ?? (bare.length === 1 ? bare[0] : undefined);
        if (hit && !hit.first) {
          hit.first = p.first;
          hit.name = p.name;
        }
      } else if (sameSurname.length === 1) hit = sameSurname[0];
      else if (sameSurname.length > 1) return undefined;
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
      const last = this.last;
      if (last && paragraph - last.paragraph <= 1 && (!last.rec.gender || last.rec.gender === a.pronoun)) {
        this.lastHow = "pronoun";
        return last.rec;
      }
      return undefined;
    }
    if (a.role) {
      const head = roleHead(a.role);
      let cands = this.list.filter((r) => r.role && roleHead(r.role) === head && genderOk(r));
      if (a.institution) {
        const inst = this.institutions.find(a.institution.name) ?? (a.institution.aliases.length ? this.institutions.find(a.institution.aliases[0]!) : undefined);
        cands = inst ? cands.filter((r) => r.institution && key(r.institution) === key(inst.name)) : [];
      }
      if (cands.length !== 1) return undefined;
      this.lastHow = "role";
      return cands[0];
    }
    return undefined;
  }
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

/** Tokens between a quote and a statement verb are only punctuation and dashes. */
function adjacentAfter(ts: QTok[], quoteIdx: number, verbIdx: number): boolean {
  if (verbIdx <= quoteIdx) return false;
  for (let i = quoteIdx + 1; i < verbIdx; i++) if (ts[i]!.word) return false;
  return verbIdx - quoteIdx <= 4;
}

export function extractFromParagraphs(paragraphs: readonly string[], known: readonly Speaker[] = []): CommentaryExtraction {
  const institutions = new Institutions();
  const closed = known.length > 0;
  const people = new People(institutions, closed);
  for (const s of known) {
    people.seed(s);
    if (s.institution) institutions.add({ name: s.institution, aliases: [], surface: s.institution });
  }
  const spans = findQuoteSpans(paragraphs);
  // Short quoted names without attribution are titles and organisations, not quotes.
  const isQuote = (q: QuoteSpan) => q.words >= 4 || q.interruptions.length > 0 || attributedNextTo(paragraphs, q);
  const quoteSpans = spans.filter(isQuote);

  const mentioned: string[] = [];
  paragraphs.forEach((p) => {
    for (const m of abbreviationDefinitions(p)) institutions.add(m);
    mentioned.push(...organisationMentions(p));
  });

  // People introduced with a role anywhere outside quotes, so that later mentions can refer back.
  paragraphs.forEach((p, pi) => {
    const ranges = quoteRangesIn(quoteSpans, pi, p.length);
    let masked = p;
    for (const r of ranges) masked = masked.slice(0, r.start) + " ".repeat(r.end - r.start) + masked.slice(r.end);
    for (const a of findAffiliations(masked)) {
      if (a.institution) institutions.add(a.institution);
      if (!closed) people.resolve({ person: a.person, ...(a.role ? { role: a.role } : {}), ...(a.institution ? { institution: a.institution } : {}) }, pi, true);
    }
  });

  const quoteSpeaker = new Map<number, PersonRec | undefined>();
  const quoteHow = new Map<number, Statement["kind"] | "interrupted" | "continued">();
  const quoteBy = new Map<number, ResolvedBy | "continued">();
  const statementSpeakers = new Set<PersonRec>();

  paragraphs.forEach((p, pi) => {
    const ranges = quoteRangesIn(quoteSpans, pi, p.length);
    let prevTail: PersonRec | undefined;
    for (const s of sentences(p)) {
      const ts = maskedTokens(p.slice(s.start, s.end), s.start, ranges);
      const statements = findStatements(ts);
      const resolved = statements.map((st) => {
        people.lastHow = undefined;
        const rec = people.resolve(st.attribution, pi, true);
        return { st, rec, by: people.lastHow as ResolvedBy | undefined };
      });
      const quoteIdxs = ts.map((t, i) => (t.quote !== undefined ? i : -1)).filter((i) => i >= 0);
      for (const qi of quoteIdxs) {
        const q = quoteSpans.find((x) => x.id === ts[qi]!.quote)!;
        // Each quote is decided once: in the paragraph where it closes (tail) or opens (lead).
        if (quoteSpeaker.has(q.id) && quoteSpeaker.get(q.id)) continue;
        let rec: PersonRec | undefined;
        let how: Statement["kind"] | "interrupted" | "continued" | undefined;
        let by: ResolvedBy | "continued" | undefined;
        if (q.interruptions.length > 0) {
          for (const r of q.interruptions) {
            const its = maskedTokens(paragraphs[r.para]!.slice(r.start, r.end), r.start, []);
            const st = findStatements(its)[0];
            if (st) {
              people.lastHow = undefined;
              rec = people.resolve(st.attribution, r.para, true);
              by = people.lastHow;
              how = "interrupted";
              break;
            }
          }
        }
        if (!rec && pi === q.endPara) {
          const tail = resolved.find((x) => x.st.kind === "after" && adjacentAfter(ts, qi, x.st.verbIndex));
          if (tail) {
            rec = tail.rec;
            by = tail.by;
            how = "after";
          }
        }
        if (!rec && pi === q.startPara) {
          const lead = [...resolved].reverse().find((x) => x.st.verbIndex < qi && !quoteIdxs.some((o) => o > x.st.verbIndex && o < qi && ts[o]!.quote !== q.id && isQuote(q)));
          if (lead) {
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
        if (rec) {
          quoteSpeaker.set(q.id, rec);
          quoteHow.set(q.id, how!);
          if (by) quoteBy.set(q.id, by);
          people.last = { rec, paragraph: pi };
          if (how === "after" || how === "interrupted") prevTail = rec;
        } else if (!quoteSpeaker.has(q.id)) quoteSpeaker.set(q.id, undefined);
      }
      for (const x of resolved) {
        if (!x.rec) continue;
        statementSpeakers.add(x.rec);
        people.last = { rec: x.rec, paragraph: pi };
      }
    }
  });

  const quotes: Quote[] = quoteSpans.map((q) => {
    const rec = quoteSpeaker.get(q.id);
    if (rec) rec.said++;
    return { text: q.text, paragraph: q.startPara, ...(rec ? { speaker: rec.name } : {}) };
  });
  for (const r of statementSpeakers) if (r.said === 0) r.said = -1;

  const speakerRecs = closed ? people.list : people.list.filter((r) => r.said !== 0);
  const speakers: ExtractedSpeaker[] = speakerRecs.map((r) => ({
    name: r.name,
    ...(r.role ? { role: r.role } : {}),
    ...(r.institution ? { institution: r.institution } : {}),
    aliases: [...r.forms].filter((f) => f !== r.name).sort(),
    ...(r.gender ? { gender: r.gender } : {}),
  }));

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
  const attributedBy = quoteSpans.map((q) => (quoteSpeaker.get(q.id) ? (quoteBy.get(q.id) ?? null) : null));
  return { quotes, speakers, institutions: institutionNames, institutionDetails, mentionedOrganizations, attributedBy };
}
