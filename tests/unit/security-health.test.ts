import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError, isAppError } from "@/lib/errors";
import { publicHealth, unavailableHealth } from "@/lib/health";
import { API_POLICY, newNonce, pagePolicy } from "@/lib/security/headers";

describe("content security policy", () => {
  it("allows scripts only by this request's nonce, never inline or eval, and forbids framing", () => {
    const nonce = newNonce();
    const csp = pagePolicy(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(pagePolicy(nonce, true)).toContain("'unsafe-eval'");
    expect(API_POLICY).toMatch(/^default-src 'none'/);
  });

  it("draws a fresh 128-bit nonce each time", () => {
    const seen = new Set(Array.from({ length: 1000 }, newNonce));
    expect(seen.size).toBe(1000);
    for (const n of seen) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("health answers tell states, not internals", () => {
  it("an engine's message with a path or URL becomes a fixed sentence", () => {
    const leaky = { engine: "sqlite" as const, ok: false, documents: 0, analyzer: "x", message: "EEXIST: file already exists, mkdir '/srv/secret/archive.db'" };
    const h = publicHealth(leaky);
    expect(h).toMatchObject({ engine: "sqlite", ok: false, state: "unavailable" });
    expect(JSON.stringify(h)).not.toMatch(/EEXIST|mkdir|\/srv/);
    const meili = publicHealth({ engine: "meilisearch", ok: false, documents: 0, analyzer: "x", message: "cannot reach Meilisearch at http://10.0.0.5:7700 (connection refused)" });
    expect(JSON.stringify(meili)).not.toContain("10.0.0.5");
    expect(JSON.stringify(unavailableHealth("unknown"))).not.toMatch(/\//);
  });

  it("names the states an operator acts on", () => {
    const base = { engine: "meilisearch" as const, documents: 3, analyzer: "a" };
    expect(publicHealth({ ...base, ok: true }).state).toBe("ready");
    expect(publicHealth({ ...base, ok: true, message: "indexing 2 change(s)" }).state).toBe("indexing");
    expect(publicHealth({ ...base, ok: false, message: "Meilisearch lags the archive: 2 change(s) not confirmed for 70 s" }).state).toBe("lagging");
    expect(publicHealth({ ...base, ok: false, message: "index built with another analyzer: run npm run reindex" }).state).toBe("stale_index");
  });
});

describe("AppError across bundles", () => {
  it("is recognised by its brand, not its prototype (a copy of the class made elsewhere)", () => {
    const foreign = Object.assign(new Error("x"), { [Symbol.for("archive.AppError")]: true, code: "unavailable" });
    expect(foreign instanceof AppError).toBe(true);
    expect(isAppError(new AppError("bad_request", "y"))).toBe(true);
    expect(new Error("z") instanceof AppError).toBe(false);
  });
});

describe("configuration is documented", () => {
  it("every variable lib/config.ts reads has a row in the README's table", () => {
    const source = fs.readFileSync("lib/config.ts", "utf8");
    const schema = source.slice(source.indexOf("const envSchema"), source.indexOf(".transform("));
    const names = [...schema.matchAll(/^ {4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);
    expect(names).toContain("HOST");
    const readme = fs.readFileSync("README.md", "utf8");
    const missing = names.filter((n) => !readme.includes(`| \`${n}\` |`));
    expect(missing).toEqual([]);
  });
});

describe("HOST", () => {
  it("defaults to loopback, takes an address or a host name, and names itself when bad", async () => {
    const { parseConfig } = await import("@/lib/config");
    expect(parseConfig({}).HOST).toBe("127.0.0.1");
    expect(parseConfig({ HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(parseConfig({ HOST: "::" }).HOST).toBe("::");
    expect(parseConfig({ HOST: "archive.internal" }).HOST).toBe("archive.internal");
    expect(() => parseConfig({ HOST: "http://0.0.0.0" })).toThrow(/HOST: HOST must be an IP address/);
    expect(() => parseConfig({ HOST: "bad host" })).toThrow(/HOST: /);
  });
});
