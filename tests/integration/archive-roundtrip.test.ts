import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { archiveChecksum, backupArchive } from "@/lib/archive/export";

/**
 * Issue 11, item 6, through the commands a user runs: ingest content/ and the e2e fixtures, export,
 * ingest the export into an empty archive, and compare checksums; then an online backup of the
 * archive while another process keeps writing to it.
 */

let dir: string;
const tsx = (args: string[], db: string) =>
  spawnSync("npx", ["tsx", ...args], { env: { ...process.env, ARCHIVE_DB_PATH: db, MEILI_URL: "", SAMPLES: "include" }, encoding: "utf8", timeout: 240_000 });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "roundtrip-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("archive export and import round trip", () => {
  it("an exported archive imported into an empty one gives the same archive", () => {
    const a = path.join(dir, "a.db");
    const b = path.join(dir, "b.db");
    const out = path.join(dir, "export.jsonl");
    const first = tsx(["scripts/ingest.ts", "content", "tests/fixtures/e2e", "--quiet"], a);
    expect(first.status, first.stderr).toBe(0);
    const exported = tsx(["scripts/archive-export.ts", out], a);
    expect(exported.status, exported.stderr).toBe(0);
    const lines = fs.readFileSync(out, "utf8").trim().split("\n");
    const again = tsx(["scripts/ingest.ts", out, "--quiet"], b);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`added ${lines.length}, updated 0, unchanged 0`));

    const sumA = archiveChecksum(openDatabase(a));
    const sumB = archiveChecksum(openDatabase(b));
    expect(sumA.documents).toBe(lines.length);
    expect(sumB).toEqual(sumA);
    // Every record carries its metadata: ids, slugs, speakers, quotes, where it came from.
    const rec = JSON.parse(lines[0]!);
    expect(Object.keys(rec)).toEqual(expect.arrayContaining(["id", "slug", "title", "paragraphs", "speakers", "quotes"]));
    // The printed checksum is the same at both ends.
    const printed = (db: string) => /archive checksum ([0-9a-f]{64})/.exec(tsx(["scripts/archive-export.ts", "--checksum"], db).stdout)?.[1];
    expect(printed(b)).toBe(sumA.sha256);
    // Importing the export again changes nothing (read again with --force, or skipped as an unchanged file).
    expect(tsx(["scripts/ingest.ts", out, "--quiet"], b).stdout).toMatch(/added 0, updated 0,/);
    expect(archiveChecksum(openDatabase(b))).toEqual(sumA);
    // Same statements and entities as well.
    const count = (db: string, t: string) => openDatabase(db).prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    for (const t of ["stmt", "doc_facets", "document_names", "entities"]) expect(count(b, t), t).toBe(count(a, t));
  }, 300_000);

  it("an online backup taken while another process writes is whole and consistent", async () => {
    const a = path.join(dir, "a.db");
    const backup = path.join(dir, "backup.db");
    const before = archiveChecksum(openDatabase(a)).documents;
    // A writer in another process, one small transaction after another while the backup runs.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const D=require("better-sqlite3");const db=new D(process.argv[1]);db.pragma("busy_timeout=5000");
         db.exec("CREATE TABLE IF NOT EXISTS chaos_writes(i INTEGER PRIMARY KEY, t TEXT)");
         const ins=db.prepare("INSERT INTO chaos_writes(t) VALUES (?)");const end=Date.now()+2500;let n=0;
         console.log("writing");
         while(Date.now()<end){db.transaction(()=>{for(let i=0;i<50;i++)ins.run("x".repeat(200))})();n++}
         console.log(n)`,
        a,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    let output = "";
    await new Promise<void>((resolve) => writer.stdout.on("data", (d: Buffer) => ((output += d), output.includes("writing") && resolve())));
    const r = await backupArchive(a, backup);
    const code = await new Promise<number | null>((resolve) => writer.on("exit", resolve));
    expect(code).toBe(0);
    expect(Number(output.split("\n")[1])).toBeGreaterThan(0);
    expect(r.documents).toBe(before);
    const copy = openDatabase(backup);
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(archiveChecksum(copy)).toEqual(archiveChecksum(openDatabase(a)));
    const cli = tsx(["scripts/archive-backup.ts", path.join(dir, "cli-backup.db")], a);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`backed up ${before} document\\(s\\)`));
  }, 120_000);
});
