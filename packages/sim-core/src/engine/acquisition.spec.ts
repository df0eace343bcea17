/**
 * Acquisition in the monthly step: conversions that hang on a presales call (lost when the call
 * goes unanswered, or when prospects find no number), the customers' acquisition source and the
 * per-source series, and cross-sell and referral that differ in the early-life months.
 */
import type { ModelSpec } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import { compileModel } from './compile.ts';
import { layoutFor, Scratch, simulateReplication, type EngineSettings } from './simulate.ts';
import { channelRow, G, rowOf, scalarIndex, sourceRow } from './summaryLayout.ts';

const settings: EngineSettings = {
  seed: 11,
  agents: 2000,
  customersPerAgent: 50,
  queueDaysPerMonth: 2,
};
const Z = 4;

function run(model: ModelSpec, replication = 0, s = settings) {
  const compiled = compileModel(model);
  const summary = simulateReplication(compiled, s, replication, new Scratch());
  const layout = layoutFor(compiled);
  const total = (row: number) => rowOf(summary, layout, row).reduce((a, b) => a + b, 0);
  const source = (id: string, metric: 'acquired' | 'spend' | 'lost' | 'active' | 'revenue') =>
    rowOf(summary, layout, sourceRow(layout, compiled.sourceIds.indexOf(id), metric));
  const channel = (id: string, metric: 'contacts' | 'abandoned') =>
    total(channelRow(layout, compiled.channelIds.indexOf(id), metric));
  return { summary, layout, compiled, total, source, channel };
}

/** The example model with paid search's conversions hanging on a call to the call centre. */
function withPresales(reach: number, lost: number, agents = 20): ModelSpec {
  const m = exampleModel();
  m.horizonMonths = 12;
  Object.assign(m.sources.paidSearch!, {
    presalesContactsPerAcquisition: 1.5,
    presalesChannel: 'callCentre',
    presalesReachShare: reach,
    presalesLostIfUnanswered: lost,
  });
  const callCentre = m.channels.callCentre!;
  if (callCentre.kind === 'staffed') callCentre.agents = agents;
  return m;
}

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

