/**
 * Extreme but valid models (issue 8): each is the default scenario (Northbank) with one thing
 * pushed to its edge, validated like a file, then run (every variant, 2 replications of 500
 * simulated customers, in this thread). Every number of every result must be finite, and the
 * figures must make sense for the case: a closed channel with patient callers loses every caller,
 * a queue far above capacity is bounded by patience, nothing costs less than nothing.
 *
 * Queue behaviour at the edges, as the engine defines it (sim-core engine/queueKernel.ts and
 * channelQueue.ts) and these tests hold it to:
 * - far above capacity *with* patience: callers hang up after their own patience, so waits stay
 *   near the mean patience and abandonment approaches 1 − capacity / load;
 * - far above capacity *without* patience (`patienceMinutes: null`): nobody hangs up; the queue
 *   grows through the day and the agents of the last open hour serve it after closing, so waits
 *   run to hours and occupancy (handled time over paid on-duty time) exceeds 1: unpaid overtime,
 *   finite and reported as is;
 * - no agents on duty (`agents: 0`): the channel is closed; with patience every caller hangs up
 *   after their patience (abandonment 1, waits = patience), without it every contact is lost at
 *   once (abandonment 1, no wait). Either way, no contact is answered or resolved there.
 */
import { describe, expect, it } from 'vitest';
import type { ModelSpec, StaffedChannelSpec } from '@journeycast/models';
import { QUALITY_LEVELS } from '@journeycast/models';
import type { RunResult } from '@journeycast/sim-core';
import { libraryScenario } from '../library.ts';
import type { Scenario } from '../schema/scenarioSchema.ts';
import { formatScenarioError } from '../validate/errors.ts';
import { validateScenario } from '../validate/validateScenario.ts';
import { nonFinite, tinyRun } from './harness.ts';

/** The default scenario with `edit` applied to its baseline model (variants inherit it). */
function edited(edit: (model: ModelSpec, scenario: Scenario) => void): Scenario {
  const scenario = libraryScenario('default');
  edit(scenario.model, scenario);
  const result = validateScenario(scenario);
  if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
  return result.scenario;
}

function callCentre(model: ModelSpec): StaffedChannelSpec {
  const channel = model.channels.callCentre!;
  if (channel.kind !== 'staffed') throw new Error('callCentre is not staffed');
  return channel;
}

/** Runs a scenario and checks what must hold for any valid model. */
async function runSound(scenario: Scenario): Promise<RunResult> {
  const run = await tinyRun(scenario, { replications: 2, agents: 500 });
  expect(run.outcome.error).toBeUndefined();
  expect(run.outcome.stoppedBy).toBe('complete');
  const result = run.result!;
  expect(nonFinite(result)).toEqual([]);
  for (const [id, variant] of Object.entries(result.variants)) {
    const t = variant.totals;
    for (const name of [
      'revenue',
      'costToServe',
      'acquisitionSpend',
      'investment',
      'activeCustomersEnd',
      'acquired',
      'churned',
      'crossSells',
      'referred',
      'contacts',
      'staffedContacts',
      'repeatContacts',
    ] as const) {
      expect(t[name].min, `${id}: totals.${name}`).toBeGreaterThanOrEqual(0);
    }
    expect(t.retention12m.min).toBeGreaterThanOrEqual(0);
    expect(t.retention12m.max).toBeLessThanOrEqual(1);
    expect(t.meanSatisfactionEnd.min).toBeGreaterThanOrEqual(0);
    expect(t.meanSatisfactionEnd.max).toBeLessThanOrEqual(10);
    for (const [channelId, c] of Object.entries(variant.channels)) {
      const at = `${id}: channels.${channelId}`;
      expect(c.cost.min, `${at}.cost`).toBeGreaterThanOrEqual(0);
      expect(c.contacts.min, `${at}.contacts`).toBeGreaterThanOrEqual(0);
      expect(c.answered.max, `${at}.answered`).toBeLessThanOrEqual(c.contacts.max * (1 + 1e-9));
      // The resolution rate's two counts come from the same customers (engine 1.4.0; before, it
      // divided by the queue's population calls and reached 1.05 in the 100 % churn case below).
      for (const share of ['abandonRate', 'serviceLevel', 'pWait', 'resolutionRate'] as const) {
        expect(c[share].min, `${at}.${share}`).toBeGreaterThanOrEqual(0);
        expect(c[share].max, `${at}.${share}`).toBeLessThanOrEqual(1 + 1e-9);
      }
      expect(c.meanWaitMinutes.min, `${at}.meanWaitMinutes`).toBeGreaterThanOrEqual(0);
    }
    for (const month of variant.monthly.activeCustomers) expect(month).toBeGreaterThanOrEqual(0);
  }
  return result;
}

const baseline = (result: RunResult) => result.variants.baseline!;

