import { createHash } from "node:crypto";
import { TOPICS } from "@/config/topics";
import { nameSlug } from "@/lib/slug";
import { countryOf } from "./countries";
import { canonicalInstitutionKey, canonicalInstitutionName, cleanInstitution, resolveInstitutions } from "./institutions";
import { firstNameKey, foldKey, institutionKey, nameParts, surnameKey } from "./keys";
import { NO_OVERRIDES, type PeopleOverrides } from "./overrides";
import { canonicalPersonName, notPeople, resolvePeople } from "./people";
import type { CountryEntity, DocumentNames, Entity, EntityKind, InstitutionEntity, PersonEntity, RoleRecord, TopicEntity } from "./types";

/**
 * The archive-wide registry of people, institutions, countries and topics: built from every
 * stored document's names at import and reindex, it is what facets, filters, pages and the API
 * speak in. A document's raw names map to entities through `resolveName`.
 */

export interface EntityRegistry {
  entities: Entity[];
  byId: Map<string, Entity>;
  /** Per kind: folded canonical name, variant or slug → entity id. */
  lookup: Record<EntityKind, Map<string, string>>;
  /** Person values moved by a split override: "docId\0folded raw" → entity id. */
  personInDocument: Map<string, string>;
  /** Folded values the editor marked as not a person. */
  notPerson: Set<string>;
  /** People by surname (folded, and its dictionary key): a case-form lookup reads a handful, not the registry. */
  bySurname: Map<string, PersonEntity[]>;
}

function stableId(kind: EntityKind, key: string): string {
  return `${kind[0]}${createHash("sha256").update(`${kind}|${key}`).digest("hex").slice(0, 12)}`;
}

const KINDS: EntityKind[] = ["person", "institution", "country", "topic"];
const emptyMaps = () => Object.fromEntries(KINDS.map((k) => [k, new Map<string, string>()])) as Record<EntityKind, Map<string, string>>;

/**
 * Each document's institutions made fit to show, and the countries found among them. Asked twice
 * of every document at a rebuild (the registry, then the view hashes): kept per names object,
 * which nothing mutates once read.
 */
export function cleanedInstitutions(d: DocumentNames): { institutions: string[]; countries: string[] } {
  let c = cleanedOf.get(d);
  if (!c) cleanedOf.set(d, (c = cleanInstitutionsOf(d)));
  return c;
}

const cleanedOf = new WeakMap<DocumentNames, { institutions: string[]; countries: string[] }>();

function cleanInstitutionsOf(d: DocumentNames): { institutions: string[]; countries: string[] } {
  const personWords = new Set(d.speakers.flatMap((s) => s.name.split(/\s+/).slice(0, -1)).concat(d.speakers.flatMap((s) => (s.name.includes(" ") ? [s.name.split(/\s+/)[0]!] : []))));
  const institutions: string[] = [];
  const countries: string[] = [];
  for (const raw of d.institutions) {
    const c = cleanInstitution(raw, personWords);
    if (c.institution && !institutions.includes(c.institution)) institutions.push(c.institution);
    if (c.country && !countries.includes(c.country)) countries.push(c.country);
  }
  return { institutions, countries };
}

