/**
 * A discreet line on pages read straight from the archive while the search server is down
 * (lib/data.ts readPage): the page is complete, but search and its lists may lag behind it.
 */
export function ArchiveNotice({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p role="note" className="mb-4 text-xs text-slate-500" data-testid="archive-notice">
      Поиск временно недоступен: страница показана из архива.
    </p>
  );
}
