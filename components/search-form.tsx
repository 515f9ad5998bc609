"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type ReactNode } from "react";

const TYPING_DELAY_MS = 300;

function searchStringOf(form: HTMLFormElement): string {
  const sp = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (typeof value !== "string") continue;
    if (key === "q" && value.trim() === "") continue;
    if (key === "sort" && value === "relevance") continue;
    if ((key === "from" || key === "to") && value.trim() === "") continue;
    sp.append(key, key === "q" ? value.trim() : value);
  }
  const s = sp.toString();
  return s ? `/?${s}` : "/";
}

/**
 * A plain GET form, so search works without JavaScript. With JavaScript it updates the URL
 * as you type (one history entry per burst of typing) and on every filter change, keeping
 * the input and its focus in place.
 */
export function SearchForm({ q, main, sidebar }: { q: string; main: ReactNode; sidebar: ReactNode }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typedSinceNavigation = useRef(false);
  // The old results stay on screen, dimmed, until the new ones arrive. No loading.tsx here: a
  // streamed fallback would never be replaced for readers without JavaScript.
  const [pending, startTransition] = useTransition();

  // Back/Forward change q under us: show it, unless the person is typing.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input) input.value = q;
    typedSinceNavigation.current = false;
  }, [q]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const navigate = (mode: "push" | "replace") => {
    const form = formRef.current;
    if (!form) return;
    const href = searchStringOf(form);
    if (href === `${window.location.pathname}${window.location.search}`) return;
    startTransition(() => {
      if (mode === "push") router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    });
  };

  return (
    <form
      ref={formRef}
      action="/"
      method="get"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        navigate("push");
      }}
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (target instanceof HTMLInputElement && target.name === "q") return;
        clearTimeout(timer.current);
        navigate("push");
      }}
    >
      <div className="flex w-full flex-col gap-8 lg:flex-row">
        <div className="order-1 min-w-0 flex-1 lg:order-2">
          <div className="flex gap-2">
            <label htmlFor="q" className="sr-only">
              Поиск по архиву
            </label>
            <input
              ref={inputRef}
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Например: медиатор, санкции, «Астана клуб»"
              autoComplete="off"
              maxLength={500}
              className="w-full rounded-md border border-slate-300 bg-white px-4 py-2.5 text-lg shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
              onInput={() => {
                clearTimeout(timer.current);
                const mode = typedSinceNavigation.current ? "replace" : "push";
                timer.current = setTimeout(() => {
                  navigate(mode);
                  typedSinceNavigation.current = true;
                }, TYPING_DELAY_MS);
              }}
            />
            <button type="submit" className="rounded-md bg-sky-700 px-5 py-2.5 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-300">
              Найти
            </button>
          </div>
          <div aria-busy={pending} className={pending ? "opacity-60 transition-opacity" : undefined}>
            {pending && (
              <p role="status" className="sr-only">
                Загрузка…
              </p>
            )}
            {main}
          </div>
        </div>
        <aside id="filters" className="order-2 w-full shrink-0 scroll-mt-4 lg:order-1 lg:w-72" aria-label="Фильтры">
          {sidebar}
        </aside>
      </div>
    </form>
  );
}
