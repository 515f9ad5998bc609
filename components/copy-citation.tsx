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

const BUTTON = "rounded border border-slate-300 px-2 py-0.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-sky-300";

type Copied = "idle" | "quote" | "gost" | "plain" | "failed";
const MESSAGES: Record<Copied, string> = {
  idle: "",
  quote: "Скопировано",
  gost: "Ссылка по ГОСТ скопирована",
  plain: "Текст со ссылкой скопирован",
  failed: "Не удалось скопировать",
};

/** One live region per group of copy buttons, saying what was copied for 2.5 s. */
function useCopied(): [Copied, (what: Exclude<Copied, "idle" | "failed">, text: string) => Promise<void>] {
  const [state, setState] = useState<Copied>("idle");
  return [
    state,
    async (what, text) => {
      setState((await copy(text)) ? what : "failed");
      setTimeout(() => setState("idle"), 2500);
    },
  ];
}

function Status({ state }: { state: Copied }) {
  return (
    <span role="status" aria-live="polite" className="text-sm text-slate-500">
      {MESSAGES[state]}
    </span>
  );
}

/**
 * What a reference is built from: an article, or one statement of it. `permalink` is absolute
 * when the server knows the site's address; a relative one is resolved against the page's.
 */
export type ReferenceTarget = { kind: "article"; article: CitableArticle; permalink: string } | { kind: "statement"; statement: Citable; permalink: string };

const isAbsolute = (url: string) => /^https?:\/\//.test(url);

function texts(raw: ReferenceTarget, accessed: Date, origin: string): { gost: string; plain: string } {
  const target = { ...raw, permalink: new URL(raw.permalink, origin).toString() };
  if (target.kind === "article")
    return { gost: articleReference(target.article, target.permalink, accessed), plain: articlePlainText(target.article, target.permalink, formatDate) };
  return {
    gost: statementReference(target.statement, target.permalink, accessed),
    plain: citationText({ ...target.statement, url: target.permalink }, target.permalink, formatDate),
  };
}

/**
 * «Скопировать ссылку»: copies a GOST R 7.0.100-2018 reference (dated with the reader's own day of
 * access); «Форматы ссылки» shows it and the plain text with the permalink, the latter with its own
 * button, readable and selectable without JavaScript too (then dated with the server's day).
 */
function ReferenceControls({ target, onCopy, label }: { target: ReferenceTarget; onCopy: (what: "gost" | "plain", text: string) => void; label: string }) {
  const [origin, setOrigin] = useState<string | undefined>(undefined);
  // The server may only know a relative permalink (search results): the page's own address completes it.
  useEffect(() => setOrigin(window.location.origin), []);
  // Before hydration a relative permalink has no origin to complete it: the formats are shown once it has.
  const base = isAbsolute(target.permalink) ? target.permalink : origin;
  const shown = base ? texts(target, new Date(), base) : { gost: "…", plain: "…" };
  return (
    <>
      <button type="button" className={BUTTON} data-testid="copy-reference-gost" onClick={() => onCopy("gost", texts(target, new Date(), window.location.origin).gost)}>
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
          <dd data-testid="reference-plain" suppressHydrationWarning>
            {shown.plain}
          </dd>
          <dd>
            <button type="button" className={BUTTON} data-testid="copy-reference-plain" onClick={() => onCopy("plain", texts(target, new Date(), window.location.origin).plain)}>
              Скопировать текст со ссылкой
            </button>
          </dd>
        </dl>
      </details>
    </>
  );
}

/**
 * «Скопировать цитату»: «text» — Speaker, role, institution. Source, date. permalink (absolute);
 * with `reference`, also «Скопировать ссылку» (ReferenceControls), sharing one status line.
 */
export function CopyCitation({ statement, reference }: { statement: Citable; reference?: ReferenceTarget }) {
  const [state, copied] = useCopied();
  return (
    <>
      <button type="button" className={BUTTON} data-testid="copy-citation" onClick={() => copied("quote", citationText(statement, window.location.origin, formatDate))}>
        Скопировать цитату
      </button>
      {reference && <ReferenceControls target={reference} onCopy={copied} label="Скопировать ссылку" />}
      <Status state={state} />
    </>
  );
}

/** «Скопировать ссылку» alone: for an article, and for a statement on its article page. */
export function CopyReference({ target, label = "Скопировать ссылку" }: { target: ReferenceTarget; label?: string }) {
  const [state, copied] = useCopied();
  return (
    <span className="inline-flex flex-wrap items-baseline gap-2" data-testid="copy-reference">
      <ReferenceControls target={target} onCopy={copied} label={label} />
      <Status state={state} />
    </span>
  );
}
