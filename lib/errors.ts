/** The errors the app turns into HTTP answers; anything else is a 500 with no details. */
export type AppErrorCode = "bad_request" | "not_found" | "unavailable";

/**
 * Why search is unavailable, so pages can say what the reader can do: wait for the server
 * ("down"), try again in a moment ("busy": the request queued past SEARCH_QUEUE_BUDGET_MS), or
 * narrow the query ("too_costly": it ran past SEARCH_TIME_BUDGET_MS and was stopped).
 */
export type UnavailableReason = "down" | "busy" | "too_costly";

const STATUS: Record<AppErrorCode, number> = { bad_request: 400, not_found: 404, unavailable: 503 };

/**
 * Next.js bundles the instrumentation hook, pages and route handlers apart, each with its own copy
 * of this class, while they share one engine (lib/search/index.ts): an error the engine made in
 * one bundle must still be an AppError in another, so the check is a brand, not the prototype.
 */
const BRAND = Symbol.for("archive.AppError");

export class AppError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  readonly [BRAND] = true;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: { cause?: unknown; reason?: UnavailableReason },
  ) {
    super(message, options);
    this.name = "AppError";
    if (options?.reason) this.reason = options.reason;
  }

  readonly reason: UnavailableReason = "down";

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
