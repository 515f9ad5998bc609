import { loadProfile, profileTitle } from "@/app/_profiles/load";
import { FacetProfilePage } from "@/components/facet-profile-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return profileTitle("topic", (await params).slug, "Тема не найдена");
}

export default async function TopicPage({ params }: Props) {
  const profile = await loadProfile("topic", (await params).slug);
  return <FacetProfilePage profile={profile} />;
}
