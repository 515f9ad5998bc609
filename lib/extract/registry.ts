import slugify from "@sindresorhus/slugify";
import { TOPICS } from "@/config/topics";
import type { CommentaryDocument, Quote, Speaker } from "@/lib/validations/document";

/**
 * The archive-wide registry of speakers, institutions and topics, built from stored documents of
 * any engine. Merging is conservative: the same surname with a different first name is a
 * different person (Ержан Салтыбаев ≠ Айгуль Салтыбаева), and a surname alone joins a full name
 * only when exactly one person in the archive carries that surname.
 */

export interface RoleRecord {
  role?: string;
  institution?: string;
  /** Earliest and latest document dates this role was seen with (documents without a date add none). */
  firstSeen?: string;
  lastSeen?: string;
  documentIds: string[];
}

export interface RegistrySpeaker {
  slug: string;
  name: string;
  /** Other names this person was recorded under (surname alone, inflected forms). */
  aliases: string[];
  roles: RoleRecord[];
  /** Current role: the one seen in the most recent document. */
  role?: string;
  institution?: string;
  institutions: string[];
  quoteCount: number;
  documentCount: number;
  documentIds: string[];
}

export interface RegistryInstitution {
  slug: string;
  name: string;
  aliases: string[];
  parent?: string;
  /** Canonical names of speakers who spoke for it. */
  speakers: string[];
  documentCount: number;
  documentIds: string[];
}

export interface RegistryTopic {
  slug: string;
  label: string;
  documentCount: number;
  documentIds: string[];
}

export interface Registry {
  speakers: RegistrySpeaker[];
  institutions: RegistryInstitution[];
  topics: RegistryTopic[];
  /** Any recorded speaker name or alias (case- and ё-insensitive) → canonical name. */
  speakerCanonical: Map<string, string>;
  /** Any institution name or alias → canonical name. */
  institutionCanonical: Map<string, string>;
}

