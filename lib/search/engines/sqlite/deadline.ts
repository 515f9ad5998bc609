import { AppError } from "@/lib/errors";

/**
 * The time one search may take (SEARCH_TIME_BUDGET_MS). The embedded engine runs on the server's
 * one event loop, so a search that walks doclists for seconds holds every other reader for as
 * long: rows are read one at a time and the clock is looked at as they come, and past the budget
 * the search stops with a 503 that says to narrow the query. A partial answer is not given: rows
 * arrive in rowid order, so what had been read is not the best of the matches, and its totals
 * would be wrong.
 */
export class Deadline {
  private calls = 0;
  private readonly at: number;

  constructor(readonly budgetMs: number) {
    this.at = performance.now() + budgetMs;
  }

  /** For hot loops: reads the clock on every 256th call only (a clock read costs ~50 ns). */
  tick(): void {
    if ((++this.calls & 255) === 0) this.check();
  }

  check(): void {
    if (performance.now() > this.at) {
      throw new AppError("unavailable", `This search took longer than ${this.budgetMs} ms and was stopped: narrow it (fewer words, a longer prefix before *, or a filter).`, {
        reason: "too_costly",
      });
    }
  }
}

/** No budget: scripts, evaluations and imports, which nobody waits behind. */
export const UNBOUNDED = new Deadline(Number.POSITIVE_INFINITY);

/** All rows of a statement's iterator, stopping (and closing the statement) when the deadline passes. */
export function rowsWithin<T>(rows: IterableIterator<T>, deadline: Deadline): T[] {
  const out: T[] = [];
  // Leaving the loop by a throw closes the iterator, which resets the statement.
  for (const row of rows) {
    out.push(row);
    deadline.tick();
  }
  return out;
}
