import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { lemma } from "@/lib/extract/morph";
import { REPORTING_VERBS } from "@/lib/extract/lexicon";
import { findAffiliations, type Affiliation } from "@/lib/extract/affiliations";
import { normaliseName } from "@/lib/extract/names";
import { sentenceSpeakers } from "@/lib/extract/statements";
import { extractFromParagraphs } from "@/lib/extract/commentary";

/**
 * Scoring the extractor against gold data in ../shared/data. Figures are automatic comparisons
 * against the corpora's own annotation, with the lenient name/organisation matching described at
 * each function; every match is kept so that the script can print what it counted.
 */

export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  goldMatched: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(predMatched: number, predicted: number, goldMatched: number, gold: number): Prf {
  const precision = predicted ? predMatched / predicted : 0;
  const recall = gold ? goldMatched / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp: predMatched, predicted, gold, goldMatched, precision, recall, f1 };
}

/** Surname key that ignores case endings: Джонсона / Джонсон, Меркель / Меркель. */
export function looseKey(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, "е").replace(/[’']/g, "");
  if (w.length <= 4) return w;
  return w.replace(/(ого|ому|ыми|ами|ой|ом|ым|ем|ая|ую|а|у|е|я|ю|ы|и)$/u, "");
}

const STOP = new Set(["и", "при", "по", "в", "во", "на", "от", "из", "с", "со", "для", "–", "—", "-"]);

export function lemmaSet(phrase: string): string[] {
  return (phrase.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []).map((w) => (/^[A-Z0-9]{2,}$|^[А-ЯЁ]{2,}$/u.test(w) ? w.toLowerCase() : lemma(w))).filter((w) => !STOP.has(w));
}

/** Organisations match when every content lemma of one is in the other (nested names count). */
export function orgMatch(a: string, b: string, aliasesA: string[] = []): boolean {
  const la = lemmaSet(a);
  const lb = lemmaSet(b);
  if (la.length === 0 || lb.length === 0) return false;
  if (aliasesA.some((x) => x.toLowerCase() === b.toLowerCase())) return true;
  const [short, long] = la.length <= lb.length ? [la, lb] : [lb, la];
  const set = new Set(long);
  return short.every((w) => set.has(w));
}

/** Roles match on their head lemma (the first noun-ish word): «премьер-министра» ~ «премьер-министр». */
export function roleMatch(a: string, b: string): boolean {
  const la = lemmaSet(a);
  const lb = lemmaSet(b);
  if (la.length === 0 || lb.length === 0) return false;
  const set = new Set(la);
  return lb.some((w) => set.has(w) && !["бывший", "первый", "старший", "главный"].includes(w));
}

export interface PairMatch {
  doc: string;
  person: string;
  value: string;
  gold?: string;
}

interface PairScore {
  score: Prf;
  matches: PairMatch[];
  misses: PairMatch[];
  falsePositives: PairMatch[];
}

interface GoldPair {
  personKeys: string[];
  person: string;
  value: string;
}

interface PredPair {
  personKey: string;
  person: string;
  value: string;
  aliases: string[];
}

function scorePairs(docs: { doc: string; gold: GoldPair[]; pred: PredPair[] }[], match: (p: PredPair, g: GoldPair) => boolean): PairScore {
  let predMatched = 0;
  let predicted = 0;
  let goldMatched = 0;
  let gold = 0;
  const matches: PairMatch[] = [];
  const misses: PairMatch[] = [];
  const falsePositives: PairMatch[] = [];
  for (const d of docs) {
    predicted += d.pred.length;
    gold += d.gold.length;
    for (const p of d.pred) {
      const g = d.gold.find((g) => g.personKeys.includes(p.personKey) && match(p, g));
      if (g) {
        predMatched++;
        matches.push({ doc: d.doc, person: p.person, value: p.value, gold: `${g.person} / ${g.value}` });
      } else falsePositives.push({ doc: d.doc, person: p.person, value: p.value });
    }
    for (const g of d.gold) {
      if (d.pred.some((p) => g.personKeys.includes(p.personKey) && match(p, g))) goldMatched++;
      else misses.push({ doc: d.doc, person: g.person, value: g.value });
    }
  }
  return { score: prf(predMatched, predicted, goldMatched, gold), matches, misses, falsePositives };
}

function dedupe<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function predictedPairs(affs: Affiliation[]): { org: PredPair[]; role: PredPair[] } {
  const org: PredPair[] = [];
  const role: PredPair[] = [];
  for (const a of affs) {
    const personKey = looseKey(a.person.surname);
    if (a.institution) {
      org.push({ personKey, person: a.person.name, value: a.institution.name, aliases: a.institution.aliases });
      if (a.institution.parent) org.push({ personKey, person: a.person.name, value: a.institution.parent, aliases: [] });
    }
    if (a.role) role.push({ personKey, person: a.person.name, value: a.role, aliases: [] });
  }
  return {
    org: dedupe(org, (p) => `${p.personKey}|${lemmaSet(p.value).join(" ")}`),
    role: dedupe(role, (p) => `${p.personKey}|${lemmaSet(p.value).join(" ")}`),
  };
}

// ---------------------------------------------------------------- NEREL

interface BratEntity {
  type: string;
  start: number;
  end: number;
  text: string;
}

function readBrat(ann: string): { ents: Map<string, BratEntity>; rels: { type: string; a: string; b: string }[] } {
  const ents = new Map<string, BratEntity>();
  const rels: { type: string; a: string; b: string }[] = [];
  for (const line of ann.split("\n")) {
    const parts = line.split("\t");
    if (line.startsWith("T") && parts.length >= 3) {
      const [type, ...offs] = parts[1]!.split(" ");
      if (parts[1]!.includes(";")) continue;
      ents.set(parts[0]!, { type: type!, start: Number(offs[0]), end: Number(offs[offs.length - 1]), text: parts[2]! });
    } else if (line.startsWith("R") && parts.length >= 2) {
      const [type, a, b] = parts[1]!.trim().split(/\s+/);
      rels.push({ type: type!, a: a!.replace(/^Arg1:/, ""), b: b!.replace(/^Arg2:/, "") });
    }
  }
  return { ents, rels };
}

/**
 * Keys a gold person mention can be found under: the case-stripped key of each capitalised word
 * (NEREL also writes «Небензю Василия Алексеевича», surname first) and of the nominative surname.
 */
function goldPersonKeys(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const last = words[words.length - 1] ?? text;
  const n = normaliseName(words.slice(-3));
  const caps = words.filter((w) => /^[A-ZА-ЯЁ]/u.test(w)).map(looseKey);
  return [...new Set([looseKey(last), ...(n ? [looseKey(n.surname)] : []), ...caps])];
}

export interface NerelResult {
  docs: number;
  workplace: PairScore;
  worksAs: PairScore;
}

export function evalNerel(dataDir: string, opts: { splits?: string[]; limit?: number; chain?: boolean } = {}): NerelResult {
  const root = path.join(dataDir, "nerel", "NEREL-v1.1");
  const splits = opts.splits ?? ["dev", "test"];
  const wp: { doc: string; gold: GoldPair[]; pred: PredPair[] }[] = [];
  const wa: { doc: string; gold: GoldPair[]; pred: PredPair[] }[] = [];
  let n = 0;
  for (const split of splits) {
    const dir = path.join(root, split);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".ann")).sort()) {
      if (opts.limit !== undefined && n >= opts.limit) break;
      n++;
      const doc = `${split}/${f.replace(/\.ann$/, "")}`;
      const text = readFileSync(path.join(dir, f.replace(/\.ann$/, ".txt")), "utf8");
      const { ents, rels } = readBrat(readFileSync(path.join(dir, f), "utf8"));
      const goldOrg: GoldPair[] = [];
      const goldRole: GoldPair[] = [];
      for (const r of rels) {
        const a = ents.get(r.a);
        const b = ents.get(r.b);
        if (!a || !b || a.type !== "PERSON") continue;
        const pair = { personKeys: goldPersonKeys(a.text), person: a.text, value: b.text };
        if (r.type === "WORKPLACE") goldOrg.push(pair);
        if (r.type === "WORKS_AS") {
          goldRole.push(pair);
          // NEREL puts the workplace of «президент России Владимир Путин» on the profession:
          // WORKS_AS(Путин, президент России) + WORKPLACE(президент России, России). The
          // person's workplace is that chain, so it counts as a (person, organisation) pair.
          if (opts.chain !== false) {
            for (const r2 of rels) {
              const org = ents.get(r2.b);
              if (r2.type === "WORKPLACE" && r2.a === r.b && org) goldOrg.push({ ...pair, value: org.text });
            }
          }
        }
      }
      const pred = predictedPairs(findAffiliations(text));
      wp.push({ doc, gold: dedupe(goldOrg, (g) => `${g.personKeys[0]}|${lemmaSet(g.value).join(" ")}`), pred: pred.org });
      wa.push({ doc, gold: dedupe(goldRole, (g) => `${g.personKeys[0]}|${lemmaSet(g.value).join(" ")}`), pred: pred.role });
    }
  }
  return {
    docs: n,
    workplace: scorePairs(wp, (p, g) => orgMatch(p.value, g.value, p.aliases)),
    worksAs: scorePairs(wa, (p, g) => roleMatch(p.value, g.value)),
  };
}

