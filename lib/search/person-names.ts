import { namePart } from "@/lib/text/names";
import type { Clause } from "./query-syntax";

/**
 * A person's full name as a query (Барак Обама, Дмитрий Анатольевич Медведев) also finds the
 * documents that name them by the surname alone, as news does after the first mention: the given
 * name and patronymic become optional, each group «given name OR surname», so a document with the
 * surname satisfies every group and one with the whole name still matches more words and ranks
 * higher (and its words stand together: lib/search/proximity.ts). Both engines read the groups.
 */
export function relaxGivenNames(groups: Clause[][]): Clause[][] {
  if (groups.length < 2 || groups.length > 3) return groups;
  const terms = groups.map((g) => (g.length === 1 && g[0]!.kind === "term" && !g[0]!.prefix && !g[0]!.expansion ? g[0] : undefined));
  if (terms.some((t) => t === undefined)) return groups;
  const words = terms as Extract<Clause, { kind: "term" }>[];
  const last = words.at(-1)!;
  if (namePart(last.raw) !== "surname") return groups;
  const firsts = words.slice(0, -1).map((w) => namePart(w.raw));
  if (firsts[0] !== "given" || firsts.slice(1).some((p) => p !== "patronymic")) return groups;
  const surname: Clause = { kind: "term", raw: last.raw, key: last.key, expansion: true };
  return [...groups.slice(0, -1).map((g) => [...g, surname]), groups.at(-1)!];
}
