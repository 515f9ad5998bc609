import Link from "next/link";
import type { SearchQuery } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-params";

function pagesAround(page: number, count: number): (number | "gap")[] {
  const keep = new Set([1, count, page - 1, page, page + 1].filter((p) => p >= 1 && p <= count));
  const sorted = [...keep].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

export function Pagination({ query, pageCount }: { query: SearchQuery; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (page: number) => `/${toSearchString({ ...query, page })}`;
  const cls = "rounded px-3 py-1.5 border border-slate-300 hover:bg-slate-100";
  return (
    <nav aria-label="Страницы результатов" className="mt-6 flex flex-wrap items-center gap-1">
      {query.page > 1 && (
        <Link href={href(query.page - 1)} className={cls} rel="prev">
          ← Назад
        </Link>
      )}
      {pagesAround(query.page, pageCount).map((p, i) =>
        p === "gap" ? (
          <span key={`gap-${i}`} className="px-2 text-slate-400">
            …
          </span>
        ) : p === query.page ? (
          <span key={p} aria-current="page" className="rounded bg-sky-700 px-3 py-1.5 font-semibold text-white">
            {p}
          </span>
        ) : (
          <Link key={p} href={href(p)} className={cls}>
            {p}
          </Link>
        ),
      )}
      {query.page < pageCount && (
        <Link href={href(query.page + 1)} className={cls} rel="next">
          Вперёд →
        </Link>
      )}
    </nav>
  );
}
