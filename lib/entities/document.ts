import type { CommentaryDocument, Speaker } from "@/lib/validations/document";
import { findCountries } from "./countries";
import { cleanInstitution } from "./institutions";
import { cleanedInstitutions, resolveName, type EntityRegistry } from "./registry";
import { foldKey } from "./keys";
import type { DocumentNames, PersonEntity } from "./types";

/**
 * Between a stored document and what users see: the names a document carries as extracted or
 * imported (kept in the archive as they are), and its view with every name replaced by its
 * entity's canonical name, which is what the engines index and the pages show.
 */

/** Countries named in a document's title and text, canonical, in order of first mention. */
export function countriesInText(title: string, paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of [title, ...paragraphs]) for (const m of findCountries(text)) if (!out.includes(m.name)) out.push(m.name);
  return out;
}

function institutionsOf(doc: CommentaryDocument): string[] {
  const out = new Set(doc.institutions);
  for (const s of doc.speakers) if (s.institution) out.add(s.institution);
  // Bodies the text credits with statements («по данным МВД») are institutions of the document.
  for (const q of doc.quotes) if (q.speakerKind === "body" && q.speaker) out.add(q.speaker);
  return [...out];
}

export function documentNames(doc: CommentaryDocument): DocumentNames {
  const quoteSpeakers: Record<string, number> = {};
  for (const q of doc.quotes) if (q.speaker && q.speakerKind !== "body") quoteSpeakers[q.speaker] = (quoteSpeakers[q.speaker] ?? 0) + 1;
  return {
    docId: doc.id,
    ...(doc.date ? { date: doc.date } : {}),
    ...(doc.sample ? { sample: true } : {}),
    speakers: doc.speakers.map((s) => ({
      name: s.name,
      ...(s.role ? { role: s.role } : {}),
      ...(s.institution ? { institution: s.institution } : {}),
      ...(s.aliases?.length ? { aliases: s.aliases } : {}),
      ...(s.gender ? { gender: s.gender } : {}),
    })),
    institutions: institutionsOf(doc),
    ...(doc.institutionDetails?.length ? { institutionDetails: doc.institutionDetails.map((d) => ({ name: d.name, aliases: d.aliases ?? [], ...(d.parent ? { parent: d.parent } : {}) })) } : {}),
    countries: doc.countries ?? [],
    topics: doc.topics,
    quoteSpeakers,
  };
}

/**
 * The document as facets, filters and pages see it: speakers, institutions, countries and topics
 * under their canonical names (one value per entity), quotes credited to canonical names, and
 * the entity ids beside them. Names the registry does not know (it is rebuilt after every
 * import, so only a document read mid-import) are shown as written.
 */
export function resolveDocument(registry: EntityRegistry, doc: CommentaryDocument): CommentaryDocument {
  const personName = new Map<string, { name: string; id?: string; entity?: PersonEntity }>();
  const speakers: Speaker[] = [];
  const speakerIds: string[] = [];
  for (const s of doc.speakers) {
    if (registry.notPerson.has(foldKey(s.name))) continue;
    const e = resolveName(registry, "person", s.name, doc.id) as PersonEntity | undefined;
    const name = e?.name ?? s.name;
    personName.set(s.name, { name, ...(e ? { id: e.id, entity: e } : {}) });
    if (speakers.some((x) => x.name === name)) continue;
    const cleanedInstitution = s.institution ? cleanInstitution(s.institution, new Set()).institution : undefined;
    const institution = cleanedInstitution ? (resolveName(registry, "institution", cleanedInstitution)?.name ?? cleanedInstitution) : undefined;
    speakers.push({
      name,
      ...(s.role ? { role: s.role } : {}),
      ...(institution ? { institution } : {}),
      ...(s.gender ? { gender: s.gender } : {}),
    });
    speakerIds.push(e?.id ?? "");
  }

  const names = documentNames(doc);
  const cleaned = cleanedInstitutions(names);
  const institutions: string[] = [];
  const institutionIds: string[] = [];
  for (const n of cleaned.institutions) {
    const e = resolveName(registry, "institution", n);
    const name = e?.name ?? n;
    if (institutions.includes(name)) continue;
    institutions.push(name);
    institutionIds.push(e?.id ?? "");
  }
  const countries: string[] = [];
  const countryIds: string[] = [];
  for (const n of [...(doc.countries ?? []), ...cleaned.countries]) {
    const e = resolveName(registry, "country", n);
    const name = e?.name ?? n;
    if (countries.includes(name)) continue;
    countries.push(name);
    countryIds.push(e?.id ?? "");
  }
  const topics: string[] = [];
  const topicIds: string[] = [];
  for (const t of doc.topics) {
    const e = resolveName(registry, "topic", t);
    const name = e?.name ?? t;
    if (topics.includes(name)) continue;
    topics.push(name);
    topicIds.push(e?.id ?? "");
  }
  const quotes = doc.quotes.map((q) => {
    if (!q.speaker) return q;
    if (q.speakerKind === "body") {
      // A body's statement: under the body's canonical name, as the institution facet shows it.
      const cleaned = cleanInstitution(q.speaker, new Set()).institution;
      const e = cleaned ? resolveName(registry, "institution", cleaned) : undefined;
      return e ? { ...q, speaker: e.name } : q;
    }
    if (registry.notPerson.has(foldKey(q.speaker))) {
      const { speaker: _dropped, ...rest } = q;
      return rest;
    }
    const p = personName.get(q.speaker) ?? { name: resolveName(registry, "person", q.speaker, doc.id)?.name ?? q.speaker };
    return { ...q, speaker: p.name };
  });
  return {
    ...doc,
    speakers,
    institutions,
    countries,
    topics,
    quotes,
    entityIds: { speakers: speakerIds, institutions: institutionIds, countries: countryIds, topics: topicIds },
  };
}
