import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../errors.ts';
import { erlangB } from './erlangB.ts';

/**
 * Erlang B straight from its definition, B = (A^N/N!) / Σ_{k≤N} A^k/k!, summing the terms
 * A^k/k! one by one: independent of the recursion, fine for small N and moderate A.
 */
function erlangBBySummation(agents: number, load: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= agents; k++) {
    term *= load / k;
    sum += term;
  }
  return term / sum;
}

function relativeDifference(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('erlangB', () => {
  it('matches the classic table entry B(10 servers, 5 Erlangs) = 0.01838', () => {
    // Erlang B tables, e.g. Iversen, "Teletraffic Engineering and Network Planning", Erlang's
    // loss system; any Erlang B table lists 0.0184 for 10 circuits at 5 Erlangs.
    expect(erlangB({ agents: 10, offeredLoadErlangs: 5 })).toBeCloseTo(0.01838, 5);
  });

  it('matches the Westbay calculator example: 15 lines at 1 % blocking carry 8.108 Erlangs', () => {
    // erlang.com calculator manual, "How much traffic can a trunk group handle": 15 lines and
    // 1 % blocking give 8.108 Erlangs. 8.108 is rounded to 3 decimals: dB/dA ≈ 0.009 per
    // Erlang, so B may differ from 0.01 by ~5e-6.
    expect(Math.abs(erlangB({ agents: 15, offeredLoadErlangs: 8.108 }) - 0.01)).toBeLessThan(1e-5);
  });

  it('matches the regression values of another implementation, down to 1e-238', () => {
    // FelixKleineBoesing/queuingSystem, tests/modelling/test_erlangb.py (number_agents, λ, μ):
    // (10, 100, 5), (190, 150, 0.75), (200, 30, 6), (1000, 1000, 2).
    const cases: [number, number, number][] = [
      [10, 20, 0.5379631686320729],
      [190, 200, 0.08869684386923561],
      [200, 5, 5.31667137954674e-238],
      [1000, 500, 1.6524151277513355e-86],
    ];
    for (const [agents, load, expected] of cases) {
      expect(
        relativeDifference(erlangB({ agents, offeredLoadErlangs: load }), expected),
      ).toBeLessThan(1e-12);
    }
  });

  it('agrees with direct summation of its definition', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 80, noNaN: true }),
        (agents, load) => {
          const expected = erlangBBySummation(agents, load);
          const actual = erlangB({ agents, offeredLoadErlangs: load });
          expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
            1e-13 * Math.max(expected, 1e-300),
          );
        },
      ),
    );
  });

  it('has the trivial edge values B(0, A) = 1 and B(N ≥ 1, 0) = 0', () => {
    expect(erlangB({ agents: 0, offeredLoadErlangs: 3 })).toBe(1);
    expect(erlangB({ agents: 0, offeredLoadErlangs: 0 })).toBe(1);
    expect(erlangB({ agents: 4, offeredLoadErlangs: 0 })).toBe(0);
  });

  it('stays finite and sensible for thousands of servers', () => {
    // Near critical load the QED limit applies: √N·B → φ(β)/Φ(β) with N = A + β√A (Jagerman
    // 1974, as quoted in Gans, Koole & Mandelbaum (2003), M&SOM 5(2), §4.2.1 "Busy signals:
    // Erlang B"). At β = 0 that is √(2/π) ≈ 0.798, so B(10000, 10000) ≈ 0.00798.
    const b = erlangB({ agents: 10_000, offeredLoadErlangs: 10_000 });
    expect(b * Math.sqrt(10_000)).toBeCloseTo(Math.sqrt(2 / Math.PI), 2);
  });

  it('is a probability, falls as servers are added and rises with the load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (agents, load, extraLoad) => {
          const b = erlangB({ agents, offeredLoadErlangs: load });
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
          expect(erlangB({ agents: agents + 1, offeredLoadErlangs: load })).toBeLessThanOrEqual(b);
          expect(erlangB({ agents, offeredLoadErlangs: load + extraLoad })).toBeGreaterThanOrEqual(
            b,
          );
        },
      ),
    );
  });

  it('names the bad parameter', () => {
    expect(() => erlangB({ agents: -3, offeredLoadErlangs: 5 })).toThrow(ParameterError);
    expect(() => erlangB({ agents: -3, offeredLoadErlangs: 5 })).toThrow(
      'agents: expected a whole number ≥ 0, got -3',
    );
    expect(() => erlangB({ agents: 2.5, offeredLoadErlangs: 5 })).toThrow('agents:');
    expect(() => erlangB({ agents: 3, offeredLoadErlangs: Number.NaN })).toThrow(
      'offeredLoadErlangs: expected a number ≥ 0, got NaN',
    );
  });
});
