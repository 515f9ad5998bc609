import { QUERY_HELP, QUERY_HELP_NOTES, QUERY_HELP_TITLE } from "@/lib/search/query-help";

/** The query syntax, in one glance; the text lives beside the parser so the two change together. */
export function QueryHelp() {
  return (
    <details className="mt-2 text-sm text-slate-600">
      <summary className="cursor-pointer select-none text-sky-700 hover:underline">{QUERY_HELP_TITLE}</summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {QUERY_HELP.map((h) => (
          <div key={h.example} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800">{h.example}</kbd>
            </dt>
            <dd>{h.meaning}</dd>
          </div>
        ))}
      </dl>
      {QUERY_HELP_NOTES.map((n) => (
        <p key={n} className="mt-2">
          {n}
        </p>
      ))}
    </details>
  );
}
