/**
 * A small stand-in for a Meilisearch v1.x server, speaking the documented JSON of the
 * endpoints the engine uses, on 127.0.0.1. It exists because no real server can run on
 * every machine: unit tests use it to check faults (timeouts, 503, wrong keys) and what
 * the engine sends. It is NOT Meilisearch — its ranking is a crude approximation and its
 * filter parser covers only the grammar this app emits (=, !=, >=, >, <=, <, IN […], AND, OR,
 * NOT, parentheses, quoted strings with backslash escapes). Like Meilisearch it compares strings
 * without case, sorts by several `attr:asc|desc` keys (records without the attribute last) and
 * applies custom ranking rules after its own crude relevance. The contract suite against a real server is
 * the authority.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

type Doc = Record<string, unknown>;

interface FakeIndex {
  uid: string;
  primaryKey: string | null;
  docs: Map<string, Doc>;
  order: string[];
  settings: Record<string, unknown>;
  createdAt: string;
}

export interface FakeOptions {
  masterKey?: string;
  /** Keys accepted for search routes only. */
  searchKeys?: string[];
  delayMs?: number;
  /** Answer every request but /health with this status. */
  failStatus?: number;
  /** Make document additions fail as tasks, the way an invalid payload does. */
  failAdditions?: boolean;
  /** Port to listen on; any free one when unset. */
  port?: number;
  /** Report each document addition as still processing to its first N polls, as a busy server does. */
  processingPolls?: number;
}

export interface FakeMeilisearch {
  url: string;
  requests: { method: string; path: string; body: unknown }[];
  options: FakeOptions;
  indexes: Map<string, FakeIndex>;
  close(): Promise<void>;
}

// ---- filter grammar ---------------------------------------------------------------

type Tok = { t: "str"; v: string } | { t: "word"; v: string } | { t: "op"; v: string } | { t: "(" } | { t: ")" } | { t: "[" } | { t: "]" } | { t: "," };

export function tokenizeFilter(s: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "(" || c === ")" || c === "[" || c === "]" || c === ",") {
      out.push({ t: c });
      i++;
    } else if (c === '"' || c === "'") {
      let v = "";
      i++;
      while (i < s.length && s[i] !== c) {
        if (s[i] === "\\" && i + 1 < s.length) i++;
        v += s[i];
        i++;
      }
      if (i >= s.length) throw new Error(`unterminated string in filter: ${s}`);
      i++;
      out.push({ t: "str", v });
    } else if (s.startsWith("!=", i) || s.startsWith(">=", i) || s.startsWith("<=", i)) {
      out.push({ t: "op", v: s.slice(i, i + 2) });
      i += 2;
    } else if (c === ">" || c === "<") {
      out.push({ t: "op", v: c });
      i++;
    } else if (c === "=") {
      out.push({ t: "op", v: "=" });
      i++;
    } else {
      let v = "";
      while (i < s.length && !/[\s()="'!<>[\],]/.test(s[i]!)) v += s[i++];
      if (v === "") throw new Error(`unexpected character ${c} in filter: ${s}`);
      out.push({ t: "word", v });
    }
  }
  return out;
}

export type FilterNode =
  | { kind: "and" | "or"; items: FilterNode[] }
  | { kind: "not"; item: FilterNode }
  | { kind: "cmp"; attr: string; op: CmpOp; value: string }
  | { kind: "in"; attr: string; values: string[] };

type CmpOp = "=" | "!=" | ">=" | ">" | "<=" | "<";

