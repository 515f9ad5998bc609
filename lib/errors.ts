/** The errors the app turns into HTTP answers; anything else is a 500 with no details. */
export type AppErrorCode = "bad_request" | "not_found" | "unavailable";

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
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AppError";
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