export function nameKey(s: string): string {
  return s.toLowerCase().replace(/ё/g, "е").replace(/[«»"„“]/g, "").replace(/\s+/g, " ").trim();
}

export function speakerSlug(name: string): string {
  return slugify(name, { lowercase: true }) || "speaker";
}

export function institutionSlug(name: string): string {
  return slugify(name, { lowercase: true }).slice(0, 100).replace(/-+$/, "") || "institution";
}

/** Topic slugs come from config/topics.ts; labels outside the taxonomy are slugified. */
export function topicSlug(label: string): string {
  const t = TOPICS.find((x) => nameKey(x.label) === nameKey(label));
  return t ? t.slug : slugify(label, { lowercase: true }) || "topic";
}

function surnameOf(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts[parts.length - 1]!;
}

function uniq(xs: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const x of xs) if (x && !seen.has(nameKey(x))) seen.set(nameKey(x), x);
  return [...seen.values()];
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

function buildInstitutions(docs: readonly CommentaryDocument[]) {
  interface Acc {
    names: Map<string, number>;
    aliases: Set<string>;
    parent?: string;
    docs: Set<string>;
    speakers: Set<string>;
  }
  const uf = new UnionFind();
  const display = new Map<string, Map<string, number>>();
  const seenKeys = new Set<string>();
  const note = (name: string) => {
    const k = nameKey(name);
    seenKeys.add(k);
    const m = display.get(k) ?? new Map<string, number>();
    m.set(name, (m.get(name) ?? 0) + 1);
    display.set(k, m);
    return k;
  };
  const aliasesOf = new Map<string, Set<string>>();
  const parentOf = new Map<string, string>();
  for (const d of docs) {
    for (const det of d.institutionDetails ?? []) {
      const k = note(det.name);
      for (const a of det.aliases ?? []) {
        const s = aliasesOf.get(k) ?? new Set<string>();
        s.add(a);
        aliasesOf.set(k, s);
      }
      if (det.parent && !parentOf.has(k)) parentOf.set(k, det.parent);
    }
    for (const n of d.institutions) note(n);
    for (const s of d.speakers) if (s.institution) note(s.institution);
  }
  // An alias that is itself recorded as an institution name (ИМЭП) joins the two.
  for (const [k, aliases] of aliasesOf) for (const a of aliases) if (seenKeys.has(nameKey(a))) uf.union(k, nameKey(a));
  for (const [k, aliases] of aliasesOf) for (const [k2, aliases2] of aliasesOf) if (k !== k2 && [...aliases].some((a) => [...aliases2].some((b) => nameKey(a) === nameKey(b)))) uf.union(k, k2);

  const groups = new Map<string, Acc>();
  for (const k of seenKeys) {
    const root = uf.find(k);
    const acc: Acc = groups.get(root) ?? { names: new Map(), aliases: new Set(), docs: new Set(), speakers: new Set() };
    for (const [n, c] of display.get(k) ?? []) acc.names.set(n, (acc.names.get(n) ?? 0) + c);
    for (const a of aliasesOf.get(k) ?? []) acc.aliases.add(a);
    if (!acc.parent && parentOf.has(k)) acc.parent = parentOf.get(k);
    groups.set(root, acc);
  }
  const canonicalOfKey = new Map<string, string>();
  for (const [root, acc] of groups) {
    // Canonical: the longest recorded name (a full name beats its abbreviation), then the most frequent.
    const best = [...acc.names.entries()].sort((a, b) => Number(isAbbreviation(a[0])) - Number(isAbbreviation(b[0])) || b[1] - a[1] || b[0].length - a[0].length)[0]![0];
    canonicalOfKey.set(root, best);
  }
  const canonical = (name: string): string => canonicalOfKey.get(uf.find(nameKey(name))) ?? name;
  return { groups, uf, canonical, canonicalOfKey };
}

function isAbbreviation(s: string): boolean {
  return /^[A-ZА-ЯЁ0-9-]{2,}$/u.test(s);
}

export function buildRegistry(docs: readonly CommentaryDocument[]): Registry {
  const inst = buildInstitutions(docs);

  // Speakers: full names first, then surnames alone attach only when unambiguous.
  const all: { doc: CommentaryDocument; s: Speaker & { aliases?: string[] } }[] = [];
  for (const doc of docs) for (const s of doc.speakers) all.push({ doc, s });
  const fullBySurname = new Map<string, Set<string>>();
  for (const { s } of all) {
    if (s.name.trim().split(/\s+/).length > 1) {
      const k = nameKey(surnameOf(s.name));
      const set = fullBySurname.get(k) ?? new Set<string>();
      set.add(nameKey(s.name));
      fullBySurname.set(k, set);
    }
  }
  const canonicalKey = (name: string): string => {
    const k = nameKey(name);
    if (name.trim().split(/\s+/).length > 1) return k;
    const full = fullBySurname.get(k);
    return full && full.size === 1 ? [...full][0]! : k;
  };

  interface SAcc {
    names: Map<string, number>;
    aliases: Set<string>;
    roles: Map<string, RoleRecord>;
    docs: Set<string>;
    quotes: number;
    latest?: { date: string; role?: string; institution?: string };
  }
  const acc = new Map<string, SAcc>();
  const speakerCanonical = new Map<string, string>();
  for (const { doc, s } of all) {
    const key = canonicalKey(s.name);
    const a: SAcc = acc.get(key) ?? { names: new Map(), aliases: new Set(), roles: new Map(), docs: new Set(), quotes: 0 };
    a.names.set(s.name, (a.names.get(s.name) ?? 0) + 1);
    for (const al of s.aliases ?? []) a.aliases.add(al);
    if (!a.docs.has(doc.id)) {
      a.docs.add(doc.id);
      a.quotes += doc.quotes.filter((q: Quote) => q.speaker && nameKey(q.speaker) === nameKey(s.name)).length;
    }
    const institution = s.institution ? inst.canonical(s.institution) : undefined;
    if (s.role || institution) {
      const rk = `${nameKey(s.role ?? "")}|${nameKey(institution ?? "")}`;
      const r = a.roles.get(rk) ?? { ...(s.role ? { role: s.role } : {}), ...(institution ? { institution } : {}), documentIds: [] };
      if (!r.documentIds.includes(doc.id)) r.documentIds.push(doc.id);
      if (doc.date) {
        if (!r.firstSeen || doc.date < r.firstSeen) r.firstSeen = doc.date;
        if (!r.lastSeen || doc.date > r.lastSeen) r.lastSeen = doc.date;
        if (!a.latest || doc.date >= a.latest.date) a.latest = { date: doc.date, ...(s.role ? { role: s.role } : {}), ...(institution ? { institution } : {}) };
      }
      a.roles.set(rk, r);
    }
    acc.set(key, a);
  }

  const speakers: RegistrySpeaker[] = [];
  const usedSlugs = new Set<string>();
  const uniqueSlug = (base: string) => {
    let slug = base;
    for (let i = 2; usedSlugs.has(slug); i++) slug = `${base}-${i}`;
    usedSlugs.add(slug);
    return slug;
  };
  for (const [, a] of acc) {
    const name = [...a.names.entries()].sort((x, y) => y[0].split(/\s+/).length - x[0].split(/\s+/).length || y[1] - x[1])[0]![0];
    const aliases = uniq([...a.names.keys(), ...a.aliases]).filter((n) => nameKey(n) !== nameKey(name));
    const roles = [...a.roles.values()].sort((x, y) => (y.lastSeen ?? "").localeCompare(x.lastSeen ?? "") || y.documentIds.length - x.documentIds.length);
    const current = a.latest ?? roles[0];
    speakers.push({
      slug: uniqueSlug(speakerSlug(name)),
      name,
      aliases,
      roles,
      ...(current?.role ? { role: current.role } : {}),
      ...(current?.institution ? { institution: current.institution } : {}),
      institutions: uniq(roles.map((r) => r.institution).filter((x): x is string => Boolean(x))),
      quoteCount: a.quotes,
      documentCount: a.docs.size,
      documentIds: [...a.docs],
    });
    for (const n of [name, ...aliases]) speakerCanonical.set(nameKey(n), name);
  }
  speakers.sort((x, y) => y.documentCount - x.documentCount || y.quoteCount - x.quoteCount || x.name.localeCompare(y.name, "ru"));

  const institutionCanonical = new Map<string, string>();
  const instSpeakers = new Map<string, Set<string>>();
  for (const s of speakers) for (const i of s.institutions) instSpeakers.set(i, (instSpeakers.get(i) ?? new Set()).add(s.name));
  const instDocs = new Map<string, Set<string>>();
  for (const d of docs) {
    const names = new Set<string>([...d.institutions, ...d.speakers.map((s) => s.institution ?? ""), ...(d.institutionDetails ?? []).map((x) => x.name)].filter(Boolean).map((n) => inst.canonical(n)));
    for (const n of names) instDocs.set(n, (instDocs.get(n) ?? new Set()).add(d.id));
  }
  const institutions: RegistryInstitution[] = [];
  const instSlugs = new Set<string>();
  for (const [root, g] of inst.groups) {
    const name = inst.canonicalOfKey.get(root)!;
    const aliases = uniq([...g.names.keys(), ...g.aliases]).filter((n) => nameKey(n) !== nameKey(name));
    let slug = institutionSlug(name);
    for (let i = 2; instSlugs.has(slug); i++) slug = `${institutionSlug(name)}-${i}`;
    instSlugs.add(slug);
    const docIds = [...(instDocs.get(name) ?? [])];
    institutions.push({
      slug,
      name,
      aliases,
      ...(g.parent ? { parent: inst.canonical(g.parent) } : {}),
      speakers: [...(instSpeakers.get(name) ?? [])].sort((a, b) => a.localeCompare(b, "ru")),
      documentCount: docIds.length,
      documentIds: docIds,
    });
    for (const n of [name, ...aliases]) institutionCanonical.set(nameKey(n), name);
  }
  institutions.sort((a, b) => b.documentCount - a.documentCount || a.name.localeCompare(b.name, "ru"));

  const topicDocs = new Map<string, { label: string; ids: Set<string> }>();
  for (const d of docs) {
    for (const t of d.topics) {
      const slug = topicSlug(t);
      const e = topicDocs.get(slug) ?? { label: TOPICS.find((x) => x.slug === slug)?.label ?? t, ids: new Set<string>() };
      e.ids.add(d.id);
      topicDocs.set(slug, e);
    }
  }
  const topics: RegistryTopic[] = [...topicDocs.entries()]
    .map(([slug, e]) => ({ slug, label: e.label, documentCount: e.ids.size, documentIds: [...e.ids] }))
    .sort((a, b) => b.documentCount - a.documentCount || a.label.localeCompare(b.label, "ru"));

  return { speakers, institutions, topics, speakerCanonical, institutionCanonical };
}

export function findSpeaker(registry: Registry, slugOrName: string): RegistrySpeaker | undefined {
  const canonical = registry.speakerCanonical.get(nameKey(slugOrName));
  return registry.speakers.find((s) => s.slug === slugOrName || s.name === canonical);
}

export function findInstitution(registry: Registry, slugOrName: string): RegistryInstitution | undefined {
  const canonical = registry.institutionCanonical.get(nameKey(slugOrName));
  return registry.institutions.find((i) => i.slug === slugOrName || i.name === canonical);
}

export function findTopic(registry: Registry, slugOrLabel: string): RegistryTopic | undefined {
  return registry.topics.find((t) => t.slug === slugOrLabel || nameKey(t.label) === nameKey(slugOrLabel));
}

/** Canonical speaker name for facets, or the name itself when the registry does not know it. */
export function canonicalSpeaker(registry: Registry, name: string): string {
  return registry.speakerCanonical.get(nameKey(name)) ?? name;
}

export function canonicalInstitution(registry: Registry, name: string): string {
  return registry.institutionCanonical.get(nameKey(name)) ?? name;
}

/** A document with speaker and institution names replaced by their canonical forms (for facets). */
export function canonicalizeDocument(registry: Registry, doc: CommentaryDocument): CommentaryDocument {
  return {
    ...doc,
    speakers: doc.speakers.map((s) => ({ ...s, name: canonicalSpeaker(registry, s.name), ...(s.institution ? { institution: canonicalInstitution(registry, s.institution) } : {}) })),
    institutions: uniq(doc.institutions.map((n) => canonicalInstitution(registry, n))),
    quotes: doc.quotes.map((q) => (q.speaker ? { ...q, speaker: canonicalSpeaker(registry, q.speaker) } : q)),
  };
}

/** Anchor id for the n-th quote of a document on the article page (#quote-2 is the second). */
export function quoteAnchor(index: number): string {
  return `quote-${index + 1}`;
}
