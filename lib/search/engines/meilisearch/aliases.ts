import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { AliasMap } from "@/lib/search/engines/meilisearch/settings";

/**
 * The alias groups of config/aliases.ts, when that file exists (it is shared with the
 * embedded engine's query expansion). Loaded by path so a checkout without it still builds;
 * only CLI scripts call this, so no web bundle carries an import by path.
 */
export async function loadAliases(file = "config/aliases.ts"): Promise<AliasMap | undefined> {
  const full = resolve(file);
  if (!existsSync(full)) return undefined;
  const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
  const candidate = mod.ALIASES ?? mod.aliases ?? mod.default;
  // config/aliases.ts lists entries { short, full[] }: an abbreviation and its spelled-out names.
  if (Array.isArray(candidate)) {
    const entries = candidate.filter(
      (e): e is { short: string; full: string[] } =>
        typeof e?.short === "string" && Array.isArray(e?.full) && e.full.every((x: unknown) => typeof x === "string"),
    );
    return Object.fromEntries(entries.map((e) => [e.short, e.full]));
  }
  const isMap =
    typeof candidate === "object" &&
    candidate !== null &&
    Object.values(candidate).every((v) => Array.isArray(v) && v.every((x) => typeof x === "string"));
  return isMap ? (candidate as AliasMap) : undefined;
}
