"use client";

/** Shown by error boundaries: a plain message, never the error's internals. */
export function ErrorPanel({ reset }: { reset: () => void }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">Что-то пошло не так</h1>
      <p className="mt-1 text-red-800">Страницу не удалось показать. Попробуйте ещё раз через минуту.</p>
      <button type="button" onClick={reset} className="mt-4 rounded bg-red-700 px-4 py-2 text-white hover:bg-red-800">
        Повторить
      </button>
    </div>
  );
}
