export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="py-10 text-slate-500">
      Загрузка…
    </div>
  );
}
