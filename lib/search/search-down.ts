import "server-only";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { SEARCH_DOWN_HEADER, lastProbeFailure } from "@/lib/search/engines/meilisearch/probe";

/**
 * Set by proxy.ts on the search page it renders for a 503 (search found down before the page
 * rendered): the page then shows «Поиск временно недоступен» without trying the search again.
 * proxy.ts drops the header from outside requests.
 */

export async function checkSearchDown(): Promise<void> {
  let marked: string | null;
  try {
    marked = (await headers()).get(SEARCH_DOWN_HEADER);
  } catch {
    return;
  }
  if (marked === "1") throw new AppError("unavailable", lastProbeFailure() ?? "the availability probe found search down");
}
