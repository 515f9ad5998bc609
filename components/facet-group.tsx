import { FacetFilter } from "@/components/facet-filter";
import { pluralize } from "@/lib/format";
import type { EntityKind } from "@/lib/entities/types";
import Link from "next/link";
import { facetsHref, MORE_PARAM } from "@/lib/expanded-facets";
import type { FacetField, FacetValue, SearchQuery } from "@/lib/search/types";

const KIND: Record<FacetField, EntityKind> = { speaker: "person", institution: "institution", country: "country", topic: "topic" };

const VISIBLE = 8;
/** Values listed once a group is expanded: each is a labelled checkbox, and HTML weight is render time. */
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

/**
 * One facet as checkboxes in a fieldset, most frequent first; selected values are never hidden.
 * The first eight are listed, and «Ещё N» is a link to the same search with the group expanded to
 * forty (`more=` in the address, kept by a hidden field through every change of the form): the
 * values of a collapsed list were most of the page's HTML and its rendering time, and the URL stays
 * the one place the page's state lives, with or without JavaScript.
 */
export function FacetGroup({ name, legend, values, distinct, query, expanded = [] }: { name: FacetField; legend: string; values: FacetValue[]; distinct: number; query?: SearchQuery; expanded?: readonly FacetField[] }) {
  if (values.length === 0) return null;
  const legendId = `legend-${name}`;
  const open = expanded.includes(name);
  const shown = values.filter((v, i) => i < VISIBLE || v.selected);
  const more = values.filter((v, i) => i >= VISIBLE && i < LISTED && !v.selected);
  const listed = shown.length + more.length;
  const toggle = query && more.length > 0 && facetsHref(query, open ? expanded.filter((f) => f !== name) : [...expanded, name], name);
  return (
    <fieldset id={`facet-${name}`} className="mb-6 scroll-mt-4">
      <legend id={legendId} className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
        {legend}
      </legend>
      <ul className="space-y-0.5">
        {shown.map((v) => (
          <Option key={v.value} name={name} value={v} legendId={legendId} />
        ))}
      </ul>
      {open && more.length > 0 && (
        <ul className="mt-0.5 space-y-0.5" data-testid={`facet-more-${name}`}>
          {more.map((v) => (
            <Option key={v.value} name={name} value={v} legendId={legendId} />
          ))}
        </ul>
      )}
      {open && more.length > 0 && distinct > listed && (
        <p className="mt-1 text-xs text-slate-500">
          Показаны {listed} самых частых из {distinct.toLocaleString("ru-RU")}; уточните запрос, чтобы увидеть остальные.
        </p>
      )}
      {/* One link in one place for both states, so the focus stays on it when the list opens or closes. */}
      {toggle && (
        <Link href={toggle} scroll={false} aria-expanded={open} className="mt-1 inline-block text-sm text-sky-700 hover:underline" data-testid={`facet-toggle-${name}`}>
          {open ? "Свернуть" : `Ещё ${more.length}`}
        </Link>
      )}
      {open && <input type="hidden" name={MORE_PARAM} value={name} />}
      {/* Any value of the facet, listed or not, by any case form; the URL stays the state. */}
      {query && <FacetFilter field={name} type={KIND[name]} query={query} />}
    </fieldset>
  );
}
