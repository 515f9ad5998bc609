/**
 * Indexing batches sized by bytes: Meilisearch refuses a request body over its payload limit
 * (--http-payload-size-limit, 100 MB by default) with HTTP 413, so a count alone cannot size a
 * batch (1,000 documents of 36.7 kB are over it). Records are serialised once, measured, and
 * grouped into JSON arrays under the limit, at most `maxRecords` each.
 */

export interface Batch {
  /** The JSON array sent as the request body. */
  json: string;
  /** Records in it. */
  count: number;
  /** Its size in bytes (UTF-8), what the payload limit counts. */
  bytes: number;
}

export class RecordTooLargeError extends Error {
  constructor(
    readonly key: string,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`record ${key} is ${bytes} bytes as JSON, over MEILI_PAYLOAD_LIMIT_BYTES (${limit}): raise the limit (and the server's --http-payload-size-limit)`);
  }
}

/**
 * Records grouped into batches of at most `maxBytes` (brackets and commas counted) and
 * `maxRecords`, in order. A record that alone exceeds the limit throws, naming it: no batch
 * size could send it. `keyOf` names a record in that error.
 */
export function* byteBatches<T>(records: Iterable<T>, maxBytes: number, maxRecords: number, keyOf: (r: T) => string): Generator<Batch> {
  let parts: string[] = [];
  let bytes = 2; // "[" and "]"
  const flush = (): Batch => {
    const batch = { json: `[${parts.join(",")}]`, count: parts.length, bytes };
    parts = [];
    bytes = 2;
    return batch;
  };
  for (const r of records) {
    const json = JSON.stringify(r);
    const size = Buffer.byteLength(json);
    if (size + 2 > maxBytes) throw new RecordTooLargeError(keyOf(r), size, maxBytes);
    const added = size + (parts.length > 0 ? 1 : 0);
    if (parts.length > 0 && (bytes + added > maxBytes || parts.length >= maxRecords)) yield flush();
    bytes += size + (parts.length > 0 ? 1 : 0);
    parts.push(json);
  }
  if (parts.length > 0) yield flush();
}

/**
 * How long to wait for an indexing task: Meilisearch indexes a batch in the background and the
 * client's default of 5 s is too short for a large one, so the wait grows with the batch's
 * records and bytes (the bytes dominate for long documents).
 */
export function taskTimeoutMs(records: number, bytes = 0): number {
  return 30_000 + 25 * records + Math.ceil(bytes / 1_000_000) * 2_000;
}

/**
 * The request timeout for indexing: MEILI_TIMEOUT_MS is a search's, and an indexing request
 * uploads up to MEILI_PAYLOAD_LIMIT_BYTES, which Meilisearch stores before it answers (1,000
 * bench documents, ~84 MB, took over 3 s on one machine). A minute plus 1 s per MB of the limit.
 */
export function uploadTimeoutMs(searchTimeoutMs: number, payloadLimitBytes: number): number {
  return Math.max(searchTimeoutMs, 60_000 + Math.ceil(payloadLimitBytes / 1_000_000) * 1_000);
}
