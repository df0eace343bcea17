/**
 * The parameters of a Journeycast model, defined once.
 *
 * Each definition below is a TypeBox schema: the same object gives the TypeScript type (via
 * `Static`), the JSON Schema that scenario files are validated against (packages/scenarios), and
 * the help text the app shows beside a lever. Units are in the names (`ahtMinutes`,
 * `baseMonthlyChurn`, `costPerAgentHour`); money is a plain number in the scenario's currency.
 *
 * Maps keyed by id (segments, sources, channels, journeys, touchpoints) keep JSON paths readable:
 * `channels.callCentre.agents` rather than `channels[2].agents`, so levers, overrides and error
 * messages all name things the way an analyst does.
 */
import { Type, type ObjectOptions, type Static, type TSchema } from '@sinclair/typebox';

const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

/** Limits that keep any valid model within memory and time (see docs/model.md, "Limits"). */
export const LIMITS = {
  maxHorizonMonths: 120,
  maxSegments: 16,
  maxSources: 24,
  maxChannels: 12,
  maxJourneys: 16,
  maxTouchpointsPerJourney: 16,
  /** The engine keeps each customer's open needs as one bit per touchpoint in 32 bits. */
  maxTouchpoints: 32,
  maxAgentsPerHour: 5000,
  /**
   * Customers a source may bring in a month: monthlyVolume's maximum, and what a budget may buy
   * (a tiny cost per acquisition would otherwise buy an overflowing number of customers).
   */
  maxAcquisitionsPerMonth: 1e9,
  maxMoney: 1e12,
  maxProducts: 20,
  maxInvestments: 50,
} as const;

const Id = Type.String({
  pattern: ID_PATTERN,
  description: 'An identifier: a letter, then letters, digits, _ or -.',
});
const Label = Type.String({ minLength: 1, maxLength: 200 });
const Description = Type.String({ maxLength: 4000 });
const Probability = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });
const Money = (description: string) =>
  Type.Number({ minimum: 0, maximum: LIMITS.maxMoney, description });
const NonNegative = (description: string, maximum = 1e9) =>
  Type.Number({ minimum: 0, maximum, description });

/**
 * A map keyed by ids. A key that is not an id is an error: a TypeBox Record constrains only the
 * keys that match its pattern, so without `additionalProperties: false` a key such as
 * "call centre" would pass, and with it a value of any shape.
 */
const IdMap = <T extends TSchema>(value: T, options: ObjectOptions = {}) =>
  Type.Record(Type.String({ pattern: ID_PATTERN }), value, {
    ...options,
    additionalProperties: false,
  });

/** A map from ids to shares that must sum to 1 (checked by the scenario validator). */
export const Shares = (description: string) =>
  IdMap(Type.Number({ minimum: 0, maximum: 1 }), {
    description: `${description} Shares sum to 1.`,
    'x-shares': true,
  });

export const QUALITY_LEVELS = ['poor', 'average', 'good', 'excellent'] as const;

export const QualityLevel = Type.Union(
  QUALITY_LEVELS.map((level) => Type.Literal(level)),
  {
    description:
      'Experience quality of a touchpoint: poor, average, good or excellent ("wow"). Each level maps to a satisfaction change and a resolution multiplier (see `experience`).',
  },
);
export type QualityLevel = Static<typeof QualityLevel>;

export const QualityEffect = Type.Object(
  {
    satisfactionDelta: Type.Number({
      minimum: -10,
      maximum: 10,
      description: 'Satisfaction points (0–10 scale) a contact at this quality adds or removes.',
    }),
    resolutionMultiplier: Type.Number({
      minimum: 0,
      maximum: 3,
      description:
        'Multiplies the chance that a contact resolves the need (first-contact resolution, self-service success); capped at 1.',
    }),
  },
  { additionalProperties: false },
);
export type QualityEffect = Static<typeof QualityEffect>;

export const ExperienceSpec = Type.Object(
  {
    poor: QualityEffect,
    average: QualityEffect,
    good: QualityEffect,
    excellent: QualityEffect,
  },
  {
    additionalProperties: false,
    description: 'What each experience-quality level does to satisfaction and resolution.',
  },
);
export type ExperienceSpec = Static<typeof ExperienceSpec>;

