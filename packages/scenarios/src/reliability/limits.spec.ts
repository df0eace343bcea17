/**
 * Limits (issue 8): every input that could ask for unbounded memory or time has a limit, and going
 * past it gives one clear error naming the field and the limit. docs/reliability.md lists them.
 *
 * Three layers, each tested here:
 * 1. the file: its size, nesting, string lengths, list and map sizes, every number's range
 *    (RUN_LIMITS, LIMITS, MAX_JSON_DEPTH; the schema and checkModel);
 * 2. what a run will ask of the engine, estimated at validation (validate/runLoad.ts): customers
 *    simulated in all, calls a queue simulates in a month, results kept (ENGINE_LIMITS);
 * 3. the engine itself, which enforces the same ENGINE_LIMITS as it runs, for what validation
 *    cannot foresee (referrals that climb with satisfaction, CLI and slider overrides): the run
 *    stops with the message as its error, never a throw, never an out-of-memory crash.
 */
import {
  ENGINE_LIMITS,
  ENGINE_VERSION,
  EnginePool,
  exampleModel,
  maxReplicationsFor,
  runInProcess,
  type PoolWorker,
  type ReplicationRecord,
  type RunPlan,
} from '@journeycast/sim-core';
import { LIMITS, type JourneySpec, type ModelSpec } from '@journeycast/models';
import type { Remote } from 'comlink';
import type { EngineWorkerApi } from '@journeycast/sim-core';
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../library.ts';
import { MAX_JSON_DEPTH, parseScenarioBytes, parseScenarioText } from '../parseScenarioText.ts';
import { planFromScenario } from '../plan.ts';
import { RUN_LIMITS, type Scenario } from '../schema/scenarioSchema.ts';
import type { ScenarioError } from '../validate/errors.ts';
import { validateScenario } from '../validate/validateScenario.ts';
import { ENGINE_LIMIT_MESSAGE, unclearErrors } from './harness.ts';

function errorsAfter(edit: (s: Scenario, m: ModelSpec) => void): ScenarioError[] {
  const scenario = libraryScenario('default');
  edit(scenario, scenario.model);
  const result = validateScenario(scenario);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  expect(unclearErrors(result.errors)).toEqual([]);
  return result.errors;
}

const staffed = (m: ModelSpec) => {
  const c = m.channels.callCentre!;
  if (c.kind !== 'staffed') throw new Error('callCentre is not staffed');
  return c;
};

const x = (n: number) => 'x'.repeat(n);

