import { Analyzer, type AnalyzerName } from "./analyzer";
import { snowballStem } from "./stem";

const identity = {
  indexTerms: (norm: string) => [norm],
  queryTerm: (norm: string) => norm,
};

const snowball = {
  indexTerms: (norm: string) => [snowballStem(norm)],
  queryTerm: (norm: string) => snowballStem(norm),
};

const builders: Record<AnalyzerName, () => Analyzer> = {
  none: () => new Analyzer("none", "none-1", identity),
  snowball: () => new Analyzer("snowball", "snowball-1", snowball),
  lemma: () => new Analyzer("lemma", "snowball-1", snowball),
  default: () => new Analyzer("default", "snowball-1", snowball),
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
