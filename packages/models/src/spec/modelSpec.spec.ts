import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import {
  APP_DEFAULTS,
  CALL_CENTRE_DEFAULTS,
  DEFAULT_BEHAVIOUR,
  DEFAULT_EXPERIENCE,
} from '../defaults.ts';
import { northbankJson } from '../testFixtures.ts';
import {
  BehaviourSpec,
  ChannelSpec,
  ExperienceSpec,
  JOURNEY_KINDS,
  LIMITS,
  MODEL_SCHEMAS,
  ModelSpec,
  QUALITY_LEVELS,
  SelfServiceChannelSpec,
  StaffedChannelSpec,
} from './modelSpec.ts';

// Loose access to the JSON, for breaking it on purpose.
type Json = Record<string, any>;

/** The Northbank model with one change; the schema errors' paths (JSON Pointer). */
function errorPathsAfter(change: (model: Json) => void): string[] {
  const model = northbankJson() as Json;
  change(model);
  return [...Value.Errors(ModelSpec, model)].map((e) => e.path);
}

/** The Northbank call centre with one change; the errors of StaffedChannelSpec on it. */
function channelErrorPathsAfter(change: (channel: Json) => void): string[] {
  const channel = (northbankJson() as Json).channels.callCentre as Json;
  change(channel);
  return [...Value.Errors(StaffedChannelSpec, channel)].map((e) => e.path);
}

describe('ModelSpec accepts', () => {
  it("the library's Northbank model", () => {
    const model = northbankJson();
    expect([...Value.Errors(ModelSpec, model)]).toEqual([]);
    expect(Value.Check(ModelSpec, model)).toBe(true);
  });

  it('the calibrated defaults, each against its own schema', () => {
    expect(Value.Check(ExperienceSpec, DEFAULT_EXPERIENCE)).toBe(true);
    expect(Value.Check(BehaviourSpec, DEFAULT_BEHAVIOUR)).toBe(true);
    expect(Value.Check(StaffedChannelSpec, CALL_CENTRE_DEFAULTS)).toBe(true);
    expect(Value.Check(SelfServiceChannelSpec, APP_DEFAULTS)).toBe(true);
    expect(Value.Check(ChannelSpec, CALL_CENTRE_DEFAULTS)).toBe(true);
    expect(Value.Check(ChannelSpec, APP_DEFAULTS)).toBe(true);
  });

  it('a staffed channel where nobody abandons (patience null), and optional fields left out', () => {
    expect(
      Value.Check(StaffedChannelSpec, { ...CALL_CENTRE_DEFAULTS, patienceMinutes: null }),
    ).toBe(true);
    expect(errorPathsAfter((m) => delete m.sources.social.presalesChannel)).toEqual([]);
  });
});

