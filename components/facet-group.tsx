import { FacetFilter } from "@/components/facet-filter";
import { pluralize } from "@/lib/format";
import type { EntityKind } from "@/lib/entities/types";
import type { FacetField, FacetValue, SearchQuery } from "@/lib/search/types";

const KIND: Record<FacetField, EntityKind> = { speaker: "person", institution: "institution", country: "country", topic: "topic" };

const VISIBLE = 8;
/** The page lists fewer values than the API returns: each is a labelled checkbox, and HTML weight is render time. */
const LISTED = 40;

/**
 * A plain checkbox: the search form keeps it in step with the address and makes Enter toggle it
 * (components/search-form.tsx), so the up to 160 values of a page are no client components. Its
 * styles are one class (app/globals.css): the markup is repeated for every value, in the HTML and
 * again in the RSC payload, and its size is most of the page's rendering time.
 */
function Option({ name, value, legendId }: { name: string; value: FacetValue; legendId: string }) {
  return (
    <li>
      <label className="facet-option">
        <input type="checkbox" name={name} value={value.value} defaultChecked={value.selected} aria-describedby={legendId} />
        <span>{value.value}</span>
        <span aria-label={`${value.count} ${pluralize(value.count, ["документ", "документа", "документов"])}`}>{value.count}</span>
      </label>
    </li>
  );
}

/** One facet as checkboxes in a fieldset, most frequent first; selected values are never hidden. */
export function FacetGroup({ name, legend, values, distinct, query }: { name: FacetField; legend: string; values: FacetValue[]; distinct: number; query?: SearchQuery }) {
  if (values.length === 0) return null;
  const legendId = `legend-${name}`;
  const shown = values.filter((v, i) => i < VISIBLE || v.selected);
  const more = values.filter((v, i) => i >= VISIBLE && i < LISTED && !v.selected);
  const listed = shown.length + more.length;
  return (
    <fieldset className="mb-6">
      <legend id={legendId} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        {legend}
      </legend>
      <ul className="space-y-0.5">
        {shown.map((v) => (
          <Option key={v.value} name={name} value={v} legendId={legendId} />
        ))}
      </ul>
      {more.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm text-sky-700 hover:underline">Ещё {more.length}</summary>
          <ul className="mt-1 space-y-0.5">
            {more.map((v) => (
              <Option key={v.value} name={name} value={v} legendId={legendId} />
            ))}
          </ul>
          {distinct > listed && (
            <p className="mt-1 text-xs text-slate-500">
              Показаны {listed} самых частых из {distinct.toLocaleString("ru-RU")}; уточните запрос, чтобы увидеть остальные.
            </p>
          )}
        </details>
      )}
      {/* Any value of the facet, listed or not, by any case form; the URL stays the state. */}
      {query && <FacetFilter field={name} type={KIND[name]} query={query} />}
    </fieldset>
  );
}
