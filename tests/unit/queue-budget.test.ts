import { describe, expect, it, vi } from "vitest";

/** Issue 11, item 1: a search that waited past its budget to start answers 503 at once. */

let arrived: string | null = null;
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  headers: async () => {
    if (arrived === "outside") throw new Error("headers() was called outside a request scope");
    return new Headers(arrived === null ? {} : { "x-archive-arrived-at": arrived });
  },
}));

const { checkQueueBudget } = await import("@/lib/search/queue-budget");
const { AppError } = await import("@/lib/errors");

describe("search queue budget", () => {
  it("lets a search start within SEARCH_QUEUE_BUDGET_MS (1,500 by default) of its arrival", async () => {
    arrived = String(Date.now() - 200);
    await expect(checkQueueBudget()).resolves.toBeUndefined();
  });

  it("answers a search that has waited longer with a clear 503", async () => {
    arrived = String(Date.now() - 5_000);
    const e = await checkQueueBudget().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as InstanceType<typeof AppError>).status).toBe(503);
    expect((e as Error).message).toMatch(/^The server is busy/);
  });

  it("has no budget outside a request or without the proxy's stamp", async () => {
    arrived = "outside";
    await expect(checkQueueBudget()).resolves.toBeUndefined();
    arrived = null;
    await expect(checkQueueBudget()).resolves.toBeUndefined();
    arrived = "garbage";
    await expect(checkQueueBudget()).resolves.toBeUndefined();
  });
});
