import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

/**
 * Issue 11, items 2 and 5, checked on the server `npm start` runs for these tests: after the
 * warm-up, a page, the API and health have all been served, the server process holds the
 * archive open once, the npm start wrapper not at all, and it listens on loopback only.
 */

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DB = path.resolve("data/e2e/archive.db");

/** Listening sockets on a port: their inodes and local addresses, from /proc/net/tcp{,6}. */
function listeners(port: number): { inode: string; address: string }[] {
  const out: { inode: string; address: string }[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== "0A") continue;
      const [addr, p] = cols[1]!.split(":");
      if (parseInt(p!, 16) === port) out.push({ inode: cols[9]!, address: addr! });
    }
  }
  return out;
}

function fdTargets(pid: string): string[] {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return "";
      }
    });
  } catch {
    return [];
  }
}

function pidOfSocket(inode: string): string | undefined {
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) if (fdTargets(pid).includes(`socket:[${inode}]`)) return pid;
  return undefined;
}

const parentOf = (pid: string) => /PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]!;
const archiveHandles = (pid: string) => fdTargets(pid).filter((t) => t === DB).length;

test.describe("one engine per server process", () => {
  test.skip(!fs.existsSync("/proc/net/tcp"), "needs Linux /proc");

  test("the server holds archive.db open once after pages, API and health; npm start holds none; loopback only", async ({ request }) => {
    for (const url of ["/?q=медиатор", "/?q=санкции&view=statements", "/api/search?q=споры", "/api/statements?q=санкции", "/api/health", "/speakers", "/api/entities?type=person"]) {
      expect((await request.get(url)).status(), url).toBeLessThan(500);
    }
    const socks = listeners(PORT);
    expect(socks.length).toBeGreaterThan(0);
    // 127.0.0.1 in /proc's little-endian hex: HOST defaults to loopback.
    expect(socks.map((s) => s.address)).toEqual(socks.map(() => "0100007F"));
    const server = pidOfSocket(socks[0]!.inode);
    expect(server, "the server's pid").toBeDefined();
    expect(archiveHandles(server!)).toBe(1);
    // Up the tree to the npm start wrapper (tsx scripts/start.ts): it released its connection before serving.
    let pid = parentOf(server!);
    for (let i = 0; i < 4 && pid !== "1"; i++, pid = parentOf(pid)) {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      if (cmd.includes("scripts/start.ts")) expect(archiveHandles(pid), cmd).toBe(0);
    }
  });
});
