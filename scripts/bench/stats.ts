export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  n: number;
}

/** Nearest-rank percentiles: with a few hundred samples interpolation would invent precision. */
export function latency(samples: readonly number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)),
    max: round(s.at(-1) ?? NaN),
    n: s.length,
  };
}
