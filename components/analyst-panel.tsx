import Link from "next/link";
import { TimelineChart } from "@/components/timeline-chart";
import { pluralize } from "@/lib/format";
import { feedHref } from "@/lib/feed";
import type { Timeline } from "@/lib/search/timeline";
import { type FacetValue, type SearchQuery, emptyFilters } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-href";

/** Speakers listed under «Чаще всего говорят». */
export const TOP_SPEAKERS = 5;

/** The export address of a search: the API with the page's parameters and format=csv|json. */
export function exportHref(query: SearchQuery, format: "csv" | "json"): string {
  const s = toSearchString({ ...query, page: 1 });
  return `/api/${query.view === "statements" ? "statements" : "search"}${s ? `${s}&` : "?"}format=${format}`;
}

/** One end of the period: a year, a month or a day; `key` resets the field when the address changes it. */
function DateInput({ name, label, value }: { name: "from" | "to"; label: string; value?: string | undefined }) {
  return (
    <label className="flex flex-col gap-0.5 text-slate-600">
      {label}
      <input
        name={name}
        defaultValue={value ?? ""}
        key={`${name}-${value ?? ""}`}
        placeholder="ГГГГ-ММ-ДД"
        pattern="\d{4}(-\d{2}(-\d{2})?)?"
        title="ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД"
        inputMode="numeric"
        size={11}
        className="rounded border border-slate-300 bg-white px-2 py-1"
      />
    </label>
  );
}

/**
 * Above the results: the date range (two fields of the search form), the timeline, who says it most
 * (speakers by matching statements, from the statements' speaker facet) and the export and feed links.
 */
export function AnalystPanel({ query, timeline, speakers }: { query: SearchQuery; timeline?: Timeline; speakers: FacetValue[] }) {
  const unit = query.view === "statements" ? "statements" : "documents";
  const top = speakers.filter((s) => s.count > 0).slice(0, TOP_SPEAKERS);
  return (
    <section aria-label="Период, динамика и выгрузка" className="mt-4 space-y-3" data-testid="analyst-panel">
      <fieldset className="flex flex-wrap items-end gap-3 text-sm">
        <legend className="mb-1 font-medium text-slate-700">Период</legend>
        <DateInput name="from" label="с" value={query.from} />
        <DateInput name="to" label="по" value={query.to} />
        <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-100">
          Применить
        </button>
      </fieldset>
      {timeline && <TimelineChart timeline={timeline} query={query} unit={unit} />}
      {top.length > 0 && (
        <div data-testid="top-speakers">
          <h2 className="text-sm font-medium text-slate-700">Чаще всего говорят</h2>
          <ol className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {top.map((s) => (
              <li key={s.value}>
                <Link
                  href={`/${toSearchString({ ...query, filters: { ...emptyFilters(), ...query.filters, speaker: [s.value] }, view: "statements", page: 1 })}`}
                  className="text-sky-700 underline"
                >
                  {s.value}
                </Link>{" "}
                <span className="tabular-nums text-slate-500">
                  {s.count} {pluralize(s.count, ["высказывание", "высказывания", "высказываний"])}
                </span>
              </li>
            ))}
          </ol>
        </div>
      )}
      <p className="flex flex-wrap gap-3 text-sm" data-testid="export-links">
        <a href={exportHref(query, "csv")} download className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-100">
          Скачать CSV
        </a>
        <a href={exportHref(query, "json")} download className="rounded border border-slate-300 bg-white px-3 py-1 text-slate-700 hover:bg-slate-100">
          Скачать JSON
        </a>
        <a href={feedHref(query)} type="application/atom+xml" className="px-1 py-1 text-sky-700 underline">
          Лента Atom
        </a>
      </p>
    </section>
  );
}
