import { loadProfile, profileTitle } from "@/app/_profiles/load";
import { FacetProfilePage } from "@/components/facet-profile-page";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  return profileTitle("country", (await params).slug, "Страна не найдена");
}

export default async function CountryPage({ params }: Props) {
  const profile = await loadProfile("country", (await params).slug);
  return <FacetProfilePage profile={profile} />;
}
