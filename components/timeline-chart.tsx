import Link from "next/link";
import { pluralize } from "@/lib/format";
import type { Timeline } from "@/lib/search/timeline";
import type { SearchQuery } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-href";

const MONTHS = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
const MONTHS_FULL = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"];

/** «2024» or «март 2024»: a bucket key in words. */
export function bucketLabel(key: string, full = true): string {
  if (key.length === 4) return key;
  const [y, m] = key.split("-");
  return `${(full ? MONTHS_FULL : MONTHS)[Number(m) - 1]} ${y}`;
}

const BAR = 12;
const GAP = 2;
const HEIGHT = 64;

/**
 * The timeline of a search, drawn on the server as SVG: one bar per year or month, each a link that
 * narrows the search to it (from=to=the bucket); a visually hidden table gives screen readers the
 * same figures. Presentational: the counts come from the engine (SearchResult.timeline).
 */
export function TimelineChart({ timeline, query, unit }: { timeline: Timeline; query: SearchQuery; unit: "documents" | "statements" }) {
  const { buckets } = timeline;
  if (buckets.length === 0) return null;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const forms: [string, string, string] = unit === "statements" ? ["высказывание", "высказывания", "высказываний"] : ["материал", "материала", "материалов"];
  const width = buckets.length * (BAR + GAP);
  const caption = `${unit === "statements" ? "Высказывания" : "Материалы"} по ${timeline.granularity === "month" ? "месяцам" : "годам"}`;
  const hrefOf = (key: string) => `/${toSearchString({ ...query, from: key, to: key, page: 1 })}`;
  return (
    <figure className="mt-4" data-testid="timeline" data-granularity={timeline.granularity}>
      <figcaption className="text-sm font-medium text-slate-700">
        {caption}
        {(query.from || query.to) && (
          <>
            {" · "}
            <Link href={`/${toSearchString({ ...query, from: undefined, to: undefined, page: 1 })}`} className="font-normal text-sky-700 underline">
              весь период
            </Link>
          </>
        )}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" className="mt-1 h-16 w-full" role="group" aria-label={`${caption}: нажмите на столбец, чтобы сузить период`}>
        {buckets.map((b, i) => {
          // A tenth of a unit is finer than a pixel at h-16; full precision was 17 digits a bar.
          const h = b.count === 0 ? 0 : Math.round(Math.max(2, (b.count / max) * (HEIGHT - 2)) * 10) / 10;
          const label = `${bucketLabel(b.key)}: ${b.count} ${pluralize(b.count, forms)}`;
          return (
            <a key={b.key} href={hrefOf(b.key)} aria-label={label} data-bucket={b.key} className="timeline-bar">
              <title>{label}</title>
              {/* The full-height hit area keeps thin bars clickable; both are styled in app/globals.css. */}
              <rect x={i * (BAR + GAP)} y={0} width={BAR} height={HEIGHT} />
              <rect x={i * (BAR + GAP)} y={Math.round((HEIGHT - h) * 10) / 10} width={BAR} height={h} />
            </a>
          );
        })}
      </svg>
      <div className="flex justify-between text-xs text-slate-500" aria-hidden="true">
        <span>{bucketLabel(buckets[0]!.key, false)}</span>
        <span>{bucketLabel(buckets[buckets.length - 1]!.key, false)}</span>
      </div>
      {timeline.undated > 0 && !query.from && !query.to && (
        <p className="text-xs text-slate-500">
          Без даты: {timeline.undated} {pluralize(timeline.undated, forms)}
        </p>
      )}
      <table className="sr-only">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{timeline.granularity === "month" ? "Месяц" : "Год"}</th>
            <th scope="col">Число</th>
          </tr>
        </thead>
        <tbody>
          {buckets.map((b) => (
            <tr key={b.key}>
              <th scope="row">{bucketLabel(b.key)}</th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
