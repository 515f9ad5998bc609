import { normalForm } from "@/lib/extract/morph";
import type { Quote, Speaker } from "@/lib/validations/document";
import { foldKey, nameParse, nameParts } from "./keys";

/**
 * Names made whole inside one document, before anything is compared across the archive:
 * a surname, a first name or «И. Фамилия» alone becomes the full name the same text gives
 * («заключил Медведев» in a text that says «Дмитрий Медведев»), and a first name left in an
 * oblique case («Дмитрием Медведев») is brought to the nominative. Only an unambiguous text
 * completes a name: two first names with one surname leave it as it is.
 */

const WORD = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?/gu;

function capitalise(w: string): string {
  return w.replace(/(^|-)([а-яё])/gu, (_, d: string, c: string) => d + c.toUpperCase());
}

/** A first name's reading, when the dictionary knows the word as one. */
function firstNameReadings(word: string) {
  return nameParse(word).filter((p) => p.tag.Name);
}

/** «Дмитрием» → «Дмитрий»; a word already nominative, or unknown, is kept as written. */
export function nominativeFirstName(word: string): string {
  const rs = firstNameReadings(word);
  if (rs.length === 0 || rs.some((p) => p.tag.CAse === "nomn")) return word;
  return capitalise(normalForm(rs[0]!, word));
}

function isFirstName(word: string): boolean {
  const rs = firstNameReadings(word);
  return rs.length > 0 && rs.reduce((s, p) => s + p.score, 0) >= 0.3;
}

/** Every «Имя Фамилия» pair in the text whose surname, as written, is `surname` (the stored nominative). */
function firstNamesBefore(surname: string, text: string): Set<string> {
  const out = new Set<string>();
  const sk = foldKey(surname);
  const ws = [...text.matchAll(WORD)];
  for (let i = 1; i < ws.length; i++) {
    const prev = ws[i - 1]!;
    const cur = ws[i]!;
    if (foldKey(cur[0]) !== sk) continue;
    // Adjacent words only: «Дмитрий Медведев», not «Дмитрий сказал, что Медведев».
    if (text.slice(prev.index! + prev[0].length, cur.index!).trim() !== "") continue;
    if (isFirstName(prev[0])) out.add(nominativeFirstName(prev[0]));
  }
  return out;
}

/** Surnames after a first name alone: «Юлия» in a text that says «Юлия Липницкая». */
function surnamesAfter(first: string, text: string): Set<string> {
  const out = new Set<string>();
  const fk = foldKey(first);
  const ws = [...text.matchAll(WORD)];
  for (let i = 0; i + 1 < ws.length; i++) {
    const cur = ws[i]!;
    const next = ws[i + 1]!;
    if (foldKey(cur[0]) !== fk) continue;
    if (text.slice(cur.index! + cur[0].length, next.index!).trim() !== "") continue;
    if (isFirstName(next[0])) continue;
    out.add(next[0]);
  }
  return out;
}

/** The full name a document gives for one of its speakers' names, or the name as it was. */
export function completeName(name: string, text: string, initialHint?: string): string {
  const parts = nameParts(name);
  if (!parts) return name;
  if (parts.first) {
    const first = nominativeFirstName(parts.first);
    return first === parts.first ? name : [first, ...parts.words.slice(1)].join(" ");
  }
  if (parts.words.length === 1 && isFirstName(parts.surname) && !nameParse(parts.surname).some((p) => p.tag.Surn)) {
    const surnames = [...surnamesAfter(parts.surname, text)];
    // Only a nominative surname can be trusted as written here.
    const nominative = surnames.filter((s) => !nameParse(s).some((p) => p.tag.Surn && p.tag.CAse !== "nomn"));
    return nominative.length === 1 && surnames.length === 1 ? `${nominativeFirstName(parts.surname)} ${nominative[0]}` : name;
  }
  const initial = parts.initial ?? initialHint;
  const firsts = [...firstNamesBefore(parts.surname, text)].filter((f) => !initial || f[0]!.toUpperCase() === initial);
  const distinct = new Set(firsts.map(foldKey));
  return distinct.size === 1 ? `${firsts[0]} ${parts.surname}` : name;
}

/**
 * A document's speakers and quotes with names completed; two values that turn out to be one
 * person («Медведев», «Дмитрий Медведев») become one speaker, keeping the other form as an alias.
 */
export function completeDocumentNames(title: string, paragraphs: readonly string[], speakers: Speaker[], quotes: Quote[]): { speakers: Speaker[]; quotes: Quote[] } {
  const text = [title, ...paragraphs].join("\n");
  const renamed = new Map<string, string>();
  const out: Speaker[] = [];
  for (const s of speakers) {
    const full = completeName(s.name, text);
    renamed.set(s.name, full);
    const existing = out.find((x) => foldKey(x.name) === foldKey(full));
    if (existing) {
      existing.aliases = [...new Set([...(existing.aliases ?? []), s.name, ...(s.aliases ?? [])])].filter((a) => a !== existing.name);
      existing.role ??= s.role;
      existing.institution ??= s.institution;
      continue;
    }
    const aliases = [...new Set([...(s.aliases ?? []), ...(full !== s.name ? [s.name] : [])])].filter((a) => a !== full);
    out.push({ ...s, name: full, ...(aliases.length ? { aliases } : {}) });
  }
  const fixedQuotes = quotes.map((q) => (q.speaker && renamed.has(q.speaker) && renamed.get(q.speaker) !== q.speaker ? { ...q, speaker: renamed.get(q.speaker)! } : q));
  return { speakers: out, quotes: fixedQuotes };
}
