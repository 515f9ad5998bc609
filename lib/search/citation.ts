import type { StatementHit } from "./statement-hit";

/**
 * References to an article or a statement of the archive: in the style of GOST R 7.0.100-2018
 * (the Russian bibliographic description, as a reference to an electronic resource), and as a
 * plain text with the permalink. Pure functions, shared by the page (rendered on the server) and
 * the copy button (run in the browser with the reader's own date of access).
 */

/** «text» — Speaker, role, institution. Source, date. https://…/articles/slug#quote-N */
export function citationText(hit: Pick<StatementHit, "text" | "speaker" | "document" | "url">, origin: string, formatDate: (iso: string) => string): string {
  const who = hit.speaker ? [hit.speaker.name, hit.speaker.role, hit.speaker.institution].filter(Boolean).join(", ") : "";
  const where = [hit.document.source, hit.document.date ? formatDate(hit.document.date) : undefined].filter(Boolean).join(", ");
  const parts = [`«${hit.text}»${who ? ` — ${who}.` : ""}`];
  if (where) parts.push(`${where}.`);
  parts.push(new URL(hit.url, origin).toString());
  return parts.join(" ");
}

export interface CitableArticle {
  title: string;
  date?: string;
  source?: string;
  /** The original publication's address, when known. */
  url?: string;
  /** Who wrote the piece (not a speaker in it). */
  author?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** DD.MM.YYYY, the form GOST R 7.0.100-2018 gives dates of access in. */
export function gostDate(date: Date): string {
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** A stored YYYY-MM-DD as DD.MM.YYYY; «[б. г.]» («no year»), GOST's mark for an undated resource. */
function publicationDate(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : "[б. г.]";
}

const NAME_WORD = /^[А-ЯЁA-Z][а-яёa-z]+(?:-[А-ЯЁA-Z][а-яёa-z]+)?$/u;

/**
 * A person's name as a GOST heading: surname, then initials («Ержан Салтыбаев» → «Салтыбаев, Е.»,
 * «Пётр Иванович Петров» → «Петров, П. И.»). The archive writes names first name first; anything
 * that does not look like two or three capitalised words (a body, an initial already, one word) is
 * kept as written rather than guessed at.
 */
export function gostName(name: string): string {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 3 || !words.every((w) => NAME_WORD.test(w))) return name.trim();
  const surname = words[words.length - 1]!;
  const initials = words.slice(0, -1).map((w) => w.split("-").map((p) => `${p[0]}.`).join("-"));
  return `${surname}, ${initials.join(" ")}`;
}

/** « – » between the areas of a description, as GOST R 7.0.100-2018 separates them. */
const AREA = ". – ";

function finish(parts: string[], url: string, accessed: Date): string {
  return `${parts.join(AREA)}${AREA}URL: ${url} (дата обращения: ${gostDate(accessed)})${AREA}Текст : электронный.`;
}

/** The heading and title without a closing full stop doubled («Итоги?.» reads wrong). */
function titled(text: string): string {
  return text.trim().replace(/[.\s]+$/, "");
}

/**
 * An article: «Автор, И. Заглавие // Источник. – ДД.ММ.ГГГГ. – URL: … (дата обращения: ДД.ММ.ГГГГ). – Текст : электронный.»
 * The URL is the original publication's when known (what a reference list should point at), else
 * the archive's permalink.
 */
export function articleReference(doc: CitableArticle, permalink: string, accessed: Date): string {
  const head = [doc.author ? `${gostName(doc.author)} ` : "", titled(doc.title), doc.source ? ` // ${titled(doc.source)}` : ""].join("");
  return finish([head, publicationDate(doc.date)], doc.url ?? permalink, accessed);
}

/**
 * A statement: «Фамилия, И. [Высказывание] // Заглавие статьи / Источник. – ДД.ММ.ГГГГ. – URL: …#quote-N (дата обращения: …).»
 * The URL is the statement's permalink in the archive: only it points at the words themselves.
 */
export function statementReference(hit: Pick<StatementHit, "speaker" | "document">, permalink: string, accessed: Date): string {
  const who = hit.speaker ? (hit.speaker.kind === "body" ? hit.speaker.name : gostName(hit.speaker.name)) : "";
  const head = `${who ? `${who} ` : ""}[Высказывание] // ${titled(hit.document.title)}${hit.document.source ? ` / ${titled(hit.document.source)}` : ""}`;
  return finish([head, publicationDate(hit.document.date)], permalink, accessed);
}

/** An article as plain text: «Заглавие. Источник, 14 ноября 2016 г. https://…/articles/slug» */
export function articlePlainText(doc: CitableArticle, permalink: string, formatDate: (iso: string) => string): string {
  const where = [doc.source, doc.date ? formatDate(doc.date) : undefined].filter(Boolean).join(", ");
  return [`${titled(doc.title)}.`, where ? `${where}.` : "", permalink].filter(Boolean).join(" ");
}