export function buildEntityRegistry(docs: readonly DocumentNames[], overrides: PeopleOverrides = NO_OVERRIDES): EntityRegistry {
  const entities: Entity[] = [];
  const raw = emptyMaps();
  const personInDocument = new Map<string, string>();
  const sampleDocs = new Set(docs.filter((d) => d.sample).map((d) => d.docId));
  // Without samples in the archive nothing is sample-only; the check walked every entity's documents.
  const sampleOnly = (ids: Set<string>) => {
    if (sampleDocs.size === 0) return ids.size === 0;
    for (const id of ids) if (!sampleDocs.has(id)) return false;
    return true;
  };
  const dateOf = new Map(docs.map((d) => [d.docId, d.date]));

  // ---- institutions and countries (people refer to institutions by canonical name) ----
  const cleaned = new Map<string, string[]>();
  const docCountries = new Map<string, string[]>();
  for (const d of docs) {
    const c = cleanedInstitutions(d);
    cleaned.set(d.docId, c.institutions);
    const countries = new Set<string>();
    for (const n of [...d.countries, ...c.countries]) {
      const name = countryOf(n) ?? n;
      countries.add(name);
    }
    docCountries.set(d.docId, [...countries]);
  }
  const inst = resolveInstitutions(docs, cleaned);
  const instEntity = new Map<string, InstitutionEntity>();
  const instDocs = new Map<string, Set<string>>();
  for (const d of docs) for (const n of cleaned.get(d.docId) ?? []) {
    const k = inst.groupOf(n);
    if (k) instDocs.set(k, (instDocs.get(k) ?? new Set()).add(d.docId));
  }
  for (const [key, g] of inst.groups) {
    const name = canonicalInstitutionName(g);
    const ids = instDocs.get(key) ?? new Set<string>();
    const e: InstitutionEntity = {
      id: stableId("institution", key),
      kind: "institution",
      slug: "",
      name,
      variants: uniqueFolded([...g.names.keys(), ...g.aliases], name),
      documentCount: ids.size,
      sampleOnly: ids.size > 0 && sampleOnly(ids),
      speakers: [],
    };
    instEntity.set(key, e);
    for (const n of [name, ...e.variants]) raw.institution.set(foldKey(n), e.id);
  }
  for (const [key, g] of inst.groups) {
    if (!g.parent) continue;
    const pk = inst.groupOf(g.parent);
    const parent = pk ? instEntity.get(pk)?.name : g.parent;
    if (parent && parent !== instEntity.get(key)!.name) instEntity.get(key)!.parent = parent;
  }
  const institutionName = (n: string | undefined): string | undefined => {
    if (!n) return undefined;
    const k = inst.groupOf(n);
    return k ? instEntity.get(k)?.name : undefined;
  };
  entities.push(...instEntity.values());

  const countryDocs = new Map<string, Set<string>>();
  for (const [id, cs] of docCountries) for (const c of cs) countryDocs.set(c, (countryDocs.get(c) ?? new Set()).add(id));
  const countryVariants = new Map<string, Set<string>>();
  for (const d of docs) for (const n of d.countries) {
    const c = countryOf(n) ?? n;
    if (n !== c) countryVariants.set(c, (countryVariants.get(c) ?? new Set()).add(n));
  }
  for (const [name, ids] of countryDocs) {
    const e: CountryEntity = { id: stableId("country", foldKey(name)), kind: "country", slug: "", name, variants: uniqueFolded(countryVariants.get(name) ?? [], name), documentCount: ids.size, sampleOnly: sampleOnly(ids) };
    entities.push(e);
    for (const n of [name, ...e.variants]) raw.country.set(foldKey(n), e.id);
  }

  // ---- people ----
  const notPersonAuto = notPeople(docs, new Set(raw.institution.keys()));
  const people = resolvePeople(docs, overrides, notPersonAuto);
  const personEntity = new Map<string, PersonEntity>();
  for (const [key, g] of people.groups) {
    let name = canonicalPersonName(g);
    name = overrides.rename[name] ?? name;
    const e: PersonEntity = {
      id: stableId("person", g.idKey ?? key),
      kind: "person",
      slug: "",
      name,
      variants: uniqueFolded([...g.names.keys(), ...g.aliases], name),
      documentCount: 0,
      sampleOnly: false,
      ...(g.gender ? { gender: g.gender } : {}),
      partial: g.partial,
      statementCount: 0,
      roles: [],
      institutions: [],
    };
    personEntity.set(key, e);
  }
  const personDocs = new Map<string, Set<string>>();
  const roles = new Map<string, Map<string, RoleRecord & { docs: Set<string> }>>();
  const latest = new Map<string, { date: string; role?: string; institution?: string }>();
  // What depends on a speaker's values and not on the document, once per value: the same few
  // thousand names, posts and institutions recur across the archive. A person's group depends on
  // the document only where a split override names documents.
  const perDocumentSplit = overrides.split.some((x) => x.documents?.length);
  const groupOfName = new Map<string, string | undefined>();
  const groupOf = (docId: string, name: string) => {
    if (perDocumentSplit) return people.groupOf(docId, name);
    if (!groupOfName.has(name)) groupOfName.set(name, people.groupOf(docId, name));
    return groupOfName.get(name);
  };
  const speakerInstitution = new Map<string, string | undefined>();
  const institutionOfSpeaker = (raw: string) => {
    if (!speakerInstitution.has(raw)) speakerInstitution.set(raw, institutionName(cleanInstitution(raw, new Set()).institution));
    return speakerInstitution.get(raw);
  };
  for (const d of docs) {
    for (const s of d.speakers) {
      const key = groupOf(d.docId, s.name);
      const e = key ? personEntity.get(key) : undefined;
      if (!e) continue;
      const folded = foldKey(s.name);
      if (raw.person.has(folded) && raw.person.get(folded) !== e.id) personInDocument.set(`${d.docId}\u0000${folded}`, e.id);
      else if (!raw.person.has(folded)) raw.person.set(folded, e.id);
      const firstTime = !(personDocs.get(e.id)?.has(d.docId) ?? false);
      personDocs.set(e.id, (personDocs.get(e.id) ?? new Set()).add(d.docId));
      if (firstTime) e.statementCount += d.quoteSpeakers[s.name] ?? 0;
      const institution = s.institution ? institutionOfSpeaker(s.institution) : undefined;
      if (s.role || institution) {
        const rk = `${foldKey(s.role ?? "")}|${foldKey(institution ?? "")}`;
        const m = roles.get(e.id) ?? new Map();
        const r = m.get(rk) ?? { ...(s.role ? { role: s.role } : {}), ...(institution ? { institution } : {}), documentCount: 0, docs: new Set<string>() };
        r.docs.add(d.docId);
        const date = dateOf.get(d.docId);
        if (date) {
          if (!r.firstSeen || date < r.firstSeen) r.firstSeen = date;
          if (!r.lastSeen || date > r.lastSeen) r.lastSeen = date;
          const l = latest.get(e.id);
          if (!l || date >= l.date) latest.set(e.id, { date, ...(s.role ? { role: s.role } : {}), ...(institution ? { institution } : {}) });
        }
        m.set(rk, r);
        roles.set(e.id, m);
      }
    }
  }
  // The first institution of each name, as a scan of instEntity in order would find it.
  const institutionNamed = new Map<string, InstitutionEntity>();
  for (const ie of instEntity.values()) if (!institutionNamed.has(ie.name)) institutionNamed.set(ie.name, ie);
  for (const e of personEntity.values()) {
    const ids = personDocs.get(e.id) ?? new Set<string>();
    e.documentCount = ids.size;
    e.sampleOnly = ids.size > 0 && sampleOnly(ids);
    const rs = [...(roles.get(e.id)?.values() ?? [])]
      .map(({ docs: ds, ...r }) => ({ ...r, documentCount: ds.size }))
      .sort((x, y) => (y.lastSeen ?? "").localeCompare(x.lastSeen ?? "") || y.documentCount - x.documentCount);
    e.roles = rs;
    const current = latest.get(e.id) ?? rs[0];
    if (current?.role) e.role = current.role;
    if (current?.institution) e.institution = current.institution;
    e.institutions = [...new Set(rs.map((r) => r.institution).filter((x): x is string => Boolean(x)))];
    for (const i of e.institutions) {
      const ie = institutionNamed.get(i);
      if (ie && !ie.speakers.includes(e.name)) ie.speakers.push(e.name);
    }
    if (e.documentCount > 0) entities.push(e);
  }

  // ---- topics: one per label whatever its case («Санкции» = «санкции») ----
  const topicGroups = new Map<string, { names: Map<string, number>; docs: Set<string> }>();
  for (const d of docs) for (const t of d.topics) {
    const k = foldKey(t);
    const g = topicGroups.get(k) ?? { names: new Map(), docs: new Set() };
    g.names.set(t, (g.names.get(t) ?? 0) + 1);
    g.docs.add(d.docId);
    topicGroups.set(k, g);
  }
  for (const [k, g] of topicGroups) {
    const configured = TOPICS.find((t) => foldKey(t.label) === k);
    const name = configured?.label ?? [...g.names.entries()].sort((a, b) => b[1] - a[1] || Number(/^[А-ЯЁA-Z]/u.test(b[0])) - Number(/^[А-ЯЁA-Z]/u.test(a[0])))[0]![0];
    const e: TopicEntity = { id: stableId("topic", k), kind: "topic", slug: "", name, variants: uniqueFolded(g.names.keys(), name), documentCount: g.docs.size, sampleOnly: sampleOnly(g.docs) };
    entities.push(e);
    for (const n of [name, ...e.variants]) raw.topic.set(foldKey(n), e.id);
  }

  // Canonical names must be unique per kind: they are the facet values.
  dedupeNames(entities);
  assignSlugs(entities);
  return indexRegistry(entities, personInDocument, new Set([...overrides.notPerson.map(foldKey), ...notPersonAuto]));
}

