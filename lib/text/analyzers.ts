import { Analyzer, type AnalyzerName } from "./analyzer";
import { lemmaMorphology, snowballMorphology } from "./lemma";

const identity = {
  indexTerms: (norm: string) => [norm],
  queryTerm: (norm: string) => norm,
};

const builders: Record<AnalyzerName, () => Analyzer> = {
  none: () => new Analyzer("none", "none-1", identity),
  snowball: () => new Analyzer("snowball", "snowball-2", snowballMorphology),
  lemma: () => new Analyzer("lemma", "lemma-3", lemmaMorphology),
  default: () => new Analyzer("default", "default-lemma-3", lemmaMorphology),
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