describe('extreme but valid models run and stay finite', () => {
  it('a call centre far above capacity, with patience: waits bounded by patience, most callers hang up', async () => {
    const scenario = edited((m) => {
      const c = callCentre(m);
      c.agents = 1;
      delete c.agentsByHour;
      c.patienceMinutes = 2;
    });
    const cc = baseline(await runSound(scenario)).channels.callCentre!;
    expect(cc.abandonRate.mean).toBeGreaterThan(0.9);
    // Each caller waits at most their own patience (exponential, mean 2 minutes).
    expect(cc.meanWaitMinutes.mean).toBeLessThan(2 * 1.1);
    expect(cc.occupancy.mean).toBeLessThanOrEqual(1.5);
  });

  it('a call centre far above capacity, without patience: finite, everyone answered late, overtime', async () => {
    const scenario = edited((m) => {
      const c = callCentre(m);
      c.agents = 2;
      c.patienceMinutes = null;
    });
    const cc = baseline(await runSound(scenario)).channels.callCentre!;
    expect(cc.abandonRate.max).toBe(0);
    expect(cc.meanWaitMinutes.mean).toBeGreaterThan(60);
    // The last hour's agents clear the queue after closing: more handled time than paid time.
    expect(cc.occupancy.mean).toBeGreaterThan(1);
  });

  for (const patience of [3, null]) {
    it(`a staffed channel with no agents is closed (patience ${patience === null ? 'none' : `${patience} min`}): every caller lost`, async () => {
      const scenario = edited((m) => {
        const c = callCentre(m);
        c.agents = 0;
        delete c.agentsByHour;
        c.patienceMinutes = patience;
      });
      // The variant "moreAgents" staffs it again (32 agents): only the baseline is closed.
      const result = await runSound(scenario);
      const cc = baseline(result).channels.callCentre!;
      expect(cc.contacts.mean).toBeGreaterThan(0);
      expect(cc.abandonRate.min).toBe(1);
      expect(cc.answered.max).toBe(0);
      expect(cc.resolutionRate.max).toBe(0);
      expect(cc.occupancy.max).toBe(0);
      if (patience === null) expect(cc.meanWaitMinutes.max).toBe(0);
      else expect(cc.meanWaitMinutes.mean).toBeGreaterThan(patience * 0.8);
      expect(result.variants.moreAgents!.channels.callCentre!.abandonRate.mean).toBeLessThan(0.5);
    });
  }

  it('100 % monthly churn: the book is gone after month 1, the figures stay finite', async () => {
    const scenario = edited((m) => {
      for (const s of Object.values(m.segments)) s.baseMonthlyChurn = 1;
    });
    const b = baseline(await runSound(scenario));
    // Customers acquired in a month leave in it too.
    for (const active of b.monthly.activeCustomers) expect(active).toBe(0);
    expect(b.totals.retention12m.max).toBe(0);
    expect(b.totals.meanSatisfactionEnd.max).toBe(0);
  });

  it('zero margin: no revenue, and the NPV is the costs', async () => {
    const scenario = edited((m) => {
      for (const s of Object.values(m.segments)) s.marginPerProductMonthly = 0;
    });
    const b = baseline(await runSound(scenario));
    expect(b.totals.revenue.max).toBe(0);
    expect(b.totals.npv.max).toBeLessThan(0);
  });

  it('zero acquisition and no referrals: a closing book', async () => {
    const scenario = edited((m) => {
      for (const source of Object.values(m.sources)) {
        source.monthlyBudget = 0;
        source.monthlyVolume = 0;
      }
      for (const s of Object.values(m.segments)) s.referralMonthly = 0;
    });
    const b = baseline(await runSound(scenario));
    expect(b.totals.acquired.max).toBe(0);
    expect(b.totals.acquisitionSpend.max).toBe(0);
    const active = b.monthly.activeCustomers;
    expect(active[active.length - 1]!).toBeLessThan(active[0]!);
  });

  it('a 120-month horizon', async () => {
    const scenario = edited((m) => (m.horizonMonths = 120));
    const b = baseline(await runSound(scenario));
    expect(b.monthly.revenue).toHaveLength(120);
    expect(b.yearly).toHaveLength(10);
  });

  for (const level of QUALITY_LEVELS) {
    it(`every journey at quality "${level}"`, async () => {
      const scenario = edited((m) => {
        for (const journey of Object.values(m.journeys)) {
          journey.quality = level;
          for (const tp of Object.values(journey.touchpoints)) delete tp.quality;
        }
      });
      await runSound(scenario);
    });
  }

  it('a single segment', async () => {
    const scenario = edited((m) => {
      const everyday = m.segments.everyday!;
      m.segments = { everyday };
      m.population.segmentMix = { everyday: 1 };
      m.referrals.segmentMix = { everyday: 1 };
      for (const source of Object.values(m.sources)) source.segmentMix = { everyday: 1 };
      for (const journey of Object.values(m.journeys)) {
        for (const tp of Object.values(journey.touchpoints)) delete tp.segmentMultipliers;
      }
    });
    const b = baseline(await runSound(scenario));
    expect(b.totals.activeCustomersEnd.mean).toBeGreaterThan(0);
  });

  it('presales calls only: a call centre that serves prospects and no customer need', async () => {
    const scenario = edited((m) => {
      for (const journey of Object.values(m.journeys)) {
        for (const tp of Object.values(journey.touchpoints)) {
          delete tp.staffed;
          tp.selfService ??= { channel: 'app', suitability: 1 };
        }
      }
      for (const source of Object.values(m.sources)) {
        source.presalesChannel = 'callCentre';
        source.presalesContactsPerAcquisition = 2;
      }
    });
    const b = baseline(await runSound(scenario));
    expect(b.totals.staffedContacts.max).toBe(0);
    const cc = b.channels.callCentre!;
    // About 2 calls per customer bought (referred customers make none), all of them prospects'.
    const bought = b.totals.acquired.mean - b.totals.referred.mean;
    expect(cc.contacts.mean).toBeGreaterThan(1.5 * bought);
    expect(cc.contacts.mean).toBeLessThan(2.5 * bought);
    expect(cc.resolutionRate.max).toBe(0);
  });

  it('no customers at month 0: a book built from acquisition alone', async () => {
    const scenario = edited((m, s) => {
      m.population.initialCustomers = 0;
      delete s.run.representedCustomers;
    });
    const b = baseline(await runSound(scenario));
    expect(b.monthly.activeCustomers[0]!).toBeGreaterThan(0);
  });
});
