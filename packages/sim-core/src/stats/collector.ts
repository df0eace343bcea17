/**
 * Replication summaries, kept by replication index.
 *
 * Merging two collectors is a union of (index → summaries) pairs: exactly associative and
 * commutative, and the statistics computed afterwards always walk replications in index order, so
 * a result never depends on how the replications were split across workers, batches, shards or
 * machines. A replication that appears twice must be bit-identical both times (it is the same
 * computation); anything else is an error, caught rather than averaged away.
 */
import type { ReplicationRecord } from '../runner/plan.ts';

export class ResultCollector {
  private readonly byIndex = new Map<number, Float64Array[]>();

  constructor(readonly variants: number) {}

  get size(): number {
    return this.byIndex.size;
  }

  has(replication: number): boolean {
    return this.byIndex.has(replication);
  }

  add(record: ReplicationRecord): void {
    if (record.summaries.length !== this.variants) {
      throw new Error(
        `replication ${record.replication}: expected ${this.variants} variant summaries, got ${record.summaries.length}`,
      );
    }
    const existing = this.byIndex.get(record.replication);
    if (existing !== undefined) {
      if (!sameSummaries(existing, record.summaries)) {
        throw new Error(
          `replication ${record.replication} arrived twice with different numbers: the parts were not run from the same scenario, seed and engine version`,
        );
      }
      return;
    }
    this.byIndex.set(record.replication, record.summaries);
  }

  /** n such that replications 0..n−1 are all present. */
  contiguousCount(): number {
    let n = 0;
    while (this.byIndex.has(n)) n++;
    return n;
  }

  /** Keeps only replications 0..n−1. */
  truncate(n: number): void {
    for (const key of [...this.byIndex.keys()]) if (key >= n) this.byIndex.delete(key);
  }

  /** Summaries of one replication (one per variant). */
  get(replication: number): Float64Array[] {
    const found = this.byIndex.get(replication);
    if (found === undefined) throw new Error(`replication ${replication} is missing`);
    return found;
  }

  /** Replication indices present, ascending. */
  indices(): number[] {
    return [...this.byIndex.keys()].sort((a, b) => a - b);
  }

  /** A new collector holding both: the union, order-free. */
  merge(other: ResultCollector): ResultCollector {
    if (other.variants !== this.variants) {
      throw new Error(`cannot merge results of ${this.variants} and ${other.variants} variants`);
    }
    const merged = new ResultCollector(this.variants);
    for (const r of this.indices()) merged.add({ replication: r, summaries: this.get(r) });
    for (const r of other.indices()) merged.add({ replication: r, summaries: other.get(r) });
    return merged;
  }
}

function sameSummaries(a: Float64Array[], b: Float64Array[]): boolean {
  if (a.length !== b.length) return false;
  for (let v = 0; v < a.length; v++) {
    const x = a[v]!;
    const y = b[v]!;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
  }
  return true;
}
