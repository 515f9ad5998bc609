"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type MouseEvent, type ReactNode } from "react";
import { FiltersDrawer, useNarrow } from "@/components/filters-drawer";
import { TYPING_PAUSE_MS, TypingHistory } from "@/lib/typing-history";

/** How long typing rests before the results follow it. */
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

const here = () => `${window.location.pathname}${window.location.search}`;

/** The control a change came from, to find it again if the new page replaced it. */
type Changed = { name: string; value?: string };

function findControl(form: HTMLFormElement, c: Changed): HTMLElement | null {
  const byName = `[name="${CSS.escape(c.name)}"]`;
  return form.querySelector<HTMLElement>(c.value === undefined ? byName : `${byName}[value="${CSS.escape(c.value)}"]`);
}

/**
 * A plain GET form, so search works without JavaScript. With JavaScript the results follow the
 * box as you type (one history entry per burst of typing, lib/typing-history.ts) and every filter
 * change, the box follows Back and Forward, a toggled control keeps the focus, and on narrow
 * screens the filters open in a drawer.
 */
export function SearchForm({ q, main, sidebar, showLabel }: { q: string; main: ReactNode; sidebar: ReactNode; showLabel?: string }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const history = useRef(new TypingHistory());
  const changed = useRef<Changed | undefined>(undefined);
  /** Typing that came while a navigation was still loading, sent once it has landed. */
  const queued = useRef(false);
  const [mounted, setMounted] = useState(false);
  const [open, setOpen] = useState(false);
  const narrow = useNarrow();
  // The old results stay on screen, dimmed, until the new ones arrive. No loading.tsx here: a
  // streamed fallback would never be replaced for readers without JavaScript.
  const [pending, startTransition] = useTransition();
  const loading = useRef(false);
  loading.current = pending;

  useEffect(() => setMounted(true), []);

  // A navigation from elsewhere (a link, a tab) changes q: show it, unless the reader is typing.
  useEffect(() => {
    const input = inputRef.current;
    if (input && document.activeElement !== input) input.value = q;
  }, [q]);

  // Back and Forward: the box shows the address's q at once, focused or not, and a pending
  // update from typing is dropped rather than sent over the restored page.
  useEffect(() => {
    const onPop = () => {
      queued.current = false;
      clearTimeout(typing.current);
      clearTimeout(pause.current);
      history.current.end();
      const input = inputRef.current;
      if (input) input.value = new URLSearchParams(window.location.search).get("q") ?? "";
    };
    window.addEventListener("popstate", onPop);
    return () => {
      window.removeEventListener("popstate", onPop);
      clearTimeout(typing.current);
      clearTimeout(pause.current);
    };
  }, []);

  // One navigation from typing at a time: a replace sent before the burst's push has landed would
  // replace the entry the reader came from. The latest text goes once the page has caught up.
  useEffect(() => {
    if (!pending && queued.current) {
      queued.current = false;
      typed();
    }
  });

  // A control the new page rendered afresh (a value moved out of «Ещё N», a re-keyed select)
  // would leave the focus on <body>: give it back to the same control.
  useEffect(() => {
    if (pending || !changed.current || !formRef.current) return;
    const c = changed.current;
    changed.current = undefined;
    if (document.activeElement && document.activeElement !== document.body) return;
    findControl(formRef.current, c)?.focus();
  }, [pending]);

  useEffect(() => {
    if (!narrow) setOpen(false);
  }, [narrow]);

  // The facet checkboxes are plain inputs (components/facet-group.tsx): when a navigation (a toggle,
  // Back/Forward, a link) renders new filters, React updates their defaultChecked, and a box the
  // reader touched would keep its own state, so each is set to what the address says. Synced in place
  // rather than remounted, so the control a reader just toggled keeps the focus. Keyed on the
  // sidebar: while a navigation is pending the old filters stay, and so does the box just clicked.
  useEffect(() => {
    for (const box of formRef.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? []) box.checked = box.defaultChecked;
  }, [sidebar]);

  /** Navigates to the form's search; false when the address already is it. */
  const navigate = (mode: "push" | "replace"): boolean => {
    const form = formRef.current;
    if (!form) return false;
    const href = searchStringOf(form);
    if (href === here()) return false;
    startTransition(() => {
      if (mode === "push") router.push(href, { scroll: false });
      else router.replace(href, { scroll: false });
    });
    return true;
  };

  const typed = () => {
    if (loading.current) {
      queued.current = true;
      return;
    }
    const from = here();
    if (navigate(history.current.modeFor(from))) history.current.navigated(from);
  };

  const closeDrawer = (to: "toggle" | "results") => {
    setOpen(false);
    // After the drawer is gone from the layout.
    requestAnimationFrame(() => {
      if (to === "toggle") toggleRef.current?.focus();
      else {
        resultsRef.current?.focus({ preventScroll: true });
        resultsRef.current?.scrollIntoView({ block: "start" });
      }
    });
  };

  // Links to #filters (the skip link, the results' «Фильтры») open the drawer where there is one.
  const onClick = (e: MouseEvent<HTMLFormElement>) => {
    const link = (e.target as HTMLElement).closest?.('a[href="#filters"]');
    if (!link || !narrow || !mounted) return;
    e.preventDefault();
    setOpen(true);
  };

  return (
    <form
      ref={formRef}
      action="/"
      method="get"
      role="search"
      onClick={onClick}
      onKeyDown={(e) => {
        const target: EventTarget = e.target;
        if (e.key !== "Enter" || !(target instanceof HTMLInputElement) || target.type !== "checkbox") return;
        // Not the form's implicit submit: Enter on a filter toggles it, as Space does.
        e.preventDefault();
        target.click();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        queued.current = false;
        clearTimeout(typing.current);
        clearTimeout(pause.current);
        navigate(history.current.modeFor(here()));
        history.current.end();
      }}
      onChange={(e) => {
        const target: EventTarget = e.target;
        if (target instanceof HTMLInputElement && target.name === "q") return;
        if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) {
          if (!target.name) return;
          changed.current = target instanceof HTMLInputElement && target.type === "checkbox" ? { name: target.name, value: target.value } : { name: target.name };
        }
        queued.current = false;
        clearTimeout(typing.current);
        history.current.end();
        navigate("push");
      }}
    >
      <ul className="text-sm">
        <li>
          <a href="#results" className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded focus:bg-white focus:px-3 focus:py-1 focus:text-sky-700 focus:underline">
            К результатам
          </a>
        </li>
        <li>
          <a href="#filters" className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded focus:bg-white focus:px-3 focus:py-1 focus:text-sky-700 focus:underline">
            К фильтрам
          </a>
        </li>
      </ul>
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
              className="w-full rounded-md border border-slate-300 bg-white px-4 py-2.5 text-lg shadow-sm placeholder:text-slate-500 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
              onInput={() => {
                clearTimeout(typing.current);
                clearTimeout(pause.current);
                typing.current = setTimeout(typed, TYPING_DELAY_MS);
                pause.current = setTimeout(() => history.current.end(), TYPING_PAUSE_MS);
              }}
            />
            <button type="submit" className="rounded-md bg-sky-700 px-5 py-2.5 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-300">
              Найти
            </button>
          </div>
          {!mounted && sidebar && (
            <a href="#filters" className="mt-3 inline-block text-sm text-sky-700 underline lg:hidden">
              Фильтры
            </a>
          )}
          {mounted && sidebar && (
            <button
              ref={toggleRef}
              type="button"
              aria-expanded={open}
              aria-controls="filters"
              onClick={() => setOpen(true)}
              className="mt-3 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-300 lg:hidden"
              data-testid="filters-toggle"
            >
              Фильтры
            </button>
          )}
          <div id="results" ref={resultsRef} tabIndex={-1} aria-busy={pending} className={`scroll-mt-4 focus:outline-none ${pending ? "opacity-60 transition-opacity" : ""}`}>
            {pending && (
              <p role="status" className="sr-only">
                Загрузка…
              </p>
            )}
            {main}
          </div>
        </div>
        <FiltersDrawer open={open} narrow={narrow} mounted={mounted} onClose={closeDrawer} showLabel={showLabel ?? "Показать результаты"} panelRef={panelRef}>
          {sidebar}
        </FiltersDrawer>
      </div>
    </form>
  );
}
