import { notFound, permanentRedirect } from "next/navigation";
import { getFacetProfile, type FacetProfile } from "@/lib/data";
import type { FacetField } from "@/lib/search/types";

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

export async function profileTitle(field: FacetField, slug: string, missing: string): Promise<{ title: string; description?: string }> {
  const profile = await getFacetProfile(field, slug);
  if (!profile || "redirect" in profile) return { title: missing };
  return { title: profile.name, description: `${profile.name}: ${profile.total} материал(ов) в архиве комментариев` };
}
