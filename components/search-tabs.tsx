import Link from "next/link";
import type { SearchQuery, SearchView } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-params";

const TABS: { view: SearchView; label: string }[] = [
  { view: "documents", label: "Материалы" },
  { view: "statements", label: "Высказывания" },
];

/**
 * «Материалы» / «Высказывания»: the same search over documents or over statements, kept in the
 * URL as view=statements. The hidden field keeps the view when the form itself changes the URL.
 */
export function SearchTabs({ query }: { query: SearchQuery }) {
  const current: SearchView = query.view === "statements" ? "statements" : "documents";
  return (
    <nav aria-label="Что искать" className="mt-4 flex gap-1 border-b border-slate-200" data-testid="search-tabs">
      {current === "statements" && <input type="hidden" name="view" value="statements" />}
      {TABS.map(({ view, label }) => {
        const href = `/${toSearchString({ ...query, page: 1, view: view === "statements" ? "statements" : undefined })}`;
        const active = view === current;
        return active ? (
          <span key={view} aria-current="page" className="-mb-px border-b-2 border-sky-700 px-3 py-2 font-semibold text-sky-800">
            {label}
          </span>
        ) : (
          <Link key={view} href={href} className="-mb-px border-b-2 border-transparent px-3 py-2 text-slate-600 hover:text-slate-900">
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
