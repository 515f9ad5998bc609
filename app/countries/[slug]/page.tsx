import { loadProfile, profileStatements, profileTitle } from "@/app/_profiles/load";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { servedFromArchive } from "@/lib/data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return profileTitle("country", (await params).slug, "Страна не найдена");
}

export default async function CountryPage({ params, searchParams }: Props) {
  const profile = await loadProfile("country", (await params).slug);
  const statements = await profileStatements("country", profile.name, (await searchParams).page);
  return <FacetProfilePage profile={profile} statements={statements} fromArchive={servedFromArchive()} />;
}
