import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { AppError } = await import("@/lib/errors");
const { errorResponse } = await import("@/lib/http");

describe("errorResponse", () => {
  it("says why search is unavailable, and asks a busy or down server's clients to come back, not a too costly query's", async () => {
    const busy = errorResponse(new AppError("unavailable", "The server is busy", { reason: "busy" }));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("2");
    expect(await busy.json()).toEqual({ error: "unavailable", message: "The server is busy", reason: "busy" });

    const costly = errorResponse(new AppError("unavailable", "This search took longer than 2000 ms", { reason: "too_costly" }));
    expect(costly.headers.get("retry-after")).toBeNull();
    expect((await costly.json()).reason).toBe("too_costly");

    const down = errorResponse(new AppError("unavailable", "Search is temporarily unavailable"));
    expect(down.headers.get("retry-after")).toBe("30");
    expect((await down.json()).reason).toBe("down");
  });

  it("keeps other errors' bodies as they were, and never details an unexpected error", async () => {
    expect(await errorResponse(new AppError("bad_request", "q is at most 500 characters")).json()).toEqual({ error: "bad_request", message: "q is at most 500 characters" });
    const internal = errorResponse(new Error("ENOENT: /srv/archive/archive.db"));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(await internal.json())).not.toMatch(/srv|ENOENT/);
  });
});
