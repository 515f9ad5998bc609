import { namePart, spellingVariants } from "@/lib/text/names";
import type { Clause, ParsedQuery } from "./query-syntax";

type Vocabulary = { hasKey(key: string): boolean };

/** Name words per query given other spellings at most: each costs up to a few dozen vocabulary lookups. */
const MAX_NAME_WORDS = 3;

/**
 * A foreign name typed in one spelling also finds the others the archive has (Мери → Мэри, Мэттьюс
 * → Мэтьюс, Ассанж → Асанж: lib/text/names.ts spellingVariants), as expansions of its group, so
 * the spelling typed still ranks first (RANKING.typedBoost). Only capitalised Cyrillic words read
 * as a given name or a surname; a common word's other spelling is another word or a typo. A given
 * name the dictionary knows gets only э/е; doubled letters are for names it does not know.
 * NEREL: every slice unchanged (without the common-word guard below, persons-latin gained 0.004
 * nDCG@10 from one query, «Messi» read back as «Месй» and rescued by «месс», the genitive of «месса»).
 */
export function withSpellingVariants(parsed: ParsedQuery, vocabulary: Vocabulary | undefined): ParsedQuery {
  if (!vocabulary) return parsed;
  let words = 0;
  const groups = parsed.groups.map((g) => {
    const extra: Clause[] = [];
    const have = new Set(g.flatMap((c) => (c.kind === "term" ? [c.key] : [])));
    for (const c of g) {
      if (c.kind !== "term" || c.expansion || c.prefix || words >= MAX_NAME_WORDS) continue;
      const part = namePart(c.raw);
      if (part !== "given" && part !== "surname") continue;
      words++;
      for (const key of spellingVariants(c.key, part === "surname")) {
        // A spelling that is a common word is that word (Брэд → бред), not the name.
        if (have.has(key) || namePart(key[0]!.toUpperCase() + key.slice(1)) === "other" || !vocabulary.hasKey(key)) continue;
        have.add(key);
        extra.push({ kind: "term", raw: key, key, expansion: true });
      }
    }
    return extra.length === 0 ? g : [...g, ...extra];
  });
  return { groups, excluded: parsed.excluded };
}
