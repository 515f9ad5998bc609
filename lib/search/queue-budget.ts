import "server-only";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";

/**
 * A time budget per search (issue 11, item 1). Searches run on the server's one event loop, so a
 * request that has already waited long behind others would only make everyone behind it wait
 * longer: past SEARCH_QUEUE_BUDGET_MS since it arrived (stamped by proxy.ts), it is answered at once
 * with a clear 503 and costs nothing more. Outside a request (scripts, tests) there is no budget.
 */
export const ARRIVED_HEADER = "x-archive-arrived-at";

export async function checkQueueBudget(now = Date.now()): Promise<void> {
  let arrived: number;
  try {
    arrived = Number((await headers()).get(ARRIVED_HEADER));
  } catch {
    return;
  }
  if (!Number.isFinite(arrived) || arrived <= 0) return;
  const waited = now - arrived;
  if (waited > getConfig().SEARCH_QUEUE_BUDGET_MS) {
    throw new AppError("unavailable", `The server is busy (this search waited ${Math.round(waited)} ms to start): try again in a moment.`, { reason: "busy" });
  }
}
