import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { StatementItem } from "@/components/statement-item";
import { pluralize } from "@/lib/format";
import type { StatementResult } from "@/lib/search/statement-hit";
import { FACET_FIELDS, emptyFilters, type SearchQuery } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-params";
import { PartialQueryNotice } from "@/components/partial-query-notice";

function countStatements(n: number): string {
  return `${n.toLocaleString("ru-RU")} ${pluralize(n, ["высказывание", "высказывания", "высказываний"])}`;
}

/** The statements tab of the search page: who said what, one statement per row. */
export function StatementResults({ query, result }: { query: SearchQuery; result: StatementResult }) {
  const filtered = FACET_FIELDS.some((f) => (query.filters[f] ?? []).length > 0);
  const clearFilters = `/${toSearchString({ ...query, filters: emptyFilters(), page: 1 })}`;
  const searchString = toSearchString(query);
  return (
    <section aria-label="Высказывания" className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <p role="status" aria-live="polite" className="text-slate-700" data-testid="result-count">
          {countStatements(result.total)}
          {result.pageCount > 1 && (
            <span className="text-slate-500">
              {" "}
              · страница {query.page} из {result.pageCount}
            </span>
          )}
        </p>
        <a href="#filters" className="text-sm text-sky-700 underline lg:hidden">
          Фильтры
        </a>
        <label className="flex items-center gap-2 text-sm text-slate-600">
          Сортировка
          <select name="sort" defaultValue={query.sort === "date" ? "newest" : query.sort} key={query.sort} className="rounded border border-slate-300 bg-white px-2 py-1">
            <option value="relevance">по релевантности</option>
            <option value="newest">сначала новые</option>
            <option value="oldest">сначала старые</option>
          </select>
        </label>
      </div>
      {result.correctedQuery && (
        <p className="mt-3 text-slate-700" data-testid="corrected">
          Показаны высказывания для «<strong>{result.correctedQuery}</strong>». Искать только{" "}
          <Link href={`/${toSearchString({ ...query, page: 1, noCorrection: true })}`} className="text-sky-700 underline">
            «{query.q}»
          </Link>
          .
        </p>
      )}
      {result.partialQuery && <PartialQueryNotice />}
      {result.matchMode === "any" && result.total > 0 && (
        <p className="mt-3 text-slate-700" data-testid="relaxed">
          Высказываний со всеми словами запроса нет — показаны те, где есть хотя бы часть слов.
        </p>
      )}
      {result.total === 0 ? (
        <div className="py-10 text-center" data-testid="empty">
          <p className="text-lg font-medium">Высказываний не найдено</p>
          <p className="mt-1 text-slate-600">Попробуйте другие слова{filtered ? " или снимите фильтры" : ""}.</p>
          {filtered && (
            <Link href={clearFilters} className="mt-4 inline-block rounded bg-sky-700 px-4 py-2 text-white hover:bg-sky-800">
              Сбросить фильтры
            </Link>
          )}
        </div>
      ) : result.hits.length === 0 ? (
        <div className="py-10 text-center">
          <p>На этой странице высказываний нет.</p>
          <Link href={`/${toSearchString({ ...query, page: 1 })}`} className="mt-2 inline-block text-sky-700 underline">
            К первой странице
          </Link>
        </div>
      ) : (
        <ol className="list-none">
          {result.hits.map((hit) => (
            <StatementItem key={hit.id} hit={hit} searchString={searchString} />
          ))}
        </ol>
      )}
      {filtered && result.total > 0 && (
        <p className="mt-4 text-sm">
          <Link href={clearFilters} className="text-sky-700 underline">
            Сбросить фильтры
          </Link>
        </p>
      )}
      <Pagination query={query} pageCount={result.pageCount} />
    </section>
  );
}