/** [what, edit, the path, the message (it names the limit)] */
const FILE_LIMITS: [string, (s: Scenario, m: ModelSpec) => void, string, RegExp][] = [
  [
    'simulated agents',
    (s) => (s.run.agents = RUN_LIMITS.maxAgents + 1),
    'run.agents',
    /^expected a whole number ≤ 2000000, got 2000001$/,
  ],
  [
    'replications',
    (s) => (s.run.replications = RUN_LIMITS.maxReplications + 1),
    'run.replications',
    /^expected a whole number ≤ 100000, got 100001$/,
  ],
  [
    'queue days a month',
    (s) => (s.run.queueDaysPerMonth = 32),
    'run.queueDaysPerMonth',
    /^expected a whole number ≤ 31, got 32$/,
  ],
  [
    'represented customers',
    (s) => (s.run.representedCustomers = 1e10 + 1),
    'run.representedCustomers',
    /^expected a number ≤ 1e10, got 10000000001$/,
  ],
  [
    'horizon',
    (_s, m) => (m.horizonMonths = LIMITS.maxHorizonMonths + 1),
    'model.horizonMonths',
    /^expected a whole number ≤ 120, got 121$/,
  ],
  [
    'title',
    (s) => (s.title = x(201)),
    'title',
    /^expected text of at most 200 characters, got 201$/,
  ],
  [
    'description',
    (s) => (s.description = x(8001)),
    'description',
    /^expected text of at most 8000 characters, got 8001$/,
  ],
  [
    'a label',
    (_s, m) => (m.segments.everyday!.label = x(201)),
    'model.segments.everyday.label',
    /^expected text of at most 200 characters, got 201$/,
  ],
  [
    'a lever path',
    (s) => (s.levers[0]!.path = x(301)),
    'levers[0].path',
    /^expected text of at most 300 characters, got 301$/,
  ],
  [
    'a metric',
    (s) => (s.expect[0]!.metric = x(201)),
    'expect[0].metric',
    /^expected text of at most 200 characters, got 201$/,
  ],
  [
    'an id',
    (_s, m) => (m.segments[`s${x(64)}`] = m.segments.everyday!),
    'model.segments',
    /^key "sxxx.*" \(65 characters\) is not an identifier: a letter, then letters, digits, _ or - \(at most 64 characters\)$/,
  ],
  [
    'variants',
    (s) =>
      (s.variants = Array.from({ length: 13 }, (_, i) => ({ ...s.variants[0]!, id: `v${i}` }))),
    'variants',
    /^expected at most 12 items, got 13$/,
  ],
  [
    'levers',
    (s) => (s.levers = Array.from({ length: 41 }, () => s.levers[0]!)),
    'levers',
    /^expected at most 40 items, got 41$/,
  ],
  [
    'expectations',
    (s) => (s.expect = Array.from({ length: 61 }, () => s.expect[0]!)),
    'expect',
    /^expected at most 60 items, got 61$/,
  ],
  [
    'investments',
    (_s, m) =>
      (m.investments = Array.from({ length: 51 }, () => ({
        label: 'i',
        oneOff: 1,
        monthly: 0,
        startMonth: 1,
      }))),
    'model.investments',
    /^expected at most 50 items, got 51$/,
  ],
  [
    'segments',
    (_s, m) => {
      for (let i = 0; i < 13; i++) m.segments[`extra${i}`] = m.segments.everyday!;
    },
    'model.segments',
    /^expected at most 16 entries, got 17$/,
  ],
  [
    'channels',
    (_s, m) => {
      for (let i = 0; i < 8; i++) m.channels[`extra${i}`] = m.channels.app!;
    },
    'model.channels',
    /^expected at most 12 entries, got 13$/,
  ],
  [
    'sources',
    (_s, m) => {
      for (let i = 0; i < 21; i++) m.sources[`extra${i}`] = m.sources.branch!;
    },
    'model.sources',
    /^expected at most 24 entries, got 25$/,
  ],
  [
    'hours in a profile',
    (_s, m) => (staffed(m).intradayProfile = Array(25).fill(1)),
    'model.channels.callCentre.intradayProfile',
    /^expected at most 24 items, got 25$/,
  ],
  [
    'agents an hour',
    (_s, m) => (staffed(m).agents = LIMITS.maxAgentsPerHour + 1),
    'model.channels.callCentre.agents',
    /^expected a whole number ≤ 5000, got 5001$/,
  ],
  [
    'money',
    (_s, m) => (staffed(m).costPerAgentHour = LIMITS.maxMoney * 10),
    'model.channels.callCentre.costPerAgentHour',
    /^expected a number ≤ 1e12, got 10000000000000$/,
  ],
  [
    'customers a source brings',
    (_s, m) => (m.sources.partners!.monthlyVolume = 2e9),
    'model.sources.partners.monthlyVolume',
    /^expected a number ≤ 1e9, got 2000000000$/,
  ],
  [
    'customers a budget buys',
    (_s, m) => (m.sources.paidSearch!.costPerAcquisition = 1e-6),
    'model.sources.paidSearch.costPerAcquisition',
    /^expected a cost per acquisition at which the budget buys at most 1e9 customers a month, got 0\.000001, which buys 1\.2e11 a month$/,
  ],
];

