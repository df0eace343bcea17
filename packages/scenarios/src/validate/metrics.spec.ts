import { runInProcess, summarize } from '@journeycast/sim-core';
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../library.ts';
import { planFromScenario } from '../plan.ts';
import { allMetrics, metricProblem, readMetric } from './metrics.ts';

describe('expectation metrics', () => {
  it('every metric of the allow-list exists in a real result', async () => {
    const scenario = libraryScenario('default');
    scenario.run.queueDaysPerMonth = 1;
    const plan = planFromScenario(scenario, { replications: 2, agents: 200, precision: false });
    const outcome = await runInProcess(plan);
    const result = summarize(plan, outcome.collector);
    for (const [id, variant] of Object.entries(result.variants)) {
      const context = {
        channels: Object.keys(variant.channels),
        sources: Object.keys(variant.sources),
        isBaseline: id === 'baseline',
      };
      const metrics = allMetrics(context);
      expect(metrics.length).toBeGreaterThan(id === 'baseline' ? 300 : 400);
      for (const metric of metrics) {
        expect(metricProblem(metric, context), metric).toBeUndefined();
        // A number, or null where the result has none (ROI without investment, a ratio without renewals).
        const value = readMetric(variant, metric);
        if (value === null)
          expect(metric, `${id} ${metric}`).toMatch(
            /^vsBaseline\.(roi|paybackMonth|discountedPaybackMonth|irr|deltas\.(renewalOddsRatio|crossSellRateRatio))\./,
          );
      }
    }
  });

  it('explains what is wrong with a metric', () => {
    const context = { channels: ['callCentre', 'app'], sources: ['paidSearch'], isBaseline: false };
    expect(metricProblem('totals.revenue.mean', context)).toBeUndefined();
    expect(metricProblem('vsBaseline.pNpvPositive', context)).toBeUndefined();
    expect(metricProblem('vsBaseline.pNpvPositive.mean', context)).toBe(
      '"vsBaseline.pNpvPositive.mean" goes past a number: "vsBaseline.pNpvPositive" is the metric',
    );
    expect(metricProblem('channels.callCentre', context)).toBe(
      '"channels.callCentre" is not a number: add one of .contacts, .answered, .abandonRate, .meanWaitMinutes, .serviceLevel, .pWait, .occupancy, .resolutionRate, .cost',
    );
    expect(metricProblem('channels', context)).toBe('"channels" is not a number: add a channel id');
    expect(metricProblem('sources.paidsearch.spend.mean', context)).toBe(
      'unknown metric "sources.paidsearch.spend.mean" (did you mean "sources.paidSearch.spend.mean"?)',
    );
    expect(metricProblem('vsBaseline.roi.sd', context)).toBe(
      'unknown metric "vsBaseline.roi.sd" (after "vsBaseline.roi" comes one of mean, p10, p50, p90, missing)',
    );
  });
});
