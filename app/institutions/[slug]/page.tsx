import { notFound } from "next/navigation";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { InstitutionDetails } from "@/components/profile-details";
import { getFacetProfile, institutionRecord } from "@/lib/data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const profile = await getFacetProfile("institution", (await params).slug);
  return { title: profile?.name ?? "Организация не найдена" };
}

export default async function InstitutionPage({ params }: Props) {
  const profile = await getFacetProfile("institution", (await params).slug);
  if (!profile) notFound();
  const record = institutionRecord(profile);
  return <FacetProfilePage profile={profile} details={record && <InstitutionDetails institution={record} />} />;
}
