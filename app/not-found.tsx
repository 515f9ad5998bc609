import Link from "next/link";

export default function NotFound() {
  return (
    <div className="py-16 text-center">
      <h1 className="text-2xl font-bold">Страница не найдена</h1>
      <p className="mt-2 text-slate-600">Такого адреса в архиве нет — возможно, ссылка устарела.</p>
      <Link href="/" className="mt-6 inline-block text-sky-700 underline">
        Перейти к поиску
      </Link>
    </div>
  );
}
