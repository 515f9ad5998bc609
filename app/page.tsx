import { SearchUnavailable } from "@/components/search-unavailable";
import { pageMetadata } from "@/lib/page-metadata";
import { SITE_DESCRIPTION } from "@/lib/site";
import Link from "next/link";
import { AnalystPanel } from "@/components/analyst-panel";
import { FacetGroup } from "@/components/facet-group";
import { MORE_PARAM, expandedFacets } from "@/lib/expanded-facets";
import { Pagination } from "@/components/pagination";
import { QueryHelp } from "@/components/query-help";
import { ResultItem } from "@/components/result-item";
import { SearchForm } from "@/components/search-form";
import { SearchTabs } from "@/components/search-tabs";
import { StatementResults } from "@/components/statement-results";
import { redirect } from "next/navigation";
import { canonicalSearchAddress, searchFromParams, statementsFromParams } from "@/lib/data";
import { feedAlternates, topSpeakersOf } from "@/lib/analyst";
import type { StatementResult } from "@/lib/search/statement-hit";
import { countResults, pluralize } from "@/lib/format";
import { FACET_FIELDS, emptyFilters, type FacetField, type SearchQuery, type SearchResult } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-params";
import { lastPageHref } from "@/lib/validations/search-href";
import { PartialQueryNotice } from "@/components/partial-query-notice";

export const dynamic = "force-dynamic";

const FACET_LEGENDS: Record<FacetField, string> = { speaker: "Эксперт", institution: "Организация", country: "Страна", topic: "Тема" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props) {
  const raw = await searchParams;
  const q = raw.q;
  const text = Array.isArray(q) ? q[0] : q;
  const alternates = feedAlternates(raw);
  const title = text ? `«${text.slice(0, 80)}» — поиск` : "Поиск";
  const description = text ? `Кто что сказал о «${text.slice(0, 80)}»: документы и высказывания экспертов в архиве комментариев о внешней политике.` : SITE_DESCRIPTION;
  const meta = pageMetadata({ title, description, path: "/" });
  // A search's canonical address is itself, so the search page names none.
  return { ...meta, alternates: alternates ?? {} };
}

export default async function SearchPage({ searchParams }: Props) {
  const raw = await searchParams;
  const canonical = canonicalSearchAddress(raw);
  if (canonical !== undefined) redirect(canonical);
  const data = raw.view === "statements" ? await statementsFromParams(raw, { timeline: true }) : await searchFromParams(raw, { timeline: true });

  if (data.kind === "invalid") {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-6">
        <h1 className="text-lg font-semibold">Неверный адрес поиска</h1>
        <p className="mt-1 text-slate-700">{data.message}</p>
        <Link href="/" className="mt-3 inline-block text-sky-700 underline">
          Начать новый поиск
        </Link>
      </div>
    );
  }

  const { query } = data;
  const expanded = expandedFacets(raw[MORE_PARAM]);
  const result = data.kind === "ok" ? data.result : undefined;
  const pastTheEnd = result && lastPageHref(query, result.pageCount);
  if (pastTheEnd) redirect(pastTheEnd);
  // Who says it most: the statements' speaker facet (on the documents tab, from a statement search).
  const speakers = result ? await topSpeakersOf(query, query.view === "statements" ? result.facets.speaker : undefined) : [];

  return (
    <>
      <h1 className="sr-only">Поиск по архиву комментариев</h1>
      <SearchForm
        q={query.q}
        {...(result ? { showLabel: `Показать ${result.total.toLocaleString("ru-RU")} ${query.view === "statements" ? pluralize(result.total, ["высказывание", "высказывания", "высказываний"]) : pluralize(result.total, ["результат", "результата", "результатов"])}` } : {})}
        main={
          <>
            <QueryHelp />
            <SearchTabs query={query} />
            {result && <AnalystPanel query={query} timeline={result.timeline} speakers={speakers} />}
            {data.kind === "unavailable" ? (
              <SearchUnavailable reason={data.reason} />
            ) : query.view === "statements" ? (
              <StatementResults query={query} result={result as StatementResult} />
            ) : (
              <Results query={query} result={result as SearchResult} />
            )}
          </>
        }
        sidebar={
          result &&
          FACET_FIELDS.map((f) => <FacetGroup key={f} name={f} legend={FACET_LEGENDS[f]} values={result.facets[f]} distinct={result.facetTotals[f]} query={query} expanded={expanded} />)
        }
      />
    </>
  );
}

function hasFilters(query: SearchQuery): boolean {
  return FACET_FIELDS.some((f) => query.filters[f].length > 0);
}

function Results({ query, result }: { query: SearchQuery; result: SearchResult }) {
  const searchString = toSearchString(query);
  const clearFilters = `/${toSearchString({ ...query, filters: emptyFilters(), page: 1 })}`;
  return (
    <section aria-label="Результаты" className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <p role="status" aria-live="polite" className="text-slate-700" data-testid="result-count">
          {countResults(result.total)}
          {result.pageCount > 1 && (
            <span className="text-slate-500">
              {" "}
              · страница {query.page} из {result.pageCount}
            </span>
          )}
        </p>
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
          Показаны результаты для «<strong>{result.correctedQuery}</strong>». Искать только{" "}
          <Link href={`/${toSearchString({ ...query, page: 1, noCorrection: true })}`} className="text-sky-700 underline">
            «{query.q}»
          </Link>
          .
        </p>
      )}
      {result.partialQuery && <PartialQueryNotice />}
      {result.matchMode === "any" && result.total > 0 && (
        <p className="mt-3 text-slate-700" data-testid="relaxed">
          Документов со всеми словами запроса нет — показаны документы, где есть хотя бы часть слов.
        </p>
      )}

      {result.total === 0 ? (
        <div className="py-10 text-center" data-testid="empty">
          <p className="text-lg font-medium">Ничего не найдено</p>
          <p className="mt-1 text-slate-600">Попробуйте другие слова{hasFilters(query) ? " или снимите фильтры" : ""}.</p>
          {hasFilters(query) && (
            <Link href={clearFilters} className="mt-4 inline-block rounded bg-sky-700 px-4 py-2 text-white hover:bg-sky-800">
              Сбросить фильтры
            </Link>
          )}
        </div>
      ) : result.hits.length === 0 ? (
        <div className="py-10 text-center">
          <p>На этой странице результатов нет.</p>
          <Link href={`/${toSearchString({ ...query, page: 1 })}`} className="mt-2 inline-block text-sky-700 underline">
            К первой странице
          </Link>
        </div>
      ) : (
        <ol className="list-none">
          {result.hits.map((hit) => (
            <ResultItem key={hit.id} hit={hit} searchString={searchString} />
          ))}
        </ol>
      )}
      {hasFilters(query) && result.total > 0 && (
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
