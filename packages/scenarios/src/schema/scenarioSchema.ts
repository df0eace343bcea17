/**
 * The scenario file format, defined once with TypeBox: the TypeScript types below, the JSON Schema
 * shipped as `schema/scenario.schema.json` (`npm run build` regenerates it; a test fails when it
 * drifts), and the validator's rules all come from these definitions.
 *
 * A scenario holds the baseline model (packages/models ModelSpec), variants as deep overrides of
 * it plus their investments, the levers the app shows as sliders, run settings, and expectations a
 * CI replay checks.
 */
import { InvestmentSpec, LIMITS, ModelSpec } from '@journeycast/models';
import { ENGINE_LIMITS } from '@journeycast/sim-core';
import { Type, type Static } from '@sinclair/typebox';

/** The schema version this build writes. Older files load through migrations (migrations.ts). */
export const SCHEMA_VERSION = 2;

const ID = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

/** Limits on a run, so no file can ask for more memory or time than a laptop has. */
export const RUN_LIMITS = {
  maxAgents: 2_000_000,
  maxReplications: 100_000,
  maxQueueDaysPerMonth: 31,
  maxVariants: 12,
  maxLevers: 40,
  maxExpectations: 60,
  /** Bytes of a scenario file. */
  maxFileBytes: 5_000_000,
  /**
   * Customers a replication simulates in all (month 0, acquired, referred): the engine's limit,
   * estimated at validation (validate/runLoad.ts) and enforced as the run goes.
   */
  maxSimulatedCustomers: ENGINE_LIMITS.maxSimulatedCustomers,
  /** Population-scale calls a staffed channel's queue simulates in a month (likewise). */
  maxQueueCallsPerMonth: ENGINE_LIMITS.maxQueueCallsPerMonth,
} as const;

export const RunSettings = Type.Object(
  {
    seed: Type.Integer({
      minimum: 0,
      maximum: 4294967295,
      description: 'Seed of every random stream: the same scenario and seed give the same numbers.',
    }),
    replications: Type.Integer({
      minimum: 1,
      maximum: RUN_LIMITS.maxReplications,
      description: 'Replications to run (the most, when a precision target may stop earlier).',
    }),
    agents: Type.Integer({
      minimum: 1,
      maximum: RUN_LIMITS.maxAgents,
      description: 'Simulated customers standing for the customers at month 0.',
    }),
    representedCustomers: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1e10,
        description:
          'Customers the simulated ones stand for at month 0 (default: population.initialCustomers). Queues always face the whole population.',
      }),
    ),
    queueDaysPerMonth: Type.Integer({
      minimum: 1,
      maximum: RUN_LIMITS.maxQueueDaysPerMonth,
      description: 'Representative days a month each staffed queue simulates.',
    }),
    precision: Type.Optional(
      Type.Object(
        {
          relativeHalfWidth: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: 10,
              description:
                'Stop when the 95 % interval of mean incremental NPV is within ± this share of it.',
            }),
          ),
          absoluteHalfWidth: Type.Optional(
            Type.Number({
              exclusiveMinimum: 0,
              maximum: LIMITS.maxMoney,
              description: 'Stop when that interval is within ± this amount.',
            }),
          ),
          minReplications: Type.Integer({ minimum: 2, maximum: RUN_LIMITS.maxReplications }),
          checkEvery: Type.Integer({ minimum: 1, maximum: RUN_LIMITS.maxReplications }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false, description: 'How the scenario is simulated.' },
);
export type RunSettings = Static<typeof RunSettings>;

/**
 * Overrides of the baseline model: any part of it, nested as in the model; objects merge key by
 * key, arrays and values replace. Validated against the model's own rules after merging.
 */
export const Overrides = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'Changes to the baseline model, nested like it (e.g. { "channels": { "callCentre": { "agents": 48 } } }).',
  'x-overrides-of': 'ModelSpec',
});

