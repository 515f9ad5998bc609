import Link from "next/link";
import { Highlighted } from "@/components/highlighted";
import { Byline } from "@/components/byline";
import { NameLinks } from "@/components/name-links";
import { SampleBadge } from "@/components/sample-badge";
import type { SearchHit } from "@/lib/search/types";

export function ResultItem({ hit, searchString }: { hit: SearchHit; searchString: string }) {
  return (
    <li className="border-b border-slate-200 py-5" data-testid="result">
      <h2 className="text-lg font-semibold leading-snug">
        <Link href={`/articles/${hit.slug}${searchString}`} className="text-sky-800 hover:underline">
          <Highlighted segments={hit.titleHighlighted} />
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {hit.sample && <SampleBadge />}
        <Byline date={hit.date} source={hit.source} />
      </p>
      {hit.speakers.length > 0 && (
        <p className="mt-1 text-sm">
          <NameLinks
            kind="speaker"
            names={hit.speakers.map((s) => s.name)}
            note={(name) => {
              const role = hit.speakers.find((s) => s.name === name)?.role;
              return role ? ` (${role})` : undefined;
            }}
            className="font-medium text-slate-800 underline decoration-slate-300 hover:decoration-slate-700"
          />
        </p>
      )}
      <p className="mt-2 leading-relaxed text-slate-800" data-testid="snippet">
        <Highlighted segments={hit.snippet} />
      </p>
    </li>
  );
}
