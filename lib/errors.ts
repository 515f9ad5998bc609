/** The errors the app turns into HTTP answers; anything else is a 500 with no details. */
export type AppErrorCode = "bad_request" | "not_found" | "unavailable";

const STATUS: Record<AppErrorCode, number> = { bad_request: 400, not_found: 404, unavailable: 503 };

export class AppError extends Error {
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
