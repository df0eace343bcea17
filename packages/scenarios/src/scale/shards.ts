/**
 * Shards: a run's work split into n shares that run anywhere (a CI matrix, a job queue) and merge
 * back exactly. The work is a list of units numbered 0, 1, 2 … (a run's replications; a sweep's
 * (point, replication) pairs), dealt round-robin: unit u belongs to shard (u mod n) + 1. Dealing
 * round-robin rather than in blocks gives every shard the same mix of early and late units, so
 * shards take about the same time however the cost varies along the list.
 *
 * Which shard computes a unit never changes its numbers: a replication's random streams are
 * derived from (seed, replication, purpose) alone (sim-core's streams.ts).
 */

/** Shard `index` of `count`, counted from 1 as a CI matrix counts. */
export interface Shard {
  index: number;
  count: number;
}

/** The most shards a run may be split into. */
export const MAX_SHARDS = 10_000;

/**
 * `"2/4"` → `{ index: 2, count: 4 }`; throws an Error saying what was expected otherwise.
 *
 * @example
 * parseShard('2/4'); // => { index: 2, count: 4 }
 * parseShard('4/2'); // throws: expected i/n with 1 ≤ i ≤ n ≤ 10000, e.g. 2/4, got "4/2"
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match === null ? NaN : Number(match[1]);
  const count = match === null ? NaN : Number(match[2]);
  if (!(index >= 1 && index <= count && count <= MAX_SHARDS)) {
    throw new Error(
      `expected i/n with 1 ≤ i ≤ n ≤ ${MAX_SHARDS}, e.g. 2/4, got ${JSON.stringify(text)}`,
    );
  }
  return { index, count };
}

/**
 * The shard (from 1) that unit `unit` (from 0) belongs to.
 *
 * @example
 * [0, 1, 2, 3, 4].map((u) => shardOf(u, 3)); // => [1, 2, 3, 1, 2]
 */
export function shardOf(unit: number, count: number): number {
  return (unit % count) + 1;
}

/**
 * The units of `total` (0..total−1) that a shard runs, ascending.
 *
 * @example
 * unitsOfShard(10, { index: 2, count: 3 }); // => [1, 4, 7]
 */
export function unitsOfShard(total: number, shard: Shard): number[] {
  const units: number[] = [];
  for (let u = shard.index - 1; u < total; u += shard.count) units.push(u);
  return units;
}

/** `2/4`, as the CLI writes a shard. */
export function shardText(shard: Shard): string {
  return `${shard.index}/${shard.count}`;
}
