import Link from "next/link";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { CopyReference } from "@/components/copy-citation";
import { JsonLd } from "@/components/json-ld";
import { Provenance } from "@/components/provenance";
import { Highlighted } from "@/components/highlighted";
import { NameLinks } from "@/components/name-links";
import { SampleBadge } from "@/components/sample-badge";
import { ArticleBody } from "@/components/article-body";
import { type ArticlePart, articleParts, partFromParam } from "@/lib/article-parts";
import { speakerOf, statementAnchor, statementUrl } from "@/lib/search/statement-hit";
import { articleMetadata } from "@/lib/page-metadata";
import { absoluteUrl, siteOrigin } from "@/lib/site";
import { articleJsonLd } from "@/lib/structured-data";
import { getConfig } from "@/lib/config";
import { getArticle, getSimilar, highlighterForQuery, servedFromArchive } from "@/lib/data";
import { ArchiveNotice } from "@/components/archive-notice";
import { SimilarDocuments } from "@/components/similar-documents";
import type { CommentaryDocument } from "@/lib/validations/document";
import { parseSearchParams, toSearchString } from "@/lib/validations/search-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props) {
  const doc = await getArticle((await params).slug);
  return doc ? articleMetadata(doc) : { title: "Статья не найдена" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const doc = await getArticle((await params).slug);
  if (!doc) notFound();
  const raw = await searchParams;
  // ?part= is the article's, the rest is the search it was opened from.
  const { part: _part, ...searchRaw } = raw;
  const parsed = parseSearchParams(searchRaw, 10);
  const fromSearch = parsed.ok && Object.keys(searchRaw).length > 0 ? parsed.query : undefined;
  const highlightText = highlighterForQuery(fromSearch?.q ?? "");
  const mark: Mark = (text) => <Highlighted segments={highlightText(text)} />;
  const requestHeaders = await headers();
  const nonce = requestHeaders.get("x-nonce") ?? undefined;
  const origin = siteOrigin(requestHeaders);
  const permalink = absoluteUrl(origin, `/articles/${doc.slug}`);
  const cite = (index: number) => <CopyReference target={statementTarget(doc, index, origin)} />;
  // A long article is sent in parts of about ARTICLE_PAGE_CHARS characters, with «Читать дальше».
  const parts = articleParts(doc.paragraphs, getConfig().ARTICLE_PAGE_CHARS);
  const part = parts[partFromParam(raw.part, parts.length) - 1]!;
  const partHref = (n: number) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(raw)) if (k !== "part") for (const x of Array.isArray(v) ? v : v !== undefined ? [v] : []) q.append(k, x);
    if (n > 1) q.set("part", String(n));
    const s = q.toString();
    return s ? `?${s}` : "?";
  };

  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={articleJsonLd(doc, origin)} nonce={nonce} />
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
      <ArchiveNotice show={servedFromArchive()} />
      <h1 className="text-3xl font-bold leading-tight">{mark(doc.title)}</h1>
      <Provenance doc={doc} />
      <div className="mt-2">
        <CopyReference target={{ kind: "article", article: { title: doc.title, date: doc.date, source: doc.source, url: doc.url, author: doc.author }, permalink }} />
      </div>
      {doc.sample && (
        <p className="mt-2">
          <SampleBadge long />
        </p>
      )}
      <Meta doc={doc} />
      {part.number > 1 && (
        <p className="mt-8 text-sm text-slate-600" data-testid="article-part">
          Часть {part.number} из {parts.length} ·{" "}
          <Link href={partHref(part.number - 1)} className="text-sky-700 underline">
            ← Предыдущая часть
          </Link>
        </p>
      )}
      <ArticleBody doc={doc} mark={mark} from={part.from} to={part.to} nonce={nonce} cite={cite} />
      {parts.length > 1 && <OtherPartQuotes doc={doc} part={part} parts={parts} href={partHref} />}
      {part.number < parts.length && (
        <nav aria-label="Части статьи" className="mt-8 flex items-baseline gap-4 text-sm">
          <Link href={partHref(part.number + 1)} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white" data-testid="read-more" rel="next">
            Читать дальше
          </Link>
          <span className="text-slate-600">
            часть {part.number} из {parts.length}
          </span>
        </nav>
      )}
      <SimilarDocuments documents={await getSimilar(doc.slug)} />
    </article>
  );
}

const LINK = "text-sky-800 underline";

/** One statement of the article as the copy button cites it: speaker as of this document, absolute permalink. */
function statementTarget(doc: CommentaryDocument, index: number, origin: string) {
  const q = doc.quotes[index]!;
  const s = speakerOf(doc, q);
  const speaker = q.speaker ? { name: s?.name ?? q.speaker, role: s?.role, institution: s?.institution, ...(q.speakerKind === "body" ? { kind: "body" as const } : {}) } : undefined;
  return {
    kind: "statement" as const,
    statement: { text: q.text, speaker, document: { id: doc.id, slug: doc.slug, title: doc.title, date: doc.date, source: doc.source }, url: statementUrl(doc.slug, index) },
    permalink: absoluteUrl(origin, statementUrl(doc.slug, index)),
  };
}

/**
 * A statement's permalink (/articles/…#quote-N) names no part: on every part, the statements of
 * the other parts keep their anchors here, each a link to the part that shows it.
 */
function OtherPartQuotes({ doc, part, parts, href }: { doc: CommentaryDocument; part: ArticlePart; parts: ArticlePart[]; href: (n: number) => string }) {
  const elsewhere = doc.quotes.flatMap((q, i) => {
    if (q.paragraph >= part.from && q.paragraph < part.to) return [];
    const where = parts.find((p) => q.paragraph >= p.from && q.paragraph < p.to);
    return where ? [{ i, where }] : [];
  });
  if (elsewhere.length === 0) return null;
  return (
    <details className="mt-6 text-sm text-slate-600" data-testid="other-part-quotes">
      <summary>Цитаты в других частях статьи ({elsewhere.length})</summary>
      <ul className="mt-2 space-y-1">
        {elsewhere.map(({ i, where }) => (
          <li key={i}>
            <a id={statementAnchor(i)} href={`${href(where.number)}#${statementAnchor(i)}`} className={LINK}>
              Цитата №{i + 1} — в части {where.number}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

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
