import Link from "next/link";
import { formatDate } from "@/lib/format";
import { nameSlug } from "@/lib/slug";
import type { CommentaryDocument } from "@/lib/validations/document";

/** Documents as a plain list: title, date, source and who is quoted. */
export function DocumentList({ documents }: { documents: readonly CommentaryDocument[] }) {
  return (
    <ul className="divide-y divide-slate-200">
      {documents.map((d) => (
        <li key={d.id} className="py-4" data-testid="document">
          <Link href={`/articles/${d.slug}`} className="font-semibold text-sky-800 hover:underline">
            {d.title}
          </Link>
          <p className="mt-1 text-sm text-slate-600">
            {d.date && <time dateTime={d.date}>{formatDate(d.date)}</time>}
            {d.date && d.source && " · "}
            {d.source}
            {d.speakers.length > 0 && " · "}
            {d.speakers.map((s, i) => (
              <span key={s.name}>
                {i > 0 && ", "}
                <Link href={`/speakers/${nameSlug(s.name)}`} className="underline decoration-slate-300 hover:decoration-slate-700">
                  {s.name}
                </Link>
              </span>
            ))}
          </p>
        </li>
      ))}
    </ul>
  );
}
