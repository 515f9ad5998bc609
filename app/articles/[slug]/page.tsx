import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { Byline } from "@/components/byline";
import { Highlighted } from "@/components/highlighted";
import { NameLinks } from "@/components/name-links";
import { SampleBadge } from "@/components/sample-badge";
import { getArticle, highlighterForQuery } from "@/lib/data";
import { quoteAnchor } from "@/lib/extract/registry";
import { nameSlug } from "@/lib/slug";
import type { CommentaryDocument, Quote } from "@/lib/validations/document";
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
      <div className="mt-8 space-y-4 text-lg leading-relaxed">
        {doc.paragraphs.map((p, i) => (
          <Paragraph key={i} text={p} index={i} quotes={doc.quotes} mark={mark} />
        ))}
      </div>
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

/** A paragraph with each of its quotes marked, anchored (#quote-N) and credited to its speaker. */
function Paragraph({ text, index, quotes, mark }: { text: string; index: number; quotes: Quote[]; mark: Mark }) {
  const mine = quotes.map((q, i) => ({ q, n: i + 1, anchor: quoteAnchor(i) })).filter(({ q }) => q.paragraph === index);
  if (mine.length === 0) return <p>{mark(text)}</p>;

  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const { q, n, anchor } of mine) {
    const at = text.indexOf(q.text, cursor);
    if (at === -1) continue;
    parts.push(<span key={`t${n}`}>{mark(text.slice(cursor, at))}</span>);
    parts.push(
      <span key={`q${n}`} id={anchor} className="scroll-mt-20 rounded bg-sky-50 decoration-sky-300 target:bg-yellow-100" data-quote={n}>
        {mark(q.text)}
      </span>,
    );
    cursor = at + q.text.length;
  }
  parts.push(<span key="rest">{mark(text.slice(cursor))}</span>);
  return (
    <figure className="border-l-4 border-sky-300 pl-4">
      <p>{parts}</p>
      <figcaption className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-600">
        {mine.map(({ q, n, anchor }) => (
          <span key={n}>
            {q.speaker ? (
              <>
                —{" "}
                <Link href={`/speakers/${nameSlug(q.speaker)}`} className="font-medium text-sky-800 underline">
                  {q.speaker}
                </Link>
              </>
            ) : (
              <span className="italic">автор цитаты не указан</span>
            )}{" "}
            <a href={`#${anchor}`} className="text-slate-600 hover:text-slate-900" aria-label={`Ссылка на цитату ${n}`}>
              #{n}
            </a>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
