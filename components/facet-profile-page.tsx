import Link from "next/link";
import type { ReactNode } from "react";
import { DocumentList } from "@/components/document-list";
import { ArchiveNotice } from "@/components/archive-notice";
import { ProfileStatements } from "@/components/profile-statements";
import type { FacetProfile } from "@/lib/data";
import type { StatementResult } from "@/lib/search/statement-hit";
import { toSearchString } from "@/lib/validations/search-params";
import { emptyFilters } from "@/lib/search/types";

const KIND: Record<FacetProfile["field"], string> = { speaker: "Эксперт", institution: "Организация", country: "Страна", topic: "Тема" };

/** The shared shape of speaker, institution and topic pages. */
export function FacetProfilePage({
  profile,
  subtitle,
  statements,
  details,
  fromArchive = false,
}: {
  profile: FacetProfile;
  subtitle?: string;
  /** One page of the statements filed under this profile (searchStatements), newest first. */
  statements?: StatementResult;
  details?: ReactNode;
  /** Read from the archive because search was down (lib/data.ts servedFromArchive). */
  fromArchive?: boolean;
}) {
  const searchQuery = { q: "", filters: { ...emptyFilters(), [profile.field]: [profile.name] }, sort: "date" as const, page: 1 };
  const searchHref = `/${toSearchString(searchQuery)}`;
  return (
    <div className="mx-auto max-w-3xl">
      <ArchiveNotice show={fromArchive} />
      <p className="text-sm uppercase tracking-wide text-slate-500">{KIND[profile.field]}</p>
      <h1 className="text-3xl font-bold">{profile.name}</h1>
      {subtitle && <p className="mt-1 text-slate-600">{subtitle}</p>}
      <p className="mt-3 text-sm">
        <Link href={searchHref} className="text-sky-700 underline">
          Искать в материалах →
        </Link>
      </p>
      {details}
      {statements && statements.total > 0 && (
        <ProfileStatements result={statements} searchHref={`/${toSearchString({ ...searchQuery, view: "statements" })}`} />
      )}
      <section className="mt-8" aria-labelledby="docs-heading">
        <h2 id="docs-heading" className="mb-1 text-xl font-semibold">
          Материалы ({profile.total})
        </h2>
        <DocumentList documents={profile.documents} />
      </section>
    </div>
  );
}
