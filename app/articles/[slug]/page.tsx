import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { Byline } from "@/components/byline";
import { Highlighted } from "@/components/highlighted";
import { NameLinks } from "@/components/name-links";
import { SampleBadge } from "@/components/sample-badge";
import { ArticleBody } from "@/components/article-body";
import { getArticle, highlighterForQuery } from "@/lib/data";
import type { CommentaryDocument } from "@/lib/validations/document";
import { parseSearchParams, toSearchString } from "@/lib/validations/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const doc = await getArticle((await params).slug);
  return { title: doc?.title ?? "Статья не найдена" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const doc = await getArticle((await params).slug);
  if (!doc) notFound();
  const raw = await searchParams;
  const parsed = parseSearchParams(raw, 10);
  const fromSearch = parsed.ok && Object.keys(raw).length > 0 ? parsed.query : undefined;
  const highlightText = highlighterForQuery(fromSearch?.q ?? "");
  const mark: Mark = (text) => <Highlighted segments={highlightText(text)} />;

  return (
    <article className="mx-auto max-w-3xl">
      <nav className="mb-6 text-sm">
        {fromSearch ? (
          <Link href={`/${toSearchString(fromSearch)}`} className="text-sky-700 underline" data-testid="back-to-search">
            ← К результатам поиска{fromSearch.q ? ` «${fromSearch.q}»` : ""}
          </Link>
        ) : (
          <Link href="/" className="text-sky-700 underline">
            ← К поиску
          </Link>
        )}
      </nav>
      <h1 className="text-3xl font-bold leading-tight">{mark(doc.title)}</h1>
      <p className="mt-3 text-slate-600">
        <Byline date={doc.date} source={doc.source} />
        {doc.url && (
          <>
            {" · "}
            <a href={doc.url} rel="noopener noreferrer nofollow" className="text-sky-700 underline">
              источник
            </a>
          </>
        )}
      </p>
      {doc.sample && (
        <p className="mt-2">
          <SampleBadge long />
        </p>
      )}
      <Meta doc={doc} />
      <ArticleBody doc={doc} mark={mark} />
    </article>
  );
}

const LINK = "text-sky-800 underline";

function Meta({ doc }: { doc: CommentaryDocument }) {
  const roles = new Map(doc.speakers.map((s) => [s.name, [s.role, s.institution].filter(Boolean).join(", ")]));
  const rows = [
    { label: "Эксперты", kind: "speaker" as const, names: doc.speakers.map((s) => s.name), note: (n: string) => (roles.get(n) ? `, ${roles.get(n)}` : undefined) },
    { label: "Организации", kind: "institution" as const, names: doc.institutions },
    { label: "Темы", kind: "topic" as const, names: doc.topics },
  ].filter((r) => r.names.length > 0);
  if (rows.length === 0) return null;
  return (
    <dl className="mt-6 grid gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="font-semibold text-slate-600">{r.label}</dt>
          <dd>
            <NameLinks kind={r.kind} names={r.names} separator="; " note={r.note} className={LINK} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

type Mark = (text: string) => ReactNode;
