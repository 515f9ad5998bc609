import { notFound } from "next/navigation";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { SpeakerDetails } from "@/components/profile-details";
import { getFacetProfile, quotesBy, speakerRecord } from "@/lib/data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const profile = await getFacetProfile("speaker", (await params).slug);
  return { title: profile?.name ?? "Эксперт не найден" };
}

export default async function SpeakerPage({ params }: Props) {
  const profile = await getFacetProfile("speaker", (await params).slug);
  if (!profile) notFound();
  const record = speakerRecord(profile);
  const subtitle = [record?.role, record?.institution].filter(Boolean).join(", ");
  return (
    <FacetProfilePage
      profile={profile}
      subtitle={subtitle || undefined}
      details={record && <SpeakerDetails speaker={record} />}
      quotes={quotesBy(profile.name, profile.documents)}
    />
  );
}