export function parseFilter(s: string): FilterNode {
  const toks = tokenizeFilter(s);
  let p = 0;
  const isWord = (w: string) => toks[p]?.t === "word" && (toks[p] as { v: string }).v.toUpperCase() === w;
  const or = (): FilterNode => {
    const items = [and()];
    while (isWord("OR")) {
      p++;
      items.push(and());
    }
    return items.length === 1 ? items[0]! : { kind: "or", items };
  };
  const and = (): FilterNode => {
    const items = [not()];
    while (isWord("AND")) {
      p++;
      items.push(not());
    }
    return items.length === 1 ? items[0]! : { kind: "and", items };
  };
  const not = (): FilterNode => {
    if (isWord("NOT")) {
      p++;
      return { kind: "not", item: not() };
    }
    return primary();
  };
  const primary = (): FilterNode => {
    const tok = toks[p];
    if (tok?.t === "(") {
      p++;
      const e = or();
      if (toks[p]?.t !== ")") throw new Error(`expected ) in filter: ${s}`);
      p++;
      return e;
    }
    if (tok?.t !== "word" && tok?.t !== "str") throw new Error(`expected attribute in filter: ${s}`);
    p++;
    if (isWord("IN")) {
      p++;
      if (toks[p]?.t !== "[") throw new Error(`expected [ after IN in filter: ${s}`);
      p++;
      const values: string[] = [];
      while (toks[p]?.t !== "]") {
        const v = toks[p];
        if (v?.t !== "word" && v?.t !== "str") throw new Error(`expected value in IN list: ${s}`);
        values.push(v.v);
        p++;
        if (toks[p]?.t === ",") p++;
        else if (toks[p]?.t !== "]") throw new Error(`expected , or ] in IN list: ${s}`);
      }
      p++;
      return { kind: "in", attr: tok.v, values };
    }
    const op = toks[p];
    if (op?.t !== "op") throw new Error(`expected operator in filter: ${s}`);
    p++;
    const val = toks[p];
    if (val?.t !== "word" && val?.t !== "str") throw new Error(`expected value in filter: ${s}`);
    p++;
    return { kind: "cmp", attr: tok.v, op: op.v as CmpOp, value: val.v };
  };
  const tree = or();
  if (p !== toks.length) throw new Error(`unexpected characters at the end of the filter: ${s}`);
  return tree;
}

/** attr:asc|desc sort keys as Meilisearch applies them; a record without the attribute comes after every record with it. */
function byKeys(keys: readonly string[]): (a: Doc, b: Doc) => number {
  return (a, b) => {
    for (const key of keys) {
      const [attr, dir] = key.split(":") as [string, string];
      const x = a[attr];
      const y = b[attr];
      if (x === undefined && y === undefined) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
      if (c !== 0) return dir === "desc" ? -c : c;
    }
    return 0;
  };
}

function evalFilter(n: FilterNode, doc: Doc): boolean {
  switch (n.kind) {
    case "and":
      return n.items.every((i) => evalFilter(i, doc));
    case "or":
      return n.items.some((i) => evalFilter(i, doc));
    case "not":
      return !evalFilter(n.item, doc);
    case "in": {
      const raw = doc[n.attr];
      const list = (Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]).map((v) => String(v).toLowerCase());
      return n.values.some((v) => list.includes(v.toLowerCase()));
    }
    case "cmp": {
      const raw = doc[n.attr];
      const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
      if (n.op !== "=" && n.op !== "!=") {
        const x = Number(n.value);
        const test = { ">=": (v: number) => v >= x, ">": (v: number) => v > x, "<=": (v: number) => v <= x, "<": (v: number) => v < x }[n.op];
        return list.some((v) => typeof v === "number" && test(v));
      }
      const values = list.map((v) => String(v).toLowerCase());
      const hit = values.includes(n.value.toLowerCase());
      return n.op === "=" ? hit : !hit;
    }
  }
}

// ---- search -------------------------------------------------------------------------

const WORD = /[\p{L}\p{N}]+/gu;
const words = (s: string) => (s.toLowerCase().match(WORD) ?? []) as string[];

interface QPart {
  words: string[];
  negated: boolean;
}

