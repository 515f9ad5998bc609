import { loadProfile, profileStatements, profileTitle } from "@/app/_profiles/load";
import { FacetProfilePage } from "@/components/facet-profile-page";
import { SpeakerDetails } from "@/components/profile-details";
import { PROFILE_STATEMENTS_PER_PAGE } from "@/components/profile-statements";
import { servedFromArchive, speakerRecord } from "@/lib/data";
import { emptyFilters } from "@/lib/search/types";
import { feedHref } from "@/lib/feed";
import { TimelineChart } from "@/components/timeline-chart";
import { headers } from "next/headers";
import { JsonLd } from "@/components/json-ld";
import { siteOrigin } from "@/lib/site";
import { personJsonLd } from "@/lib/structured-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const meta = await profileTitle("speaker", (await params).slug, "Эксперт не найден");
  // The speaker's statements as an Atom feed (/feed?view=statements&speaker=…), newest first.
  const found = "description" in meta && meta.description !== undefined;
  return found ? { ...meta, alternates: { ...meta.alternates, types: { "application/atom+xml": [{ url: feedHref({ q: "", filters: { ...emptyFilters(), speaker: [meta.title] }, view: "statements" }), title: `Высказывания: ${meta.title}` }] } } } : meta;
}

export default async function SpeakerPage({ params, searchParams }: Props) {
  const profile = await loadProfile("speaker", (await params).slug);
  const record = speakerRecord(profile);
  const subtitle = [record?.role, record?.institution].filter(Boolean).join(", ");
  const statements = await profileStatements("speaker", profile.name, (await searchParams).page, { timeline: true });
  // The speaker's statements per year or month; a bar opens the statements search for that period.
  const timelineQuery = { q: "", filters: { ...emptyFilters(), speaker: [profile.name] }, sort: "newest" as const, page: 1, perPage: PROFILE_STATEMENTS_PER_PAGE, view: "statements" as const };
  const requestHeaders = await headers();
  return (
    <>
      {record && <JsonLd data={personJsonLd(record, siteOrigin(requestHeaders))} nonce={requestHeaders.get("x-nonce") ?? undefined} />}
      <FacetProfilePage
      profile={profile}
      subtitle={subtitle || undefined}
      details={
        <>
          {record && <SpeakerDetails speaker={record} />}
          {statements.timeline && <TimelineChart timeline={statements.timeline} query={timelineQuery} unit="statements" />}
        </>
      }
      statements={statements}
      fromArchive={servedFromArchive()}
    />
    </>
  );
}