describe('ModelSpec rejects', () => {
  it('a misspelt key (typos must not pass silently)', () => {
    // A channel is a union (staffed or self-service): the model's schema reports the channel as a
    // whole, the member's schema the key itself. The validator picks the member by `kind`.
    expect(errorPathsAfter((m) => (m.channels.callCentre.agnets = 30))).toEqual([
      '/channels/callCentre',
    ]);
    expect(channelErrorPathsAfter((c) => (c.agnets = 30))).toEqual(['/agnets']);
    expect(errorPathsAfter((m) => (m.behaviour.churnSensitivity = 0.3))).toContain(
      '/behaviour/churnSensitivity',
    );
  });

  it('a map key that is not an id, whatever its value', () => {
    expect(errorPathsAfter((m) => (m.channels['call centre'] = 42))).toContain(
      '/channels/call centre',
    );
    expect(errorPathsAfter((m) => (m.population.segmentMix['9lives'] = 0))).toContain(
      '/population/segmentMix/9lives',
    );
  });

  it('a value out of range: a probability above 1, a negative cost, too long a horizon', () => {
    expect(errorPathsAfter((m) => (m.segments.everyday.baseMonthlyChurn = 1.2))).toContain(
      '/segments/everyday/baseMonthlyChurn',
    );
    expect(channelErrorPathsAfter((c) => (c.costPerAgentHour = -1))).toEqual(['/costPerAgentHour']);
    expect(errorPathsAfter((m) => (m.horizonMonths = LIMITS.maxHorizonMonths + 1))).toContain(
      '/horizonMonths',
    );
    expect(channelErrorPathsAfter((c) => (c.shrinkage = 0.95))).toEqual(['/shrinkage']);
  });

  it('a fraction where a whole number belongs, and a zero handle time or patience', () => {
    expect(errorPathsAfter((m) => (m.channels.callCentre.agents = 26.5))).toEqual([
      '/channels/callCentre',
    ]);
    expect(channelErrorPathsAfter((c) => (c.agents = 26.5))).toEqual(['/agents']);
    expect(channelErrorPathsAfter((c) => (c.ahtMinutes = 0))).toEqual(['/ahtMinutes']);
    expect(channelErrorPathsAfter((c) => (c.patienceMinutes = 0))).toContain('/patienceMinutes');
  });

  it('an unknown quality level, journey kind or channel kind', () => {
    expect(errorPathsAfter((m) => (m.journeys.servicing.quality = 'wow'))).toContain(
      '/journeys/servicing/quality',
    );
    expect(errorPathsAfter((m) => (m.journeys.servicing.kind = 'service'))).toContain(
      '/journeys/servicing/kind',
    );
    expect(errorPathsAfter((m) => (m.channels.app.kind = 'digital'))).toContain('/channels/app');
  });

  it('a missing required field, an empty segment map and arrays beyond their limits', () => {
    expect(errorPathsAfter((m) => delete m.behaviour.promoterThreshold)).toContain(
      '/behaviour/promoterThreshold',
    );
    expect(errorPathsAfter((m) => (m.segments = {}))).toContain('/segments');
    expect(channelErrorPathsAfter((c) => (c.intradayProfile = Array(25).fill(1)))).toEqual([
      '/intradayProfile',
    ]);
    const investment = { label: 'x', oneOff: 1, monthly: 0, startMonth: 1 };
    expect(
      errorPathsAfter((m) => (m.investments = Array(LIMITS.maxInvestments + 1).fill(investment))),
    ).toContain('/investments');
  });
});

describe('the schema catalogue', () => {
  it('names every schema the JSON Schema $defs and the help text use', () => {
    expect(Object.keys(MODEL_SCHEMAS).sort()).toEqual(
      [
        'BehaviourSpec',
        'ChannelSpec',
        'ExperienceSpec',
        'InvestmentSpec',
        'JourneySpec',
        'ModelSpec',
        'PopulationSpec',
        'QualityEffect',
        'ReferralSpec',
        'RenewalSpec',
        'SegmentSpec',
        'SelfServiceChannelSpec',
        'SourceSpec',
        'StaffedChannelSpec',
        'TouchpointSpec',
      ].sort(),
    );
  });

  it('lists quality levels from worst to best and the journey kinds', () => {
    expect(QUALITY_LEVELS).toEqual(['poor', 'average', 'good', 'excellent']);
    expect(JOURNEY_KINDS).toEqual([
      'onboarding',
      'servicing',
      'billing',
      'renewal',
      'incident',
      'sales',
    ]);
  });

  it('describes every parameter of the behaviour, segment and channel specs (the help text)', () => {
    const undocumented = (schema: TSchema, skip: string[] = []) =>
      Object.entries((schema as unknown as { properties: Record<string, TSchema> }).properties)
        .filter(([key, s]) => !skip.includes(key) && typeof s.description !== 'string')
        .map(([key]) => key);
    expect(undocumented(BehaviourSpec)).toEqual([]);
    expect(undocumented(MODEL_SCHEMAS.SegmentSpec!, ['label', 'description', 'renewal'])).toEqual(
      [],
    );
    expect(undocumented(StaffedChannelSpec, ['kind', 'label'])).toEqual([]);
    expect(undocumented(SelfServiceChannelSpec, ['kind', 'label'])).toEqual([]);
  });
});
