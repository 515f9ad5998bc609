import { getEngine } from "@/lib/search";
import { emptyFilters } from "@/lib/search/types";

/** One browse query at start-up; a failure here is only logged, the request path reports it properly. */
export async function warmUpSearch(): Promise<void> {
  const started = performance.now();
  try {
    const engine = await getEngine();
    await engine.search({ q: "", filters: emptyFilters(), sort: "date", page: 1, perPage: 1 });
    // Statements keep their own facet memory; a failure there leaves document search ready.
    await engine.searchStatements({ q: "", filters: emptyFilters(), sort: "date", page: 1, perPage: 1 }).catch(() => undefined);
    console.log(`search engine ready (${engine.kind}) in ${Math.round(performance.now() - started)} ms`);
  } catch (e) {
    console.error(`search engine not ready at start-up: ${(e as Error).message.split("\n")[0]}`);
  }
}