export const RenewalSpec = Type.Object(
  {
    everyMonths: Type.Integer({
      minimum: 1,
      maximum: 60,
      description: 'Contract length: a renewal decision falls every this many months of tenure.',
    }),
    baseNonRenewal: Probability(
      'Probability that a customer at baseline satisfaction does not renew at a renewal point.',
    ),
  },
  { additionalProperties: false },
);
export type RenewalSpec = Static<typeof RenewalSpec>;

export const SegmentSpec = Type.Object(
  {
    label: Label,
    description: Type.Optional(Description),
    marginPerProductMonthly: Type.Number({
      minimum: -LIMITS.maxMoney,
      maximum: LIMITS.maxMoney,
      description: 'Contribution margin per product held, per month, before cost-to-serve.',
    }),
    productsAtStart: Type.Integer({
      minimum: 1,
      maximum: LIMITS.maxProducts,
      description: 'Products a customer of this segment holds when acquired.',
    }),
    maxProducts: Type.Integer({
      minimum: 1,
      maximum: LIMITS.maxProducts,
      description: 'Most products a customer can hold (cross-sell stops there).',
    }),
    baseMonthlyChurn: Probability(
      'Monthly probability of leaving for a customer at baseline satisfaction, outside the early-life period.',
    ),
    earlyLifeMonths: Type.Integer({
      minimum: 0,
      maximum: LIMITS.maxHorizonMonths,
      description:
        'First months of tenure in which churn is multiplied by earlyLifeChurnMultiplier.',
    }),
    earlyLifeChurnMultiplier: NonNegative('Churn multiplier during the early-life months.', 50),
    contactRateMultiplier: NonNegative(
      'Multiplies every touchpoint contact probability for this segment (costly-to-serve segments > 1).',
      50,
    ),
    digitalPropensity: Probability(
      'Probability that a customer of this segment tries self-service first where a touchpoint offers it.',
    ),
    baselineSatisfaction: Type.Number({
      minimum: 0,
      maximum: 10,
      description:
        'Mean satisfaction (0–10) of the segment: where its customers start and drift back to.',
    }),
    satisfactionSpread: Type.Number({
      minimum: 0,
      maximum: 5,
      description:
        "Standard deviation of customers' own baselines around the segment mean (people differ: some are promoters, some detractors).",
    }),
    crossSellMonthly: Probability(
      'Monthly probability of buying one more product at baseline satisfaction.',
    ),
    earlyLifeCrossSellMultiplier: Type.Optional(
      NonNegative(
        'Multiplies crossSellMonthly during the early-life months (onboarding offers > 1; a rule against selling to new customers 0); 1 by default.',
        50,
      ),
    ),
    referralMonthly: Probability(
      'Monthly probability of referring a new customer at baseline satisfaction.',
    ),
    earlyLifeReferralMultiplier: Type.Optional(
      NonNegative('Multiplies referralMonthly during the early-life months; 1 by default.', 50),
    ),
    renewal: Type.Optional(RenewalSpec),
  },
  {
    additionalProperties: false,
    description:
      'A customer segment: differs in margin, churn, contact rate and digital propensity ("likely margin" versus "likely sales").',
  },
);
export type SegmentSpec = Static<typeof SegmentSpec>;

export const PopulationSpec = Type.Object(
  {
    initialCustomers: Type.Integer({
      minimum: 0,
      maximum: 1e9,
      description: 'Customers the company has at month 0.',
    }),
    segmentMix: Shares('Segment mix of the customers at month 0.'),
    initialTenureMonths: Type.Integer({
      minimum: 0,
      maximum: 360,
      description:
        'Mean tenure of the customers at month 0; individual tenures are spread evenly from 0 to twice this, so renewals and early-life months fall all year round as in a real book.',
    }),
  },
  { additionalProperties: false },
);
export type PopulationSpec = Static<typeof PopulationSpec>;

