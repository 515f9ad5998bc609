import Link from "next/link";
import { nameSlug } from "@/lib/slug";

const BASE = { speaker: "/speakers", institution: "/institutions", country: "/countries", topic: "/topics" } as const;

/** Names as links to their speaker, institution or topic pages, with an optional note after each. */
export function NameLinks({
  kind,
  names,
  separator = ", ",
  note,
  className = "underline decoration-slate-300 hover:decoration-slate-700",
}: {
  kind: keyof typeof BASE;
  names: readonly string[];
  separator?: string;
  note?: (name: string) => string | undefined;
  className?: string;
}) {
  return (
    <>
      {names.map((name, i) => {
        const extra = note?.(name);
        return (
          <span key={name}>
            {i > 0 && separator}
            <Link href={`${BASE[kind]}/${nameSlug(name)}`} className={className}>
              {name}
            </Link>
            {extra && <span className="text-slate-500">{extra}</span>}
          </span>
        );
      })}
    </>
  );
}
