import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | null | undefined;

/**
 * A full garbage collection, for imports that stream a large input (a MediaWiki dump). V8 grows
 * its heap lazily up to a limit of a quarter of the machine's memory, so a long stream of short-
 * lived objects would hold hundreds of megabytes of garbage; collecting every few thousand
 * documents keeps the heap near what is live. Exposes V8's gc() once (node's --expose-gc,
 * set at run time); where that is refused, it does nothing.
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      gc = vm.runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
