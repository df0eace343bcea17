/**
 * Invariants of the engine as fast-check properties over small models derived from
 * `exampleModel()` (few simulated customers, few months, so each case takes milliseconds).
 * fast-check prints the seed and the shrunk counterexample of any failure; replay it with
 * `fc.assert(..., { seed, path })` or set FC_SEED.
 */
import {
  DEFAULT_BEHAVIOUR,
  DEFAULT_EXPERIENCE,
  QUALITY_LEVELS,
  clampSatisfaction,
  driftSatisfaction,
  erlangA,
  type ExperienceSpec,
  type ModelSpec,
  type QualityLevel,
} from '@journeycast/models';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import type { ReplicationRecord } from '../runner/plan.ts';
import { ResultCollector } from '../stats/collector.ts';
import { compileModel } from './compile.ts';
import { simulateQueue } from './queueCheck.ts';
import { layoutFor, Scratch, simulateReplication, type EngineSettings } from './simulate.ts';
import { CHANNEL_METRICS, channelRow, G, rowOf, scalarIndex } from './summaryLayout.ts';

/** This property's number of runs, unless FC_NUM_RUNS (scripts/fastcheck.setup.ts) sets it. */
const runs = (numRuns: number) => ({ numRuns: fc.readConfigureGlobal().numRuns ?? numRuns });

const level = fc.constantFrom(...QUALITY_LEVELS);
const money = (max: number) => fc.double({ min: 0, max, noNaN: true });