export const SourceSpec = Type.Object(
  {
    label: Label,
    mode: Type.Union([Type.Literal('budget'), Type.Literal('volume')], {
      description:
        'budget: a monthly spend buys customers at a cost per acquisition that rises with spend; volume: a fixed number of customers a month at a fixed cost each.',
    }),
    monthlyBudget: Money('Media spend per month (budget mode).'),
    monthlyVolume: NonNegative(
      'Customers acquired per month (volume mode).',
      LIMITS.maxAcquisitionsPerMonth,
    ),
    costPerAcquisition: Money(
      'Cost per acquired customer: at the reference budget (budget mode) or flat (volume mode).',
    ),
    referenceMonthlyBudget: Type.Number({
      exclusiveMinimum: 0,
      maximum: LIMITS.maxMoney,
      description: 'Budget at which the cost per acquisition is costPerAcquisition.',
    }),
    spendElasticity: Type.Number({
      minimum: 0,
      maximum: 1,
      description:
        'Diminishing returns: cost per acquisition grows as (spend / reference)^elasticity; 0 = constant.',
    }),
    segmentMix: Shares('Segment mix of the customers this source brings.'),
    presalesContactsPerAcquisition: Type.Optional(
      NonNegative(
        'Calls prospects make before buying, per customer the source would win (a would-be customer calls with probability min(1, this)).',
        100,
      ),
    ),
    presalesChannel: Type.Optional(Id),
    presalesReachShare: Type.Optional(
      Probability(
        'Share of prospects wanting to call who find a number to call (1 by default; lower it to model a number taken off the website). Only those who find one add to the queue.',
      ),
    ),
    presalesLostIfUnanswered: Type.Optional(
      Probability(
        'Share of prospects whose presales call goes unanswered (no number found, or hung up in the queue) who then buy elsewhere (0 by default: calls are load only).',
      ),
    ),
    startMonth: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.maxHorizonMonths,
        description: 'First active month.',
      }),
    ),
    endMonth: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.maxHorizonMonths,
        description: 'Last active month.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'An acquisition source (paid search, social, partners, branch …).',
  },
);
export type SourceSpec = Static<typeof SourceSpec>;

export const ReferralSpec = Type.Object(
  {
    costPerReferral: Money('Bonus paid per referred customer (counted as acquisition spend).'),
    segmentMix: Shares('Segment mix of referred customers.'),
  },
  {
    additionalProperties: false,
    description: 'Customers who arrive because a customer referred them.',
  },
);
export type ReferralSpec = Static<typeof ReferralSpec>;

export const StaffedChannelSpec = Type.Object(
  {
    kind: Type.Literal('staffed'),
    label: Label,
    openHour: Type.Integer({
      minimum: 0,
      maximum: 23,
      description: 'Hour the channel opens (0–23).',
    }),
    closeHour: Type.Integer({
      minimum: 1,
      maximum: 24,
      description: 'Hour it closes (1–24, after openHour).',
    }),
    openDaysPerMonth: Type.Number({
      minimum: 1,
      maximum: 31,
      description: 'Days a month the channel is open.',
    }),
    intradayProfile: Type.Array(Type.Number({ minimum: 0, maximum: 1e6 }), {
      minItems: 1,
      maxItems: 24,
      description:
        'Relative arrival weight of each open hour (one number per hour from openHour), e.g. a Monday-morning peak.',
    }),
    agents: Type.Integer({
      minimum: 0,
      maximum: LIMITS.maxAgentsPerHour,
      description: 'Agents on duty in each open hour (used when agentsByHour is absent).',
    }),
    agentsByHour: Type.Optional(
      Type.Array(Type.Integer({ minimum: 0, maximum: LIMITS.maxAgentsPerHour }), {
        minItems: 1,
        maxItems: 24,
        description: 'Agents on duty in each open hour (one number per hour from openHour).',
      }),
    ),
    ahtMinutes: Type.Number({
      exclusiveMinimum: 0,
      maximum: 600,
      description: 'Average handle time per contact, minutes (talk + hold + wrap-up).',
    }),
    patienceMinutes: Type.Union(
      [Type.Number({ exclusiveMinimum: 0, maximum: 10000 }), Type.Null()],
      {
        description:
          'Mean time callers wait before hanging up (exponential patience); null = nobody abandons.',
      },
    ),
    firstContactResolution: Probability(
      'Probability an answered contact resolves the need at average quality.',
    ),
    costPerAgentHour: Money('Fully loaded cost of an agent hour, paid whether busy or not.'),
    costPerHandledMinute: Money('Variable cost per handled minute (telephony, systems).'),
    shrinkage: Type.Number({
      minimum: 0,
      maximum: 0.9,
      description: 'Share of paid hours not available for contacts (breaks, training, absence).',
    }),
    expectedWaitMinutes: Type.Number({
      exclusiveMinimum: 0,
      maximum: 10000,
      description: 'Wait customers accept without losing satisfaction.',
    }),
    serviceLevelTargetSeconds: Type.Integer({
      minimum: 0,
      maximum: 86400,
      description: 'Threshold T of the service level "answered within T seconds".',
    }),
  },
  {
    additionalProperties: false,
    description: 'A channel staffed by people (call centre, chat, branch), simulated as a queue.',
  },
);
export type StaffedChannelSpec = Static<typeof StaffedChannelSpec>;

