import type { AppConfig } from "@/lib/config";

export type MeiliConfig = Pick<
  AppConfig,
  | "MEILI_URL"
  | "MEILI_MASTER_KEY"
  | "MEILI_ADMIN_KEY"
  | "MEILI_SEARCH_KEY"
  | "MEILI_INDEX"
  | "MEILI_TIMEOUT_MS"
  | "MEILI_BATCH_SIZE"
  | "MEILI_PAYLOAD_LIMIT_BYTES"
  | "MEILI_MAX_TOTAL_HITS"
  | "MEILI_MAX_VALUES_PER_FACET"
  | "ANALYZER"
>;

export interface RebuildOptions {
  batchSize?: number;
  /** Called after each batch is indexed, with the number of documents indexed so far. */
  onProgress?: (done: number) => void;
  /** Called with the build indexes an interrupted rebuild had left, once they are deleted. */
  onLeftovers?: (uids: string[]) => void;
}
