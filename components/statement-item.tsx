import Link from "next/link";
import { Byline } from "@/components/byline";
import { CopyCitation } from "@/components/copy-citation";
import { Highlighted } from "@/components/highlighted";
import { SampleBadge } from "@/components/sample-badge";
import type { StatementHit } from "@/lib/search/statement-hit";
import { nameSlug } from "@/lib/slug";

/**
 * One statement as a result: its words (highlighted, as text), who said it, where and when,
 * a permalink to it on the article page and a button copying it as a citation.
 */
export function StatementItem({ hit, searchString = "", testId = "statement" }: { hit: StatementHit; searchString?: string; testId?: string }) {
  const { speaker, document: doc } = hit;
  const credit = speaker ? [speaker.role, speaker.institution].filter(Boolean).join(", ") : "";
  return (
    <li className="border-b border-slate-200 py-5" data-testid={testId} data-statement-id={hit.id}>
      <blockquote className="leading-relaxed text-slate-900" data-testid="statement-text">
        {hit.kind === "direct" ? (
          <>
            «<Highlighted segments={hit.textHighlighted} />»
          </>
        ) : (
          <Highlighted segments={hit.textHighlighted} />
        )}
      </blockquote>
      <p className="mt-2 text-sm text-slate-700" data-testid="statement-speaker">
        {speaker ? (
          <>
            —{" "}
            <Link href={`/speakers/${nameSlug(speaker.name)}`} className="font-medium text-slate-900 underline decoration-slate-300 hover:decoration-slate-700">
              {speaker.name}
            </Link>
            {credit && `, ${credit}`}
          </>
        ) : (
          <span className="italic">автор высказывания не указан</span>
        )}
        {hit.kind === "reported" && <span className="ml-2 text-slate-500">(в пересказе)</span>}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        <Link href={`/articles/${doc.slug}${searchString}`} className="text-sky-800 underline">
          {doc.title}
        </Link>
        {(doc.date || doc.source) && " · "}
        <Byline date={doc.date} source={doc.source} />
        {doc.sample && (
          <>
            {" "}
            <SampleBadge />
          </>
        )}
      </p>
      {/* A div: the reference formats are a <details>, which a <p> cannot hold (the parser would close it). */}
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <a href={hit.url} className="text-sky-700 underline" data-testid="statement-permalink">
          Ссылка на высказывание
        </a>
        <CopyCitation
          statement={{ text: hit.text, speaker: hit.speaker, document: hit.document, url: hit.url }}
          reference={{ kind: "statement", statement: { text: hit.text, speaker: hit.speaker, document: hit.document, url: hit.url }, permalink: hit.url }}
        />
      </div>
    </li>
  );
}