/** Lookups over a list of entities; the same for a registry just built and one read back from the archive. */
export function indexRegistry(entities: Entity[], personInDocument: Map<string, string>, notPerson: Set<string>): EntityRegistry {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const lookup = emptyMaps();
  for (const e of entities) for (const n of e.variants) if (!lookup[e.kind].has(foldKey(n))) lookup[e.kind].set(foldKey(n), e.id);
  // A canonical name wins over another entity's variant.
  for (const e of entities) {
    lookup[e.kind].set(foldKey(e.name), e.id);
    lookup[e.kind].set(`slug:${e.slug}`, e.id);
  }
  // An address made from a variant («/speakers/putin» for «Путин») leads to the entity's own.
  for (const e of entities) for (const n of e.variants) if (!lookup[e.kind].has(`slug:${nameSlug(n)}`)) lookup[e.kind].set(`slug:${nameSlug(n)}`, e.id);
  const bySurname = new Map<string, PersonEntity[]>();
  for (const e of entities) {
    if (e.kind !== "person") continue;
    for (const n of [e.name, ...e.variants]) {
      const p = nameParts(n);
      if (!p) continue;
      for (const k of new Set<string>([foldKey(p.surname), surnameKey(p.surname, e.gender)])) {
        const list: PersonEntity[] = bySurname.get(k) ?? [];
        if (!list.includes(e)) list.push(e);
        bySurname.set(k, list);
      }
    }
  }
  return { entities, byId, lookup, personInDocument, notPerson, bySurname };
}

