import Link from "next/link";
import { Highlighted } from "@/components/highlighted";
import { formatDate } from "@/lib/format";
import type { SearchHit } from "@/lib/search/types";
import { nameSlug } from "@/lib/slug";

export function ResultItem({ hit, searchString }: { hit: SearchHit; searchString: string }) {
  return (
    <li className="border-b border-slate-200 py-5" data-testid="result">
      <h2 className="text-lg font-semibold leading-snug">
        <Link href={`/articles/${hit.slug}${searchString}`} className="text-sky-800 hover:underline">
          <Highlighted segments={hit.titleHighlighted} />
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {hit.date && <time dateTime={hit.date}>{formatDate(hit.date)}</time>}
        {hit.date && hit.source && " · "}
        {hit.source}
      </p>
      {hit.speakers.length > 0 && (
        <p className="mt-1 text-sm">
          {hit.speakers.map((s, i) => (
            <span key={s.name}>
              {i > 0 && ", "}
              <Link href={`/speakers/${nameSlug(s.name)}`} className="font-medium text-slate-800 underline decoration-slate-300 hover:decoration-slate-700">
                {s.name}
              </Link>
              {s.role && <span className="text-slate-500"> ({s.role})</span>}
            </span>
          ))}
        </p>
      )}
      <p className="mt-2 leading-relaxed text-slate-800" data-testid="snippet">
        <Highlighted segments={hit.snippet} />
      </p>
    </li>
  );
}