describe('limits of a scenario file, each with a message naming the field and the limit', () => {
  for (const [what, edit, path, message] of FILE_LIMITS) {
    it(what, () => {
      const errors = errorsAfter(edit);
      expect(errors.find((e) => e.path === path)?.message, JSON.stringify(errors)).toMatch(message);
    });
  }

  it('touchpoints: 16 a journey, 32 in all', () => {
    const perJourney = errorsAfter((_s, m) => {
      const tps = m.journeys.servicing!.touchpoints;
      for (let i = 0; i < 14; i++) tps[`extra${i}`] = tps.complaint!;
    });
    expect(perJourney).toContainEqual({
      path: 'model.journeys.servicing.touchpoints',
      message: 'expected at most 16 touchpoints, got 17',
    });
    const inAll = errorsAfter((_s, m) => {
      for (let j = 0; j < 3; j++) {
        const touchpoints: JourneySpec['touchpoints'] = {};
        for (let i = 0; i < 8; i++)
          touchpoints[`t${i}`] = m.journeys.servicing!.touchpoints.complaint!;
        m.journeys[`extra${j}`] = { ...m.journeys.servicing!, touchpoints };
      }
    });
    expect(inAll).toContainEqual({
      path: 'model.journeys',
      message: 'expected at most 32 touchpoints in all, got 33',
    });
  });

  it('the file: its size (in bytes, before decoding) and its nesting', () => {
    const text = JSON.stringify(libraryScenario('default'));
    const bytes = new TextEncoder().encode(text).length;
    const padded = `${text.slice(0, -1)}, "pad": "${x(RUN_LIMITS.maxFileBytes + 1 - bytes - 11)}"}`;
    expect(new TextEncoder().encode(padded).length).toBe(RUN_LIMITS.maxFileBytes + 1);
    const bySize = [
      parseScenarioText(padded),
      parseScenarioBytes(new TextEncoder().encode(padded)),
    ];
    for (const result of bySize) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors).toEqual([
          {
            path: '',
            message:
              'the file is 5000001 bytes; a scenario file may be at most 5000000 bytes (5 MB)',
          },
        ]);
      }
    }
    const nested = text.replace(
      '"horizonMonths":36',
      `"horizonMonths":${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`,
    );
    const deep = parseScenarioText(nested);
    expect(deep.ok).toBe(false);
    if (!deep.ok)
      expect(deep.errors[0]!.message).toMatch(
        /^JSON syntax error at line 1, column \d+: nesting deeper than 64 levels$/,
      );
  });
});

