import type { Metadata } from "next";
import { formatDate } from "@/lib/format";
import { SITE_NAME } from "@/lib/site";
import type { CommentaryDocument } from "@/lib/validations/document";

/** Descriptions longer than this are cut at a word: search engines and social cards show about as much. */
const DESCRIPTION_CHARS = 200;

export function clip(text: string, max = DESCRIPTION_CHARS): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, "")}…`;
}

/**
 * A page's own title, description, canonical address and Open Graph / Twitter tags. Next.js
 * replaces, not merges, the layout's openGraph, so every page passes all of it through here.
 */
export function pageMetadata(p: { title: string; description: string; path: string; type?: "website" | "article" | "profile"; openGraph?: Record<string, unknown> }): Metadata {
  const description = clip(p.description);
  return {
    title: p.title,
    description,
    alternates: { canonical: p.path },
    openGraph: { title: p.title, description, url: p.path, siteName: SITE_NAME, locale: "ru_RU", type: p.type ?? "website", ...p.openGraph } as Metadata["openGraph"],
    twitter: { card: "summary", title: p.title, description },
  };
}

/** «Источник, 14 ноября 2016 г. Эксперты: … . First paragraph…», or what of it is known. */
export function articleDescription(doc: Pick<CommentaryDocument, "date" | "source" | "speakers" | "paragraphs" | "sample">): string {
  const where = [doc.source, doc.date ? formatDate(doc.date) : undefined].filter(Boolean).join(", ");
  const who = doc.speakers.length ? `Высказывания: ${doc.speakers.slice(0, 3).map((s) => s.name).join(", ")}.` : "";
  return [doc.sample ? "Образец (вымышленный текст)." : "", where ? `${where}.` : "", who, doc.paragraphs[0] ?? ""].filter(Boolean).join(" ");
}

/** Article pages: type article, with its date, author and topics as Open Graph article tags. */
export function articleMetadata(doc: CommentaryDocument): Metadata {
  return pageMetadata({
    title: doc.title,
    description: articleDescription(doc),
    path: `/articles/${doc.slug}`,
    type: "article",
    openGraph: {
      ...(doc.date ? { publishedTime: doc.date } : {}),
      ...(doc.author ? { authors: [doc.author] } : {}),
      ...(doc.topics.length ? { tags: doc.topics } : {}),
    },
  });
}
