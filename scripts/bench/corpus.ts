/**
 * Synthetic commentary archive for benchmarks: real Russian sentences from NEREL
 * (../shared/data/nerel), recombined into documents with Zipf-distributed speakers,
 * institutions and topics. Everything is drawn from one seeded generator, so the same
 * seed and size give byte-identical shards on every machine.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SHARED_DATA = path.resolve(process.cwd(), "../shared/data");
export const NEREL_DIR = path.join(SHARED_DATA, "nerel/NEREL-v1.1");
/** Shards keep every file well under V8's maximum string length, which a 1M-doc archive would exceed. */
export const SHARD_SIZE = 10_000;

export function corpusAvailable(): boolean {
  return fs.existsSync(NEREL_DIR);
}

/** mulberry32: tiny, fast and good enough for sampling; Math.random cannot be seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sampler over ranks 0..n-1 with P(rank k) ∝ 1/(k+1)^s. */
export function zipf(n: number, s = 1): (r: () => number) => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cdf[k] = sum += 1 / Math.pow(k + 1, s);
  return (r) => {
    const x = r() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface Pool {
  sentences: string[];
  persons: string[];
  organizations: string[];
  professions: string[];
}

const SENTENCE_END = /(?<=[.!?…])\s+(?=[«"А-ЯЁA-Z])/u;

/** Sentences, person names, organisations and professions from NEREL, in a stable order. */
export function loadPool(): Pool {
  const files: string[] = [];
  for (const split of ["train", "dev", "test"]) {
    const dir = path.join(NEREL_DIR, split);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith(".txt")) files.push(path.join(dir, f));
  }
  const sentences: string[] = [];
  const persons = new Set<string>();
  const organizations = new Set<string>();
  const professions = new Set<string>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    // The first line is the headline and the second a timestamp: only body text is sampled.
    for (const line of lines.slice(2)) {
      if (!line) continue;
      for (const s of line.split(SENTENCE_END)) {
        const words = s.split(/\s+/).length;
        if (words >= 5 && words <= 60 && /[а-яё]/i.test(s)) sentences.push(s);
      }
    }
    const ann = file.replace(/\.txt$/, ".ann");
    if (!fs.existsSync(ann)) continue;
    for (const line of fs.readFileSync(ann, "utf8").split("\n")) {
      const m = /^T\d+\t(PERSON|ORGANIZATION|PROFESSION) [\d ;]+\t(.+)$/.exec(line);
      if (!m) continue;
      const value = m[2]!.trim();
      if (value.length < 3 || value.length > 80) continue;
      if (m[1] === "PERSON" && /^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)+$/u.test(value)) persons.add(value);
      else if (m[1] === "ORGANIZATION" && /^\p{Lu}/u.test(value)) organizations.add(value);
      else if (m[1] === "PROFESSION" && /^\p{Ll}/u.test(value)) professions.add(value);
    }
  }
  return { sentences, persons: [...persons].sort(), organizations: [...organizations].sort(), professions: [...professions].sort() };
}

export const TOPICS = [
  "Центральная Азия", "Китай", "США", "Евросоюз", "НАТО", "Украина", "Ближний Восток", "Иран", "Турция", "Кавказ",
  "ЕАЭС", "ШОС", "БРИКС", "ОДКБ", "энергетика", "санкции", "безопасность", "миграция", "торговля", "ядерное оружие",
  "Арктика", "Афганистан", "Индия", "Япония", "Корейский полуостров", "Латинская Америка", "Африка", "ООН", "климат", "посредничество",
];