/** A small variation of the example model: its levers, costs and investments drawn at random. */
const smallModel = fc
  .record({
    horizon: fc.integer({ min: 1, max: 8 }),
    staff: fc.integer({ min: 0, max: 60 }),
    patience: fc.option(fc.double({ min: 0.5, max: 10, noNaN: true }), { nil: null }),
    quality: fc.tuple(level, level, level),
    costPerAgentHour: money(100),
    costPerHandledMinute: money(2),
    appCost: money(5),
    budget: money(300_000),
    branchVolume: fc.integer({ min: 0, max: 2000 }),
    oneOff: money(1e6),
    monthly: money(1e5),
    renewalEvery: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    initialTenure: fc.integer({ min: 0, max: 24 }),
    // Paid search's prospects call first; an unanswered call (or no number found) may lose them.
    presales: fc.option(
      fc.record({
        contacts: fc.double({ min: 0, max: 3, noNaN: true }),
        reach: fc.double({ min: 0, max: 1, noNaN: true }),
        lost: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { nil: undefined },
    ),
    earlyLifeCrossSell: fc.option(fc.double({ min: 0, max: 5, noNaN: true }), { nil: undefined }),
  })
  .map((p): ModelSpec => {
    const m = exampleModel();
    m.horizonMonths = p.horizon;
    m.population.initialTenureMonths = p.initialTenure;
    const callCentre = m.channels.callCentre!;
    if (callCentre.kind === 'staffed') {
      callCentre.agents = p.staff;
      callCentre.patienceMinutes = p.patience;
      callCentre.costPerAgentHour = p.costPerAgentHour;
      callCentre.costPerHandledMinute = p.costPerHandledMinute;
    }
    const app = m.channels.app!;
    if (app.kind === 'selfService') app.costPerContact = p.appCost;
    m.sources.paidSearch!.monthlyBudget = p.budget;
    m.sources.branch!.monthlyVolume = p.branchVolume;
    m.journeys.onboarding!.quality = p.quality[0];
    m.journeys.servicing!.quality = p.quality[1];
    m.journeys.servicing!.touchpoints.cardDeclined!.quality = p.quality[2];
    if (p.renewalEvery !== undefined)
      m.segments.affluent!.renewal = { everyMonths: p.renewalEvery, baseNonRenewal: 0.1 };
    m.investments = [{ label: 'Programme', oneOff: p.oneOff, monthly: p.monthly, startMonth: 1 }];
    if (p.presales !== undefined) {
      Object.assign(m.sources.paidSearch!, {
        presalesContactsPerAcquisition: p.presales.contacts,
        presalesChannel: 'callCentre',
        presalesReachShare: p.presales.reach,
        presalesLostIfUnanswered: p.presales.lost,
      });
    }
    if (p.earlyLifeCrossSell !== undefined) {
      m.segments.mass!.earlyLifeCrossSellMultiplier = p.earlyLifeCrossSell;
    }
    return m;
  });

const settings = fc.record({
  seed: fc.nat(),
  agents: fc.integer({ min: 1, max: 300 }),
  // Whole numbers of customers per simulated customer keep population figures exact integers.
  customersPerAgent: fc.integer({ min: 1, max: 2000 }),
  queueDaysPerMonth: fc.integer({ min: 1, max: 3 }),
});

function run(model: ModelSpec, s: EngineSettings, replication = 0, scratch?: Scratch) {
  const compiled = compileModel(model);
  const summary = simulateReplication(compiled, s, replication, scratch);
  return { summary, layout: layoutFor(compiled), compiled };
}

function bytes(a: Float64Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

describe('every replication', () => {
  it('conserves customers every month: initial + Σ acquired − Σ churned = active', () => {
    fc.assert(
      fc.property(smallModel, settings, (model, s) => {
        const { summary, layout } = run(model, s);
        const initial = summary[scalarIndex(layout, 'initialCustomers')]!;
        expect(initial).toBe(s.agents * s.customersPerAgent);
        const active = rowOf(summary, layout, G.activeCustomers);
        const acquired = rowOf(summary, layout, G.acquired);
        const referred = rowOf(summary, layout, G.referred);
        const churned = rowOf(summary, layout, G.churned);
        let expected = initial;
        for (let m = 0; m < layout.months; m++) {
          // `acquired` counts paid and referred newcomers; referrals are a part of it.
          expect(referred[m]!).toBeLessThanOrEqual(acquired[m]!);
          expected += acquired[m]! - churned[m]!;
          // All terms are whole multiples of customersPerAgent below 2^53: exact equality.
          expect(active[m]).toBe(expected);
          expect(active[m]!).toBeGreaterThanOrEqual(0);
        }
      }),
      runs(60),
    );
  });

  it('never has a negative cost, and costs add up', () => {
    fc.assert(
      fc.property(smallModel, settings, (model, s) => {
        const { summary, layout, compiled } = run(model, s);
        const row = (metric: keyof typeof G) => rowOf(summary, layout, G[metric]);
        for (const metric of [
          'staffingCost',
          'handlingCost',
          'digitalCost',
          'costToServe',
          'acquisitionSpend',
          'investment',
        ] as const) {
          for (const x of row(metric)) expect(x >= 0 && Number.isFinite(x), metric).toBe(true);
        }
        for (let c = 0; c < layout.channels; c++) {
          for (const metric of CHANNEL_METRICS) {
            for (const x of rowOf(summary, layout, channelRow(layout, c, metric)))
              expect(x >= 0 && Number.isFinite(x), `channel ${c} ${metric}`).toBe(true);
          }
        }
        // A resolution rate's two counts come from the same customers: never above 1.
        for (let c = 0; c < layout.channels; c++) {
          const resolved = rowOf(summary, layout, channelRow(layout, c, 'resolved'));
          const contacts = rowOf(summary, layout, channelRow(layout, c, 'customerContacts'));
          for (let m = 0; m < layout.months; m++) {
            expect(resolved[m]!, `channel ${c} month ${m}`).toBeLessThanOrEqual(contacts[m]!);
          }
        }
        // The staffed channels' customer contacts are the month's staffed contacts, split.
        const staffed = row('staffedContacts');
        for (let m = 0; m < layout.months; m++) {
          let split = 0;
          for (const channel of compiled.staffed) {
            const c = channel.channelIndex;
            split += rowOf(summary, layout, channelRow(layout, c, 'customerContacts'))[m]!;
          }
          expect(split).toBeCloseTo(staffed[m]!, 6);
        }
        const ctsRow = row('costToServe');
        const parts = [row('staffingCost'), row('handlingCost'), row('digitalCost')];
        for (let m = 0; m < layout.months; m++) {
          const sum = parts[0]![m]! + parts[1]![m]! + parts[2]![m]!;
          expect(ctsRow[m]).toBeCloseTo(sum, 6);
        }
      }),
      runs(60),
    );
  });

  it('same seed ⇒ bit-identical summary, also through a reused Scratch that ran another model', () => {
    fc.assert(
      fc.property(smallModel, smallModel, settings, fc.nat(50), (model, other, s, r) => {
        const fresh = run(model, s, r).summary;
        const scratch = new Scratch();
        run(other, { ...s, agents: s.agents * 2 }, r + 1, scratch);
        const reused = run(model, s, r, scratch).summary;
        expect(bytes(reused).equals(bytes(fresh))).toBe(true);
      }),
      runs(30),
    );
  });

  it('different seed or replication ⇒ a different summary', () => {
    // With 50+ customers over 3+ months two streams giving identical summaries would be a
    // coincidence of probability far below 1e-12.
    const busy = settings.filter((s) => s.agents >= 50);
    const longer = smallModel.filter((m) => m.horizonMonths >= 3);
    fc.assert(
      fc.property(longer, busy, (model, s) => {
        const a = run(model, s).summary;
        const b = run(model, { ...s, seed: s.seed + 1 }).summary;
        const c = run(model, s, 1).summary;
        expect(bytes(a).equals(bytes(b))).toBe(false);
        expect(bytes(a).equals(bytes(c))).toBe(false);
      }),
      runs(20),
    );
  });
});

describe('ResultCollector.merge', () => {
  /** A record whose numbers are a function of its index (as replication r always is). */
  function record(replication: number, variants = 2): ReplicationRecord {
    return {
      replication,
      summaries: Array.from({ length: variants }, (_, v) =>
        Float64Array.from({ length: 5 }, (_, i) => Math.sin(replication * 31 + v * 7 + i)),
      ),
    };
  }
  function collector(indices: number[]): ResultCollector {
    const c = new ResultCollector(2);
    for (const r of indices) c.add(record(r));
    return c;
  }
  function contents(c: ResultCollector): [number, number[][]][] {
    return c.indices().map((r) => [r, c.get(r).map((s) => Array.from(s))]);
  }
  const part = fc.uniqueArray(fc.nat(40), { maxLength: 20 });

  it('is associative and commutative (parts may overlap)', () => {
    fc.assert(
      fc.property(part, part, part, (a, b, c) => {
        const [x, y, z] = [collector(a), collector(b), collector(c)];
        expect(contents(x.merge(y).merge(z))).toEqual(contents(x.merge(y.merge(z))));
        expect(contents(x.merge(y))).toEqual(contents(y.merge(x)));
        expect(contents(x.merge(y)).map(([r]) => r)).toEqual(
          [...new Set([...a, ...b])].sort((p, q) => p - q),
        );
      }),
    );
  });

  it('accepts an identical duplicate and rejects a conflicting one', () => {
    fc.assert(
      fc.property(
        part.filter((a) => a.length > 0),
        fc.nat(4),
        (a, i) => {
          const x = collector(a);
          const same = collector([a[0]!]);
          expect(contents(x.merge(same))).toEqual(contents(x));
          const altered = record(a[0]!);
          altered.summaries[1]![i] = altered.summaries[1]![i]! + 1e-9;
          const conflicting = new ResultCollector(2);
          conflicting.add(altered);
          expect(() => x.merge(conflicting)).toThrow(/arrived twice with different numbers/);
          expect(() => x.add(altered)).toThrow(/arrived twice/);
        },
      ),
    );
    expect(() => new ResultCollector(2).merge(new ResultCollector(3))).toThrow(/2 and 3 variants/);
  });
});

/**
 * More agents never lengthen waits.
 *
 * Without abandonment this holds caller by caller: for FCFS with identical agents, the vector of
 * the agents' next free times, sorted, evolves by "the earliest free agent takes the caller", and
 * with one more agent every component is no later (induction on callers; Kiefer & Wolfowitz 1955,
 * "On the theory of queues with many servers", Trans. AMS 78; the comparison argument is in
 * Wolff, "Stochastic Modeling and the Theory of Queues", §5-18). Paired runs see the same callers
 * (arrival and handle-time streams do not depend on staffing), so every caller's wait, not only
 * the mean, is no longer. Floating-point addition is monotone, so this holds exactly in doubles.
 *
 * With abandonment it is not pathwise: a caller who hung up in the smaller team may be answered
 * in the larger one and then occupy an agent another caller would have had. In expectation it
 * still holds (Erlang A's mean wait falls with N), so that case is checked statistically.
 *
 * With an hourly roster it is not pathwise either: an extra agent in one hour changes which agent
 * is free when, and an agent whose shift ends may then be busy at the moment another would have
 * taken a caller, so a later caller can wait longer (found by random rosters: a few cases in a
 * hundred). The mean wait still falls: queueKernel.spec.ts checks it over paired days.
 */
describe('more agents never lengthen waits', () => {
  it('without abandonment: every caller waits no longer (paired runs, any load, a flat roster)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 24 }),
        fc.nat(),
        (arrivalsPerHour, ahtMinutes, agents, extra, hours, seed) => {
          const common = { arrivalsPerHour, ahtMinutes, hours, warmupHours: 0, seed };
          const few = simulateQueue({ ...common, agents, detailed: true });
          const more = simulateQueue({ ...common, agents: agents + extra, detailed: true });
          const a = few.recorder!;
          const b = more.recorder!;
          expect(b.count).toBe(a.count);
          // The same callers (arrival times), compared in a plain loop (a deep toEqual of the
          // buffers is slow)…
          let differ = -1;
          for (let i = 0; i < a.count && differ < 0; i++) {
            if (!Object.is(a.arrivals[i], b.arrivals[i])) differ = i;
          }
          expect(differ, `caller ${differ} arrives at a different time`).toBe(-1);
          // …each waiting no longer.
          let first = -1;
          for (let i = 0; i < a.count && first < 0; i++) if (b.waits[i]! > a.waits[i]!) first = i;
          expect(first, `caller ${first} waits longer with more agents`).toBe(-1);
          expect(more.meanWaitMinutes).toBeLessThanOrEqual(few.meanWaitMinutes);
          expect(more.pWait).toBeLessThanOrEqual(few.pWait);
        },
      ),
      runs(200),
    );
  });

  it('with abandonment: the mean wait falls in expectation (paired replications, 4 SE)', () => {
    // 100 calls/h, AHT 6 min, patience 3 min; 10 against 11 agents, R = 20 paired replications of
    // 500 h. d_r = W(10) − W(11) must be positive beyond 4 SE of its mean and agree with Erlang A's
    // difference within 4 SE.
    const base = { arrivalsPerHour: 100, ahtMinutes: 6, patienceMinutes: 3 };
    const d: number[] = [];
    for (let r = 0; r < 20; r++) {
      const q = { ...base, hours: 500, warmupHours: 20, seed: 300 + r };
      d.push(
        simulateQueue({ ...q, agents: 10 }).meanWaitMinutes -
          simulateQueue({ ...q, agents: 11 }).meanWaitMinutes,
      );
    }
    const mean = d.reduce((a, b) => a + b) / d.length;
    const se = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1) / d.length);
    const theory =
      erlangA({ ...base, agents: 10 }).meanWaitMinutes -
      erlangA({ ...base, agents: 11 }).meanWaitMinutes;
    expect(mean - 4 * se).toBeGreaterThan(0);
    expect(Math.abs(mean - theory)).toBeLessThanOrEqual(4 * se);

    // …while caller by caller it does not hold: some callers wait longer with the 11th agent.
    const q = { ...base, hours: 200, warmupHours: 0, seed: 7, detailed: true };
    const few = simulateQueue({ ...q, agents: 10 }).recorder!;
    const more = simulateQueue({ ...q, agents: 11 }).recorder!;
    let longer = 0;
    for (let i = 0; i < few.count; i++) if (more.waits[i]! > few.waits[i]!) longer++;
    expect(longer).toBeGreaterThan(0);
  });
});

