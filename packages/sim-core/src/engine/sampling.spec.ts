/**
 * DESIGN.md invariant 4: population sampling does not distort queues. The engine may follow 100
 * simulated customers standing for 200,000 or 20,000 standing for 10 each; the staffed channels face
 * the whole population's load either way, so waits and abandonment must agree within Monte Carlo
 * error. (Fed the sampled contact count × customers per agent, the queue saw the sample's binomial
 * noise magnified 2,000 times, and waits, convex in load, came out ~25 % longer for the small
 * sample: simulate.ts, step 3, now feeds it the expected load.)
 */
import type { ModelSpec } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import { compileModel } from './compile.ts';
import { layoutFor, Scratch, simulateReplication, type EngineSettings } from './simulate.ts';
import { channelRow, rowOf } from './summaryLayout.ts';

const Z = 4;

function model(): ModelSpec {
  const m = exampleModel();
  m.horizonMonths = 12;
  const callCentre = m.channels.callCentre!;
  // Busy enough that waits are sensitive to load (ρ ≈ 0.9 at 200,000 customers).
  if (callCentre.kind === 'staffed') callCentre.agents = 12;
  return m;
}

/** Per replication: the call centre's mean wait (minutes) and abandonment over the horizon. */
function queueFigures(agents: number, customersPerAgent: number, replications: number) {
  const compiled = compileModel(model());
  const layout = layoutFor(compiled);
  const c = compiled.channelIds.indexOf('callCentre');
  const settings: EngineSettings = { seed: 7, agents, customersPerAgent, queueDaysPerMonth: 2 };
  const scratch = new Scratch();
  const waits: number[] = [];
  const abandons: number[] = [];
  for (let r = 0; r < replications; r++) {
    const summary = simulateReplication(compiled, settings, r, scratch);
    const total = (metric: 'waitMinutes' | 'abandoned' | 'contacts') =>
      rowOf(summary, layout, channelRow(layout, c, metric)).reduce((a, b) => a + b, 0);
    waits.push(total('waitMinutes') / total('contacts'));
    abandons.push(total('abandoned') / total('contacts'));
  }
  return { waits, abandons };
}

function meanAndSe(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('the queues face the population, whatever the sample', () => {
  it('100 customers × 2,000 and 20,000 × 10 give the same waits and abandonment within 4 SE', () => {
    // A sample of 100 is itself noisy (its segment mix and who has churned vary from one
    // replication to the next, and the load with them), so it takes more replications.
    const small = queueFigures(100, 2000, 160);
    const large = queueFigures(20_000, 10, 20);
    for (const [name, a, b] of [
      ['mean wait (min)', small.waits, large.waits],
      ['abandonment', small.abandons, large.abandons],
    ] as const) {
      const s = meanAndSe(a);
      const l = meanAndSe(b);
      const se = Math.sqrt(s.se ** 2 + l.se ** 2);
      expect(
        Math.abs(s.mean - l.mean),
        `${name}: 100 × 2,000 gives ${s.mean.toFixed(4)} ± ${s.se.toFixed(4)}, 20,000 × 10 gives ${l.mean.toFixed(4)} ± ${l.se.toFixed(4)}`,
      ).toBeLessThanOrEqual(Z * se);
      // Able to fail: the tolerance is a small share of the figure (the sampled-count queue was
      // off by ~25 %).
      expect(Z * se).toBeLessThan(0.1 * l.mean);
    }
  });
});
