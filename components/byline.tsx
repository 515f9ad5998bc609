import { formatDate } from "@/lib/format";

/** «14 июня 2021 г. · Источник»: when and where a piece appeared. */
export function Byline({ date, source }: { date?: string; source?: string }) {
  return (
    <>
      {date && <time dateTime={date}>{formatDate(date)}</time>}
      {date && source && " · "}
      {source}
    </>
  );
}
