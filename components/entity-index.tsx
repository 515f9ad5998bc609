import Link from "next/link";
import { ENTITY_LABELS } from "@/components/entity-labels";
import { SampleBadge } from "@/components/sample-badge";
import { pluralize } from "@/lib/format";
import type { Entity, EntityKind } from "@/lib/entities/types";
import { ENTITY_BASE, MAX_ENTITY_QUERY_LENGTH, entityIndexHref, entityPath } from "@/lib/entity-urls";
import type { EntityIndexParams } from "@/lib/validations/entities-params";

const DOCUMENTS = ["материал", "материала", "материалов"] as const;
const STATEMENTS = ["высказывание", "высказывания", "высказываний"] as const;
/** Other names shown under an entry, so that a reader sees why a filter text found it. */
const VARIANTS_SHOWN = 6;

const count = (n: number, forms: readonly [string, string, string]) => `${n.toLocaleString("ru-RU")} ${pluralize(n, forms)}`;

export type EntityIndexData =
  | { kind: "ok"; params: EntityIndexParams; entities: Entity[]; total: number; pageCount: number }
  | { kind: "invalid"; message: string };

/**
 * An index page (/speakers, /institutions, /countries, /topics): a filter box that is a plain GET
 * form, the order as links, the entries with their counts, and pages. All state is in the URL.
 */
export function EntityIndex({ type, data }: { type: EntityKind; data: EntityIndexData }) {
  const labels = ENTITY_LABELS[type];
  if (data.kind === "invalid") {
    return (
      <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-6">
        <h1 className="text-lg font-semibold">Неверный адрес страницы</h1>
        <p className="mt-1 text-slate-700">{data.message}</p>
        <Link href={ENTITY_BASE[type]} className="mt-3 inline-block text-sky-700 underline">
          {labels.all}
        </Link>
      </div>
    );
  }
  const { params, entities, total, pageCount } = data;
  const inputId = `entity-q-${type}`;
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold">{labels.title}</h1>
      <form action={ENTITY_BASE[type]} method="get" role="search" aria-label={labels.find} className="mt-4 flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className="sr-only">
          {labels.find}
        </label>
        <input
          id={inputId}
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={MAX_ENTITY_QUERY_LENGTH}
          autoComplete="off"
          placeholder="Имя или его часть, в любом падеже"
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200"
        />
        {params.sort !== "count" && <input type="hidden" name="sort" value={params.sort} />}
        <button type="submit" className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 focus:outline-none focus:ring-2 focus:ring-sky-300">
          Найти
        </button>
        {params.q && (
          <Link href={entityIndexHref(type, { sort: params.sort })} className="text-sm text-sky-700 underline">
            Сбросить
          </Link>
        )}
      </form>

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <p role="status" aria-live="polite" className="text-slate-700" data-testid="entity-count">
          {params.q ? `Найдено: ${count(total, labels.forms)} по запросу «${params.q}»` : `В архиве ${count(total, labels.forms)}`}
          {pageCount > 1 && <span className="text-slate-500"> · страница {params.page} из {pageCount}</span>}
        </p>
        <nav aria-label="Порядок" className="flex items-center gap-2 text-sm text-slate-600">
          <span>Сортировка:</span>
          <SortLink type={type} params={params} sort="count" label="по числу материалов" />
          <SortLink type={type} params={params} sort="name" label="по имени" />
        </nav>
      </div>

      {total === 0 ? (
        <div className="py-10 text-center" data-testid="entity-empty">
          <p className="text-lg font-medium">{labels.none}</p>
          <p className="mt-1 text-slate-600">Проверьте написание или введите часть имени.</p>
          <Link href={ENTITY_BASE[type]} className="mt-3 inline-block text-sky-700 underline">
            {labels.all}
          </Link>
        </div>
      ) : entities.length === 0 ? (
        <div className="py-10 text-center">
          <p>На этой странице ничего нет.</p>
          <Link href={entityIndexHref(type, { ...params, page: 1 })} className="mt-2 inline-block text-sky-700 underline">
            К первой странице
          </Link>
        </div>
      ) : (
        <ul className="list-none divide-y divide-slate-200" aria-label={labels.title}>
          {entities.map((e) => (
            <EntityEntry key={e.id} entity={e} />
          ))}
        </ul>
      )}
      <IndexPages type={type} params={params} pageCount={pageCount} />
    </div>
  );
}

