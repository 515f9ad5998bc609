import { loadProfile, profileStatements, profileTitle } from "@/app/_profiles/load";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { servedFromArchive } from "@/lib/data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  return profileTitle("topic", (await params).slug, "Тема не найдена");
}

export default async function TopicPage({ params, searchParams }: Props) {
  const profile = await loadProfile("topic", (await params).slug);
  const statements = await profileStatements("topic", profile.name, (await searchParams).page);
  return <FacetProfilePage profile={profile} statements={statements} fromArchive={servedFromArchive()} />;
}
