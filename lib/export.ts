/**
 * Exports of a result set (GET /api/search or /api/statements with format=csv|json): streamed,
 * one engine page at a time as the client reads, never the whole set in memory, and at most
 * EXPORT_MAX_ROWS rows (lib/config.ts). CSV is written by csv-stringify (RFC 4180 quoting) with
 * a UTF-8 byte order mark, so Excel opens Cyrillic as Cyrillic; JSON is one array.
 */
import { stringify } from "csv-stringify/sync";
import type { StatementHit } from "@/lib/search/statement-hit";
import type { SearchHit } from "@/lib/search/types";

export type ExportFormat = "csv" | "json";

/** Rows per engine page while exporting. */
export const EXPORT_PAGE_SIZE = 200;

export interface ExportPage<T> {
  hits: T[];
  total: number;
}

export interface ExportColumns<T> {
  header: string[];
  row(hit: T): Record<string, string>;
}

const join = (xs: readonly string[] | undefined) => (xs ?? []).join("; ");

/** Documents: one row each, names joined with «; ». `origin` makes the archive's links absolute. */
export function documentColumns(origin: string): ExportColumns<SearchHit> {
  return {
    header: ["id", "date", "title", "source", "article", "speakers", "institutions", "countries", "topics", "sample"],
    row: (h) => ({
      id: h.id,
      date: h.date ?? "",
      title: h.title,
      source: h.source ?? "",
      article: `${origin}/articles/${h.slug}`,
      speakers: join(h.speakers.map((s) => s.name)),
      institutions: join(h.institutions),
      countries: join(h.countries),
      topics: join(h.topics),
      sample: h.sample ? "true" : "",
    }),
  };
}

/** Statements: one row each, with the speaker at the time and the permalink on the article page. */
export function statementColumns(origin: string): ExportColumns<StatementHit> {
  return {
    header: ["id", "date", "speaker", "role", "institution", "text", "kind", "document", "source", "permalink", "sample"],
    row: (h) => ({
      id: h.id,
      date: h.document.date ?? "",
      speaker: h.speaker?.name ?? "",
      role: h.speaker?.role ?? "",
      institution: h.speaker?.institution ?? "",
      text: h.text,
      kind: h.kind,
      document: h.document.title,
      source: h.document.source ?? "",
      permalink: `${origin}${h.url}`,
      sample: h.document.sample ? "true" : "",
    }),
  };
}

/** What an export sends: the rows of the first page, then the next pages until `cap` rows or the end. */
export interface ExportPlan<T> {
  format: ExportFormat;
  columns: ExportColumns<T>;
  cap: number;
  pageSize?: number;
  /** One page of the result set, 1-based. */
  fetchPage(page: number, perPage: number): Promise<ExportPage<T>>;
}

export interface ExportStream {
  /** Matches in the whole result set, and how many rows the stream will send. */
  total: number;
  rows: number;
  body: ReadableStream<Uint8Array>;
}

/**
 * Reads the first page at once (so a bad query or an unavailable engine is an HTTP error, not a
 * broken download), then streams: each read of the body fetches the next page.
 */
export async function exportStream<T>(plan: ExportPlan<T>): Promise<ExportStream> {
  const perPage = Math.max(1, Math.min(plan.pageSize ?? EXPORT_PAGE_SIZE, plan.cap));
  const first = await plan.fetchPage(1, perPage);
  const rows = Math.min(first.total, plan.cap);
  const encoder = new TextEncoder();
  let page = 1;
  let sent = 0;
  let pending: T[] | undefined = first.hits;
  let done = false;
  const encode = (hits: T[]): string => {
    const take = hits.slice(0, Math.max(0, rows - sent));
    const records = take.map(plan.columns.row);
    const startAt = sent;
    sent += take.length;
    if (plan.format === "csv") return records.length === 0 ? "" : stringify(records, { columns: plan.columns.header, header: false, record_delimiter: "\r\n" });
    return records.map((r, i) => `${startAt + i === 0 ? "\n" : ",\n"}${JSON.stringify(r)}`).join("");
  };
  const head = plan.format === "csv" ? `\uFEFF${stringify([plan.columns.header], { record_delimiter: "\r\n" })}` : "[";
  const tail = plan.format === "csv" ? "" : "\n]\n";
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      if (done) return;
      try {
        let hits = pending;
        pending = undefined;
        if (!hits && sent < rows) hits = (await plan.fetchPage(++page, perPage)).hits;
        const text = hits ? encode(hits) : "";
        if (text) controller.enqueue(encoder.encode(text));
        // An empty page before `rows` means the result set shrank while exporting: end there.
        if (sent >= rows || !hits || hits.length === 0) {
          done = true;
          if (tail) controller.enqueue(encoder.encode(tail));
          controller.close();
        }
      } catch (e) {
        done = true;
        console.error(`export stopped: ${(e as Error).message}`);
        controller.error(e);
      }
    },
  });
  return { total: first.total, rows, body };
}

export const EXPORT_CONTENT_TYPE: Record<ExportFormat, string> = { csv: "text/csv; charset=utf-8", json: "application/json; charset=utf-8" };
