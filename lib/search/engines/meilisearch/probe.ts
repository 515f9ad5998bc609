/**
 * Whether Meilisearch can serve a search right now, for the search page's status code: an App
 * Router page cannot set one, so proxy.ts asks this before the page renders and, when search is
 * down, serves the page's «Поиск временно недоступен» with 503. One request (a count on the
 * index with the search key: address, key and index at once), remembered for PROBE_TTL_MS so a
 * busy page costs at most one probe per interval.
 */
import { getConfig } from "@/lib/config";
import { describeMeiliError } from "@/lib/search/engines/meilisearch/errors";
import { meiliClient } from "@/lib/search/engines/meilisearch/http";

export const PROBE_TTL_MS = 2_000;

/** What proxy.ts tells the page it renders for a 503 (search-down.ts reads it). */
export const SEARCH_DOWN_HEADER = "x-archive-search-down";

let last: { at: number; up: boolean; why?: string } | undefined;

/** Why the last probe failed, for the server log. */
export function lastProbeFailure(): string | undefined {
  return last?.up === false ? last.why : undefined;
}

export async function meiliSearchUp(now = Date.now()): Promise<boolean> {
  const config = getConfig();
  if (!config.MEILI_URL) return true;
  if (last && now - last.at < PROBE_TTL_MS) return last.up;
  const key = config.MEILI_SEARCH_KEY ?? config.MEILI_ADMIN_KEY ?? config.MEILI_MASTER_KEY;
  last = await meiliClient(config.MEILI_URL, key, config.MEILI_TIMEOUT_MS)
    .multiSearch({ queries: [{ indexUid: config.MEILI_INDEX, q: "", page: 1, hitsPerPage: 0 }] })
    .then(
      () => ({ at: Date.now(), up: true }),
      (e: unknown) => ({ at: Date.now(), up: false, why: describeMeiliError(e, config) }),
    );
  return last.up;
}
