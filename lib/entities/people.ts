import { placeOf } from "./countries";
import { knownInstitution } from "./institutions";
import { dictionaryNameParse, foldKey, mergeKeyOf, nameParse, genderOfName, nameParts, surnameKey, writtenNameKey, type Gender, type NameParts } from "./keys";
import type { PeopleOverrides } from "./overrides";
import type { DocumentNames } from "./types";

/**
 * People across the whole archive. Precision first, because a wrong merge puts one person's
 * words under another's name, while a split only hides some of them:
 * - full names merge on first name + surname (case, ё/е, patronymic ignored);
 * - two different first names never merge;
 * - a surname or «И. Фамилия» alone (the document gave no full name) joins a person only when
 *   exactly one person in the archive is compatible (surname, initial, gender); otherwise it
 *   stays a separate, partial value;
 * - the editor's overrides (config/people.yaml) win over all of it.
 */

export interface PersonGroup {
  key: string;
  /** Written names and how often each was seen. */
  names: Map<string, number>;
  /** Other forms from extraction (inflected, surname alone). */
  aliases: Set<string>;
  gender?: Gender;
  partial: boolean;
  canonicalOverride?: string;
  /** What the person's id is made from: the least written (unfolded) key of their full names. */
  idKey?: string;
}

interface Occurrence {
  raw: string;
  parts: NameParts;
  gender?: Gender;
  /** writtenNameKey(parts, gender), once worked out (null: not a full name). */
  writtenKey?: string | null;
}

export interface PeopleResolution {
  groups: Map<string, PersonGroup>;
  /** (document id, folded raw name) → group key; documents that a split override moves elsewhere. */
  groupOf(docId: string, raw: string): string | undefined;
}

function surnameFold(s: string): string {
  return foldKey(s);
}

/**
 * Values extraction took for people that the archive knows better: a name the archive records
 * as an institution («Роскомнадзор», «Франс Пресс»), a place («Путраджае»), or one word the
 * dictionary reads only as a common noun («Страна», «Лента») that no person in the archive
 * carries as a surname. `institutions`: folded names and variants of every institution.
 */
export function notPeople(docs: readonly DocumentNames[], institutions: ReadonlySet<string>): Set<string> {
  const surnames = new Set<string>();
  for (const d of docs) for (const s of d.speakers) {
    const p = nameParts(s.name);
    if (p?.first) surnames.add(foldKey(p.surname));
  }
  const out = new Set<string>();
  for (const d of docs) for (const s of d.speakers) {
    const k = foldKey(s.name);
    const words = s.name.split(/\s+/);
    // «Минкульт», «Минспорта»: a ministry's short name; «Эсватини Мсвати»: a place glued to a name.
    const ministry = words.length === 1 && /^Мин[а-яё]{3,}$/u.test(s.name);
    const placeFirst = words.length === 2 && Boolean(placeOf(words[0]!));
    if (institutions.has(k) || knownInstitution(s.name) || placeOf(s.name) || ministry || placeFirst) out.add(k);
    else if (!s.name.includes(" ") && !surnames.has(k) && commonNounOnly(s.name)) out.add(k);
  }
  return out;
}

function commonNounOnly(word: string): boolean {
  const rs = nameParse(word).filter((p) => (p as unknown as { parser?: string }).parser === "Dictionary");
  return rs.length > 0 && !rs.some((p) => p.tag.Name || p.tag.Surn || p.tag.Patr);
}

