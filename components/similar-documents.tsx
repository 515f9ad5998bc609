import Link from "next/link";
import { Byline } from "@/components/byline";
import { SampleBadge } from "@/components/sample-badge";
import type { SimilarDocument } from "@/lib/search/similar";

/** What a similar document shares with the article, in words: «общий эксперт: …; общие темы: …». */
function sharedLine(s: SimilarDocument["shared"]): string {
  const parts: string[] = [];
  if (s.speakers.length) parts.push(`${s.speakers.length > 1 ? "общие эксперты" : "общий эксперт"}: ${s.speakers.join(", ")}`);
  if (s.topics.length) parts.push(`${s.topics.length > 1 ? "общие темы" : "общая тема"}: ${s.topics.join(", ")}`);
  if (s.terms > 0 && parts.length === 0) parts.push("близкие по словам");
  return parts.join("; ");
}

/** «Похожие материалы» under an article; nothing when no document shares anything with it. */
export function SimilarDocuments({ documents }: { documents: SimilarDocument[] }) {
  if (documents.length === 0) return null;
  return (
    <section aria-labelledby="similar-heading" className="mt-12 border-t border-slate-200 pt-6" data-testid="similar">
      <h2 id="similar-heading" className="text-xl font-semibold">
        Похожие материалы
      </h2>
      <ol className="mt-3 space-y-3">
        {documents.map((d) => (
          <li key={d.slug} data-testid="similar-item">
            <Link href={`/articles/${d.slug}`} className="font-medium text-sky-800 underline">
              {d.title}
            </Link>
            {d.sample && (
              <>
                {" "}
                <SampleBadge />
              </>
            )}
            <p className="text-sm text-slate-600">
              <Byline date={d.date} source={d.source} />
              {(d.date || d.source) && sharedLine(d.shared) && " · "}
              {sharedLine(d.shared)}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
