/** The query syntax, in one glance. */
export function QueryHelp() {
  return (
    <details className="mt-2 text-sm text-slate-600">
      <summary className="cursor-pointer select-none text-sky-700 hover:underline">Как искать</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        <li>
          Слова ищутся во всех формах: <kbd>медиатор</kbd> найдёт «медиатора» и «медиатором». Все слова должны встретиться в документе.
        </li>
        <li>
          <kbd>&quot;Астана клуб&quot;</kbd> — точная фраза, без учёта других форм слов.
        </li>
        <li>
          <kbd>-санкции</kbd> — исключить документы со словом.
        </li>
        <li>
          <kbd>ЕАЭС ИЛИ ШОС</kbd> (или <kbd>OR</kbd>) — любое из слов.
        </li>
      </ul>
    </details>
  );
}