function SortLink({ type, params, sort, label }: { type: EntityKind; params: EntityIndexParams; sort: EntityIndexParams["sort"]; label: string }) {
  if (params.sort === sort) {
    return (
      <span aria-current="true" className="rounded bg-slate-200 px-2 py-0.5 font-medium text-slate-900">
        {label}
      </span>
    );
  }
  return (
    <Link href={entityIndexHref(type, { q: params.q, sort })} className="rounded px-2 py-0.5 text-sky-700 underline hover:bg-slate-100">
      {label}
    </Link>
  );
}

function EntityEntry({ entity: e }: { entity: Entity }) {
  const person = e.kind === "person" ? e : undefined;
  const credit = person ? [person.role, person.institution].filter(Boolean).join(", ") : "";
  const variants = e.variants.slice(0, VARIANTS_SHOWN);
  return (
    <li className="flex flex-col gap-1 py-3 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4" data-testid="entity-entry">
      <div className="min-w-0 flex-1">
        <p>
          {e.sampleOnly && <SampleBadge />}
          <Link href={entityPath(e.kind, e.slug)} className="font-medium text-sky-800 underline-offset-2 hover:underline">
            {e.name}
          </Link>
          {person?.partial && (
            <span
              className="ml-2 inline-block rounded bg-slate-100 px-1.5 py-0.5 align-middle text-xs text-slate-700"
              title="В архиве есть только фамилия или инициалы: полное имя неизвестно"
              data-testid="partial-badge"
            >
              только фамилия
            </span>
          )}
        </p>
        {credit && <p className="text-sm text-slate-600">{credit}</p>}
        {variants.length > 0 && (
          <p className="text-xs text-slate-500">
            Также: {variants.join(", ")}
            {e.variants.length > variants.length && ` и ещё ${e.variants.length - variants.length}`}
          </p>
        )}
      </div>
      <p className="shrink-0 whitespace-nowrap text-sm tabular-nums text-slate-600">
        {count(e.documentCount, DOCUMENTS)}
        {person && ` · ${count(person.statementCount, STATEMENTS)}`}
      </p>
    </li>
  );
}

function pagesAround(page: number, pageCount: number): (number | "gap")[] {
  const keep = [...new Set([1, pageCount, page - 1, page, page + 1])].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  keep.forEach((p, i) => {
    if (i > 0 && p - keep[i - 1]! > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

function IndexPages({ type, params, pageCount }: { type: EntityKind; params: EntityIndexParams; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (page: number) => entityIndexHref(type, { ...params, page });
  const cls = "rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100";
  return (
    <nav aria-label="Страницы списка" className="mt-6 flex flex-wrap items-center gap-1">
      {params.page > 1 && (
        <Link href={href(Math.min(params.page - 1, pageCount))} className={cls} rel="prev">
          ← Назад
        </Link>
      )}
      {pagesAround(params.page, pageCount).map((p, i) =>
        p === "gap" ? (
          <span key={`gap-${i}`} className="px-2 text-slate-400">
            …
          </span>
        ) : p === params.page ? (
          <span key={p} aria-current="page" className="rounded bg-sky-700 px-3 py-1.5 font-semibold text-white">
            {p}
          </span>
        ) : (
          <Link key={p} href={href(p)} className={cls}>
            {p}
          </Link>
        ),
      )}
      {params.page < pageCount && (
        <Link href={href(params.page + 1)} className={cls} rel="next">
          Вперёд →
        </Link>
      )}
    </nav>
  );
}
