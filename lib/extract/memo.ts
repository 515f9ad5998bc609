/**
 * A bounded memo for a pure function of one string (a word's readings, lemma, name kind). Two
 * generations: when the newer fills, the older is dropped and the newer takes its place, so the
 * words an archive keeps using stay cached across documents while one-off names age out. Clearing
 * one map at its bound, as before, threw away the common words with the rare ones every 50,000
 * new forms; an import of real news met that limit several times and parsed them again.
 */
export function memoByString<T>(fn: (s: string) => T, limit = 100_000): ((s: string) => T) & { size(): number } {
  let young = new Map<string, T>();
  let old = new Map<string, T>();
  const memo = (s: string): T => {
    const hit = young.get(s);
    if (hit !== undefined || young.has(s)) return hit as T;
    let value: T;
    if (old.has(s)) value = old.get(s) as T;
    else value = fn(s);
    if (young.size >= limit) {
      old = young;
      young = new Map();
    }
    young.set(s, value);
    return value;
  };
  memo.size = () => young.size + old.size;
  return memo;
}
