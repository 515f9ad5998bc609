import { GENERIC_BODIES, INSTITUTION_EQUIVALENTS } from "@/config/institutions";
import { REGIONS } from "@/config/regions";
import { placeOf } from "./countries";
import { ORG_HEADS } from "@/lib/extract/lexicon";
import { memoByString } from "@/lib/extract/memo";
import { foldKey, institutionKey, isAbbreviation } from "./keys";
import type { DocumentNames } from "./types";

/**
 * Institutions across the archive: one record per body, whatever case form, abbreviation or
 * spelling a text used. Places are not institutions (they go to the country facet), and
 * fragments that extraction glued to a name («ЦК КПК Си», «ООН Пан») are cut back.
 */

export interface InstitutionGroup {
  key: string;
  names: Map<string, number>;
  aliases: Set<string>;
  parent?: string;
}

const PREPOSITIONS = new Set(["в", "во", "на", "при", "из", "от", "для", "у", "с", "со", "по"]);
const CONJUNCTIONS = new Set(["и", "или", "а", "но"]);
const GENERIC = new Set(GENERIC_BODIES.map((w) => w.toLowerCase()));
const TITLE_OPENERS = new Set(["О", "Об", "За"]);
/** Regions and districts are places, like countries and cities. */
const REGION_HEADS = new Set(["область", "края", "край", "округ", "района", "район", "области", "губерния"]);

/**
 * A raw institution value made fit to show, or a country/place it turned out to be.
 * `personWords`: the first words of the people the same document names, which extraction
 * sometimes left on the end of an institution («ЦК КПК Си» from «… ЦК КПК Си Цзиньпин»).
 */
export function cleanInstitution(raw: string, personWords: ReadonlySet<string>): { institution?: string; country?: string } {
  let words = raw.trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && (personWords.has(words[words.length - 1]!) || PREPOSITIONS.has(words[words.length - 1]!) || CONJUNCTIONS.has(words[words.length - 1]!))) words = words.slice(0, -1);
  return cleanWords(words.join(" "));
}

type Cleaned = Readonly<{ institution?: string; country?: string }>;

/**
 * The rest depends only on the words left, and the same few thousand names come back in every
 * document at every registry rebuild: memoised (shared answers, never mutated by callers).
 */