export const SelfServiceChannelSpec = Type.Object(
  {
    kind: Type.Literal('selfService'),
    label: Label,
    successRate: Probability(
      'Probability a self-service attempt resolves the need at average quality.',
    ),
    costPerContact: Money('Cost per self-service contact.'),
    fallbackRate: Probability(
      'Share of failed attempts that move on to a staffed channel ("digital drives calls"); the rest give up unresolved.',
    ),
  },
  {
    additionalProperties: false,
    description: 'A self-service channel (app, web, community).',
  },
);
export type SelfServiceChannelSpec = Static<typeof SelfServiceChannelSpec>;

export const ChannelSpec = Type.Union([StaffedChannelSpec, SelfServiceChannelSpec], {
  description: 'A service channel, staffed or self-service (see `kind`).',
});
export type ChannelSpec = Static<typeof ChannelSpec>;

export const TouchpointSpec = Type.Object(
  {
    label: Label,
    monthlyProbability: Probability(
      'Probability an active customer has this need in a month (before the segment multipliers).',
    ),
    segmentMultipliers: Type.Optional(
      IdMap(Type.Number({ minimum: 0, maximum: 50 }), {
        description: 'Per-segment multiplier of the contact probability (default 1).',
      }),
    ),
    fromTenureMonth: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 600,
        description: 'First month of tenure it can happen (0 = the month acquired).',
      }),
    ),
    toTenureMonth: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 600,
        description: 'Last month of tenure it can happen.',
      }),
    ),
    renewalMonthsOnly: Type.Optional(
      Type.Boolean({
        description: "Happens only in a customer's renewal months (segments with `renewal`).",
      }),
    ),
    quality: Type.Optional(QualityLevel),
    eventSatisfactionDelta: Type.Optional(
      Type.Number({
        minimum: -10,
        maximum: 10,
        description:
          'Satisfaction change of the event itself, before any service (e.g. −2 for a card declined abroad).',
      }),
    ),
    selfService: Type.Optional(
      Type.Object(
        {
          channel: Id,
          suitability: Probability(
            'Share of digitally inclined customers for whom this need suits self-service.',
          ),
        },
        { additionalProperties: false },
      ),
    ),
    staffed: Type.Optional(Shares('Staffed channels that serve this need, by share.')),
  },
  {
    additionalProperties: false,
    description:
      'A moment in a journey when a customer needs the company: a contact probability, a channel choice and an experience quality.',
  },
);
export type TouchpointSpec = Static<typeof TouchpointSpec>;

export const JOURNEY_KINDS = [
  'onboarding',
  'servicing',
  'billing',
  'renewal',
  'incident',
  'sales',
] as const;

