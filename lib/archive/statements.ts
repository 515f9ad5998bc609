import type { Statement } from "better-sqlite3";
import type { Db } from "./db";

/** Statements prepared once per connection user: preparing costs more than the one-row writes ingest runs per document. */
export function statementCache(db: Db): (sql: string) => Statement {
  const prepared = new Map<string, Statement>();
  return (sql) => {
    let st = prepared.get(sql);
    if (!st) {
      st = db.prepare(sql);
      prepared.set(sql, st);
    }
    return st;
  };
}
