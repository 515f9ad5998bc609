import { notFound, permanentRedirect } from "next/navigation";
import { getFacetProfile, getStatements, type FacetProfile } from "@/lib/data";
import { emptyFilters, type FacetField } from "@/lib/search/types";
import type { StatementResult } from "@/lib/search/statement-hit";
import { PROFILE_STATEMENTS_PER_PAGE, profilePage } from "@/components/profile-statements";
import type { Metadata } from "next";
import { pageMetadata } from "@/lib/page-metadata";

export const PROFILE_BASE: Record<FacetField, string> = { speaker: "/speakers", institution: "/institutions", country: "/countries", topic: "/topics" };

/**
 * The profile behind a page address: not found, or moved to the entity's one address when the
 * slug was made from a variant («/speakers/putina» → «/speakers/vladimir-putin»).
 */
export async function loadProfile(field: FacetField, slug: string): Promise<FacetProfile> {
  const profile = await getFacetProfile(field, slug);
  if (!profile) notFound();
  if ("redirect" in profile) permanentRedirect(`${PROFILE_BASE[field]}/${profile.redirect}`);
  return profile;
}

const KIND_LABEL: Record<FacetField, string> = { speaker: "эксперт", institution: "организация", country: "страна", topic: "тема" };

/**
 * A profile page's own title, description and Open Graph tags: the entity's name, what it is,
 * and how much of the archive it appears in («директор, ИМЭП: 3 высказывания, 1 материал»).
 */
export async function profileTitle(field: FacetField, slug: string, missing: string): Promise<Metadata & { title: string; description?: string }> {
  const profile = await getFacetProfile(field, slug);
  if (!profile || "redirect" in profile) return { title: missing };
  const e = profile.entity;
  const about = e.kind === "person" ? [e.role, e.institution].filter(Boolean).join(", ") : "";
  const counts = [e.kind === "person" ? `высказываний: ${e.statementCount}` : "", `материалов: ${profile.total}`].filter(Boolean).join(", ");
  const description = `${profile.name} (${about || KIND_LABEL[field]})${e.sampleOnly ? ", образец (вымышленное лицо)" : ""}. В архиве комментариев ${counts}.`;
  const meta = pageMetadata({ title: profile.name, description, path: `${PROFILE_BASE[field]}/${profile.slug}`, type: field === "speaker" ? "profile" : "website" });
  return { ...meta, title: profile.name, description: meta.description ?? description };
}

/**
 * One page (?page=N) of the statements filed under a profile, newest first: a speaker's words, the
 * words of an institution's people and of the body itself, what was said about a country or a topic.
 */
export function profileStatements(field: FacetField, name: string, page: string | string[] | undefined, options: { timeline?: boolean } = {}): Promise<StatementResult> {
  return getStatements({
    q: "",
    filters: { ...emptyFilters(), [field]: [name] },
    sort: "date",
    page: profilePage(page),
    perPage: PROFILE_STATEMENTS_PER_PAGE,
    ...(options.timeline ? { timeline: true } : {}),
  });
}