/** Words and quoted phrases, `-` before either excluding it, as Meilisearch reads q. */
function parseQ(q: string): QPart[] {
  const out: QPart[] = [];
  for (const m of q.matchAll(/(-?)(?:"([^"]*)"|(\S+))/g)) {
    const negated = m[1] === "-";
    const w = words(m[2] ?? m[3] ?? "");
    if (w.length === 0) continue;
    if (m[2] !== undefined) out.push({ words: w, negated });
    else if (negated) out.push({ words: w, negated });
    else for (const x of w) out.push({ words: [x], negated: false });
  }
  return out;
}

/** An attribute's text; a nested object (body_more: {c1, c2}) is searched field by field, as its own positions. */
function fieldTexts(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "object" && !Array.isArray(value)) return Object.values(value as Record<string, unknown>).flatMap(fieldTexts);
  return [String(value)];
}

function findsPart(part: string[], doc: Doc, searchable: string[]): number {
  let found = -1;
  searchable.forEach((attr, ai) => {
    if (found !== -1) return;
    for (const text of fieldTexts(doc[attr])) {
      const toks = words(text);
      for (let i = 0; i + part.length <= toks.length; i++) {
        if (part.every((w, j) => toks[i + j] === w)) {
          found = ai;
          return;
        }
      }
    }
  });
  return found;
}

/** Attribute rank of the best match, or -1 when some query part matches nowhere or an excluded one somewhere. */
function matchQ(parts: QPart[], doc: Doc, searchable: string[]): number {
  let best = Infinity;
  for (const part of parts) {
    const found = findsPart(part.words, doc, searchable);
    if (part.negated) {
      if (found !== -1) return -1;
      continue;
    }
    if (found === -1) return -1;
    best = Math.min(best, found);
  }
  return best === Infinity ? 0 : best;
}

function runSearch(index: FakeIndex, body: Record<string, unknown>): Record<string, unknown> {
  const searchable = (index.settings.searchableAttributes as string[] | undefined) ?? [];
  const displayed = (index.settings.displayedAttributes as string[] | undefined) ?? ["*"];
  const parts = parseQ(String(body.q ?? ""));
  const filter = typeof body.filter === "string" ? parseFilter(body.filter) : undefined;
  const scored: { doc: Doc; rank: number; seq: number }[] = [];
  index.order.forEach((pk, seq) => {
    const doc = index.docs.get(pk)!;
    if (filter && !evalFilter(filter, doc)) return;
    const rank = parts.length === 0 ? 0 : matchQ(parts, doc, searchable);
    if (rank >= 0) scored.push({ doc, rank, seq });
  });
  const sortKeys = (body.sort as string[] | undefined) ?? [];
  const custom = ((index.settings.rankingRules as string[] | undefined) ?? ["dateValue:desc"]).filter((r) => r.includes(":"));
  const bySort = byKeys(sortKeys);
  const byCustom = byKeys(custom);
  scored.sort((a, b) => {
    if (sortKeys.length > 0) return bySort(a.doc, b.doc) || a.rank - b.rank || byCustom(a.doc, b.doc) || a.seq - b.seq;
    return a.rank - b.rank || byCustom(a.doc, b.doc) || a.seq - b.seq;
  });
  const facetDistribution: Record<string, Record<string, number>> = {};
  for (const f of (body.facets as string[] | undefined) ?? []) {
    const dist: Record<string, number> = {};
    for (const { doc } of scored) for (const v of new Set((doc[f] as string[] | undefined) ?? [])) dist[v] = (dist[v] ?? 0) + 1;
    facetDistribution[f] = dist;
  }
  const retrieve = (body.attributesToRetrieve as string[] | undefined) ?? displayed;
  const pick = (d: Doc) => (retrieve.includes("*") ? d : Object.fromEntries(retrieve.filter((k) => k in d && (displayed.includes("*") || displayed.includes(k))).map((k) => [k, d[k]])));
  const res: Record<string, unknown> = { query: body.q ?? "", processingTimeMs: 0, indexUid: index.uid };
  if (body.facets) res.facetDistribution = facetDistribution;
  if (body.page !== undefined || body.hitsPerPage !== undefined) {
    const page = Number(body.page ?? 1);
    const per = Number(body.hitsPerPage ?? 20);
    res.hits = per === 0 ? [] : scored.slice((page - 1) * per, page * per).map((s) => pick(s.doc));
    Object.assign(res, { page, hitsPerPage: per, totalHits: scored.length, totalPages: per === 0 ? 0 : Math.ceil(scored.length / per) });
  } else {
    const offset = Number(body.offset ?? 0);
    const limit = Number(body.limit ?? 20);
    res.hits = scored.slice(offset, offset + limit).map((s) => pick(s.doc));
    Object.assign(res, { offset, limit, estimatedTotalHits: scored.length });
  }
  return res;
}

