import { parse } from "./morph";
import { PRONOUNS, reportingVerb, ROLE_HEADS, type Gender } from "./lexicon";
import { normaliseName, type Case, type PersonName } from "./names";
import { governedByNoun, isRoleWord, leftDescriptor, nameBlocks, nameCases, parseDescriptor, type InstitutionMention, type NameBlock } from "./describe";
import { tokens, type Tok } from "./tokens";

/**
 * Who says something in a sentence: the reporting verb, and the speaker it names — a person, a
 * role alone («подчеркнул директор ИМЭП») or a pronoun. Quotes are collapsed to one token so that
 * names inside them are never taken for speakers.
 */

export interface Attribution {
  person?: PersonName;
  role?: string;
  institution?: InstitutionMention;
  /** «– отметил он»: the speaker is someone already introduced. */
  pronoun?: Gender;
  gender?: Gender;
}

export interface Statement {
  verb: string;
  /** Token index of the reporting verb (or of «словам» in «по словам»). */
  verbIndex: number;
  attribution: Attribution;
  /** Where the attribution sits relative to the verb: inverted «– отметил Х», or Х before it. */
  kind: "after" | "before" | "po-slovam" | "colon";
}

export interface QTok extends Tok {
  /** Index of the quote this token stands for. */
  quote?: number;
}

/** Tokens of `text` with every range in `quotes` (absolute offsets) collapsed to one token. */
export function maskedTokens(text: string, offset: number, quotes: { start: number; end: number; id: number }[]): QTok[] {
  const out: QTok[] = [];
  const inside = (pos: number) => quotes.find((q) => pos >= q.start && pos < q.end);
  const seen = new Set<number>();
  for (const t of tokens(text, offset)) {
    const q = inside(t.start);
    if (q) {
      if (!seen.has(q.id)) {
        seen.add(q.id);
        out.push({ text: "«»", start: q.start, end: q.end, word: false, quote: q.id });
      }
      continue;
    }
    out.push(t);
  }
  return out;
}

const PO_SLOVAM = new Set(["словам", "мнению", "оценке", "убеждению", "заявлению", "утверждению", "признанию", "данным"]);
const FILLER_PREP = /^(в|во|на|при|после|перед|по|с|со|для|за)$/u;