// ---------------------------------------------------------------- factRuEval

export interface FactRuResult {
  docs: number;
  institution: PairScore;
  position: PairScore;
}

export function evalFactRu(dataDir: string, opts: { sets?: string[]; limit?: number } = {}): FactRuResult {
  const root = path.join(dataDir, "factrueval");
  const inst: { doc: string; gold: GoldPair[]; pred: PredPair[] }[] = [];
  const pos: { doc: string; gold: GoldPair[]; pred: PredPair[] }[] = [];
  let n = 0;
  for (const set of opts.sets ?? ["devset", "testset"]) {
    const dir = path.join(root, set);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".facts")).sort()) {
      if (opts.limit !== undefined && n >= opts.limit) break;
      n++;
      const doc = `${set}/${f.replace(/\.facts$/, "")}`;
      const text = readFileSync(path.join(dir, f.replace(/\.facts$/, ".txt")), "utf8");
      const goldInst: GoldPair[] = [];
      const goldPos: GoldPair[] = [];
      for (const block of readFileSync(path.join(dir, f), "utf8").split(/\n\s*\n/)) {
        const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
        if (!lines[0] || !/Occupation$/.test(lines[0])) continue;
        const field = (k: string) => lines.filter((l) => l.startsWith(`${k} `)).map((l) => l.split(" ").slice(2).join(" ").trim());
        for (const who of field("Who")) {
          const personKeys = who.split(/\s+/).map(looseKey);
          for (const where of field("Where")) for (const alt of where.split(" | ")) goldInst.push({ personKeys, person: who, value: alt });
          for (const job of [...field("Position"), ...field("Job")]) goldPos.push({ personKeys, person: who, value: job });
        }
      }
      const pred = predictedPairs(findAffiliations(text));
      // Alternatives of one Where («Кремниевая долина | Центр …») are one fact: keep the first
      // matched alternative only, so recall is per fact.
      inst.push({ doc, gold: dedupe(goldInst, (g) => `${g.person}|${g.value}`), pred: pred.org });
      pos.push({ doc, gold: dedupe(goldPos, (g) => `${g.person}|${lemmaSet(g.value).join(" ")}`), pred: pred.role });
    }
  }
  const instScore = scorePairs(inst, (p, g) => orgMatch(p.value, g.value, p.aliases));
  return { docs: n, institution: collapseAlternatives(inst, instScore), position: scorePairs(pos, (p, g) => roleMatch(p.value, g.value)) };
}