function meanAndSe(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('conversions that hang on a presales call', () => {
  it('change nothing while no conversion is lost (the new fields at their defaults)', () => {
    const plain = withPresales(1, 0);
    const explicit = withPresales(1, 0);
    delete plain.sources.paidSearch!.presalesReachShare;
    delete plain.sources.paidSearch!.presalesLostIfUnanswered;
    expect(bytes(run(explicit).summary).equals(bytes(run(plain).summary))).toBe(true);
  });

  it('no number to call and every unanswered prospect lost: the source wins only those who never wanted to call', () => {
    // 1.5 calls per acquisition: every would-be customer wants to call first, and finds no number.
    const { source, total, summary, layout } = run(withPresales(0, 1));
    const acquired = source('paidSearch', 'acquired').reduce((a, b) => a + b, 0);
    const lost = source('paidSearch', 'lost').reduce((a, b) => a + b, 0);
    expect(acquired).toBe(0);
    expect(lost).toBeGreaterThan(1000);
    expect(total(G.lostConversions)).toBe(lost);
    // Lost prospects were never customers: conservation holds without them.
    const initial = summary[scalarIndex(layout, 'initialCustomers')]!;
    const active = rowOf(summary, layout, G.activeCustomers);
    expect(active[layout.months - 1]).toBe(initial + total(G.acquired) - total(G.churned));
    // And the media was paid for all the same.
    expect(source('paidSearch', 'spend').reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('taking the number off the site cuts the calls and loses conversions; staffing the queue keeps them (paired)', () => {
    const R = 12;
    const figures = (model: ModelSpec) =>
      Array.from({ length: R }, (_, r) => {
        const x = run(model, r);
        return {
          lost: x.source('paidSearch', 'lost').reduce((a, b) => a + b, 0),
          calls: x.channel('callCentre', 'contacts'),
        };
      });
    const shown = figures(withPresales(1, 0.5, 10));
    const hidden = figures(withPresales(0.25, 0.5, 10));
    const staffed = figures(withPresales(1, 0.5, 14));
    const diff = (a: typeof shown, b: typeof shown, k: 'lost' | 'calls') =>
      meanAndSe(a.map((x, r) => x[k] - b[r]![k]));
    // Hiding the number: fewer calls, more conversions lost.
    const callsCut = diff(hidden, shown, 'calls');
    expect(callsCut.mean + Z * callsCut.se).toBeLessThan(0);
    const lostMore = diff(hidden, shown, 'lost');
    expect(lostMore.mean - Z * lostMore.se).toBeGreaterThan(0);
    // More agents: fewer hang-ups, so fewer prospects lost.
    const lostLess = diff(staffed, shown, 'lost');
    expect(lostLess.mean + Z * lostLess.se).toBeLessThan(0);
  });
});

describe('the acquisition source of every customer', () => {
  it("sources' series add up: acquired + referred = all acquired; active and revenue within the totals", () => {
    const { source, summary, layout, compiled } = run(withPresales(0.6, 0.4, 16));
    const acquired = rowOf(summary, layout, G.acquired);
    const referred = rowOf(summary, layout, G.referred);
    const active = rowOf(summary, layout, G.activeCustomers);
    const revenue = rowOf(summary, layout, G.revenue);
    for (let m = 0; m < layout.months; m++) {
      let bySource = 0;
      let activeBySource = 0;
      let revenueBySource = 0;
      for (const id of compiled.sourceIds) {
        bySource += source(id, 'acquired')[m]!;
        activeBySource += source(id, 'active')[m]!;
        revenueBySource += source(id, 'revenue')[m]!;
      }
      expect(bySource + referred[m]!).toBe(acquired[m]!);
      // The rest are the book at month 0 and referred customers.
      expect(activeBySource).toBeLessThanOrEqual(active[m]!);
      expect(revenueBySource).toBeLessThanOrEqual(revenue[m]! + 1e-6);
      expect(activeBySource).toBeGreaterThan(0);
    }
    // A source's active customers never exceed those it brought.
    for (const id of compiled.sourceIds) {
      let brought = 0;
      for (let m = 0; m < layout.months; m++) {
        brought += source(id, 'acquired')[m]!;
        expect(source(id, 'active')[m]!).toBeLessThanOrEqual(brought);
      }
    }
  });
});

describe('cross-sell and referral in the early-life months', () => {
  /** Everyone stays in their early life: new book (tenure 0), 24 early-life months, 12 simulated. */
  function early(crossSell?: number, referral?: number): ModelSpec {
    const m = exampleModel();
    m.horizonMonths = 12;
    m.population.initialTenureMonths = 0;
    for (const segment of Object.values(m.segments)) {
      segment.earlyLifeMonths = 24;
      if (crossSell !== undefined) segment.earlyLifeCrossSellMultiplier = crossSell;
      if (referral !== undefined) segment.earlyLifeReferralMultiplier = referral;
    }
    return m;
  }

  it('multipliers of 1 are the same model as none', () => {
    expect(bytes(run(early(1, 1)).summary).equals(bytes(run(early()).summary))).toBe(true);
  });

  it('a multiplier of 0 stops them while customers are new; a higher one raises them', () => {
    const none = run(early(0, 0));
    expect(none.total(G.crossSells)).toBe(0);
    expect(none.total(G.referred)).toBe(0);
    const base = run(early());
    const doubled = run(early(2, 2));
    expect(base.total(G.crossSells)).toBeGreaterThan(0);
    expect(doubled.total(G.crossSells)).toBeGreaterThan(1.5 * base.total(G.crossSells));
    expect(doubled.total(G.referred)).toBeGreaterThan(1.3 * base.total(G.referred));
  });
});
