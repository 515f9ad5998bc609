import Link from "next/link";
import { StatementItem } from "@/components/statement-item";
import { pluralize } from "@/lib/format";
import type { StatementResult } from "@/lib/search/statement-hit";
import { MAX_PAGE } from "@/lib/validations/search-params";

/** Statements per page on a speaker's page. */
export const PROFILE_STATEMENTS_PER_PAGE = 20;

/** The `page` parameter of a profile page: a whole number from 1, anything else reads as 1. */
export function profilePage(raw: string | string[] | undefined): number {
  const v = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  const n = v !== undefined && /^\d{1,4}$/.test(v) ? Number(v) : 1;
  return n >= 1 && n <= MAX_PAGE ? n : 1;
}

/** A profile's statements (a speaker's, an institution's, about a country or a topic), newest first, paged with ?page=N on the profile's own address. */
export function ProfileStatements({ result, searchHref }: { result: StatementResult; searchHref: string }) {
  const { page, pageCount } = result;
  const href = (p: number) => (p > 1 ? `?page=${p}#statements-heading` : "?#statements-heading");
  const cls = "rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100";
  return (
    <section className="mt-8" aria-labelledby="statements-heading">
      <h2 id="statements-heading" className="mb-1 scroll-mt-4 text-xl font-semibold">
        Высказывания ({result.total})
      </h2>
      <p className="text-sm text-slate-600">
        {result.total.toLocaleString("ru-RU")} {pluralize(result.total, ["высказывание", "высказывания", "высказываний"])}
        {pageCount > 1 && ` · страница ${page} из ${pageCount}`} ·{" "}
        <Link href={searchHref} className="text-sky-700 underline">
          искать в высказываниях →
        </Link>
      </p>
      {result.hits.length === 0 ? (
        <p className="py-6 text-slate-600">
          На этой странице высказываний нет.{" "}
          <Link href={href(1)} className="text-sky-700 underline">
            К первой странице
          </Link>
        </p>
      ) : (
        <ol className="list-none">
          {result.hits.map((hit) => (
            <StatementItem key={hit.id} hit={hit} testId="quote" />
          ))}
        </ol>
      )}
      {pageCount > 1 && (
        <nav aria-label="Страницы высказываний" className="mt-4 flex flex-wrap items-center gap-2">
          {page > 1 && (
            <Link href={href(page - 1)} className={cls} rel="prev">
              ← Назад
            </Link>
          )}
          <span className="px-2 text-slate-600">
            {page} / {pageCount}
          </span>
          {page < pageCount && (
            <Link href={href(page + 1)} className={cls} rel="next">
              Вперёд →
            </Link>
          )}
        </nav>
      )}
    </section>
  );
}
