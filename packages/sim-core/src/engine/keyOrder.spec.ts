/**
 * Same scenario ⇒ same numbers, whatever the order a file lists its keys in: the scenario's content
 * hash (packages/scenarios canonical.ts) ignores key order, so the engine must too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import { compileModel } from './compile.ts';
import { Scratch, simulateReplication } from './simulate.ts';

/** A deep copy with every object's keys in the order a permutation picks. */
function shuffleKeys(value: unknown, pick: (n: number) => number[]): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, pick));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const order = pick(entries.length);
  const out: Record<string, unknown> = {};
  for (const i of order) {
    const [key, v] = entries[i]!;
    out[key] = shuffleKeys(v, pick);
  }
  return out;
}

describe('key order', () => {
  it('does not change a single number (every object of the model reordered)', () => {
    const settings = { seed: 11, agents: 600, customersPerAgent: 50, queueDaysPerMonth: 1 };
    const spec = exampleModel();
    spec.horizonMonths = 6;
    const reference = simulateReplication(compileModel(spec), settings, 0, new Scratch());
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        // xorshift32: a permutation source for the test only.
        let state = seed >>> 0 || 1;
        const random = () => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return (state >>> 0) / 4294967296;
        };
        const pick = (n: number) => {
          const order = Array.from({ length: n }, (_, i) => i);
          for (let i = n - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [order[i], order[j]] = [order[j]!, order[i]!];
          }
          return order;
        };
        const shuffled = shuffleKeys(spec, pick) as typeof spec;
        const summary = simulateReplication(compileModel(shuffled), settings, 0, new Scratch());
        expect(summary.length).toBe(reference.length);
        for (let i = 0; i < summary.length; i++) {
          if (!Object.is(summary[i], reference[i])) expect.fail(`value ${i} differs`);
        }
      }),
      { numRuns: 20 },
    );
  });
});
