"use client";

import { useState } from "react";
import { citationText } from "@/lib/search/citation";
import type { StatementHit } from "@/lib/search/statement-hit";
import { formatDate } from "@/lib/format";

type Citable = Pick<StatementHit, "text" | "speaker" | "document" | "url">;

/** Writes text to the clipboard; where the Clipboard API is missing or refused, through a selected textarea. */
async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** «Скопировать цитату»: «text» — Speaker, role, institution. Source, date. permalink (absolute). */
export function CopyCitation({ statement }: { statement: Citable }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        className="rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-300"
        data-testid="copy-citation"
        onClick={async () => {
          const text = citationText(statement, window.location.origin, formatDate);
          setState((await copy(text)) ? "copied" : "failed");
          setTimeout(() => setState("idle"), 2500);
        }}
      >
        Скопировать цитату
      </button>
      <span role="status" aria-live="polite" className="text-sm text-slate-500">
        {state === "copied" ? "Скопировано" : state === "failed" ? "Не удалось скопировать" : ""}
      </span>
    </>
  );
}
