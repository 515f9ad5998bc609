import type { Quote, Speaker } from "@/lib/validations/document";
import { parse, normalForm } from "./morph";
import { ORG_HEADS, reportingVerb, type Gender } from "./lexicon";
import type { PersonName } from "./names";
import { findAffiliations } from "./affiliations";
import { isAbbr, isRoleWord, nominativePhrase, parseInstitution, type InstitutionMention } from "./describe";
import { canonicalNames, Institutions, key, People, type InstitutionDetail, type PersonRec, type ResolvedBy } from "./document-people";
import { findColonSpans, findDialogueSpans, findQuoteSpans, type QuoteSpan } from "./quotes";
import { attributedNextTo, isTitle, quoteRangesIn, speechLike, verbAfter } from "./quote-filters";
import { findStatements, maskedTokens, quoteRanges, type QTok, type Statement } from "./statements";
import { sentences, tokens } from "./tokens";

/**
 * Document-level attribution: quotes, the people who said them, and coreference inside the
 * document. A person introduced once («директор ИМЭП Ержан Салтыбаев») is found again by surname
 * («заключил Салтыбаев»), by role and institution («подчеркнул директор ИМЭП») or by pronoun;
 * anything ambiguous stays unattributed, because a wrong speaker is worse than a missing one.
 */

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

const COORDINATOR = /^(однако|а|но|и|также|затем|потом)$/iu;

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

/** A whole sentence without its final mark, when it is plain narrative (no quote, no statement of its own). */
function wholeSentence(ts: QTok[]): { start: number; end: number } | undefined {
  let from = 0;
  let to = ts.length - 1;
  while (to >= 0 && !ts[to]!.word && ts[to]!.quote === undefined && /^[.!?…;:,–—-]$/u.test(ts[to]!.text)) to--;
  while (from <= to && !ts[from]!.word && /^[–—-]$/u.test(ts[from]!.text)) from++;
  if (from > to || ts.slice(from, to + 1).filter((t) => t.word).length < 4) return undefined;
  return { start: ts[from]!.start, end: ts[to]!.end };
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