export function resolvePeople(docs: readonly DocumentNames[], overrides: PeopleOverrides, automatic: ReadonlySet<string> = new Set()): PeopleResolution {
  const notPerson = new Set([...overrides.notPerson.map(foldKey), ...automatic]);
  const neverLink = new Set(overrides.split.filter((s) => !s.documents).map((s) => foldKey(s.name)));
  // «these documents' Римский is this person»: a per-document reassignment.
  const reassigned = new Map<string, string>();
  for (const s of overrides.split) for (const d of s.documents ?? []) reassigned.set(`${d}\u0000${foldKey(s.name)}`, s.as ?? `${s.name} (${d})`);

  // The same names recur in thousands of documents: each (name, gender) is read once, and its
  // occurrences share that reading (read, never changed, below).
  const readings = new Map<string, Occurrence | null>();
  const readingOf = (raw: string, gender: Gender | undefined): Occurrence | null => {
    const k = gender ? `${raw}\u0000${gender}` : raw;
    let r = readings.get(k);
    if (r === undefined) {
      const parts = nameParts(raw);
      r = parts ? { raw, parts, gender: gender ?? genderOfName(parts) } : null;
      readings.set(k, r);
    }
    return r;
  };
  const movedIn = (docId: string, name: string) => (reassigned.size > 0 ? reassigned.get(`${docId}\u0000${foldKey(name)}`) : undefined);
  const occurrences: { docId: string; occ: Occurrence }[] = [];
  for (const d of docs) {
    for (const s of d.speakers) {
      if (notPerson.has(foldKey(s.name))) continue;
      const occ = readingOf(movedIn(d.docId, s.name) ?? s.name, s.gender);
      if (occ) occurrences.push({ docId: d.docId, occ });
    }
  }

  const groups = new Map<string, PersonGroup>();
  const touch = (key: string, raw: string, gender: Gender | undefined, partial: boolean) => {
    const g: PersonGroup = groups.get(key) ?? { key, names: new Map(), aliases: new Set(), partial, ...(gender ? { gender } : {}) };
    g.names.set(raw, (g.names.get(raw) ?? 0) + 1);
    if (!g.gender && gender) g.gender = gender;
    g.partial &&= partial;
    groups.set(key, g);
    return g;
  };

  // Full names first: they define the people that short forms may join.
  const rawKey = new Map<string, string>();
  for (const { occ } of occurrences) {
    if (occ.writtenKey === undefined) occ.writtenKey = writtenNameKey(occ.parts, occ.gender) ?? null;
    if (!occ.writtenKey) continue;
    const key = `p:${mergeKeyOf(occ.writtenKey)}`;
    const g = touch(key, occ.raw, occ.gender, false);
    const written = `p:${occ.writtenKey}`;
    if (g.idKey === undefined || written < g.idKey) g.idKey = written;
    rawKey.set(foldKey(occ.raw), key);
  }

  // Editor merges: every listed name joins the first one's person.
  const mergedInto = new Map<string, string>();
  for (const m of overrides.merge) {
    const [head, ...rest] = m;
    if (!head) continue;
    const headParts = nameParts(head);
    const headWritten = headParts ? writtenNameKey(headParts, genderOfName(headParts)) : undefined;
    const headKey = rawKey.get(foldKey(head)) ?? (headWritten ? `p:${mergeKeyOf(headWritten)}` : `p:~${foldKey(head)}`);
    const target = groups.get(headKey) ?? touch(headKey, head, headParts ? genderOfName(headParts) : undefined, false);
    if (target.idKey === undefined && headWritten && headKey.startsWith("p:") && !headKey.startsWith("p:~")) target.idKey = `p:${headWritten}`;
    target.canonicalOverride = head;
    for (const n of rest) {
      mergedInto.set(foldKey(n), headKey);
      const k = rawKey.get(foldKey(n));
      const from = k ? groups.get(k) : undefined;
      if (from && k !== headKey) {
        for (const [name, c] of from.names) target.names.set(name, (target.names.get(name) ?? 0) + c);
        groups.delete(k!);
        for (const [r, kk] of rawKey) if (kk === k) rawKey.set(r, headKey);
      }
    }
  }
  for (const [raw, key] of mergedInto) rawKey.set(raw, key);

  // People by surname, for short forms: who could «Путин» or «В. Путин» be?
  const bySurname = new Map<string, PersonGroup[]>();
  for (const g of groups.values()) {
    for (const name of g.names.keys()) {
      const p = nameParts(name);
      if (!p) continue;
      const k = surnameFold(p.surname);
      const list = bySurname.get(k) ?? [];
      if (!list.includes(g)) list.push(g);
      bySurname.set(k, list);
    }
  }
  const initialsOf = (g: PersonGroup) => new Set([...g.names.keys()].map((n) => nameParts(n)?.initial).filter(Boolean));

  for (const { occ } of occurrences) {
    const folded = foldKey(occ.raw);
    if (rawKey.has(folded) && !occ.parts.first) {
      touch(rawKey.get(folded)!, occ.raw, occ.gender, false);
      continue;
    }
    if (occ.parts.first) continue;
    let key: string | undefined;
    if (!neverLink.has(folded)) {
      const candidates = [
        ...new Set([...(bySurname.get(surnameFold(occ.parts.surname)) ?? []), ...(bySurname.get(surnameKey(occ.parts.surname, occ.gender)) ?? [])]),
      ].filter((g) => !g.partial && (!occ.gender || !g.gender || g.gender === occ.gender) && (!occ.parts.initial || initialsOf(g).has(occ.parts.initial)));
      if (candidates.length === 1) key = candidates[0]!.key;
    }
    // A lone surname keeps its own value: «Баффет» with two Баффеты in the archive is neither.
    key ??= `p:~${occ.parts.initial ? `${occ.parts.initial.toLowerCase()}.` : ""}${surnameKey(occ.parts.surname, occ.gender)}`;
    const g = touch(key, occ.raw, occ.gender, !groups.has(key) || groups.get(key)!.partial);
    if (!key.startsWith("p:~")) g.partial = false;
    rawKey.set(folded, key);
  }

  for (const d of docs) {
    for (const s of d.speakers) {
      const k = rawKey.get(foldKey(movedIn(d.docId, s.name) ?? s.name));
      const g = k ? groups.get(k) : undefined;
      if (g) for (const a of s.aliases ?? []) g.aliases.add(a);
    }
  }

  return {
    groups,
    groupOf(docId, raw) {
      const moved = reassigned.get(`${docId}\u0000${foldKey(raw)}`);
      if (notPerson.has(foldKey(raw))) return undefined;
      return rawKey.get(foldKey(moved ?? raw));
    },
  };
}