const cleanWords = memoByString((joined: string): Cleaned => {
  let words = joined ? joined.split(" ") : [];
  const first = words[0]?.replace(/^[«"„]/u, "") ?? "";
  // A description («новый клуб», «российский газовый холдинг») is not a name; a law or an award
  // («О полиции», «За заслуги перед Отечеством») is a title.
  if (!/^[A-ZА-ЯЁ0-9]/u.test(first) || (words.length > 1 && TITLE_OPENERS.has(first))) return {};
  if (REGION_HEADS.has(foldKey(words[words.length - 1]!)) || (foldKey(first) === "республика" && words.length === 2 && !isAbbreviation(words[1]!))) return {};
  // «Тегеран в ОПЕК»: a place, a preposition, then the body.
  const prep = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
  if (prep > 0 && placeOf(words.slice(0, prep).join(" "))) words = words.slice(prep + 1);
  if (words.length === 0) return {};
  const name = words.join(" ");
  // «СМИ», «СМИ Египта»: the media in general is no institution.
  if (GENERIC.has(foldKey(words[0]!))) return {};
  const place = placeOf(name);
  if (place) return place.kind === "country" ? { country: place.name } : {};
  if (regionKeys().has(institutionKey(name))) return {};
  // «ЮАР Мак»: a place and a stray word is a fragment, not a body.
  const lead = placeOf(words[0]!);
  if (lead && words.length === 2 && !ORG_HEADS.has(foldKey(words[1]!)) && !isAbbreviation(words[1]!)) return {};
  return { institution: name };
});

let regions: Set<string> | undefined;
const regionKeys = () => (regions ??= new Set(REGIONS.map(institutionKey)));

let equivalents: Map<string, string> | undefined;
/** Built on first use, not at load: the keys need the morphology (~150 ms), and a server's first search may never ask. */
function equivalentKey(): Map<string, string> {
  if (equivalents) return equivalents;
  equivalents = new Map();
  for (const set of INSTITUTION_EQUIVALENTS) {
    const head = institutionKey(set[0]!);
    for (const n of set) equivalents.set(institutionKey(n), head);
  }
  return equivalents;
}

/** A name listed as an institution in config/institutions.ts (any case form): never a person. */
export function knownInstitution(name: string): boolean {
  return equivalentKey().has(institutionKey(name));
}

export function canonicalInstitutionKey(name: string): string {
  const k = institutionKey(name);
  return equivalentKey().get(k) ?? k;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    const p = this.parent.get(x);
    if (p === undefined || p === x) return x;
    const root = this.find(p);
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

export interface InstitutionResolution {
  groups: Map<string, InstitutionGroup>;
  /** Group key of a cleaned institution name, or undefined when it is not an institution. */
  groupOf(name: string): string | undefined;
}

/** `cleaned`: per document, the institution names after cleanInstitution. */
export function resolveInstitutions(docs: readonly DocumentNames[], cleaned: ReadonlyMap<string, string[]>): InstitutionResolution {
  const uf = new UnionFind();
  const names = new Map<string, Map<string, number>>();
  const aliases = new Map<string, Set<string>>();
  const parents = new Map<string, string>();
  const note = (n: string) => {
    const k = canonicalInstitutionKey(n);
    const m = names.get(k) ?? new Map<string, number>();
    m.set(n, (m.get(n) ?? 0) + 1);
    names.set(k, m);
    return k;
  };
  for (const d of docs) for (const n of cleaned.get(d.docId) ?? []) note(n);
  for (const d of docs) {
    for (const det of d.institutionDetails ?? []) {
      const k = canonicalInstitutionKey(det.name);
      if (!names.has(k)) continue;
      for (const a of det.aliases) {
        const s = aliases.get(k) ?? new Set<string>();
        s.add(a);
        aliases.set(k, s);
        // An abbreviation defined in the text («Институт … (ИМЭП)») joins the two records.
        const ak = canonicalInstitutionKey(a);
        if (names.has(ak)) uf.union(k, ak);
      }
      if (det.parent && !parents.has(k)) parents.set(k, det.parent);
    }
  }
  const groups = new Map<string, InstitutionGroup>();
  for (const [k, m] of names) {
    const root = uf.find(k);
    const g: InstitutionGroup = groups.get(root) ?? { key: root, names: new Map(), aliases: new Set() };
    for (const [n, c] of m) g.names.set(n, (g.names.get(n) ?? 0) + c);
    for (const a of aliases.get(k) ?? []) g.aliases.add(a);
    if (!g.parent && parents.has(k)) g.parent = parents.get(k);
    groups.set(root, g);
  }
  return {
    groups,
    groupOf(name) {
      const k = canonicalInstitutionKey(name);
      return names.has(k) ? uf.find(k) : undefined;
    },
  };
}

/**
 * The name shown: a configured canonical name, else a spelled-out name over its abbreviation
 * («Институт мировой экономики и политики» over «ИМЭП»), the nominative, the most frequent.
 */
export function canonicalInstitutionName(g: InstitutionGroup): string {
  const configured = INSTITUTION_EQUIVALENTS.find((set) => set.some((n) => g.names.has(n) || [...g.names.keys()].some((x) => institutionKey(x) === institutionKey(n))));
  if (configured) return configured[0]!;
  const entries = [...g.names.entries()];
  entries.sort(
    (a, b) =>
      Number(isAbbreviation(a[0])) - Number(isAbbreviation(b[0])) ||
      Number(isNominative(b[0])) - Number(isNominative(a[0])) ||
      b[1] - a[1] ||
      Number(/ё/i.test(b[0])) - Number(/ё/i.test(a[0])) ||
      a[0].length - b[0].length ||
      a[0].localeCompare(b[0], "ru"),
  );
  return entries[0]![0];
}

/** The name's first word is already its dictionary form: «Единая Россия», not «Единой России». */
function isNominative(name: string): boolean {
  const first = name.replace(/^[«"„]/u, "").split(/\s+/)[0] ?? "";
  if (isAbbreviation(first)) return true;
  return institutionKey(first) === foldKey(first).replace(/ъ$/u, "");
}