/**
 * Higher experience quality never raises churn, customer by customer, in paired runs.
 *
 * Where this is a true statement, and why (each condition is needed; see the two known
 * counterexamples below):
 * 1. An initial cohort only (no acquisition, no referrals), so both runs follow the same people.
 * 2. Ample staffing, so nobody waits or abandons in either run (asserted): the queue's load
 *    differs between the runs, its outcomes then do not.
 * 3. Staffed channels only. Then every contact's outcome is applied in one order, the order of
 *    the queue (repeat contacts first, then new needs by touchpoint), in both runs. The engine
 *    keeps one open need per touchpoint (a bit each), set by an unresolved contact about it and
 *    cleared only by a resolved contact about the same need, so each need's "open" after a month
 *    is the outcome of its last contact, the same contact in both runs (the lower-quality run may
 *    only have an extra repeat contact about it in front).
 * 4. A contact never raises satisfaction in the lower-quality run: for its level L,
 *    satisfactionDelta(L) + resolvedDelta ≤ 0 (and unresolvedDelta ≤ resolvedDelta,
 *    giveUpDelta ≤ 0). Otherwise that extra repeat contact can lift the lower run above the
 *    higher one once the clamp at 10 has erased the higher run's lead.
 * 5. The experience table is monotone in the level (satisfaction delta and resolution
 *    multiplier), churn falls with satisfaction and an open need raises it (multiplier ≥ 1).
 * Then, by induction over months, the higher run has satisfaction ≥ and an open need only if the
 * lower run has the same one: resolution draws use the same uniform against a higher threshold;
 * deltas are larger; drift, the clamp and float32 storage are monotone maps. So its churn (and
 * non-renewal) probability is ≤ every month, and with the same uniform whoever leaves in the
 * higher run has left the lower run by then.
 */
