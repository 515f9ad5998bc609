/**
 * PostgreSQL 15 full-text search on the same corpus and query mix: to_tsvector('russian')
 * with a GIN index, ts_rank ordering, facet counts by GROUP BY, ts_headline snippets.
 * The server is started here on a free loopback port in a temporary directory and removed after.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { FacetField } from "@/lib/search/types";
import type { BenchQuery } from "./queries";

const PG_BIN_DIRS = ["/usr/lib/postgresql/15/bin"];

export function findPgCtl(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const p = path.join(dir, "pg_ctl");
    if (dir && fs.existsSync(p)) return fs.realpathSync(p);
  }
  for (const dir of PG_BIN_DIRS) if (fs.existsSync(path.join(dir, "pg_ctl"))) return path.join(dir, "pg_ctl");
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface PgServer {
  port: number;
  dir: string;
  bin: string;
  client: pg.Client;
  startMs: number;
  stop(): void;
  /** Sum of proportional set sizes of the server's processes, in MB. */
  pssMb(): number;
}

/** initdb refuses to run as root, so as root the cluster belongs to the postgres user. */
function asServerUser(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): void {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8", env: opts.env }) : spawnSync(cmd, args, { encoding: "utf8", env: opts.env });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
}

export async function startPostgres(pgCtl: string): Promise<PgServer> {
  const bin = path.dirname(pgCtl);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-pg-"));
  fs.chmodSync(dir, 0o755);
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  asServerUser(path.join(bin, "initdb"), ["-D", data, "-U", "bench", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  // Defaults except: loopback only, socket in the temp dir, memory sized for a 24 GB machine,
  // and commits not waiting for fsync (the embedded engine runs with synchronous=NORMAL).
  const opts = [
    `-p ${port}`,
    `-c listen_addresses=127.0.0.1`,
    `-c unix_socket_directories=${dir}`,
    `-c shared_buffers=1GB`,
    `-c work_mem=64MB`,
    `-c maintenance_work_mem=1GB`,
    `-c synchronous_commit=off`,
    `-c max_wal_size=4GB`,
  ].join(" ");
  const t0 = performance.now();
  asServerUser(pgCtl, ["-D", data, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "start"]);
  const client = new pg.Client({ host: "127.0.0.1", port, user: "bench", database: "postgres" });
  await client.connect();
  await client.query("SELECT 1");
  const startMs = performance.now() - t0;
  const postmaster = () => Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
  const server: PgServer = {
    port,
    dir,
    bin,
    client,
    startMs,
    stop() {
      void this.client.end().catch(() => {});
      try {
        asServerUser(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    pssMb() {
      let kb = 0;
      let pm: number;
      try {
        pm = postmaster();
      } catch {
        return 0;
      }
      for (const pid of [pm, ...childrenOf(pm)]) {
        try {
          const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
          if (m) kb += Number(m[1]);
        } catch {
          // the process ended between listing and reading
        }
      }
      return Math.round(kb / 1024);
    },
  };
  return server;
}

function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const e of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === ppid) out.push(Number(e));
    } catch {
      // gone
    }
  }
  return out;
}

/** Samples a figure in the background and keeps its maximum. */
export function peakSampler(read: () => number, everyMs = 250): { stop(): number } {
  let peak = read();
  const t = setInterval(() => (peak = Math.max(peak, read())), everyMs);
  return {
    stop() {
      clearInterval(t);
      return Math.max(peak, read());
    },
  };
}

const SCHEMA = `
CREATE TABLE docs (
  id integer PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  date date,
  -- Title weight A (1.0) against body D (0.1): the same 10:1 the embedded engine gives bm25.
  tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('russian', title), 'A') || setweight(to_tsvector('russian', body), 'D')) STORED
);
CREATE TABLE doc_facets (doc integer NOT NULL, field text NOT NULL, value text NOT NULL);
`;

export interface PgIngest {
  docs: number;
  totalMs: number;
  sizeBytes: number;
  indexBytes: number;
}

export async function loadPostgres(server: PgServer, files: readonly string[], log: (s: string) => void): Promise<PgIngest> {
  const c = server.client;
  await c.query(SCHEMA);
  const started = performance.now();
  let id = 0;
  for (const file of files) {
    const lines = fs.readFileSync(file, "utf8").split("\n").filter(Boolean);
    for (let i = 0; i < lines.length; i += 1_000) {
      const ids: number[] = [];
      const titles: string[] = [];
      const bodies: string[] = [];
      const dates: (string | null)[] = [];
      const fd: number[] = [];
      const ff: string[] = [];
      const fv: string[] = [];
      for (const line of lines.slice(i, i + 1_000)) {
        const d = JSON.parse(line) as { title: string; paragraphs: string[]; date?: string; topics: string[]; institutions: string[]; speakers: { name: string; institution?: string }[] };
        ids.push(++id);
        titles.push(d.title);
        bodies.push(d.paragraphs.join("\n"));
        dates.push(d.date ?? null);
        const inst = new Set(d.institutions);
        for (const s of d.speakers) if (s.institution) inst.add(s.institution);
        const add = (f: FacetField, vals: Iterable<string>) => {
          for (const v of new Set(vals)) {
            fd.push(id);
            ff.push(f);
            fv.push(v);
          }
        };
        add("speaker", d.speakers.map((s) => s.name));
        add("institution", inst);
        add("topic", d.topics);
      }
      await c.query("INSERT INTO docs (id, title, body, date) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[])", [ids, titles, bodies, dates]);
      await c.query("INSERT INTO doc_facets (doc, field, value) SELECT * FROM unnest($1::int[], $2::text[], $3::text[])", [fd, ff, fv]);
    }
    log(`  postgres loaded ${id} docs (${Math.round((id * 1000) / (performance.now() - started))} docs/s)`);
  }
  // Indexes after the load, as any bulk import into PostgreSQL would do it.
  await c.query("CREATE INDEX docs_tsv ON docs USING gin (tsv)");
  await c.query("CREATE INDEX docs_date ON docs (date)");
  await c.query("CREATE INDEX doc_facets_fvd ON doc_facets (field, value, doc)");
  await c.query("CREATE INDEX doc_facets_doc ON doc_facets (doc, field)");
  await c.query("VACUUM ANALYZE docs");
  await c.query("VACUUM ANALYZE doc_facets");
  const totalMs = performance.now() - started;
  const size = await c.query<{ total: string; idx: string }>(
    "SELECT pg_total_relation_size('docs') + pg_total_relation_size('doc_facets') AS total, pg_relation_size('docs_tsv') AS idx",
  );
  return { docs: id, totalMs, sizeBytes: Number(size.rows[0]!.total), indexBytes: Number(size.rows[0]!.idx) };
}

/** One statement per search, so matches are found once and reused for the page, the total and the three facets. */
export function searchSql(q: BenchQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [q.q];
  const cond: Partial<Record<FacetField, string>> = {};
  for (const f of ["speaker", "institution", "topic"] as FacetField[]) {
    if (q.filters[f].length === 0) continue;
    values.push(q.filters[f]);
    cond[f] = `m.id IN (SELECT doc FROM doc_facets WHERE field = '${f}' AND value = ANY($${values.length}::text[]))`;
  }
  const where = (except?: FacetField) => {
    const parts = Object.entries(cond)
      .filter(([f]) => f !== except)
      .map(([, c]) => c);
    return parts.length ? `WHERE ${parts.join(" AND ")}` : "";
  };
  const order = q.sort === "date" ? "d.date DESC NULLS LAST, d.id DESC" : "ts_rank(d.tsv, (SELECT q FROM query)) DESC, d.date DESC NULLS LAST, d.id DESC";
  const facet = (f: FacetField) =>
    `(SELECT coalesce(json_agg(x), '[]') FROM (SELECT df.value, count(*) AS n FROM m JOIN doc_facets df ON df.doc = m.id AND df.field = '${f}' ${where(f)} GROUP BY df.value ORDER BY n DESC, df.value) x) AS ${f}`;
  const text = `
WITH query AS MATERIALIZED (SELECT plainto_tsquery('russian', $1) AS q),
m AS MATERIALIZED (SELECT d.id FROM docs d WHERE d.tsv @@ (SELECT q FROM query)),
hits AS MATERIALIZED (SELECT m.id FROM m ${where()}),
top AS (SELECT d.id FROM hits h JOIN docs d ON d.id = h.id ORDER BY ${order} LIMIT 10)
SELECT
  (SELECT count(*) FROM hits) AS total,
  (SELECT coalesce(json_agg(p), '[]') FROM (
     SELECT d.id, d.title, d.date, ts_headline('russian', d.body, (SELECT q FROM query), 'MaxFragments=1, MaxWords=40, MinWords=20') AS snippet
     FROM top JOIN docs d ON d.id = top.id) p) AS page,
  ${facet("speaker")}, ${facet("institution")}, ${facet("topic")}`;
  return { text, values };
}

export async function searchPostgres(server: PgServer, queries: readonly BenchQuery[]): Promise<{ samples: { ms: number; total: number }[]; firstMs: number }> {
  const c = server.client;
  const samples: { ms: number; total: number }[] = [];
  let firstMs = NaN;
  for (const q of queries) {
    const { text, values } = searchSql(q);
    const t0 = performance.now();
    const res = await c.query<{ total: string }>(text, values);
    const ms = performance.now() - t0;
    if (Number.isNaN(firstMs)) firstMs = ms;
    samples.push({ ms, total: Number(res.rows[0]!.total) });
  }
  return { samples, firstMs };
}

/** Restart the server and answer one query: server start to first answer, caches of the OS still warm. */
export async function coldStartPostgres(server: PgServer, pgCtl: string, query: BenchQuery): Promise<number> {
  await server.client.end();
  const data = path.join(server.dir, "data");
  asServerUser(pgCtl, ["-D", data, "-m", "fast", "-w", "stop"]);
  const opts = `-p ${server.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${server.dir} -c shared_buffers=1GB -c work_mem=64MB`;
  const t0 = performance.now();
  asServerUser(pgCtl, ["-D", data, "-o", opts, "-l", path.join(server.dir, "server.log"), "-w", "start"]);
  const client = new pg.Client({ host: "127.0.0.1", port: server.port, user: "bench", database: "postgres" });
  await client.connect();
  const { text, values } = searchSql(query);
  await client.query(text, values);
  const ms = performance.now() - t0;
  server.client = client;
  return ms;
}