function uniqueFolded(names: Iterable<string>, except: string): string[] {
  const seen = new Set([foldKey(except)]);
  const out: string[] = [];
  for (const n of names) {
    const k = foldKey(n);
    if (!n || seen.has(k)) {
      // Keep distinct spellings that fold together (Пётр/Петр) as variants too.
      if (n && n !== except && !out.includes(n) && k === foldKey(except)) out.push(n);
      continue;
    }
    seen.add(k);
    out.push(n);
  }
  return out;
}

/**
 * Canonical names must be unique per kind, and so must their page addresses: they are facet
 * values and links are made from them. Names whose slugs collide («Мэри Смит» / «Мери Смит» when
 * not merged) get a number, so that every entity has exactly one address.
 */
function dedupeNames(entities: Entity[]): void {
  for (const kind of KINDS) {
    const bySlug = new Map<string, Entity[]>();
    for (const e of entities) if (e.kind === kind) bySlug.set(nameSlug(e.name), [...(bySlug.get(nameSlug(e.name)) ?? []), e]);
    for (const list of bySlug.values()) {
      if (list.length < 2) continue;
      list.sort((a, b) => b.documentCount - a.documentCount || a.id.localeCompare(b.id));
      list.slice(1).forEach((e, i) => (e.name = `${e.name} (${i + 2})`));
    }
  }
}

/** A page address is the canonical name's slug, so a link made from a name always lands on its entity. */
function assignSlugs(entities: Entity[]): void {
  for (const e of entities) e.slug = nameSlug(e.name);
}

/** The entity a raw value of one document stands for. */
export function resolveName(registry: EntityRegistry, kind: EntityKind, value: string, docId?: string): Entity | undefined {
  const folded = foldKey(value);
  const moved = kind === "person" && docId ? registry.personInDocument.get(`${docId}\u0000${folded}`) : undefined;
  const id = moved ?? registry.lookup[kind].get(folded);
  return id ? registry.byId.get(id) : undefined;
}

/**
 * What a user typed in a filter or a URL: a canonical name, any variant, any case form
 * («Путина», «владимир путин»), or a slug. Case forms are reduced to their dictionary form;
 * a surname that fits several people finds none, as a partial value would mislead.
 */
export function findEntity(registry: EntityRegistry, kind: EntityKind, text: string): Entity | undefined {
  const direct = registry.lookup[kind].get(foldKey(text)) ?? registry.lookup[kind].get(`slug:${text}`);
  if (direct) return registry.byId.get(direct);
  if (kind === "country") {
    const c = countryOf(text);
    const id = c ? registry.lookup.country.get(foldKey(c)) : undefined;
    return id ? registry.byId.get(id) : undefined;
  }
  if (kind === "person") return findPersonByForm(registry, text);
  if (kind === "institution" || kind === "topic") {
    const k = canonicalInstitutionKey(text);
    const hit = registry.entities.find((e) => e.kind === kind && [e.name, ...e.variants].some((n) => canonicalInstitutionKey(n) === k));
    return hit;
  }
  return undefined;
}

/** Endings a man's surname (and a consonant-final first name) takes in the oblique cases. */
const MASCULINE_OBLIQUE = ["ым", "ом", "ем", "а", "у", "е"];

