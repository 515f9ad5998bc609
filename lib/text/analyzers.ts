import { Analyzer, type AnalyzerName } from "./analyzer";
import { lemmaMorphology, snowballMorphology } from "./lemma";

const identity = {
  indexTerms: (norm: string) => [norm],
  queryTerm: (norm: string) => norm,
};

const builders: Record<AnalyzerName, () => Analyzer> = {
  // 2/3/4: English stop words, Latin lookalikes folded inside Russian words; lemma: English stems for Latin words.
  none: () => new Analyzer("none", "none-2", identity),
  snowball: () => new Analyzer("snowball", "snowball-3", snowballMorphology),
  lemma: () => new Analyzer("lemma", "lemma-4", lemmaMorphology),
  default: () => new Analyzer("default", "default-lemma-4", lemmaMorphology),
};

const made = new Map<AnalyzerName, Analyzer>();

export const ANALYZER_NAMES = Object.keys(builders) as AnalyzerName[];

export function getAnalyzer(name: AnalyzerName = "default"): Analyzer {
  let a = made.get(name);
  if (!a) {
    a = builders[name]();
    made.set(name, a);
  }
  return a;
}