/**
 * A federated multi-search: the union of every query's matches, each document once, in the
 * first query's sort (or by query position, then each query's order, standing in for ranking
 * scores), exact totals with page/hitsPerPage, and facets merged over the union.
 */
function runFederated(indexes: Map<string, FakeIndex>, federation: Record<string, unknown>, queries: Record<string, unknown>[]): Record<string, unknown> {
  const seen = new Set<string>();
  const merged: { doc: Doc; pos: number; at: number }[] = [];
  queries.forEach((q, pos) => {
    const index = indexes.get(String(q.indexUid))!;
    const all = runSearch(index, { ...q, page: 1, hitsPerPage: 1_000_000, attributesToRetrieve: ["*"], facets: undefined });
    (all.hits as Doc[]).forEach((doc, at) => {
      const id = `${index.uid}\u0000${String(doc[index.primaryKey ?? "pk"])}`;
      if (seen.has(id)) return;
      seen.add(id);
      merged.push({ doc, pos, at });
    });
  });
  const sortKeys = (queries[0]?.sort as string[] | undefined) ?? [];
  const cmp = byKeys(sortKeys);
  merged.sort((a, b) => cmp(a.doc, b.doc) || a.at - b.at || a.pos - b.pos);
  const res: Record<string, unknown> = { processingTimeMs: 0 };
  const facetsByIndex = federation.facetsByIndex as Record<string, string[]> | undefined;
  if (facetsByIndex) {
    const dist: Record<string, Record<string, number>> = {};
    for (const f of Object.values(facetsByIndex).flat()) {
      const counts: Record<string, number> = {};
      for (const { doc } of merged) for (const v of new Set((doc[f] as string[] | undefined) ?? [])) counts[v] = (counts[v] ?? 0) + 1;
      dist[f] = counts;
    }
    res.facetDistribution = dist;
  }
  const retrieve = (queries[0]?.attributesToRetrieve as string[] | undefined) ?? ["*"];
  const pick = (d: Doc) => (retrieve.includes("*") ? d : Object.fromEntries(retrieve.filter((k) => k in d).map((k) => [k, d[k]])));
  const page = Number(federation.page ?? 1);
  const per = Number(federation.hitsPerPage ?? federation.limit ?? 20);
  res.hits = per === 0 ? [] : merged.slice((page - 1) * per, page * per).map((m) => pick(m.doc));
  Object.assign(res, { page, hitsPerPage: per, totalHits: merged.length, totalPages: per === 0 ? 0 : Math.ceil(merged.length / per) });
  return res;
}

// ---- server -------------------------------------------------------------------------