export const Variant = Type.Object(
  {
    id: Type.String({ pattern: ID }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    overrides: Overrides,
    investments: Type.Array(InvestmentSpec, {
      maxItems: LIMITS.maxInvestments,
      description: "The variant's investments, added to the baseline's.",
    }),
  },
  {
    additionalProperties: false,
    description: 'An alternative to the baseline, paired against it.',
  },
);
export type Variant = Static<typeof Variant>;

export const LEVER_GROUPS = ['staffing', 'acquisition', 'experience', 'economics'] as const;

export const Lever = Type.Object(
  {
    path: Type.String({
      minLength: 1,
      maxLength: 300,
      description:
        'Path of a number (or a quality level) in the model, e.g. channels.callCentre.agents.',
    }),
    label: Type.String({ minLength: 1, maxLength: 120 }),
    group: Type.Union(
      LEVER_GROUPS.map((g) => Type.Literal(g)),
      {
        description:
          'Where the app shows it: Staffing, Acquisition mix, Experience quality, Economics.',
      },
    ),
    unit: Type.String({
      maxLength: 40,
      description: 'Unit shown beside the value (agents, %, EUR/month …).',
    }),
    min: Type.Number({ minimum: -LIMITS.maxMoney, maximum: LIMITS.maxMoney }),
    max: Type.Number({ minimum: -LIMITS.maxMoney, maximum: LIMITS.maxMoney }),
    step: Type.Number({ exclusiveMinimum: 0, maximum: LIMITS.maxMoney }),
    description: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  {
    additionalProperties: false,
    description:
      'A slider in the app. Quality levers (paths ending in .quality) run 0–3: poor, average, good, excellent.',
  },
);
export type Lever = Static<typeof Lever>;

export const Expectation = Type.Object(
  {
    variant: Type.String({ pattern: ID, description: 'Variant whose result is checked.' }),
    metric: Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'Path into the variant result, e.g. vsBaseline.pNpvPositive, vsBaseline.deltas.revenuePct.p50, totals.retention12m.mean.',
    }),
    compareTo: Type.Optional(
      Type.String({
        pattern: ID,
        description:
          'Another variant (or baseline): min and max then bound the difference metric(variant) − metric(compareTo), e.g. "smarterRule beats travelNotice on revenue" is compareTo travelNotice with min 0.',
      }),
    ),
    min: Type.Optional(Type.Number()),
    max: Type.Optional(Type.Number()),
    marginSe: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 10,
        description:
          'Standard errors by which the value must clear each bound (e.g. 2): a claim that holds by a fraction of its noise flips when random streams change. Needs a metric with a standard error: a mean (of a distribution: not roi, paybackMonth, discountedPaybackMonth or irr) or vsBaseline.pNpvPositive.',
      }),
    ),
    because: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'The claim this expectation holds the model to.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'An assertion a replay checks: min ≤ metric ≤ max, or with compareTo min ≤ metric(variant) − metric(compareTo) ≤ max; with marginSe, by that many standard errors.',
  },
);
export type Expectation = Static<typeof Expectation>;

export const Scenario = Type.Object(
  {
    $schema: Type.Optional(Type.String({ maxLength: 500 })),
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    id: Type.String({ pattern: ID }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.String({
      maxLength: 8000,
      description: 'The story: what the company faces and what it tries.',
    }),
    currency: Type.String({
      pattern: '^[A-Z]{3}$',
      description: 'ISO 4217 code of every amount, e.g. EUR.',
    }),
    run: RunSettings,
    model: ModelSpec,
    variants: Type.Array(Variant, { maxItems: RUN_LIMITS.maxVariants }),
    levers: Type.Array(Lever, { maxItems: RUN_LIMITS.maxLevers }),
    expect: Type.Array(Expectation, { maxItems: RUN_LIMITS.maxExpectations }),
  },
  {
    additionalProperties: false,
    $id: 'https://journeycast.dev/schema/scenario.schema.json',
    title: 'Journeycast scenario',
    description: 'A Journeycast scenario file.',
  },
);
export type Scenario = Static<typeof Scenario>;