/**
 * The name a person is shown under: the editor's choice, else the most frequent full name that
 * reads as nominative; ё as written wins over its е spelling («Пётр Порошенко»).
 */
export function canonicalPersonName(g: PersonGroup): string {
  if (g.canonicalOverride) return g.canonicalOverride;
  const entries = [...g.names.entries()];
  const words = (n: string) => n.split(/\s+/).length;
  entries.sort((a, b) => {
    const fa = nameParts(a[0])?.first ? 1 : 0;
    const fb = nameParts(b[0])?.first ? 1 : 0;
    return fb - fa || Number(nominative(b[0])) - Number(nominative(a[0])) || b[1] - a[1] || Number(/ё/i.test(b[0])) - Number(/ё/i.test(a[0])) || Math.abs(words(a[0]) - 2) - Math.abs(words(b[0]) - 2) || a[0].localeCompare(b[0], "ru");
  });
  const best = entries[0]![0];
  // The same letters with ё somewhere: keep the ё spelling.
  const withYo = entries.find(([n]) => /ё/i.test(n) && foldKey(n) === foldKey(best));
  return withYo ? withYo[0] : best;
}

/** The first name has a nominative reading (or is unknown to the dictionary, so cannot be judged). */
function nominative(name: string): boolean {
  const first = nameParts(name)?.first;
  if (!first) return false;
  const readings = dictionaryNameParse(first).filter((p) => p.tag.Name);
  return readings.length === 0 || readings.some((p) => p.tag.CAse === "nomn");
}
