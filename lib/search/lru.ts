/**
 * A map that forgets its least recently used entries once their total weight passes a budget.
 * The entry being stored is never the one evicted, so a single oversized entry still serves
 * the query that made it.
 */
export class WeightedLru<V> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(
    private readonly budget: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.total -= this.weigh(old);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.total += this.weigh(value);
    for (const [k, v] of this.entries) {
      if (this.total <= this.budget || k === key) break;
      this.entries.delete(k);
      this.total -= this.weigh(v);
    }
  }
}
