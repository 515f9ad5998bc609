import type { Gender } from "./keys";

/** What the registry needs to know about one stored document: its names as extracted or imported. */
export interface DocumentNames {
  docId: string;
  date?: string;
  sample?: boolean;
  speakers: { name: string; role?: string; institution?: string; aliases?: string[]; gender?: Gender }[];
  /** Institution names the document gives, speakers' institutions included. */
  institutions: string[];
  institutionDetails?: { name: string; aliases: string[]; parent?: string }[];
  countries: string[];
  topics: string[];
  /** Raw speaker name → how many of the document's statements it is credited with. */
  quoteSpeakers: Record<string, number>;
}

export type EntityKind = "person" | "institution" | "country" | "topic";

export interface RoleRecord {
  role?: string;
  institution?: string;
  /** Earliest and latest document dates this role was seen with. */
  firstSeen?: string;
  lastSeen?: string;
  documentCount: number;
}

interface EntityBase {
  /** Stable across rebuilds while the canonical key stays the same. */
  id: string;
  kind: EntityKind;
  slug: string;
  /** Canonical name: what facets, filters and pages show. */
  name: string;
  /** Every other form seen or configured: case forms, short forms, initials, spellings. */
  variants: string[];
  documentCount: number;
  /** Seen only in fictional sample documents. */
  sampleOnly: boolean;
}

export interface PersonEntity extends EntityBase {
  kind: "person";
  gender?: Gender;
  /** A surname (or initials) alone that no full name could be given for. */
  partial: boolean;
  statementCount: number;
  roles: RoleRecord[];
  /** Role and institution in the most recent dated document. */
  role?: string;
  institution?: string;
  institutions: string[];
}

export interface InstitutionEntity extends EntityBase {
  kind: "institution";
  parent?: string;
  /** Canonical names of the people who spoke for it. */
  speakers: string[];
}

export interface CountryEntity extends EntityBase {
  kind: "country";
}

export interface TopicEntity extends EntityBase {
  kind: "topic";
}

export type Entity = PersonEntity | InstitutionEntity | CountryEntity | TopicEntity;
