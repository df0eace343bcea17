import { ResultCollector, runInProcess, summarize } from '@journeycast/sim-core';
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../library.ts';
import { getPath } from '../plan.ts';
import { toMarkdown } from '../report/tables.ts';
import {
  indexOfMax,
  sweepAxis,
  sweepPlan,
  sweepProblems,
  sweepReport,
  sweepTable,
} from './sweep.ts';

const scenario = libraryScenario('default');
const axis = (path: string, from: number, to: number, steps: number, variant?: string) =>
  sweepAxis(scenario, { path, from, to, steps, ...(variant !== undefined ? { variant } : {}) });

describe('sweepAxis', () => {
  it('spaces the values evenly from A to B, both included', () => {
    const a = axis('channels.callCentre.agents', 20, 40, 5);
    expect(a.values).toEqual([20, 25, 30, 35, 40]);
    expect(a).toMatchObject({ kind: 'integer', current: 26, channel: 'callCentre' });
    expect(a.lever?.label).toBe('Call-centre agents');
    expect(axis('channels.callCentre.agents', 40, 20, 3).values).toEqual([40, 30, 20]);
  });

  it("rounds to the lever's step, counted from its min, and keeps each value once", () => {
    // The lever has step 1 from 10: 20, 20.5, 21, 21.5, 22 round (half up) to 20, 21, 21, 22, 22.
    expect(axis('channels.callCentre.agents', 20, 22, 5).values).toEqual([20, 21, 22]);
    // Step 0.01: 0.5 + 0.4·k/4 without floating-point dust (0.30000000000000004 and the like).
    expect(axis('channels.callCentre.firstContactResolution', 0.5, 0.9, 5).values).toEqual([
      0.5, 0.6, 0.7, 0.8, 0.9,
    ]);
    // Step 5000: 0, 33333.3, 66666.7, 100000 → 0, 35000, 65000, 100000.
    expect(axis('sources.paidSearch.monthlyBudget', 0, 100000, 4).values).toEqual([
      0, 35000, 65000, 100000,
    ]);
  });

  it('keeps whole numbers whole without a lever, and other numbers as spaced', () => {
    const target = axis('channels.callCentre.serviceLevelTargetSeconds', 10, 20, 4);
    expect(target).toMatchObject({ kind: 'integer', rounding: 'whole numbers' });
    expect(target.values).toEqual([10, 13, 17, 20]);
    const aht = axis('channels.callCentre.ahtMinutes', 5, 6, 4);
    expect(aht).toMatchObject({ kind: 'number', rounding: '' });
    expect(aht.values).toEqual([5, 5.33333333333, 5.66666666667, 6]);
  });

  it('sweeps a quality by level, 0–3', () => {
    const q = axis('journeys.onboarding.quality', 0, 3, 4);
    expect(q.values).toEqual(['poor', 'average', 'good', 'excellent']);
    expect(() => axis('journeys.onboarding.quality', 0, 4, 5)).toThrow(
      'is a quality: from and to must lie in 0–3 (0 poor, 1 average, 2 good, 3 excellent), got 0 and 4',
    );
  });

  it('names what is wrong with a path or a value', () => {
    expect(() => axis('channels.callCenter.agents', 20, 40, 5)).toThrow(
      'the model has no "channels.callCenter" (did you mean "channels.callCentre.agents"?)',
    );
    expect(() => axis('channels.callCentre.label', 1, 2, 2)).toThrow(
      'is "Call centre": a sweep needs the path of a number or a quality level',
    );
    expect(() => axis('channels.callCentre.agents', 20, 40, 1)).toThrow(
      'steps: expected a whole number between 2 and 25, got 1',
    );
    expect(
      sweepProblems(scenario, axis('channels.callCentre.firstContactResolution', 0.5, 1.5, 3)),
    ).toEqual([
      '= 1.5: model.channels.callCentre.firstContactResolution: expected a number ≤ 1, got 1.5',
    ]);
  });

  it("sweeps a variant's model with --variant, against the unchanged baseline", () => {
    const a = axis('channels.callCentre.agents', 30, 34, 3, 'betterApp');
    const plan = sweepPlan(scenario, a, { replications: 1, agents: 50 });
    expect(plan.variants.map((v) => v.id)).toEqual(['baseline', 'point1', 'point2', 'point3']);
    expect(getPath(plan.variants[0]!.model, 'channels.callCentre.agents')).toBe(26);
    expect(
      plan.variants.slice(1).map((v) => getPath(v.model, 'channels.callCentre.agents')),
    ).toEqual([30, 32, 34]);
    // The variant's overrides and investments come with it.
    expect(getPath(plan.variants[1]!.model, 'channels.app.successRate')).toBe(0.75);
    expect(plan.variants[1]!.model.investments.length).toBeGreaterThan(
      plan.variants[0]!.model.investments.length,
    );
    expect(plan.precision).toBeUndefined();
  });
});

describe('indexOfMax', () => {
  it('picks the first highest mean, skipping values that are not numbers', () => {
    expect(indexOfMax([1, 3, 2])).toBe(1);
    expect(indexOfMax([3, 1, 3])).toBe(0);
    expect(indexOfMax([NaN, 2, NaN, 5])).toBe(3);
    expect(indexOfMax([NaN])).toBe(-1);
    expect(indexOfMax([])).toBe(-1);
  });
});

describe('sweepReport', () => {
  it('pairs each point with the baseline and marks the value with the highest mean NPV', async () => {
    const a = axis('channels.callCentre.agents', 10, 50, 3);
    const plan = sweepPlan(scenario, a, { replications: 2, agents: 100 });
    const outcome = await runInProcess(plan);
    const result = summarize(plan, outcome.collector);
    const report = sweepReport(scenario, a, plan, result, { hash: 'sha256:test' });
    const means = report.points.map((p) => p.npv.mean);
    const best = means.indexOf(Math.max(...means));
    expect(report.points.map((p) => p.best)).toEqual(means.map((_, i) => i === best));
    expect(report.best).toBe(a.values[best]);
    // Paired: each ΔNPV is the point's NPV less the baseline's, replication by replication.
    expect(report.points[0]!.vsBaseline.npv.mean).toBeCloseTo(
      means[0]! - report.baseline.npv.mean,
      0,
    );
    // More agents: less abandonment.
    const abandon = report.points.map((p) => p.abandonRate!.mean);
    expect(abandon[0]).toBeGreaterThan(abandon[2]!);
    const md = toMarkdown(sweepTable(report));
    expect(md.split('\n').filter((l) => l.includes('max mean NPV') && l.startsWith('|'))).toEqual([
      expect.stringMatching(new RegExp(`^\\| +${a.values[best]} \\|`)),
    ]);
  });

  it('gives the same numbers from a collector filled in any order', async () => {
    const a = axis('channels.chat.agents', 4, 8, 2);
    const plan = sweepPlan(scenario, a, { replications: 3, agents: 60 });
    const { collector } = await runInProcess(plan);
    const reversed = new ResultCollector(plan.variants.length);
    for (const r of [2, 0, 1]) reversed.add({ replication: r, summaries: collector.get(r) });
    expect(summarize(plan, reversed)).toEqual(summarize(plan, collector));
  });
});
