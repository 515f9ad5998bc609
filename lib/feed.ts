/**
 * Atom feeds of searches (/feed?… with the search page's parameters): the newest matches,
 * documents or statements by `view`. Built by the `feed` package, which escapes every text it
 * writes; nothing here concatenates XML.
 */
import { Feed } from "feed";
import type { StatementHit } from "@/lib/search/statement-hit";
import type { SearchHit, SearchQuery } from "@/lib/search/types";
import { FACET_FIELDS } from "@/lib/search/types";
import { toSearchString } from "@/lib/validations/search-href";

/**
 * The package writes titles and summaries as type="html" (in CDATA), so a reader renders them as
 * HTML: our texts are plain, and are escaped into HTML here, so «<script>» in a quote is shown, not run.
 */
export function htmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Entries one feed carries. */
export const FEED_ENTRIES = 50;

/** The feed of a search: the same parameters, newest first, page 1. */
export function feedHref(query: Pick<SearchQuery, "q" | "filters" | "view" | "from" | "to">): string {
  return `/feed${toSearchString({ ...query, sort: "relevance", page: 1 })}`;
}

/** A Date from a YYYY-MM-DD date (noon UTC, so no time zone moves it to another day); undefined when undated. */
function dayOf(date: string | undefined): Date | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return undefined;
  const d = new Date(`${date.slice(0, 10)}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** «санкции» · Эксперт: Иван Петров · с 2023 — what the feed is about, in words. */
export function feedTitle(query: Pick<SearchQuery, "q" | "filters" | "view" | "from" | "to">): string {
  const parts: string[] = [];
  if (query.q) parts.push(`«${query.q}»`);
  for (const f of FACET_FIELDS) if (query.filters[f].length > 0) parts.push(query.filters[f].join(", "));
  if (query.from || query.to) parts.push([query.from ? `с ${query.from}` : "", query.to ? `по ${query.to}` : ""].filter(Boolean).join(" "));
  const what = query.view === "statements" ? "Высказывания" : "Материалы";
  return `${what}${parts.length ? `: ${parts.join(" · ")}` : ""} — Архив комментариев`;
}

interface FeedInput {
  origin: string;
  query: SearchQuery;
  /** When the newest entry changed, or now when there is none. */
  now?: Date;
}

function baseFeed({ origin, query, now }: FeedInput, updated: Date | undefined): Feed {
  const self = `${origin}${feedHref(query)}`;
  return new Feed({
    id: self,
    title: feedTitle(query),
    link: `${origin}/${toSearchString({ ...query, sort: "newest", page: 1 })}`,
    language: "ru",
    updated: updated ?? now ?? new Date(),
    feedLinks: { atom: self },
    generator: false,
    copyright: "Архив комментариев",
  });
}

export function documentsFeed(input: FeedInput, hits: SearchHit[]): string {
  const dates = hits.map((h) => dayOf(h.date)).filter((d): d is Date => d !== undefined);
  const feed = baseFeed(input, dates[0]);
  for (const h of hits) {
    const link = `${input.origin}/articles/${h.slug}`;
    const date = dayOf(h.date) ?? input.now ?? new Date(0);
    const speakers = h.speakers.map((s) => s.name);
    feed.addItem({
      id: link,
      title: htmlText(`${h.sample ? "Образец: " : ""}${h.title}`),
      link,
      date,
      published: date,
      description: htmlText(h.snippet.map((s) => s.text).join("")),
      ...(speakers.length ? { author: speakers.map((name) => ({ name })) } : h.source ? { author: [{ name: h.source }] } : {}),
      category: h.topics.map((t) => ({ name: t, term: t })),
    });
  }
  return feed.atom1();
}

export function statementsFeed(input: FeedInput, hits: StatementHit[]): string {
  const dates = hits.map((h) => dayOf(h.document.date)).filter((d): d is Date => d !== undefined);
  const feed = baseFeed(input, dates[0]);
  for (const h of hits) {
    const link = `${input.origin}${h.url}`;
    const date = dayOf(h.document.date) ?? input.now ?? new Date(0);
    const who = h.speaker?.name ?? "Без автора";
    feed.addItem({
      id: link,
      title: htmlText(`${h.document.sample ? "Образец: " : ""}${who}: «${h.text.length > 120 ? `${h.text.slice(0, 119)}…` : h.text}»`),
      link,
      date,
      published: date,
      description: htmlText(`${h.text} — ${[who, h.speaker?.role, h.speaker?.institution].filter(Boolean).join(", ")}; «${h.document.title}»${h.document.source ? `, ${h.document.source}` : ""}`),
      ...(h.speaker ? { author: [{ name: h.speaker.name }] } : {}),
    });
  }
  return feed.atom1();
}