describe('what a run asks of the engine, estimated at validation (ENGINE_LIMITS)', () => {
  it('2,000,000 agents, 120 months, 12 variants and billions of calls a month: the queue load is refused by name', () => {
    const errors = errorsAfter((s, m) => {
      s.run.agents = RUN_LIMITS.maxAgents;
      s.run.representedCustomers = 1e10;
      m.horizonMonths = 120;
      s.variants = Array.from({ length: RUN_LIMITS.maxVariants }, (_, i) => ({
        ...s.variants[i % s.variants.length]!,
        id: `variant${i}`,
      }));
      s.expect = [];
    });
    const callCentre = errors.find((e) => e.path === 'model.channels.callCentre');
    expect(callCentre?.message).toMatch(
      /^expected a load its queue can simulate \(at most 2,000,000 calls a month over the representative days\), got about [\d,]+ in month 1 \([\d,]+ calls a month at population scale over 22 open days, 2 of them simulated\): lower run.queueDaysPerMonth, the represented customers or the contact rates$/,
    );
    // About 3 billion calls a month: the whole load, said once for the baseline, not per variant.
    expect(
      Number(/\(([\d,]+) calls a month/.exec(callCentre!.message)![1]!.replaceAll(',', '')),
    ).toBeGreaterThan(1e9);
    expect(errors.filter((e) => e.path.startsWith('variants['))).toEqual([]);
  });

  it('customers simulated in all: acquisitions and referrals at baseline satisfaction', () => {
    const errors = errorsAfter((_s, m) => {
      for (const segment of Object.values(m.segments)) segment.referralMonthly = 0.5;
    });
    expect(errors).toContainEqual({
      path: 'run.agents',
      message: expect.stringMatching(
        /^expected a run that simulates at most 10,000,000 customers in all \(the engine's limit\), got about [\d,.e+]+ by month 36 \(8,000 at month 0, [\d,]+ acquired and [\d,.e+]+ referred, each standing for 50 customers\): simulate fewer agents/,
      ),
    });
  });

  it('results kept: replications × models × months, without a precision target', () => {
    const most = maxReplicationsFor([
      libraryScenario('default').model,
      ...Array(3).fill(libraryScenario('default').model),
    ]);
    expect(most).toBeGreaterThan(5_000); // the default keeps ~100 KB a replication
    const errors = errorsAfter((s) => {
      s.run.replications = most + 1;
      delete s.run.precision;
    });
    expect(errors).toEqual([
      {
        path: 'run.replications',
        message: expect.stringMatching(
          /^expected at most [\d,]+ replications for this scenario \(each keeps 4 models' summaries, \d+ KB; a run keeps at most 1,000 MB\), got \d+$/,
        ),
      },
    ]);
    expect(errors[0]!.message).toContain(`got ${most + 1}`);
    // With a precision target the run may stop early: only its minimum must fit.
    const s = libraryScenario('default');
    s.run.replications = most + 1;
    expect(validateScenario(s).ok).toBe(true);
  });
});

describe('the engine enforces ENGINE_LIMITS as it runs: an error outcome, never a throw', () => {
  const scenario = libraryScenario('default');

  it('a population-scale load past the queue limit (an override validation never saw)', async () => {
    const plan = planFromScenario(scenario, {
      agents: 300,
      replications: 1,
      precision: false,
      variants: [],
      set: [{ path: 'population.initialCustomers', value: 1e9 }],
    });
    const outcome = await runInProcess(plan);
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBe(0);
    expect(outcome.error).toMatch(ENGINE_LIMIT_MESSAGE);
    expect(outcome.error).toMatch(
      // The first staffed channel in id order past the limit (the expected load of a billion
      // customers passes it on every staffed channel).
      /^variant baseline: channels\.branch: the queue would simulate [\d,]+ calls in month 1 /,
    );
  });

  it('referrals that explode the simulated population', async () => {
    const s = libraryScenario('default');
    s.run.representedCustomers = 300; // one customer per simulated one: the queue stays small
    const plan = planFromScenario(s, {
      agents: 300,
      replications: 1,
      precision: false,
      variants: [],
      set: Object.keys(s.model.segments).map((id) => ({
        path: `segments.${id}.referralMonthly`,
        value: 0.95,
      })),
    });
    const started = performance.now();
    const outcome = await runInProcess(plan);
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.error).toMatch(
      /^variant baseline: the simulated population would pass the limit of 10,000,000 customers in month \d+ /,
    );
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('results past the memory limit stop the run, keeping what it has, labelled partial', async () => {
    // A fake worker returns (shared, so free) summaries at once: the pool's own check is tested.
    const model = exampleModel();
    const plan: RunPlan = {
      seed: 1,
      variants: [{ id: 'baseline', label: 'Baseline', model }],
      agents: 10,
      customersPerAgent: 1,
      queueDaysPerMonth: 1,
      replications: RUN_LIMITS.maxReplications,
    };
    const most = maxReplicationsFor([model]);
    expect(most).toBeLessThan(plan.replications);
    const summary = new Float64Array(1);
    const fake = (): PoolWorker => ({
      api: {
        version: async () => ENGINE_VERSION,
        prepare: async () => undefined,
        run: async (_id: string, reps: number[]): Promise<ReplicationRecord[]> =>
          reps.map((replication) => ({ replication, summaries: [summary] })),
      } as unknown as Remote<EngineWorkerApi>,
      failed: new Promise<never>(() => undefined),
      terminate: () => undefined,
    });
    const pool = new EnginePool(fake, 2);
    const outcome = await pool.run(plan, { batchSize: 64 });
    await pool.dispose();
    expect(outcome.stoppedBy).toBe('error');
    expect(outcome.partial).toBe(true);
    expect(outcome.replications).toBeLessThanOrEqual(most);
    expect(outcome.replications).toBeGreaterThan(most - 2 * 64);
    expect(outcome.error).toMatch(
      /^the run stopped at [\d,]+ replications: [\d,]+ replications of its 1 variant are all the results a run may keep \(1,000 MB of replication summaries\); run fewer replications, variants or months$/,
    );
    expect(ENGINE_LIMITS.maxResultBytes).toBe(1e9);
  });
});
