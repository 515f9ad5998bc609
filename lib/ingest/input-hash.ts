import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A record's input hash: what it said (canonical JSON of the validated input, keys sorted, so the
 * order a file writes its fields in does not matter) and the code that turns it into a document.
 * A stored document with the same input hash is what extraction would produce again, so a
 * re-import takes it from the archive instead of extracting (issue 12: 1,187 unchanged documents
 * took 21 s, nearly all of it extraction). It lives beside the archive's documents, not in them
 * (lib/archive/inputs.ts), so the content hash and every stored document stay as they were.
 */

let fingerprint: string | null | undefined;

function sourceFiles(dir: string, out: string[]): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|tsx|json)$/.test(e.name)) out.push(p);
  }
}

/**
 * The extraction rules, lexicons, gazetteers and dictionaries in force: every source file under
 * lib/ and config/ and the lockfile (az's dictionary version). Conservative on purpose: any code
 * change makes the next import extract again. Null where the sources are not on disk (a bundled
 * server), and then nothing is reused.
 */
export function codeFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  fingerprint = null;
  try {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    const files: string[] = [];
    for (const dir of ["lib", "config"]) sourceFiles(path.join(root, dir), files);
    const lock = path.join(root, "package-lock.json");
    if (files.length === 0 || !fs.existsSync(lock)) return fingerprint;
    const hash = createHash("sha256");
    for (const f of [...files, lock]) hash.update(path.relative(root, f)).update("\0").update(fs.readFileSync(f)).update("\0");
    fingerprint = hash.digest("hex");
  } catch {
    fingerprint = null;
  }
  return fingerprint;
}

/** JSON with object keys in sorted order and undefined members left out, at every depth. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** Undefined when the code cannot be fingerprinted: then every record is extracted. */
export function inputHash(input: unknown): string | undefined {
  const code = codeFingerprint();
  if (!code) return undefined;
  return createHash("sha256").update(code).update("\0").update(canonicalJson(input)).digest("hex");
}

/** The input hash travels with its document to the commit without becoming part of the document. */
const hashes = new WeakMap<object, string>();

export function withInputHash<T extends object>(doc: T, hash: string | undefined): T {
  if (hash) hashes.set(doc, hash);
  return doc;
}

export function inputHashOf(doc: object): string | undefined {
  return hashes.get(doc);
}

/**
 * What the entity registry was last rebuilt from besides the documents: the code and the
 * editor's overrides. An import that stores nothing new need not rebuild it (O(archive)) while
 * this is unchanged; undefined (no fingerprint) means always rebuild.
 */
export function registryKey(overrides: unknown): string | undefined {
  const code = codeFingerprint();
  if (!code) return undefined;
  return createHash("sha256").update(code).update("\0").update(canonicalJson(overrides)).digest("hex");
}