/** Recount recall per Occupation fact: alternatives of one Where count once. */
function collapseAlternatives(docs: { doc: string; gold: GoldPair[]; pred: PredPair[] }[], s: PairScore): PairScore {
  let gold = 0;
  let goldMatched = 0;
  for (const d of docs) {
    const facts = new Map<string, boolean>();
    for (const g of d.gold) {
      const k = `${g.person}`;
      const hit = d.pred.some((p) => g.personKeys.includes(p.personKey) && orgMatch(p.value, g.value, p.aliases));
      const fk = `${k}|${g.value.split(" | ")[0]}`;
      facts.set(fk, (facts.get(fk) ?? false) || hit);
    }
    gold += facts.size;
    goldMatched += [...facts.values()].filter(Boolean).length;
  }
  return { ...s, score: prf(s.score.tp, s.score.predicted, goldMatched, gold) };
}

// ---------------------------------------------------------------- RuOpinionNE

export interface OpinionResult {
  sentences: number;
  judged: number;
  withoutOpinions: number;
  predicted: number;
  correct: number;
  goldSentences: number;
  goldFound: number;
  /** Precision over sentences whose gold names a source (the headline figure). */
  precision: number;
  namedPredicted: number;
  namedCorrect: number;
  /** Precision over every judged sentence, including those whose gold sources are all NULL/AUTHOR. */
  precisionAllJudged: number;
  recall: number;
  matches: { text: string; predicted: string; gold: string[] }[];
  errors: { text: string; predicted: string; gold: string[] }[];
}

function hasReportingVerb(text: string): boolean {
  for (const w of text.toLowerCase().match(/[а-яё]+/gu) ?? []) if (REPORTING_VERBS.has(w)) return true;
  return false;
}