export const JourneySpec = Type.Object(
  {
    label: Label,
    kind: Type.Union(JOURNEY_KINDS.map((kind) => Type.Literal(kind))),
    quality: QualityLevel,
    touchpoints: IdMap(TouchpointSpec, {
      description: 'Touchpoints of the journey by id.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'A customer journey (onboarding, servicing, billing, renewal, incident, sales); touchpoints inherit its quality unless they set their own.',
  },
);
export type JourneySpec = Static<typeof JourneySpec>;

export const BehaviourSpec = Type.Object(
  {
    satisfactionDriftPerMonth: Probability(
      'Share of the gap to the segment baseline that satisfaction closes each month (memory fades).',
    ),
    resolvedDelta: Type.Number({
      minimum: -10,
      maximum: 10,
      description: 'Satisfaction change when a contact resolves the need.',
    }),
    unresolvedDelta: Type.Number({
      minimum: -10,
      maximum: 10,
      description: 'Satisfaction change when a contact does not resolve it.',
    }),
    abandonedDelta: Type.Number({
      minimum: -10,
      maximum: 10,
      description: 'Extra satisfaction change when a caller hangs up in the queue.',
    }),
    waitPenaltyPerExpectedWait: NonNegative(
      'Satisfaction points lost per multiple of the expected wait beyond it.',
      10,
    ),
    maxWaitPenalty: NonNegative('Largest satisfaction loss a single wait can cause.', 10),
    giveUpDelta: Type.Number({
      minimum: -10,
      maximum: 10,
      description: 'Satisfaction change when a customer gives up on an open issue.',
    }),
    repeatContactProbability: Probability(
      'Probability an unresolved need brings a repeat contact the next month (else the customer gives up).',
    ),
    openIssueChurnOddsMultiplier: NonNegative(
      'Churn odds multiplier while a need is unresolved.',
      50,
    ),
    churnSatisfactionSensitivity: NonNegative(
      'Log-odds of churn removed per satisfaction point above the baseline.',
      5,
    ),
    crossSellSatisfactionSensitivity: NonNegative(
      'Log-odds of cross-sell added per satisfaction point above the baseline.',
      5,
    ),
    referralSatisfactionSensitivity: NonNegative(
      'Log-odds of referral added per satisfaction point above the baseline.',
      5,
    ),
    promoterThreshold: Type.Number({
      minimum: 0,
      maximum: 10,
      description: 'Satisfaction at or above which a customer counts as a promoter (NPS proxy).',
    }),
    detractorThreshold: Type.Number({
      minimum: 0,
      maximum: 10,
      description: 'Satisfaction at or below which a customer counts as a detractor (NPS proxy).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'How experience moves satisfaction, and satisfaction moves churn, cross-sell and referral.',
  },
);
export type BehaviourSpec = Static<typeof BehaviourSpec>;

export const InvestmentSpec = Type.Object(
  {
    label: Label,
    oneOff: Money('One-off cost paid in the start month.'),
    monthly: Money('Recurring cost per month from the start month.'),
    startMonth: Type.Integer({ minimum: 1, maximum: LIMITS.maxHorizonMonths }),
    endMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.maxHorizonMonths })),
  },
  { additionalProperties: false, description: 'Money a variant spends to change the experience.' },
);
export type InvestmentSpec = Static<typeof InvestmentSpec>;

export const ModelSpec = Type.Object(
  {
    horizonMonths: Type.Integer({
      minimum: 1,
      maximum: LIMITS.maxHorizonMonths,
      description: 'Months simulated.',
    }),
    annualDiscountRate: Type.Number({
      minimum: -0.5,
      maximum: 1,
      description: 'Annual discount rate for NPV (e.g. 0.08 = 8 %).',
    }),
    terminalValue: Type.Boolean({
      description:
        'Add the value of the customers still active at the horizon (margin as a perpetuity with churn) to NPV.',
    }),
    population: PopulationSpec,
    segments: IdMap(SegmentSpec, { minProperties: 1 }),
    sources: IdMap(SourceSpec),
    referrals: ReferralSpec,
    channels: IdMap(ChannelSpec),
    journeys: IdMap(JourneySpec),
    experience: ExperienceSpec,
    behaviour: BehaviourSpec,
    investments: Type.Array(InvestmentSpec, { maxItems: LIMITS.maxInvestments }),
  },
  {
    additionalProperties: false,
    description:
      'Everything the simulation needs about the company, its customers and its channels.',
  },
);
export type ModelSpec = Static<typeof ModelSpec>;

/** The schemas above by name, for the JSON Schema `$defs` and the app's help text. */
export const MODEL_SCHEMAS: Record<string, TSchema> = {
  ModelSpec,
  SegmentSpec,
  PopulationSpec,
  SourceSpec,
  ReferralSpec,
  StaffedChannelSpec,
  SelfServiceChannelSpec,
  ChannelSpec,
  JourneySpec,
  TouchpointSpec,
  ExperienceSpec,
  QualityEffect,
  BehaviourSpec,
  InvestmentSpec,
  RenewalSpec,
};