export async function startFakeMeilisearch(options: FakeOptions = {}): Promise<FakeMeilisearch> {
  const indexes = new Map<string, FakeIndex>();
  const tasks: Record<string, unknown>[] = [];
  const requests: FakeMeilisearch["requests"] = [];

  const task = (indexUid: string | null, type: string, run: () => void) => {
    const uid = tasks.length;
    const now = new Date().toISOString();
    let status = "succeeded";
    let error: unknown = null;
    try {
      run();
    } catch (e) {
      status = "failed";
      error = { message: (e as Error).message, code: (e as { code?: string }).code ?? "internal", type: "invalid_request", link: "" };
    }
    tasks.push({ uid, batchUid: uid, indexUid, status, type, canceledBy: null, details: {}, error, duration: "PT0S", enqueuedAt: now, startedAt: now, finishedAt: now });
    return { status: 202, body: { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt: now } };
  };
  const apiError = (status: number, code: string, message: string) => ({ status, body: { message, code, type: "invalid_request", link: `https://docs.meilisearch.com/errors#${code}` } });
  const coded = (code: string, message: string) => Object.assign(new Error(message), { code });

  function route(method: string, path: string, body: unknown, auth: string | undefined, url = new URL(path, "http://x")): { status: number; body: unknown } {
    if (path === "/health") return { status: 200, body: { status: "available" } };
    if (options.failStatus) return apiError(options.failStatus, "internal", "fake failure");
    if (options.masterKey) {
      if (!auth) return apiError(401, "missing_authorization_header", "The Authorization header is missing.");
      const key = auth.replace(/^Bearer /, "");
      const searchOnly = options.searchKeys?.includes(key) && (path === "/multi-search" || path.endsWith("/search"));
      if (key !== options.masterKey && !searchOnly) return apiError(403, "invalid_api_key", "The provided API key is invalid.");
    }
    if (path === "/version") return { status: 200, body: { pkgVersion: "1.99.0-fake", commitSha: "", commitDate: "" } };
    if (path === "/multi-search" && method === "POST" && (body as { federation?: unknown }).federation) {
      const { federation, queries } = body as { federation: Record<string, unknown>; queries: Record<string, unknown>[] };
      for (const [i, q] of queries.entries()) if (!indexes.has(String(q.indexUid))) return apiError(404, "index_not_found", `Inside \`.queries[${i}]\`: Index \`${q.indexUid}\` not found.`);
      try {
        return { status: 200, body: runFederated(indexes, federation, queries) };
      } catch (e) {
        return apiError(400, "invalid_search_filter", (e as Error).message);
      }
    }
    if (path === "/multi-search" && method === "POST") {
      const results = [];
      for (const [i, q] of ((body as { queries: Record<string, unknown>[] }).queries ?? []).entries()) {
        const index = indexes.get(String(q.indexUid));
        if (!index) return apiError(404, "index_not_found", `Inside \`.queries[${i}]\`: Index \`${q.indexUid}\` not found.`);
        try {
          results.push(runSearch(index, q));
        } catch (e) {
          return apiError(400, "invalid_search_filter", `Inside \`.queries[${i}]\`: ${(e as Error).message}`);
        }
      }
      return { status: 200, body: { results } };
    }
    const compact = /^\/indexes\/([^/]+)\/compact$/.exec(path);
    if (compact && method === "POST") {
      if (!indexes.has(compact[1]!)) return apiError(404, "index_not_found", `Index \`${compact[1]}\` not found.`);
      return task(compact[1]!, "indexCompaction", () => undefined);
    }
    if (path === "/swap-indexes" && method === "POST") {
      return task(null, "indexSwap", () => {
        for (const swap of body as { indexes: [string, string]; rename?: unknown }[]) {
          if ("rename" in swap) throw coded("bad_request", "Unknown field `rename`: this fake follows servers before v1.18");
          const [a, b] = swap.indexes.map((u) => indexes.get(u));
          if (!a || !b) throw coded("index_not_found", "Indexes not found");
          const [ua, ub] = [a.uid, b.uid];
          a.uid = ub;
          b.uid = ua;
          indexes.set(ub, a);
          indexes.set(ua, b);
        }
      });
    }
    let m = /^\/tasks\/(\d+)$/.exec(path);
    if (m) {
      const t = tasks[Number(m[1])];
      if (!t) return apiError(404, "task_not_found", "Task not found.");
      const polls = ((t.polls as number | undefined) ?? 0) + 1;
      t.polls = polls;
      const { polls: _, ...shown } = t;
      return { status: 200, body: t.type === "documentAdditionOrUpdate" && polls <= (options.processingPolls ?? 0) ? { ...shown, status: "processing", finishedAt: null } : shown };
    }
    if (path === "/indexes" && method === "GET") {
      const all = [...indexes.values()].sort((a, b) => a.uid.localeCompare(b.uid));
      const offset = Number(url.searchParams.get("offset") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 20);
      const results = all.slice(offset, offset + limit).map((i) => ({ uid: i.uid, primaryKey: i.primaryKey, createdAt: i.createdAt, updatedAt: i.createdAt }));
      return { status: 200, body: { results, offset, limit, total: all.length } };
    }
    if (path === "/indexes" && method === "POST") {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return task(uid, "indexCreation", () => {
        if (indexes.has(uid)) throw coded("index_already_exists", `Index \`${uid}\` already exists.`);
        indexes.set(uid, { uid, primaryKey: primaryKey ?? null, docs: new Map(), order: [], settings: {}, createdAt: new Date().toISOString() });
      });
    }
    m = /^\/indexes\/([^/]+)(\/.*)?$/.exec(path);
    if (m) {
      const uid = decodeURIComponent(m[1]!);
      const rest = m[2] ?? "";
      const index = indexes.get(uid);
      if (rest === "" && method === "DELETE") {
        if (!index) return apiError(404, "index_not_found", `Index \`${uid}\` not found.`);
        return task(uid, "indexDeletion", () => indexes.delete(uid));
      }
      if (!index) return apiError(404, "index_not_found", `Index \`${uid}\` not found.`);
      if (rest === "" && method === "GET") return { status: 200, body: { uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.createdAt } };
      if (rest === "/stats") return { status: 200, body: { numberOfDocuments: index.docs.size, isIndexing: false, fieldDistribution: {} } };
      if (rest === "/settings" && method === "PATCH") return task(uid, "settingsUpdate", () => Object.assign(index.settings, body));
      if (rest === "/search" && method === "POST") return { status: 200, body: runSearch(index, body as Record<string, unknown>) };
      if (rest === "/documents/delete" && method === "POST") {
        return task(uid, "documentDeletion", () => {
          const tree = parseFilter(String((body as { filter?: unknown }).filter ?? ""));
          for (const [id, d] of [...index.docs]) {
            if (!evalFilter(tree, d)) continue;
            index.docs.delete(id);
            index.order = index.order.filter((x) => x !== id);
          }
        });
      }
      if (rest.startsWith("/documents/delete-batch") && method === "POST") {
        return task(uid, "documentDeletion", () => {
          for (const id of body as string[]) {
            index.docs.delete(String(id));
            index.order = index.order.filter((x) => x !== String(id));
          }
        });
      }
      if (rest.startsWith("/documents") && method === "POST") {
        return task(uid, "documentAdditionOrUpdate", () => {
          if (options.failAdditions) throw coded("invalid_document_fields", "fake: this batch is refused");
          const pk = index.primaryKey ?? "id";
          for (const d of body as Doc[]) {
            const id = String(d[pk]);
            if (!/^[A-Za-z0-9_-]{1,511}$/.test(id)) throw coded("invalid_document_id", `Document identifier \`${id}\` is invalid.`);
            if (!index.docs.has(id)) index.order.push(id);
            index.docs.set(id, d);
          }
        });
      }
    }
    return apiError(404, "not_found", `fake: no route for ${method} ${path}`);
  }

  const server = http.createServer((req, res) => {
    // Bytes first, text once: a UTF-8 character split across two chunks must not become two U+FFFD.
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://x");
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      requests.push({ method: req.method ?? "GET", path: url.pathname, body });
      const answer = () => {
        const out = route(req.method ?? "GET", url.pathname, body, req.headers.authorization, url);
        res.writeHead(out.status, { "content-type": "application/json" });
        res.end(JSON.stringify(out.body));
      };
      if (options.delayMs && url.pathname !== "/health") setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    options,
    indexes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
