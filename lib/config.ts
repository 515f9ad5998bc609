import path from "node:path";
import { z } from "zod";

/** The one place that reads process.env. Every variable here is documented in the README. */
const envSchema = z
  .object({
    ARCHIVE_DB_PATH: z.string().min(1).default("data/archive.db"),
    ANALYZER: z.enum(["none", "snowball", "lemma", "default"]).default("default"),
    MEILI_URL: z
      .url({ message: "MEILI_URL must be an http(s) URL such as http://127.0.0.1:7700" })
      .refine((u) => /^https?:\/\//.test(u), "MEILI_URL must start with http:// or https://")
      .optional(),
    MEILI_MASTER_KEY: z.string().min(1).optional(),
    MEILI_ADMIN_KEY: z.string().min(1).optional(),
    MEILI_SEARCH_KEY: z.string().min(1).optional(),
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, "MEILI_INDEX may hold only letters, digits, - and _")
      .default("commentary"),
    MEILI_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3_000),
    /** Documents per Meilisearch indexing task during reindex and ingest. */
    MEILI_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1_000),
    /** Largest request body an indexing batch may be; Meilisearch's --http-payload-size-limit defaults to 100 MB. */
    MEILI_PAYLOAD_LIMIT_BYTES: z.coerce.number().int().min(10_000).max(10_000_000_000).default(100_000_000),
    /** Meilisearch caps totals and paging at this; it must exceed the archive size or totals are cut. */
    MEILI_MAX_TOTAL_HITS: z.coerce.number().int().min(1_000).max(10_000_000).default(100_000),
    /** Facet values Meilisearch returns per facet; sized for the speaker list, the longest facet. */
    MEILI_MAX_VALUES_PER_FACET: z.coerce.number().int().min(100).max(100_000).default(5_000),
    /** The editor's overrides for people (merge, split, rename, not a person), applied by every import and reindex. */
    PEOPLE_OVERRIDES_PATH: z.string().min(1).default("config/people.yaml"),
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    /** The address npm start listens on: loopback unless widened (0.0.0.0 or :: for every interface). */
    HOST: z
      .union([z.ipv4(), z.ipv6(), z.string().regex(/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/)], {
        message: "HOST must be an IP address (127.0.0.1, 0.0.0.0, ::) or a host name",
      })
      .default("127.0.0.1"),
    /**
     * The archive's public address (https://archive.example), for canonical links, Open Graph, JSON-LD,
     * the sitemap and OpenSearch; unset, the address a request came to is used.
     */
    SITE_URL: z
      .url({ protocol: /^https?$/, message: "SITE_URL must be an http(s) address such as https://archive.example" })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    /** Whether npm start loads the fictional pieces in content/samples; "exclude" also takes them out of the archive. */
    SAMPLES: z.enum(["include", "exclude"], { message: 'SAMPLES must be "include" or "exclude"' }).default("include"),
    SEARCH_PAGE_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    /** A search that could not start within this long of reaching the server answers 503 at once instead of queueing on. */
    SEARCH_QUEUE_BUDGET_MS: z.coerce.number().int().min(100).max(120_000).default(1_500),
    /** npm start's server works on at most this many requests at once; the others wait (up to SEARCH_QUEUE_BUDGET_MS) in arrival order. */
    MAX_ACTIVE_REQUESTS: z.coerce.number().int().min(1).max(1_000).default(4),
    /** The embedded engine stops a search that runs longer than this and answers 503 (narrow the query). */
    SEARCH_TIME_BUDGET_MS: z.coerce.number().int().min(50).max(120_000).default(2_000),
    /** Typo correction: unknown words corrected per query at most (the rest stay as typed); 0 turns it off. */
    TYPO_MAX_WORDS: z.coerce.number().int().min(0).max(50).default(5),
    /** Typo correction: time one query may spend on it before it runs as typed. */
    TYPO_BUDGET_MS: z.coerce.number().int().min(1).max(10_000).default(100),
    /** Import limits: characters in one paragraph, in one document (title and paragraphs), and paragraphs per document. */
    MAX_PARAGRAPH_CHARS: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
    MAX_DOCUMENT_CHARS: z.coerce.number().int().min(1_000).max(100_000_000).default(2_000_000),
    MAX_PARAGRAPHS: z.coerce.number().int().min(1).max(100_000).default(5_000),
    /** Import: bytes on disk of one file read whole (everything but MediaWiki dumps, which are streamed); larger files are refused before reading. */
    MAX_FILE_BYTES: z.coerce.number().int().min(1_024).max(4_294_967_296).default(268_435_456),
    /** Characters of text one article page sends at most; a longer article is split into parts with «Читать дальше». */
    ARTICLE_PAGE_CHARS: z.coerce.number().int().min(1_000).max(10_000_000).default(60_000),
    /** Rows one export (GET /api/search or /api/statements with format=csv|json) sends at most; the rest of a larger result set is left out. */
    EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  })
  .transform((e) => ({ ...e, ARCHIVE_DB_PATH: path.resolve(e.ARCHIVE_DB_PATH), PEOPLE_OVERRIDES_PATH: path.resolve(e.PEOPLE_OVERRIDES_PATH) }));

export type AppConfig = z.output<typeof envSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Empty strings count as unset, as in most .env files. */
function cleanEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => typeof kv[1] === "string" && kv[1].trim() !== ""));
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = envSchema.safeParse(cleanEnv(env));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: AppConfig | undefined;

export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
