/**
 * npm run eval:extract [-- --json] [--limit N] [--show N] [--no-share]
 * Scores lib/extract against gold data in ../shared/data (never copied into the repo), and the
 * hand-checked statement set tests/gold/nerel-statements.jsonl (labels only; texts from ../shared/data).
 * --limit caps the corpora and the NEREL quote-share pass, not the hand-checked set (120 documents).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkSeed, evalFactRu, evalNerel, evalOpinions, type Prf } from "@/scripts/eval/extract";
import { evalStatements, nerelQuoteShare, type StatementError } from "@/scripts/eval/statements";

const args = process.argv.slice(2);
const json = args.includes("--json");
const num = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};
const limit = num("--limit");
const show = num("--show") ?? 5;

const repo = path.resolve(import.meta.dirname, "..");
const data = path.resolve(repo, "../shared/data");
const seedPath = path.join(repo, "content", "kazakhstan-mediator.txt");

const seed = checkSeed(readFileSync(seedPath, "utf8"));
if (!existsSync(data)) {
  const msg = `../shared/data not found at ${data}: only the seed check ran.`;
  if (json) console.log(JSON.stringify({ seed, skipped: msg }, null, 2));
  else {
    console.log(msg);
    for (const c of seed) console.log(`${c.ok ? "ok  " : "FAIL"} seed: ${c.name} (${c.detail})`);
  }
  process.exit(seed.every((c) => c.ok) ? 0 : 1);
}

const started = Date.now();
const opinions = evalOpinions(data, { limit });
const nerel = evalNerel(data, { limit });
const factru = evalFactRu(data, { limit });
const statementsStarted = Date.now();
const statements = evalStatements(data);
const statementsSeconds = (Date.now() - statementsStarted) / 1000;
const quoteShare = args.includes("--no-share") ? undefined : nerelQuoteShare(data, { limit });
const seconds = (Date.now() - started) / 1000;

const f = (x: number) => x.toFixed(3);
const line = (label: string, s: Prf) => `${label.padEnd(44)} P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}   (pred ${s.tp}/${s.predicted} matched, gold ${s.goldMatched}/${s.gold} found)`;

if (json) {
  const strip = <T extends { matches: unknown[]; misses?: unknown[]; falsePositives?: unknown[] }>(x: T) => ({ ...x, matches: x.matches.slice(0, show), misses: x.misses?.slice(0, show), falsePositives: x.falsePositives?.slice(0, show) });
  console.log(
    JSON.stringify(
      {
        seed,
        ruopinionne: { ...opinions, matches: opinions.matches.slice(0, show), errors: opinions.errors.slice(0, show) },
        nerel: { docs: nerel.docs, workplace: strip(nerel.workplace), worksAs: strip(nerel.worksAs) },
        factrueval: { docs: factru.docs, institution: strip(factru.institution), position: strip(factru.position) },
        statements: {
          ...statements,
          errors: Object.fromEntries(Object.entries(statements.errors).map(([k, v]) => [k, { count: v.length, items: v.slice(0, show) }])),
          seconds: statementsSeconds,
        },
        ...(quoteShare ? { nerelQuoteShare: quoteShare } : {}),
        seconds,
      },
      null,
      2,
    ),
  );
} else {
  console.log("Seed article (content/kazakhstan-mediator.txt), exact expected output:");
  for (const c of seed) console.log(`  ${c.ok ? "ok  " : "FAIL"} ${c.name} (${c.detail})`);
  console.log(`\nRuOpinionNE-2024 (train + validation_labeled), sentences with a reporting verb: ${opinions.sentences}; judged (have gold opinions): ${opinions.judged}; skipped (no opinions annotated): ${opinions.withoutOpinions}`);
  console.log(`  speaker precision ${f(opinions.precision)} (${opinions.namedCorrect}/${opinions.namedPredicted} predicted speakers match a gold Source, sentences whose gold names a Source)`);
  console.log(`  speaker precision ${f(opinions.precisionAllJudged)} over all judged sentences (${opinions.correct}/${opinions.predicted}; a sentence whose gold Sources are all NULL/AUTHOR counts any speaker as wrong)`);
  console.log(`  speaker recall    ${f(opinions.recall)} (${opinions.goldFound}/${opinions.goldSentences} sentences with a capitalised gold Source got a matching speaker)`);
  console.log("  counted as a match: predicted surname (nominative) equals the case-stripped key of a capitalised word of the gold Source, or of its nominative surname");
  for (const m of opinions.matches.slice(0, show)) console.log(`    match  ${m.predicted}  ~  ${m.gold.join(" | ")}`);
  for (const m of opinions.errors.slice(0, show)) console.log(`    wrong  ${m.predicted}  vs ${m.gold.join(" | ") || "(no named source)"}  — ${m.text.slice(0, 90)}`);
  console.log(`\nNEREL v1.1 (dev + test, ${nerel.docs} docs), relation pairs per document, end to end from raw text`);
  console.log("  (gold WORKPLACE also counts NEREL's chain WORKS_AS(person, profession) + WORKPLACE(profession, org), its encoding of «президент России Владимир Путин»):");
  console.log(line("  WORKPLACE (person, organisation)", nerel.workplace.score));
  console.log(line("  WORKS_AS (person, profession)", nerel.worksAs.score));
  console.log(`factRuEval-2016 (devset + testset, ${factru.docs} docs), Occupation facts:`);
  console.log(line("  Who–Where (person, institution)", factru.institution.score));
  console.log(line("  Who–Position (person, position)", factru.position.score));
  console.log("  counted as a match: same document; person when the predicted surname's case-stripped key equals that of any capitalised word of the gold mention; organisation when every content lemma of the shorter name is in the longer (or an abbreviation alias); role when they share a content lemma");
  for (const [label, s] of [["NEREL WORKPLACE", nerel.workplace], ["factRuEval Where", factru.institution]] as const) {
    for (const m of s.matches.slice(0, show)) console.log(`    ${label} match  ${m.person} → ${m.value}  ~  ${m.gold}`);
    for (const m of s.falsePositives.slice(0, show)) console.log(`    ${label} wrong  ${m.person} → ${m.value}  (${m.doc})`);
    for (const m of s.misses.slice(0, show)) console.log(`    ${label} missed ${m.person} → ${m.value}  (${m.doc})`);
  }
  const st = statements;
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const err = (e: StatementError) => `${e.doc} ${e.start}-${e.end} ${e.kind}${e.predicted ? ` predicted «${e.predicted}»` : ""}${e.gold ? ` gold «${e.gold}»` : ""}${e.what ? ` (${e.what})` : ""}${e.reason ? ` [${e.reason}]` : ""}${e.excerpt ? `: ${e.excerpt}` : ""}`;
  console.log(`\nStatements, hand-checked gold (tests/gold/nerel-statements.jsonl): ${st.documents} NEREL docs, ${st.gold.statements} statements (${st.gold.direct} direct, ${st.gold.reported} reported; ${st.gold.named} with a named speaker), ${st.gold.nonStatements} quoted non-statements`);
  console.log(`  predicted ${st.predicted.all} statements (${st.predicted.direct} direct, ${st.predicted.reported} reported), ${st.predicted.withSpeaker} with a speaker${st.predicted.unlocated ? `, ${st.predicted.unlocated} not located` : ""}`);
  console.log(`  statement → speaker precision ${f(st.precision)} (${st.counts.correct}/${st.counts.judged} predictions with a speaker on a gold statement credit the gold speaker; target ≥ 0.95)`);
  console.log(`  recall                        ${f(st.recall)} (${st.counts.found}/${st.gold.named} gold statements with a named speaker got it; direct ${f(st.byKind.direct.recall)}, reported ${f(st.byKind.reported.recall)}; target ≥ 0.80)`);
  console.log(`  non-statements taken          ${f(st.falseQuotes)} (${st.counts.nonStatementTaken}/${st.predicted.all} predictions lie on a quoted title, law, name or term; target ≤ 0.02)`);
  console.log(`  unmatched predictions         ${st.counts.unmatched} (no gold label there; not counted in precision)`);
  console.log("  counted as a match: spans overlapping by ≥ 50% of the shorter, each prediction assigned to the best-overlapping label (overlap/union); speaker equal to the gold name or an alias (case, ё, punctuation ignored), or a one-word name equal to the other side's last word, or same surname with agreeing initials");
  for (const [label, list] of [
    ["wrong speaker", st.errors.wrongSpeaker],
    ["speaker where gold has none", st.errors.speakerForNone],
    ["missed", st.errors.missed],
    ["found without a speaker", st.errors.noSpeaker],
    ["non-statement taken", st.errors.nonStatementTaken],
    ["unmatched", st.errors.unmatched],
  ] as const) {
    console.log(`  ${label}: ${list.length}`);
    for (const e of list.slice(0, show)) console.log(`    ${err(e)}`);
  }
  if (quoteShare) {
    console.log(`\nNEREL, all ${quoteShare.documents} documents imported as .txt: ${pct(quoteShare.share)} of «…» quotes have a speaker (${quoteShare.directWithSpeaker}/${quoteShare.direct} direct quotes); reported statements ${quoteShare.reportedWithSpeaker}/${quoteShare.reported} with a speaker${quoteShare.failed.length ? `; ${quoteShare.failed.length} failed to import: ${quoteShare.failed.slice(0, 5).join(", ")}` : ""} (${quoteShare.seconds.toFixed(1)} s)`);
  }
  console.log(`\n(${seconds.toFixed(1)} s; judgments are the corpora's own annotation compared automatically as described, not a manual review; the statements set is hand-labelled, see tests/gold/README.md)`);
}
