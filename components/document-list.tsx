import Link from "next/link";
import { Byline } from "@/components/byline";
import { NameLinks } from "@/components/name-links";
import { SampleBadge } from "@/components/sample-badge";
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
            {d.sample && <SampleBadge />}
            <Byline date={d.date} source={d.source} />
            {d.speakers.length > 0 && " · "}
            <NameLinks kind="speaker" names={d.speakers.map((s) => s.name)} />
          </p>
        </li>
      ))}
    </ul>
  );
}