function sourceMatches(pred: string, gold: string): boolean {
  const goldWords = gold.split(/\s+/).filter((w) => /^[А-ЯЁA-Z]/u.test(w));
  if (goldWords.length === 0) return false;
  const predWords = pred.split(/\s+/);
  const predSurname = looseKey(predWords[predWords.length - 1]!);
  const goldKeys = goldWords.map(looseKey);
  const n = normaliseName(goldWords.slice(-3));
  if (n) goldKeys.push(looseKey(n.surname));
  return goldKeys.includes(predSurname);
}

export function evalOpinions(dataDir: string, opts: { files?: string[]; limit?: number } = {}): OpinionResult {
  const root = path.join(dataDir, "ruopinionne");
  const r: OpinionResult = { sentences: 0, judged: 0, withoutOpinions: 0, predicted: 0, correct: 0, goldSentences: 0, goldFound: 0, precision: 0, namedPredicted: 0, namedCorrect: 0, precisionAllJudged: 0, recall: 0, matches: [], errors: [] };
  for (const file of opts.files ?? ["validation_labeled.jsonl", "train.jsonl"]) {
    const p = path.join(root, file);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, "utf8").split("\n")) {
      if (!line.trim()) continue;
      if (opts.limit !== undefined && r.sentences >= opts.limit) break;
      const d = JSON.parse(line) as { text: string; opinions: { Source: [string[], string[]] }[] };
      if (!hasReportingVerb(d.text)) continue;
      r.sentences++;
      // Sentences the annotators left without any opinion cannot tell a right speaker from a wrong one.
      if (d.opinions.length === 0) {
        r.withoutOpinions++;
        continue;
      }
      r.judged++;
      const gold = [...new Set(d.opinions.flatMap((o) => o.Source[0]).filter((s) => s && s !== "NULL" && s !== "AUTHOR"))];
      const preds = [...new Set(sentenceSpeakers(d.text).map((s) => s.name))];
      const named = gold.filter((g) => /[А-ЯЁA-Z]/u.test(g));
      if (named.length > 0) r.goldSentences++;
      let found = false;
      for (const pr of preds) {
        r.predicted++;
        if (named.length > 0) r.namedPredicted++;
        const ok = gold.some((g) => sourceMatches(pr, g));
        if (ok) {
          r.correct++;
          if (named.length > 0) r.namedCorrect++;
          found = true;
          r.matches.push({ text: d.text, predicted: pr, gold });
        } else r.errors.push({ text: d.text, predicted: pr, gold });
      }
      if (found && named.length > 0) r.goldFound++;
    }
  }
  r.precision = r.namedPredicted ? r.namedCorrect / r.namedPredicted : 0;
  r.precisionAllJudged = r.predicted ? r.correct / r.predicted : 0;
  r.recall = r.goldSentences ? r.goldFound / r.goldSentences : 0;
  return r;
}

// ---------------------------------------------------------------- seed

export interface SeedCheck {
  name: string;
  ok: boolean;
  detail: string;
}

/** The seed article's exact expected output (issue #5). */
export function checkSeed(seedText: string): SeedCheck[] {
  const lines = seedText.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const r = extractFromParagraphs(lines.slice(1));
  const inst = r.institutionDetails.find((d) => d.name === "Институт мировой экономики и политики");
  const sp = r.speakers[0];
  const checks: SeedCheck[] = [
    { name: "three quotes", ok: r.quotes.length === 3, detail: `${r.quotes.length} quotes` },
    { name: "all by Ержан Салтыбаев", ok: r.quotes.every((q) => q.speaker === "Ержан Салтыбаев"), detail: r.quotes.map((q) => q.speaker ?? "—").join(", ") },
    { name: "one speaker", ok: r.speakers.length === 1, detail: r.speakers.map((s) => s.name).join(", ") },
    { name: "role директор", ok: sp?.role === "директор", detail: String(sp?.role) },
    { name: "institution", ok: sp?.institution === "Институт мировой экономики и политики", detail: String(sp?.institution) },
    { name: "alias ИМЭП", ok: Boolean(inst?.aliases.includes("ИМЭП")), detail: JSON.stringify(inst?.aliases ?? []) },
    { name: "parent Фонд", ok: inst?.parent === "Фонд Первого Президента РК – Лидера Нации", detail: String(inst?.parent) },
    { name: "second quote by role alone", ok: r.attributedBy[1] === "role", detail: String(r.attributedBy[1]) },
    { name: "Астана клуб mentioned, not a speaker", ok: r.mentionedOrganizations.includes("Астана клуб") && !r.speakers.some((s) => /Астана/u.test(s.name)), detail: JSON.stringify(r.mentionedOrganizations) },
  ];
  return checks;
}
