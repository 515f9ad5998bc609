import type { EngineHealth } from "@/lib/search/types";

/**
 * What GET /api/health tells anyone who asks: which engine, and a state from a fixed list with a
 * fixed sentence. Engines' own messages name files, URLs and commands; they are for the server's
 * log and the CLI (npm start prints them), never for an HTTP answer (issue 11, item 5).
 */
export type HealthState = "ready" | "indexing" | "lagging" | "stale_index" | "unavailable";

const SAY: Record<HealthState, string> = {
  ready: "search is ready",
  indexing: "search is ready; recent changes are being indexed",
  lagging: "search answers, but the index lags the archive",
  stale_index: "the index must be rebuilt before search can answer",
  unavailable: "search is temporarily unavailable",
};

export interface PublicHealth {
  engine: EngineHealth["engine"] | "unknown";
  ok: boolean;
  state: HealthState;
  message: string;
  documents?: number;
  archived?: number;
  pending?: number;
  analyzer?: string;
}

export function stateOf(h: EngineHealth): HealthState {
  const m = h.message ?? "";
  if (h.ok) return m ? "indexing" : "ready";
  if (/\blags\b/.test(m)) return "lagging";
  if (/analyzer|reindex|stale|holds \d+ document/i.test(m)) return "stale_index";
  return "unavailable";
}

export function publicHealth(h: EngineHealth): PublicHealth {
  const state = stateOf(h);
  return {
    engine: h.engine,
    ok: h.ok,
    state,
    message: SAY[state],
    documents: h.documents,
    analyzer: h.analyzer,
    ...(h.archived !== undefined ? { archived: h.archived } : {}),
    ...(h.pending !== undefined ? { pending: h.pending } : {}),
  };
}

/** Health when the engine could not even be opened (a bad path, a bad key): the reason stays in the log. */
export function unavailableHealth(engine: PublicHealth["engine"]): PublicHealth {
  return { engine, ok: false, state: "unavailable", message: SAY.unavailable };
}
