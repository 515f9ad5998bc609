import { notFound } from "next/navigation";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { getFacetProfile, quotesBy } from "@/lib/data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const profile = await getFacetProfile("speaker", (await params).slug);
  return { title: profile?.name ?? "Эксперт не найден" };
}

export default async function SpeakerPage({ params }: Props) {
  const profile = await getFacetProfile("speaker", (await params).slug);
  if (!profile) notFound();
  const self = profile.documents.flatMap((d) => d.speakers).find((s) => s.name === profile.name);
  const subtitle = [self?.role, self?.institution].filter(Boolean).join(", ");
  return <FacetProfilePage profile={profile} subtitle={subtitle || undefined} quotes={quotesBy(profile.name, profile.documents)} />;
}
