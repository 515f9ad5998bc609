import type { StatementHit } from "./statement-hit";

/** «text» — Speaker, role, institution. Source, date. https://…/articles/slug#quote-N */
export function citationText(hit: Pick<StatementHit, "text" | "speaker" | "document" | "url">, origin: string, formatDate: (iso: string) => string): string {
  const who = hit.speaker ? [hit.speaker.name, hit.speaker.role, hit.speaker.institution].filter(Boolean).join(", ") : "";
  const where = [hit.document.source, hit.document.date ? formatDate(hit.document.date) : undefined].filter(Boolean).join(", ");
  const parts = [`«${hit.text}»${who ? ` — ${who}.` : ""}`];
  if (where) parts.push(`${where}.`);
  parts.push(new URL(hit.url, origin).toString());
  return parts.join(" ");
}
