/**
 * The search server searched only part of a long or many-sided query (SearchResult.partialQuery):
 * said beside the results, so a missing match is never a silent difference between engines.
 */
export function PartialQueryNotice() {
  return (
    <p className="mt-3 text-slate-700" data-testid="partial-query" role="note">
      Запрос учтён не полностью: поисковый сервер принимает не больше 10 слов и ограниченное число вариантов написания. Часть совпадений может не попасть в результаты — сократите запрос.
    </p>
  );
}
