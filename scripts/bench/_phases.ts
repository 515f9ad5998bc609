import fs from "node:fs";
import Database from "better-sqlite3";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";
const e = new SqliteEngine(new Database(process.argv[2]!, { readonly: true }), getAnalyzer("default")) as any;
const queries = JSON.parse(fs.readFileSync(process.argv[3]!, "utf8"));
const acc: Record<string, number> = {};
const wrap = (obj: any, name: string, label = name) => { const f = obj[name].bind(obj); obj[name] = (...a: any[]) => { const t = performance.now(); const r = f(...a); acc[label] = (acc[label] ?? 0) + performance.now() - t; return r; }; };
wrap(e, "match"); wrap(e, "facetMemory"); wrap(e.store, "byRowids"); wrap(e.tokens, "analyze", "snippetAnalyze");
const vocabProto = Object.getPrototypeOf;
(async () => {
  await e.search({ q: "россия", filters: { speaker: [], institution: [], topic: [] }, sort: "relevance", page: 1, perPage: 10 });
  if (process.env.WARM) for (const q of queries) await e.search({ ...q, page: 1, perPage: 10 });
  for (const k of Object.keys(acc)) acc[k] = 0;
  const rows: any[] = [];
  for (const q of queries) {
    const before = { ...acc };
    const t = performance.now();
    const r = await e.search({ ...q, page: 1, perPage: 10 });
    const ms = performance.now() - t;
    const d: any = { q: q.q, cls: q.cls, ms: +ms.toFixed(1), total: r.total, corrected: r.correctedQuery ?? "", mode: r.matchMode };
    for (const k of Object.keys(acc)) d[k] = +(acc[k]! - (before[k] ?? 0)).toFixed(1);
    rows.push(d);
  }
  const tot: Record<string, number> = {}; let all = 0;
  for (const r of rows) { all += r.ms; for (const k of Object.keys(acc)) tot[k] = (tot[k] ?? 0) + r[k]; }
  console.log("total", all.toFixed(0), Object.entries(tot).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", "));
  rows.sort((a, b) => b.ms - a.ms);
  for (const r of rows.slice(0, 12)) console.log(JSON.stringify(r));
})();
