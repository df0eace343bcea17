import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOf, unitsOfShard } from './shards.ts';

describe('parseShard', () => {
  it('reads i/n counted from 1, as a CI matrix counts', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
  });

  it('refuses what is not a shard, saying what it expects', () => {
    for (const text of ['0/4', '5/4', '2', '2/', '/4', 'a/b', '1.5/4', '-1/4', '1/10001', '']) {
      expect(() => parseShard(text), text).toThrow(
        `expected i/n with 1 ≤ i ≤ n ≤ 10000, e.g. 2/4, got ${JSON.stringify(text)}`,
      );
    }
  });
});

describe('unitsOfShard', () => {
  it('deals units round-robin', () => {
    expect(unitsOfShard(10, { index: 2, count: 3 })).toEqual([1, 4, 7]);
    expect(unitsOfShard(2, { index: 3, count: 3 })).toEqual([]);
    expect([0, 1, 2, 3, 4].map((u) => shardOf(u, 3))).toEqual([1, 2, 3, 1, 2]);
  });

  it('splits any run into shards that are disjoint, cover it, and differ in size by at most 1', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.integer({ min: 1, max: 40 }), (total, count) => {
        const shards = Array.from({ length: count }, (_, i) =>
          unitsOfShard(total, { index: i + 1, count }),
        );
        const all = shards.flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: total }, (_, u) => u));
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        shards.forEach((units, i) => {
          for (const u of units) expect(shardOf(u, count)).toBe(i + 1);
        });
      }),
    );
  });
});
