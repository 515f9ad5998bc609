import type { UnavailableReason } from "@/lib/errors";

const MESSAGES: Record<UnavailableReason, { title: string; body: string }> = {
  down: { title: "Поиск временно недоступен.", body: "Поисковый сервер не отвечает. Попробуйте через минуту — остальные страницы архива работают." },
  busy: { title: "Сервер сейчас занят.", body: "Запрос ждал своей очереди слишком долго. Попробуйте ещё раз через несколько секунд." },
  too_costly: {
    title: "Этот поиск занял слишком много времени и был остановлен.",
    body: "Уточните запрос: меньше слов, более длинное начало слова перед *, или фильтр по спикеру, теме или дате.",
  },
};

/** Why the search could not answer, in words that say what the reader can do about it. */
export function SearchUnavailable({ reason }: { reason: UnavailableReason }) {
  const m = MESSAGES[reason];
  return (
    <div role="alert" data-reason={reason} className="mt-6 rounded-md border border-amber-300 bg-amber-50 p-6">
      <p className="font-semibold">{m.title}</p>
      <p className="mt-1 text-slate-700">{m.body}</p>
    </div>
  );
}