/** Shuffles deterministically so Zipf rank is unrelated to alphabetical order. */
function shuffled<T>(items: T[], r: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export interface CorpusOptions {
  docs: number;
  seed: number;
  outDir: string;
  speakers?: number;
  institutions?: number;
  onProgress?: (done: number) => void;
}

export interface BenchSpeaker {
  name: string;
  role: string;
  institution: string;
}

export interface Universe {
  speakers: BenchSpeaker[];
  institutions: string[];
  topics: string[];
}

/** The facet values, most frequent first: what the query mix draws its filters from. */
export function buildUniverse(pool: Pool, seed: number, nSpeakers = 2_000, nInstitutions = 300): Universe {
  const r = rng(seed ^ 0x5eed);
  const institutions = shuffled(pool.organizations, r).slice(0, nInstitutions);
  for (let i = institutions.length; i < nInstitutions; i++) institutions.push(`Институт международных исследований № ${i + 1}`);
  const names = shuffled(pool.persons, r);
  // NEREL has fewer distinct full names than a large archive has speakers: recombine first and last names.
  const firsts = [...new Set(pool.persons.map((p) => p.split(" ")[0]!))].sort();
  const lasts = [...new Set(pool.persons.map((p) => p.split(" ").at(-1)!))].sort();
  const seen = new Set(names.slice(0, nSpeakers));
  const all = names.slice(0, nSpeakers);
  while (all.length < nSpeakers) {
    const n = `${firsts[Math.floor(r() * firsts.length)]} ${lasts[Math.floor(r() * lasts.length)]}`;
    if (!seen.has(n)) {
      seen.add(n);
      all.push(n);
    }
  }
  const pickInstitution = zipf(institutions.length);
  const professions = pool.professions.length > 0 ? pool.professions : ["эксперт"];
  const speakers = all.map((name) => ({
    name,
    role: professions[Math.floor(r() * professions.length)]!,
    institution: institutions[pickInstitution(r)]!,
  }));
  return { speakers, institutions, topics: shuffled(TOPICS, r) };
}

const YEARS = 20;
const FIRST_DAY = Date.UTC(2006, 0, 1);

/** Writes shards part-0001.jsonl… into outDir; returns the files written. */
export function generateCorpus(opts: CorpusOptions): string[] {
  const pool = loadPool();
  if (pool.sentences.length === 0) throw new Error(`no sentences found under ${NEREL_DIR}`);
  const uni = buildUniverse(pool, opts.seed, opts.speakers, opts.institutions);
  const r = rng(opts.seed);
  const pickSpeaker = zipf(uni.speakers.length);
  const pickInstitution = zipf(uni.institutions.length);
  const pickTopic = zipf(uni.topics.length);
  const sentence = () => pool.sentences[Math.floor(r() * pool.sentences.length)]!;
  fs.mkdirSync(opts.outDir, { recursive: true });
  const files: string[] = [];
  let out: string[] = [];
  const flush = () => {
    const file = path.join(opts.outDir, `part-${String(files.length + 1).padStart(4, "0")}.jsonl`);
    fs.writeFileSync(file, out.join("\n") + "\n");
    files.push(file);
    out = [];
  };
  for (let i = 0; i < opts.docs; i++) {
    const targetWords = 300 + Math.floor(r() * 1_201);
    const speakers = new Map<string, BenchSpeaker>();
    const nSpeakers = 1 + Math.floor(r() * 3);
    while (speakers.size < nSpeakers) {
      const s = uni.speakers[pickSpeaker(r)]!;
      speakers.set(s.name, s);
    }
    const institutions = new Set<string>([...speakers.values()].map((s) => s.institution));
    if (r() < 0.5) institutions.add(uni.institutions[pickInstitution(r)]!);
    const topics = new Set<string>();
    const nTopics = 1 + Math.floor(r() * 3);
    while (topics.size < nTopics) topics.add(uni.topics[pickTopic(r)]!);

    const paragraphs: string[] = [];
    let words = 0;
    const speakerList = [...speakers.values()];
    let quoteTurn = 0;
    const quotes: { text: string; speaker: string; paragraph: number }[] = [];
    while (words < targetWords) {
      const n = 2 + Math.floor(r() * 4);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(sentence());
      // Attributed quotes, as in real commentary. The generator knows who said them, so it
      // supplies them as metadata: ingest then measures analysis and indexing, not the
      // extractor, which is work in progress and would make runs incomparable as it changes.
      if (quoteTurn < speakerList.length && r() < 0.5) {
        const s = speakerList[quoteTurn++]!;
        const said = sentence().replace(/[.!?…]+$/, "");
        quotes.push({ text: said, speaker: s.name, paragraph: paragraphs.length });
        parts.push(`«${said}», – отметил ${s.role} ${s.institution} ${s.name}.`);
      }
      const p = parts.join(" ");
      words += p.split(/\s+/).length;
      paragraphs.push(p);
    }
    const title = sentence().split(/\s+/).slice(0, 4 + Math.floor(r() * 10)).join(" ").replace(/[,:;–-]+$/, "");
    const date = new Date(FIRST_DAY + Math.floor(r() * YEARS * 365.25) * 86_400_000).toISOString().slice(0, 10);
    out.push(
      JSON.stringify({
        // Hex ids like the importer's own: ingest de-duplicates clashing slugs with the id's first 6 characters.
        id: createHash("sha256").update(`bench:${opts.seed}:${i}`).digest("hex").slice(0, 16),
        title,
        paragraphs,
        date,
        source: "Синтетический корпус (предложения NEREL)",
        topics: [...topics],
        speakers: speakerList,
        institutions: [...institutions],
        quotes,
      }),
    );
    if (out.length === SHARD_SIZE) flush();
    if ((i + 1) % 1_000 === 0) opts.onProgress?.(i + 1);
  }
  if (out.length > 0 || files.length === 0) flush();
  return files;
}

/** data/bench/corpus-<docs>-s<seed>: generated once, reused by every run with the same size and seed. */
export function corpusDir(docs: number, seed: number): string {
  return path.resolve(process.cwd(), "data/bench", `corpus-${docs}-s${seed}`);
}

export function ensureCorpus(docs: number, seed: number, log: (s: string) => void = () => {}): string[] {
  const dir = corpusDir(docs, seed);
  const done = path.join(dir, ".complete");
  if (fs.existsSync(done)) {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".jsonl"))
      .sort()
      .map((f) => path.join(dir, f));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const files = generateCorpus({ docs, seed, outDir: dir, onProgress: (n) => n % 20_000 === 0 && log(`  generated ${n} docs`) });
  fs.writeFileSync(done, "");
  log(`corpus: ${docs} docs in ${((performance.now() - started) / 1000).toFixed(1)} s → ${path.relative(process.cwd(), dir)}`);
  return files;
}
