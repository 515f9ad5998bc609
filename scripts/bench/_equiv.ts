import fs from "node:fs";
import Database from "better-sqlite3";
import { SqliteEngine as NewEngine } from "@/lib/search/engines/sqlite";
import { SqliteEngine as OldEngine } from "./_old_sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";
const dbPath = process.argv[2]!;
const queries = JSON.parse(fs.readFileSync(process.argv[3]!, "utf8"));
const a = getAnalyzer("default");
const o = new OldEngine(new Database(dbPath, { readonly: true }), a);
const n = new NewEngine(new Database(dbPath, { readonly: true }), a);
let diffs = 0, tOld = 0, tNew = 0;
const variants = (q: any) => [
  { ...q, page: 1, perPage: 10 }, { ...q, page: 3, perPage: 7 }, { ...q, sort: q.sort === "date" ? "relevance" : "date", page: 2, perPage: 10 },
];
(async () => {
  const extra = [{ q: "", filters: { speaker: [], institution: [], topic: [] }, sort: "relevance" }, { q: "-россии", filters: { speaker: [], institution: [], topic: ["Китай"] }, sort: "date" }];
  for (const q of [...extra, ...queries]) for (const v of variants(q)) {
    let t = performance.now(); const r1 = await o.search(v); tOld += performance.now() - t;
    t = performance.now(); const r2 = await n.search(v); tNew += performance.now() - t;
    const strip = (r: any) => JSON.stringify({ ...r, tookMs: 0 });
    if (strip(r1) !== strip(r2)) { diffs++; if (diffs < 4) console.log("DIFF", JSON.stringify(v), r1.total, r2.total, r1.hits.map((h: any) => h.slug).join(","), "|", r2.hits.map((h: any) => h.slug).join(",")); }
  }
  console.log(`diffs ${diffs}; old ${tOld.toFixed(0)} ms, new ${tNew.toFixed(0)} ms`);
})();