function isBoundary(t: Tok): boolean {
  return !t.word && /^[,.;:!?«»"„“]$/u.test(t.text);
}

/** Gender a name's reading implies when the verb does not say. */
function blockWords(ts: Tok[], b: NameBlock): string[] {
  return ts.slice(b.from, b.to).map((t) => t.text);
}

function canBeNominative(words: string[]): boolean {
  for (const w of words) {
    const cs = nameCases(w);
    if (cs && !cs.has("nomn")) return false;
  }
  return true;
}

/**
 * The subject agrees with a past-tense verb: «заявил» cannot have «Дадашева» (a feminine
 * nominative, or a genitive) as its subject, and an unknown word in -а after «заявил» is most
 * likely a genitive (Адвокат Маркива заявил).
 */
function agreesWithVerb(words: string[], gender: Gender | undefined): boolean {
  if (!gender) return true;
  const last = words[words.length - 1]!;
  const rs = parse(last).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary" && (p.tag.Surn || p.tag.Name));
  if (rs.length > 0) return rs.some((p) => p.tag.CAse === "nomn" && (p.tag.GNdr === gender || p.tag.GNdr === "ms-f" || p.tag.Fixd));
  if (gender === "masc" && words.length === 1 && /[бвгджзклмнпрстфхцчшщ]а$/u.test(last)) return false;
  return true;
}

/** The clause after an inverted verb: [filler] [role [institution]] [Name] | [role institution] | pronoun. */
function clauseAfter(ts: Tok[], from: number, gender: Gender | undefined, c: Case): Attribution | undefined {
  let end = from;
  let depth = 0;
  while (end < ts.length) {
    const t = ts[end]!;
    if (t.text === "(") depth++;
    if (t.text === ")") depth--;
    if (depth <= 0 && (isBoundary(t) || (t.text !== "–" && t.text !== "—" ? false : end > from && !/^[А-ЯЁ]/u.test(ts[end + 1]?.text ?? "") ))) break;
    if (t.word && end > from && reportingVerb(t.text)) break;
    end++;
  }
  // Dashes inside an institution name («РК – Лидера Нации») are kept; a dash followed by
  // lowercase text ends the clause.
  const clause = ts.slice(from, end);
  if (clause.length === 0) return undefined;
  const first = clause[0]!;
  if (first.word && PRONOUNS.has(first.text.toLowerCase())) return { pronoun: PRONOUNS.get(first.text.toLowerCase())!, ...(gender ? { gender } : {}) };
  let start = 0;
  if (FILLER_PREP.test(first.text.toLowerCase())) {
    // «в своем выступлении», «в интервью агентству» — skip to the first role word or name.
    const blocks = nameBlocks(clause);
    const role = clause.findIndex((t) => isRoleWord(t));
    const firstName = blocks[0]?.from ?? -1;
    const candidates = [role, firstName].filter((x) => x >= 0);
    if (candidates.length === 0) return undefined;
    start = Math.min(...candidates);
  }
  const body = clause.slice(start);
  const blocks = nameBlocks(body, -1);
  // The name closes the descriptor («директор … Московского центра … Игорь Левашов»): take the
  // first block that can be nominative, so a genitive name inside an institution is passed over.
  const fits = blocks.filter((b) => c !== "nomn" || canBeNominative(blockWords(body, b)));
  const block = fits.find((b) => b.to === body.length || body[b.to]!.text === "(") ?? fits[0];
  if (block) {
    const words = blockWords(body, block);
    if (c === "nomn" && (!canBeNominative(words) || !agreesWithVerb(words, gender))) return undefined;
    const desc = block.from > 0 ? parseDescriptor(body.slice(0, block.from), c) : {};
    // Text between the role and the name that is not a descriptor (журналистам) is fine; a name
    // far from the verb with no role in between is too loose to trust.
    if (block.from > 0 && !desc.role && block.from > 2) return undefined;
    const person = normaliseName(words, c, gender);
    if (!person) return undefined;
    return { person, ...(desc.role ? { role: desc.role } : {}), ...(desc.institution ? { institution: desc.institution } : {}), ...(gender ?? person.gender ? { gender: gender ?? person.gender } : {}) };
  }
  const desc = parseDescriptor(body, c);
  if (desc.role && isRoleWord(body[0]!)) return { ...desc, ...(gender ? { gender } : {}) };
  return undefined;
}

/** The subject before a verb: [role [institution]] Name | role | pronoun. */
function subjectBefore(ts: Tok[], v: number, gender: Gender | undefined): Attribution | undefined {
  let j = v - 1;
  // Skip a short adverbial between subject and verb: «Ренн, однако, отметил», «… 30 апреля заявил».
  let skipped = 0;
  // A comma right before the verb is crossed only as part of a parenthetical («Ренн, однако,
  // отметил»); otherwise the name before it belongs to another clause («…взорвать Шакирьянов, заявил»).
  if (ts[j]?.text === ",") {
    const inner = ts[j - 1];
    const open = ts[j - 2];
    if (!inner || !inner.word || !/^[а-яё]+$/u.test(inner.text) || open?.text !== ",") return undefined;
    j -= 3;
  }
  while (j >= 0 && skipped < 6) {
    const t = ts[j]!;
    if (t.word && /^[а-яё0-9-]+$/u.test(t.text) && !isRoleWord(t) && !PRONOUNS.has(t.text)) {
      const top = parse(t.text)[0];
      if (top && top.tag.POS === "VERB") return undefined;
      j--;
      skipped++;
      continue;
    }
    break;
  }
  if (j < 0) return undefined;
  const t = ts[j]!;
  if (t.word && PRONOUNS.has(t.text.toLowerCase())) return { pronoun: PRONOUNS.get(t.text.toLowerCase())!, ...(gender ? { gender } : {}) };
  if (t.word && /^[А-ЯЁа-яё]/u.test(t.text) && isRoleWord(t) && ROLE_HEADS.has(t.text.toLowerCase())) {
    // Role alone as subject: «Политолог говорит», «сенатор подчеркнул».
    let k = j;
    while (k > 0 && ts[k - 1]!.word && isRoleWord(ts[k - 1]!)) k--;
    const desc = parseDescriptor(ts.slice(k, j + 1).map((x) => ({ ...x, text: k === 0 || x !== ts[k] ? x.text : x.text.toLowerCase() })));
    return desc.role ? { ...desc, ...(gender ? { gender } : {}) } : undefined;
  }
  const sentenceBlocks = nameBlocks(ts.slice(0, j + 1), 0);
  const block = sentenceBlocks.find((b) => b.to === j + 1);
  if (!block) return undefined;
  const left = leftDescriptor(ts, block, sentenceBlocks);
  if (!left && governedByNoun(ts, block)) return undefined;
  const words = blockWords(ts, block);
  if (!canBeNominative(words) || !agreesWithVerb(words, gender)) return undefined;
  const person = normaliseName(words, "nomn", gender);
  if (!person) return undefined;
  return {
    person,
    ...(left?.desc.role ? { role: left.desc.role } : {}),
    ...(left?.desc.institution ? { institution: left.desc.institution } : {}),
    ...(gender ?? person.gender ? { gender: gender ?? person.gender } : {}),
  };
}

/** Statements in one sentence's tokens (quotes already collapsed). */
export function findStatements(ts: QTok[]): Statement[] {
  const out: Statement[] = [];
  for (let v = 0; v < ts.length; v++) {
    const t = ts[v]!;
    if (!t.word) continue;
    const lower = t.text.toLowerCase();
    if (PO_SLOVAM.has(lower) && ts[v - 1]?.text.toLowerCase() === "по") {
      const a = clauseAfter(ts, v + 1, undefined, "gent");
      if (a) out.push({ verb: `по ${lower}`, verbIndex: v, attribution: pronounFromPossessive(ts[v + 1]) ?? a, kind: "po-slovam" });
      else {
        const p = pronounFromPossessive(ts[v + 1]);
        if (p) out.push({ verb: `по ${lower}`, verbIndex: v, attribution: p, kind: "po-slovam" });
      }
      continue;
    }
    const rv = reportingVerb(t.text);
    if (!rv) continue;
    // «признал себя виновным», «ответил на сообщения»: the verb reports no statement here.
    const next = ts[v + 1]?.text.toLowerCase();
    if (next && /^(себя|свое|своё|свою|свои|свой|своего|своей|на)$/u.test(next)) continue;
    const prev = ts[v - 1];
    const inverted = !prev || /^[,–—-]$/u.test(prev.text) || prev.quote !== undefined || prev.text.toLowerCase() === "как" || prev.text.toLowerCase() === "считает";
    if (inverted) {
      // «– цитирует Салтыбаева агентство»: after «цитировать» the speaker is the object.
      const quoting = /^(цитирует|процитировал|процитировала)$/u.test(lower);
      const a = clauseAfter(ts, v + 1, quoting ? undefined : rv.gender, quoting ? "accs" : "nomn");
      if (a) {
        out.push({ verb: lower, verbIndex: v, attribution: a, kind: "after" });
        continue;
      }
    }
    const b = subjectBefore(ts, v, rv.gender);
    if (b) out.push({ verb: lower, verbIndex: v, attribution: b, kind: "before" });
  }
  // «Салтыбаев: «…»» — a name, a colon and a quote.
  for (let i = 0; i + 2 < ts.length; i++) {
    if (ts[i + 1]!.text === ":" && ts[i + 2]!.quote !== undefined && ts[i]!.word && !reportingVerb(ts[i]!.text)) {
      const blocks = nameBlocks(ts.slice(0, i + 1), 0);
      const block = blocks.find((b) => b.to === i + 1);
      if (!block || governedByNoun(ts, block)) continue;
      // «Петров рассказал Шибутову: «…»» — the addressee before the colon is not the speaker.
      if (!canBeNominative(blockWords(ts, block)) || ts.slice(0, block.from).some((t) => t.word && reportingVerb(t.text))) continue;
      const person = normaliseName(blockWords(ts, block), "nomn");
      if (!person) continue;
      const left = leftDescriptor(ts, block, blocks);
      out.push({ verb: ":", verbIndex: i + 1, attribution: { person, ...(left?.desc.role ? { role: left.desc.role } : {}), ...(left?.desc.institution ? { institution: left.desc.institution } : {}) }, kind: "colon" });
    }
  }
  return out.sort((a, b) => a.verbIndex - b.verbIndex);
}

function pronounFromPossessive(t: Tok | undefined): Attribution | undefined {
  if (!t || !t.word) return undefined;
  const w = t.text.toLowerCase();
  if (w === "его") return { pronoun: "masc" };
  if (w === "ее" || w === "её") return { pronoun: "femn" };
  return undefined;
}

/** Speakers named in a single sentence (no document context: pronouns and bare roles are dropped). */
export function sentenceSpeakers(sentence: string): { statement: Statement; name: string }[] {
  const ts = maskedTokens(sentence, 0, quoteRanges(sentence));
  return findStatements(ts)
    .filter((s) => s.attribution.person)
    .map((s) => ({ statement: s, name: s.attribution.person!.name }));
}

/** Top-level quotation ranges of one string, any of «…», „…“, "…". */
export function quoteRanges(text: string): { start: number; end: number; id: number }[] {
  const out: { start: number; end: number; id: number }[] = [];
  let depth = 0;
  let start = -1;
  let ascii = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "«" || c === "„") {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === "»" || c === "“") && depth > 0) {
      depth--;
      if (depth === 0) out.push({ start, end: i + 1, id: out.length });
    } else if (c === '"' && depth === 0) {
      if (ascii < 0) ascii = i;
      else {
        out.push({ start: ascii, end: i + 1, id: out.length });
        ascii = -1;
      }
    }
  }
  return out;
}
