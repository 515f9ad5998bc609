import Link from "next/link";
import { quoteAnchor } from "@/lib/extract/registry";
import type { ReactNode } from "react";
import { DocumentList } from "@/components/document-list";
import { SampleBadge } from "@/components/sample-badge";
import { formatDate } from "@/lib/format";
import type { FacetProfile, SpeakerQuote } from "@/lib/data";
import { toSearchString } from "@/lib/validations/search-params";
import { emptyFilters } from "@/lib/search/types";

const KIND: Record<FacetProfile["field"], string> = { speaker: "Эксперт", institution: "Организация", country: "Страна", topic: "Тема" };

/** The shared shape of speaker, institution and topic pages. */
export function FacetProfilePage({
  profile,
  subtitle,
  quotes,
  details,
}: {
  profile: FacetProfile;
  subtitle?: string;
  quotes?: SpeakerQuote[];
  details?: ReactNode;
}) {
  const searchHref = `/${toSearchString({ q: "", filters: { ...emptyFilters(), [profile.field]: [profile.name] }, sort: "date", page: 1 })}`;
  return (
    <div className="mx-auto max-w-3xl">
      <p className="text-sm uppercase tracking-wide text-slate-500">{KIND[profile.field]}</p>
      <h1 className="text-3xl font-bold">{profile.name}</h1>
      {subtitle && <p className="mt-1 text-slate-600">{subtitle}</p>}
      <p className="mt-3 text-sm">
        <Link href={searchHref} className="text-sky-700 underline">
          Искать в материалах →
        </Link>
      </p>
      {details}
      {quotes && quotes.length > 0 && (
        <section className="mt-8" aria-labelledby="quotes-heading">
          <h2 id="quotes-heading" className="mb-3 text-xl font-semibold">
            Цитаты
          </h2>
          <ul className="space-y-4">
            {quotes.map((q) => (
              <li key={`${q.document.id}-${q.index}`} className="rounded-md border border-slate-200 bg-white p-4" data-testid="quote">
                <blockquote className="leading-relaxed">«{q.text}»</blockquote>
                <p className="mt-2 text-sm text-slate-600">
                  <Link href={`/articles/${q.document.slug}#${quoteAnchor(q.index)}`} className="text-sky-800 underline">
                    {q.document.title}
                  </Link>
                  {q.document.date && <>, {formatDate(q.document.date)}</>}
                  {q.document.sample && (
                    <>
                      {" "}
                      <SampleBadge />
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </section>
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