function findPersonByForm(registry: EntityRegistry, text: string): Entity | undefined {
  const parts = nameParts(text);
  if (!parts) return undefined;
  // «Путина» is his genitive or her nominative: either reading may be meant.
  // A woman's oblique case («Ветлугиной», «Ковальскую»): her nominative, and never a man.
  const feminine = FEMININE_OBLIQUE.flatMap(([from, to]) => (foldKey(parts.surname).endsWith(from) && parts.surname.length > from.length + 2 ? [foldKey(parts.surname).slice(0, -from.length) + to] : []));
  const women = personsMatching(registry, parts.first, feminine, parts.initial).filter((p) => p.gender !== "masc");
  // What the dictionary reads, and the form as written; with her readings, since «Ветлугину» is his dative and her accusative.
  const direct = new Set([...personsMatching(registry, parts.first, [surnameKey(parts.surname), foldKey(parts.surname)], parts.initial), ...women]);
  if (direct.size > 0) return direct.size === 1 ? [...direct][0] : undefined;
  // A surname the dictionary does not know, in an oblique case («Кутпанбаева»): a man's, with
  // the ending off both words; it never finds a woman.
  const strip = (w: string) => MASCULINE_OBLIQUE.filter((e) => w.length > e.length + 2 && foldKey(w).endsWith(e)).map((e) => w.slice(0, -e.length));
  const firsts = parts.first ? [parts.first, ...strip(parts.first)] : [undefined];
  const found = new Set<PersonEntity>();
  for (const f of firsts) for (const p of personsMatching(registry, f, strip(parts.surname).map(foldKey), parts.initial)) if (p.gender !== "femn") found.add(p);
  return found.size === 1 ? [...found][0] : undefined;
}

/** A woman's surname in an oblique case → its nominative ending: Ветлугиной → Ветлугина, Ковальскую → Ковальская. */
const FEMININE_OBLIQUE: [string, string][] = [
  ["ской", "ская"],
  ["скую", "ская"],
  ["цкой", "цкая"],
  ["цкую", "цкая"],
  ["овой", "ова"],
  ["евой", "ева"],
  ["иной", "ина"],
  ["ыной", "ына"],
  ["ову", "ова"],
  ["еву", "ева"],
  ["ину", "ина"],
];

function personsMatching(registry: EntityRegistry, first: string | undefined, surnames: string[], initial?: string): PersonEntity[] {
  const want = { first: first ? firstNameKey(first) : undefined, surnames: new Set(surnames) };
  // «А. Путин» is not Владимир Путин: initials must fit one of the person's full names.
  const initialFits = (e: PersonEntity) => !initial || [e.name, ...e.variants].some((n) => nameParts(n)?.initial === initial);
  const candidates = new Set(surnames.flatMap((s) => registry.bySurname.get(s) ?? []));
  return [...candidates].filter((e) => {
    if (!first && !initialFits(e)) return false;
    return [e.name, ...e.variants].some((n) => {
      const p = nameParts(n);
      if (!p) return false;
      const sameSurname = want.surnames.has(surnameKey(p.surname, e.gender)) || want.surnames.has(foldKey(p.surname));
      if (!sameSurname) return false;
      if (!want.first) return true;
      return p.first !== undefined && firstNameKey(p.first) === want.first;
    });
  });
}

/** Entities of one kind, for index pages and the API. */
export function entitiesOf<K extends EntityKind>(registry: EntityRegistry, kind: K): Extract<Entity, { kind: K }>[] {
  return registry.entities.filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);
}

/**
 * Entities a filter box finds: any name or variant containing the text, or the one entity the
 * text names in another case form («Путина» → Владимир Путин).
 */
export function matchEntities(registry: EntityRegistry, kind: EntityKind, text: string): Entity[] {
  const q = foldKey(text);
  if (!q) return entitiesOf(registry, kind);
  const byForm = findEntity(registry, kind, text);
  // Names of bodies and topics also match word by word in any case form: «Приаральского центра»
  // finds «Приаральский центр водной дипломатии».
  const lemmas = kind === "institution" || kind === "topic" ? ` ${institutionKey(text)}` : undefined;
  const out = entitiesOf(registry, kind).filter(
    (e) => e === byForm || [e.name, ...e.variants].some((n) => foldKey(n).includes(q) || (lemmas !== undefined && ` ${institutionKey(n)}`.includes(lemmas))),
  );
  return out as Entity[];
}
