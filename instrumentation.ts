/**
 * Runs once when the server starts: open the search engine and load what its first query
 * would otherwise load (the embedded engine's facet memory takes ~1 s at 100k documents),
 * so the first readers do not queue behind it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { warmUpSearch } = await import("./lib/warm-up");
  await warmUpSearch();
}
