import Database from "better-sqlite3";
const db = new Database(process.argv[2]!, { readonly: true });
const t = (label: string, sql: string, expr: string) => {
  const st = db.prepare(sql); st.all(expr);
  const t0 = performance.now(); let n = 0; for (let i = 0; i < 5; i++) n = (st.all(expr) as unknown[]).length;
  console.log(label.padEnd(30), n, ((performance.now() - t0) / 5).toFixed(1), "ms");
};
for (const term of ["заявить", "глава", "год"]) {
  const e = `{title body} : "${term}"`;
  t(`${term} rowid`, "SELECT rowid FROM fts WHERE fts MATCH ?", e);
  t(`${term} bm25`, "SELECT rowid, bm25(fts, 10.0, 1.0, 10.0, 1.0) FROM fts WHERE fts MATCH ?", e);
  t(`${term} rowid raw`, "SELECT rowid FROM fts WHERE fts MATCH ?", `"${term}"`);
}
