"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";

/** Below Tailwind's `lg`, where the filters leave the sidebar for a drawer. */
const NARROW = "(max-width: 1023.98px)";

/** Whether the viewport is narrow; false on the server and before hydration. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia(NARROW);
    const update = () => setNarrow(mq.matches);
    update();
    mq.addEventListener("change", update);
    return () => mq.removeEventListener("change", update);
  }, []);
  return narrow;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function visibleFocusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
}

/**
 * The filters: a sidebar on wide screens; on narrow ones, once scripts run, a modal drawer opened
 * by a button with aria-expanded, that takes the focus, keeps Tab inside, closes on Escape and
 * gives the focus back, and ends with «Показать N результатов», so a reader who taps filters
 * always has the count and a way back to the results in view. Without scripts the filters simply
 * follow the results.
 */
export function FiltersDrawer({
  open,
  narrow,
  mounted,
  onClose,
  showLabel,
  children,
  panelRef,
}: {
  open: boolean;
  narrow: boolean;
  mounted: boolean;
  onClose: (to: "toggle" | "results") => void;
  showLabel: string;
  children: ReactNode;
  panelRef: RefObject<HTMLElement | null>;
}) {
  const modal = open && narrow;
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!modal) return;
    closeRef.current?.focus();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      document.body.style.overflow = overflow;
    };
  }, [modal]);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (!modal) return;
    if (e.key === "Escape") {
      // The facet filter box clears itself on Escape first.
      if (e.defaultPrevented) return;
      e.preventDefault();
      onClose("toggle");
    } else if (e.key === "Tab") {
      const all = visibleFocusables(e.currentTarget);
      if (all.length === 0) return;
      const first = all[0]!;
      const last = all[all.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  const drawer = mounted ? (open ? "max-lg:fixed max-lg:inset-0 max-lg:z-40 max-lg:flex max-lg:flex-col max-lg:bg-white" : "max-lg:hidden") : "";
  return (
    <aside
      ref={panelRef}
      id="filters"
      tabIndex={-1}
      aria-label="Фильтры"
      {...(modal ? { role: "dialog", "aria-modal": true } : {})}
      onKeyDown={onKeyDown}
      className={`order-2 w-full shrink-0 scroll-mt-4 focus:outline-none lg:order-1 lg:w-72 ${drawer}`}
      data-testid="filters"
      data-drawer={modal ? "open" : undefined}
    >
      {modal && (
        <div className="flex items-center justify-between border-b border-slate-200 px-4 py-3">
          <h2 className="text-lg font-semibold">Фильтры</h2>
          <button ref={closeRef} type="button" onClick={() => onClose("toggle")} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-300">
            Закрыть
          </button>
        </div>
      )}
      <div className={modal ? "flex-1 overflow-y-auto px-4 py-4" : undefined}>{children}</div>
      {modal && (
        <div className="border-t border-slate-200 px-4 py-3">
          <button
            type="button"
            onClick={() => onClose("results")}
            className="w-full rounded-md bg-sky-700 px-4 py-2.5 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-300"
            data-testid="show-results"
          >
            {showLabel}
          </button>
        </div>
      )}
    </aside>
  );
}