describe('higher experience quality never raises churn (paired cohorts)', () => {
  const levelIndex = fc.integer({ min: 0, max: 3 });
  const sorted = (min: number, max: number) =>
    fc
      .array(fc.double({ min, max, noNaN: true }), { minLength: 4, maxLength: 4 })
      .map((a) => [...a].sort((x, y) => x - y));

  const qualityCase = fc.record({
    deltas: sorted(-2, 2),
    multipliers: sorted(0.5, 1.4),
    resolvedDelta: fc.double({ min: -1, max: 0.5, noNaN: true }),
    unresolvedGap: fc.double({ min: 0, max: 2, noNaN: true }),
    giveUpDelta: fc.double({ min: -2, max: 0, noNaN: true }),
    drift: fc.double({ min: 0, max: 1, noNaN: true }),
    churnSensitivity: fc.double({ min: 0, max: 1, noNaN: true }),
    openIssueMultiplier: fc.double({ min: 1, max: 3, noNaN: true }),
    lower: fc.tuple(levelIndex, levelIndex, levelIndex),
    raise: fc.tuple(levelIndex, levelIndex, levelIndex),
    renewalEvery: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    initialTenure: fc.integer({ min: 0, max: 12 }),
    horizon: fc.integer({ min: 1, max: 12 }),
    agents: fc.integer({ min: 1, max: 150 }),
    seed: fc.nat(),
  });
  type QualityCase = typeof qualityCase extends fc.Arbitrary<infer T> ? T : never;

  function cohortModel(c: QualityCase, levels: QualityLevel[], resolvedDelta: number): ModelSpec {
    const m = exampleModel();
    m.horizonMonths = c.horizon;
    m.sources = {};
    m.population.initialTenureMonths = c.initialTenure;
    for (const segment of Object.values(m.segments)) segment.referralMonthly = 0;
    if (c.renewalEvery !== undefined)
      m.segments.mass!.renewal = { everyMonths: c.renewalEvery, baseNonRenewal: 0.05 };
    const experience = {} as ExperienceSpec;
    QUALITY_LEVELS.forEach((q, i) => {
      experience[q] = {
        satisfactionDelta: c.deltas[i]!,
        resolutionMultiplier: c.multipliers[i]!,
      };
    });
    m.experience = experience;
    Object.assign(m.behaviour, {
      resolvedDelta,
      unresolvedDelta: resolvedDelta - c.unresolvedGap,
      giveUpDelta: c.giveUpDelta,
      satisfactionDriftPerMonth: c.drift,
      churnSatisfactionSensitivity: c.churnSensitivity,
      openIssueChurnOddsMultiplier: c.openIssueMultiplier,
    });
    const callCentre = m.channels.callCentre!;
    if (callCentre.kind === 'staffed') callCentre.agents = 200;
    const touchpoints = [
      m.journeys.onboarding!.touchpoints.setup!,
      m.journeys.servicing!.touchpoints.question!,
      m.journeys.servicing!.touchpoints.cardDeclined!,
    ];
    touchpoints.forEach((tp, i) => {
      delete tp.selfService;
      tp.quality = levels[i]!;
    });
    return m;
  }

  /** Customers who left the higher-quality run but are still in the lower-quality one. */
  function violations(lowActive: Uint8Array, highActive: Uint8Array): number[] {
    const out: number[] = [];
    for (let i = 0; i < lowActive.length; i++)
      if (highActive[i] === 0 && lowActive[i] === 1) out.push(i);
    return out;
  }

  /** Runs both cohorts; returns their summaries and who is still active at the horizon. */
  function pairedCohorts(lowModel: ModelSpec, highModel: ModelSpec, s: EngineSettings) {
    const lowScratch = new Scratch();
    const highScratch = new Scratch();
    const low = run(lowModel, s, 0, lowScratch);
    const high = run(highModel, s, 0, highScratch);
    return {
      low,
      high,
      lowActive: lowScratch.population.active.slice(0, s.agents),
      highActive: highScratch.population.active.slice(0, s.agents),
    };
  }

  it('holds month by month, and customer by customer, under the conditions above', () => {
    // So that the property is not vacuous: count cases where quality did cut churn.
    let fewerLeft = 0;
    const depth = runs(150);
    fc.assert(
      fc.property(qualityCase, (c) => {
        const lowLevels = c.lower.map((i) => QUALITY_LEVELS[i]!);
        const highLevels = c.lower.map((i, t) => QUALITY_LEVELS[Math.min(3, i + c.raise[t]!)]!);
        // Condition 4: a contact at a lower level never raises satisfaction.
        const worstLower = Math.max(...c.lower.map((i) => c.deltas[i]!));
        const resolvedDelta = Math.min(c.resolvedDelta, -worstLower);
        const s = { seed: c.seed, agents: c.agents, customersPerAgent: 1, queueDaysPerMonth: 1 };
        const { low, high, lowActive, highActive } = pairedCohorts(
          cohortModel(c, lowLevels, resolvedDelta),
          cohortModel(c, highLevels, resolvedDelta),
          s,
        );
        const { layout } = low;
        // Condition 2, checked: nobody waited or hung up in either run.
        for (const r of [low, high]) {
          for (const metric of ['waitMinutes', 'abandoned'] as const)
            for (const x of rowOf(r.summary, layout, channelRow(layout, 0, metric)))
              expect(x).toBe(0);
        }
        const lowChurned = rowOf(low.summary, layout, G.churned);
        const highChurned = rowOf(high.summary, layout, G.churned);
        let lowCumulative = 0;
        let highCumulative = 0;
        for (let m = 0; m < layout.months; m++) {
          lowCumulative += lowChurned[m]!;
          highCumulative += highChurned[m]!;
          expect(highCumulative, `month ${m + 1}`).toBeLessThanOrEqual(lowCumulative);
        }
        expect(violations(lowActive, highActive)).toEqual([]);
        if (highCumulative < lowCumulative) fewerLeft++;
      }),
      depth,
    );
    if (depth.numRuns >= 50) expect(fewerLeft).toBeGreaterThan(10);
  });

  // Two counterexamples found while writing this suite. The first came from keeping one open need
  // per customer; the engine now keeps one per touchpoint and the test checks it stays fixed. The
  // second is how satisfaction is bounded (the cap at 10), a modelling decision, and the test shows
  // why condition 4 is needed. The models set every behaviour and experience number they rely on,
  // so a change of the defaults does not move them.
  const PINNED_EXPERIENCE: ExperienceSpec = {
    poor: { satisfactionDelta: -0.8, resolutionMultiplier: 0.85 },
    average: { satisfactionDelta: 0, resolutionMultiplier: 1 },
    good: { satisfactionDelta: 0.7, resolutionMultiplier: 1.06 },
    excellent: { satisfactionDelta: 1.3, resolutionMultiplier: 1.12 },
  };
  function pinnedCohort(
    quality: QualityLevel,
    horizon: number,
    options: { selfService: boolean; baseline?: number; tenure: number },
  ): ModelSpec {
    const m = exampleModel();
    m.horizonMonths = horizon;
    m.sources = {};
    m.population.initialTenureMonths = options.tenure;
    m.experience = structuredClone(PINNED_EXPERIENCE);
    Object.assign(m.behaviour, {
      satisfactionDriftPerMonth: 0.15,
      resolvedDelta: 0.3,
      unresolvedDelta: -1,
      abandonedDelta: -0.5,
      giveUpDelta: -0.8,
      repeatContactProbability: 0.7,
      openIssueChurnOddsMultiplier: 1.5,
      churnSatisfactionSensitivity: 0.26,
    });
    for (const segment of Object.values(m.segments)) {
      segment.referralMonthly = 0;
      if (options.baseline !== undefined) {
        segment.baselineSatisfaction = options.baseline;
        segment.satisfactionSpread = 0.3;
      }
    }
    const callCentre = m.channels.callCentre!;
    if (callCentre.kind === 'staffed') callCentre.agents = 2000;
    for (const journey of Object.values(m.journeys)) {
      journey.quality = quality;
      for (const tp of Object.values(journey.touchpoints)) {
        delete tp.quality;
        if (!options.selfService) delete tp.selfService;
      }
    }
    return m;
  }

  it('fixed counterexample 1: resolving one need no longer clears another (customer 6503, seed 4, month 1)', () => {
    // Before open needs were kept one bit per touchpoint, a resolved contact cleared the customer's
    // open need whichever need it was: here, in the poor run, the account question resolved in the
    // app cleared the unresolved set-up need, so the poor run had no open need and the average
    // run (higher satisfaction) had one, and this customer left only in the average run. With a
    // bit per need, the set-up need stays open in both runs and the higher quality no longer
    // raises this customer's churn.
    const options = { selfService: true, tenure: 0 };
    const s = { seed: 4, agents: 6504, customersPerAgent: 1, queueDaysPerMonth: 2 };
    const { lowActive, highActive } = pairedCohorts(
      pinnedCohort('poor', 1, options),
      pinnedCohort('average', 1, options),
      s,
    );
    expect(violations(lowActive, highActive)).not.toContain(6503);
  });

  it("why condition 4 is needed: the cap at 10 can erase a better journey's lead", () => {
    // A customer near the top of the scale: at excellent a resolved contact lifts them to the cap,
    // at good it lifts them there too, so the excellent run's lead is gone. If the good run then
    // has one more resolved repeat contact than the excellent run (its need stayed open), the good
    // run ends the happier one: a higher quality level gave a lower satisfaction, hence a higher
    // churn probability. This is how satisfaction is bounded, not a bookkeeping error, so the
    // property above holds only where no contact reaches the cap (condition 4).
    const b = DEFAULT_BEHAVIOUR;
    const e = DEFAULT_EXPERIENCE;
    const start = 9.6;
    const good = clampSatisfaction(start + e.good.satisfactionDelta + b.resolvedDelta);
    const excellent = clampSatisfaction(start + e.excellent.satisfactionDelta + b.resolvedDelta);
    expect(good).toBe(10);
    expect(excellent).toBe(10);
    // One month later: the good run's open need is resolved on a repeat contact, the excellent run
    // only fades toward the baseline.
    const baseline = 9.6;
    const goodNext = clampSatisfaction(
      driftSatisfaction(good, baseline, b.satisfactionDriftPerMonth) +
        e.good.satisfactionDelta +
        b.resolvedDelta,
    );
    const excellentNext = driftSatisfaction(excellent, baseline, b.satisfactionDriftPerMonth);
    expect(goodNext).toBeGreaterThan(excellentNext);
  });
});
