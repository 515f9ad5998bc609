import { loadProfile, profileStatements, profileTitle } from "@/app/_profiles/load";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { InstitutionDetails } from "@/components/profile-details";
import { institutionRecord, servedFromArchive } from "@/lib/data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return profileTitle("institution", (await params).slug, "Организация не найдена");
}

export default async function InstitutionPage({ params, searchParams }: Props) {
  const profile = await loadProfile("institution", (await params).slug);
  const statements = await profileStatements("institution", profile.name, (await searchParams).page);
  const record = institutionRecord(profile);
  return <FacetProfilePage profile={profile} statements={statements} fromArchive={servedFromArchive()} details={record && <InstitutionDetails institution={record} />} />;
}
