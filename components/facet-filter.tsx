"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { ENTITY_LABELS } from "@/components/entity-labels";
import { pluralize } from "@/lib/format";
import type { EntityKind } from "@/lib/entities/types";
import type { FacetField, SearchQuery } from "@/lib/search/types";
import { ENTITY_BASE, MAX_ENTITY_QUERY_LENGTH, entityIndexHref } from "@/lib/entity-urls";
import { toggleFacetHref } from "@/lib/validations/search-href";

const TYPING_DELAY_MS = 250;
const SHOWN = 8;

interface Found {
  id: string;
  name: string;
  documentCount: number;
  sampleOnly: boolean;
  partial?: boolean;
}

type State = { kind: "idle" } | { kind: "loading" } | { kind: "done"; entities: Found[]; total: number } | { kind: "failed" };

/**
 * A facet group's filter box: finds any value of the facet in the whole archive, listed or not,
 * by any name, variant or case form (GET /api/entities), and offers each as a link that toggles
 * the filter, so the URL stays the one place the search state lives. Without JavaScript only the
 * link to the index page is there.
 */
export function FacetFilter({ field, type, query }: { field: FacetField; type: EntityKind; query: SearchQuery }) {
  const labels = ENTITY_LABELS[type];
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-input`;
  const resultsId = `${id}-results`;
  const [mounted, setMounted] = useState(false);
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ kind: "idle" });
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => setMounted(true), []);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setState({ kind: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ kind: "loading" });
      try {
        const sp = new URLSearchParams({ type, q, limit: String(SHOWN) });
        const res = await fetch(`/api/entities?${sp}`, { signal: controller.signal, headers: { Accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { entities: Found[]; total: number };
        setState({ kind: "done", entities: body.entities, total: body.total });
      } catch (e) {
        if (!controller.signal.aborted) setState({ kind: "failed" });
        void e;
      }
    }, TYPING_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, type]);

  const links = () => [...(listRef.current?.querySelectorAll<HTMLAnchorElement>("a[data-facet-filter-option]") ?? [])];

  const onInputKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      // Not the search form's submit: the box has no name and is no part of the search.
      e.preventDefault();
      const first = links()[0];
      if (first) router.push(first.getAttribute("href")!, { scroll: false });
    } else if (e.key === "ArrowDown") {
      const first = links()[0];
      if (first) {
        e.preventDefault();
        first.focus();
      }
    } else if (e.key === "Escape" && text) {
      e.preventDefault();
      setText("");
    }
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at === -1) return;
    e.preventDefault();
    if (e.key === "ArrowUp" && at === 0) document.getElementById(inputId)?.focus();
    else all[Math.min(all.length - 1, Math.max(0, at + (e.key === "ArrowDown" ? 1 : -1)))]?.focus();
  };

  const q = text.trim();
  const message =
    state.kind === "loading"
      ? "Поиск…"
      : state.kind === "failed"
        ? "Не удалось выполнить поиск. Попробуйте ещё раз."
        : state.kind === "done"
          ? state.total === 0
            ? `${labels.none} по запросу «${q}»`
            : `Найдено: ${state.total}`
          : "";

  return (
    <div className="mt-2" data-testid={`facet-filter-${field}`}>
      {mounted && (
        <>
          <label htmlFor={inputId} className="sr-only">
            {labels.find}
          </label>
          <input
            id={inputId}
            type="search"
            value={text}
            maxLength={MAX_ENTITY_QUERY_LENGTH}
            autoComplete="off"
            placeholder={labels.find}
            aria-describedby={resultsId}
            onChange={(e) => {
              // Not a change of the search: keep the search form from reacting to it.
              e.stopPropagation();
              setText(e.target.value);
            }}
            onKeyDown={onInputKey}
            className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
          />
          <div id={resultsId} aria-live="polite" className="text-sm">
            {message && <p className="mt-1 text-xs text-slate-500">{message}</p>}
            {state.kind === "done" && state.entities.length > 0 && (
              <ul ref={listRef} className="mt-1 space-y-0.5" onKeyDown={onListKey}>
                {state.entities.map((e) => {
                  const selected = query.filters[field].includes(e.name);
                  return (
                    <li key={e.id}>
                      <Link
                        href={toggleFacetHref(query, field, e.name)}
                        scroll={false}
                        data-facet-filter-option={e.name}
                        className="flex items-start gap-2 rounded px-1 py-0.5 text-sky-800 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-300"
                      >
                        <span aria-hidden="true" className="w-4 text-center">
                          {selected ? "✓" : "+"}
                        </span>
                        <span className="flex-1 leading-snug">
                          <span className="sr-only">{selected ? "Снять фильтр: " : "Выбрать: "}</span>
                          {e.name}
                          {e.sampleOnly && <span className="ml-1 text-xs text-amber-800">(образец)</span>}
                        </span>
                        <span className="tabular-nums text-slate-500">
                          {e.documentCount}
                          <span className="sr-only"> {pluralize(e.documentCount, ["документ", "документа", "документов"])}</span>
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
            {state.kind === "done" && state.total > state.entities.length && (
              <Link href={entityIndexHref(type, { q })} className="mt-1 inline-block text-xs text-sky-700 underline">
                Все {state.total} на странице «{labels.title}» →
              </Link>
            )}
          </div>
        </>
      )}
      <Link href={ENTITY_BASE[type]} className="mt-1 inline-block text-sm text-sky-700 underline">
        {labels.all} →
      </Link>
    </div>
  );
}
