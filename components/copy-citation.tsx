"use client";

import { useEffect, useState } from "react";
import { type CitableArticle, articlePlainText, articleReference, citationText, statementReference } from "@/lib/search/citation";
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

/**
 * What a reference is built from: an article, or one statement of it. `permalink` is absolute
 * when the server knows the site's address; a relative one is resolved against the page's.
 */
export type ReferenceTarget = { kind: "article"; article: CitableArticle; permalink: string } | { kind: "statement"; statement: Citable; permalink: string };

function texts(raw: ReferenceTarget, accessed: Date, origin: string | undefined): { gost: string; plain: string } {
  const target = origin ? { ...raw, permalink: new URL(raw.permalink, origin).toString() } : raw;
  if (target.kind === "article")
    return { gost: articleReference(target.article, target.permalink, accessed), plain: articlePlainText(target.article, target.permalink, formatDate) };
  return {
    gost: statementReference(target.statement, target.permalink, accessed),
    plain: citationText({ ...target.statement, url: target.permalink }, target.permalink, formatDate),
  };
}

/**
 * «Скопировать ссылку»: copies a GOST R 7.0.100-2018 reference (dated with the reader's own day of
 * access); «Другие форматы» shows it and the plain text with the permalink, each with its own button,
 * readable and selectable without JavaScript too (then dated with the server's day).
 */
export function CopyReference({ target, label = "Скопировать ссылку" }: { target: ReferenceTarget; label?: string }) {
  const [state, setState] = useState<"idle" | "gost" | "plain" | "failed">("idle");
  const [origin, setOrigin] = useState<string | undefined>(undefined);
  useEffect(() => setOrigin(window.location.origin), []);
  const run = async (which: "gost" | "plain") => {
    const text = texts(target, new Date(), window.location.origin)[which];
    setState((await copy(text)) ? which : "failed");
    setTimeout(() => setState("idle"), 2500);
  };
  const shown = texts(target, new Date(), origin);
  const button = "rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-300";
  return (
    <span className="inline-flex flex-wrap items-baseline gap-2" data-testid="copy-reference">
      <button type="button" className={button} data-testid="copy-reference-gost" onClick={() => run("gost")}>
        {label}
      </button>
      <details className="text-sm text-slate-600">
        <summary className="cursor-pointer">Форматы ссылки</summary>
        <dl className="mt-1 max-w-prose space-y-2 rounded border border-slate-200 bg-white p-2">
          <dt className="font-semibold">ГОСТ Р 7.0.100-2018</dt>
          <dd data-testid="reference-gost" suppressHydrationWarning>
            {shown.gost}
          </dd>
          <dt className="font-semibold">Текст со ссылкой</dt>
          <dd data-testid="reference-plain" suppressHydrationWarning>{shown.plain}</dd>
          <dd>
            <button type="button" className={button} data-testid="copy-reference-plain" onClick={() => run("plain")}>
              Скопировать текст со ссылкой
            </button>
          </dd>
        </dl>
      </details>
      <span role="status" aria-live="polite" className="text-sm text-slate-500">
        {state === "gost" ? "Ссылка по ГОСТ скопирована" : state === "plain" ? "Текст со ссылкой скопирован" : state === "failed" ? "Не удалось скопировать" : ""}
      </span>
    </span>
  );
}
