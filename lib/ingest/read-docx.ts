import { IngestError } from "./errors";
import { blockTexts, collapse } from "./html-text";
import { lazyLinkedom, lazyMammoth } from "./lazy";
import { readHeaders } from "./metadata";
import type { SourceRecord } from "./source-record";

/**
 * A Word file (.docx), converted by mammoth: the first paragraph (the title or first heading) is
 * the title, every other paragraph, heading and list item a paragraph. Footnote
 * and endnote markers are dropped with the notes themselves, which are not the piece's text.
 * Header lines at the top (`Дата:`, `Источник:`, `URL:`, `Автор:`) are read as in a .txt.
 */
export async function readDocx(file: string, bytes: Buffer): Promise<SourceRecord[]> {
  let html: string;
  try {
    html = (await lazyMammoth().convertToHtml({ buffer: bytes })).value;
  } catch (e) {
    throw new IngestError(file, `not a readable Word (.docx) file: ${(e as Error).message.split("\n")[0]}`);
  }
  const { document } = lazyLinkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // mammoth puts footnotes and endnotes in a closing <ol> of li#footnote-N / li#endnote-N, referenced by <sup><a href="#footnote-N">.
  for (const li of document.querySelectorAll('li[id^="footnote-"], li[id^="endnote-"]')) {
    const list = li.parentElement;
    li.remove();
    if (list && collapse(list.textContent ?? "") === "") list.remove();
  }
  for (const a of document.querySelectorAll('a[href^="#footnote-"], a[href^="#endnote-"]')) (a.closest("sup") ?? a).remove();
  const blocks = blockTexts(document.body as never);
  const headers = readHeaders(blocks);
  const rest = blocks.slice(headers.next);
  const [title = "", ...paragraphs] = headers.fields.title ? [headers.fields.title, ...rest] : rest;
  const { title: _t, ...meta } = headers.fields;
  return [{ file, line: 1, format: "docx", data: { ...meta, title, paragraphs }, lineOf: () => 1 }];
}
