import { formatDate } from "@/lib/format";
import type { CommentaryDocument } from "@/lib/validations/document";

/**
 * Where and when a piece appeared, on its own page: the date, the source, the author and a link to
 * the original, each said to be unknown rather than left out, so a reader never mistakes a
 * missing line for a page that failed to load.
 */
export function Provenance({ doc }: { doc: Pick<CommentaryDocument, "date" | "source" | "url" | "author"> }) {
  return (
    <p className="mt-3 text-slate-600" data-testid="provenance">
      {doc.date ? (
        <time dateTime={doc.date} data-testid="provenance-date">
          {formatDate(doc.date)}
        </time>
      ) : (
        <span data-testid="provenance-date">дата не указана</span>
      )}
      {" · "}
      <span data-testid="provenance-source">{doc.source ?? "источник не указан"}</span>
      {doc.author && <> · автор: {doc.author}</>}
      {doc.url && (
        <>
          {" · "}
          <a href={doc.url} rel="noopener noreferrer nofollow" className="text-sky-700 underline">
            оригинал публикации
          </a>
        </>
      )}
    </p>
  );
}
