/** A pause in typing this long ends a burst: the next word typed makes a new history entry. */
export const TYPING_PAUSE_MS = 1000;

/**
 * Which history entry a search typed into the box goes to. One burst of typing is one entry:
 * its first update pushes, later updates replace that entry, and a pause of TYPING_PAUSE_MS or a
 * submit ends the burst. Back then returns to what was there before the burst, never to half a
 * phrase, and the box shows what the address says.
 */
export class TypingHistory {
  /** The address the current burst started from; undefined between bursts. */
  private from: string | undefined;

  /** How to navigate away from `current`, the address shown now. */
  modeFor(current: string): "push" | "replace" {
    // Until the burst's first push has landed the address is still the one it started from, and
    // replacing it would lose the page the reader came from: push again, superseding it.
    return this.from === undefined || this.from === current ? "push" : "replace";
  }

  /** A navigation of the burst went out from `current`. */
  navigated(current: string): void {
    this.from ??= current;
  }

  /** A pause, a submit, Back/Forward or another control: the next typing starts a new entry. */
  end(): void {
    this.from = undefined;
  }
}
