import Link from "next/link";
import type { ReactNode } from "react";
import { statementAnchor } from "@/lib/search/statement-hit";
import { nameSlug } from "@/lib/slug";
import { type ParagraphSegment, type StatementPart, paragraphSegments, placeStatements } from "@/lib/statement-anchors";
import type { CommentaryDocument } from "@/lib/validations/document";

type Mark = (text: string) => ReactNode;

/**
 * A targeted statement (#quote-N) that spans several runs — over paragraphs, or cut by another
 * statement overlapping it — is marked in every run: the anchor is on its first run and :has()
 * reaches the rest, so no script is needed. A statement in one run needs no rule (target: does it).
 * Numbers only, no document text, go into this CSS.
 */
function targetStyles(split: readonly number[]): string {
  if (split.length === 0) return "";
  const rules = split.map((n) => `.article-body:has(#quote-${n}:target) [data-quote~="${n}"]`);
  return `${rules.join(",\n")} { background-color: var(--color-yellow-200); box-shadow: 0 0 0 2px var(--color-yellow-400); border-radius: 2px; }`;
}

/** The article's paragraphs with every statement marked, anchored by its offsets and credited to its speaker. */
export function ArticleBody({
  doc,
  mark,
  from = 0,
  to = doc.paragraphs.length,
  nonce,
  cite,
}: {
  doc: CommentaryDocument;
  mark: Mark;
  from?: number;
  to?: number;
  nonce?: string;
  /** A statement's «Скопировать ссылку», by its index. */
  cite?: Cite;
}) {
  const parts = placeStatements(doc.paragraphs, doc.quotes);
  const byParagraph = new Map<number, StatementPart[]>();
  for (const p of parts) byParagraph.set(p.paragraph, [...(byParagraph.get(p.paragraph) ?? []), p]);
  const segments = doc.paragraphs.map((text, i) => (byParagraph.has(i) ? paragraphSegments(text.length, byParagraph.get(i)!) : []));
  const runs = new Map<number, number>();
  for (const seg of segments.flat()) for (const n of seg.statements) runs.set(n, (runs.get(n) ?? 0) + 1);
  const css = targetStyles([...runs].flatMap(([index, count]) => (count > 1 ? [index + 1] : [])));
  return (
    <div className="article-body mt-8 space-y-4 text-lg leading-relaxed">
      {/* The page's CSP admits only styles with its nonce (proxy.ts). */}
      {css && <style nonce={nonce}>{css}</style>}
      {/* A long article is sent in parts (lib/article-parts.ts): only paragraphs from..to. */}
      {doc.paragraphs.slice(from, to).map((text, k) => {
        const i = from + k;
        return <Paragraph key={i} text={text} parts={byParagraph.get(i) ?? []} segments={segments[i]!} doc={doc} mark={mark} cite={cite} />;
      })}
    </div>
  );
}

type Cite = (index: number) => ReactNode;

function Paragraph({ text, parts, segments, doc, mark, cite }: { text: string; parts: StatementPart[]; segments: ParagraphSegment[]; doc: CommentaryDocument; mark: Mark; cite?: Cite }) {
  if (parts.length === 0) return <p>{mark(text)}</p>;
  const starting = parts.filter((p) => p.first).map((p) => p.index);
  return (
    <figure className="border-l-4 border-sky-300 pl-4">
      <p>
        {segments.map((s) => {
          const content = mark(text.slice(s.start, s.end));
          const [anchor, ...more] = s.anchors;
          const extra = more.map((n) => <span key={`a${n}`} id={statementAnchor(n)} className="scroll-mt-20" data-quote-anchor={n + 1} />);
          if (s.statements.length === 0)
            return (
              <span key={`${s.start}-${s.end}`}>
                {extra}
                {content}
              </span>
            );
          return (
            <span key={`${s.start}-${s.end}`}>
              {extra}
              <span
                {...(anchor !== undefined ? { id: statementAnchor(anchor), "data-quote-anchor": anchor + 1 } : {})}
                className="scroll-mt-20 rounded bg-sky-50 target:bg-yellow-200 target:ring-2 target:ring-yellow-400"
                data-quote={s.statements.map((n) => n + 1).join(" ")}
              >
                {content}
              </span>
            </span>
          );
        })}
      </p>
      {starting.length > 0 && (
        <figcaption className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-600">
          {starting.map((index) => {
            const q = doc.quotes[index]!;
            const n = index + 1;
            return (
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
                <a href={`#${statementAnchor(index)}`} className="text-slate-600 hover:text-slate-900" aria-label={`Ссылка на цитату ${n}`}>
                  #{n}
                </a>
                {cite && <> {cite(index)}</>}
              </span>
            );
          })}
        </figcaption>
      )}
    </figure>
  );
}
