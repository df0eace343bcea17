import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../plan.ts';
import { Scenario } from '../schema/scenarioSchema.ts';
import { ModelOverrides } from '../schema/overridesSchema.ts';
import { PATTERN_MEANINGS, type SchemaNode } from './describe.ts';
import { capErrors, formatScenarioError } from './errors.ts';
import { validateScenario } from './validateScenario.ts';

/** The default scenario as a plain object to break in each test. */
const base = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('../../library/default.json', import.meta.url), 'utf8'));

/** The rendered errors of a scenario (empty when valid). */
function errorsOf(input: unknown): string[] {
  const result = validateScenario(input);
  return result.ok ? [] : result.errors.map(formatScenarioError);
}

describe('validateScenario', () => {
  it('accepts the default scenario and returns a copy', () => {
    const input = base();
    const result = validateScenario(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario).toEqual(input);
    expect(result.scenario).not.toBe(input);
    expect(result.scenario.model).not.toBe(input.model);
  });

  it('says what was expected and what was found for a wrong type', () => {
    const s = base();
    s.model.channels.callCentre.agents = '26';
    s.model.terminalValue = 'no';
    s.levers = {};
    expect(errorsOf(s)).toEqual([
      'model.terminalValue: expected true or false, got "no"',
      'model.channels.callCentre.agents: expected a whole number between 0 and 5000, got "26"',
      'levers: expected an array, got an object',
    ]);
  });

  it('names a missing key and what it should hold', () => {
    const s = base();
    delete s.model.channels.callCentre.ahtMinutes;
    delete s.run;
    expect(errorsOf(s)).toEqual([
      'model.channels.callCentre: missing key "ahtMinutes" (a number > 0 and ≤ 600)',
      'missing key "run" (an object)',
    ]);
  });

  it('refuses an unknown key and suggests the one meant', () => {
    const s = base();
    s.model.channels.callCentre.agnets = 30;
    s.run.replicatons = 10;
    s.model.behaviour.zzz = 1;
    expect(errorsOf(s)).toEqual([
      'run: unknown key "replicatons" (did you mean "replications"?)',
      'model.channels.callCentre: unknown key "agnets" (did you mean "agents"?)',
      'model.behaviour: unknown key "zzz"',
    ]);
  });

  it('reports an out-of-range value with the bound it breaks, in an override too', () => {
    const s = base();
    s.variants[1].overrides = { channels: { callCentre: { agents: -3 } } };
    s.model.channels.chat.firstContactResolution = 1.2;
    s.model.channels.callCentre.ahtMinutes = 0;
    expect(errorsOf(s)).toEqual([
      'model.channels.callCentre.ahtMinutes: expected a number > 0, got 0',
      'model.channels.chat.firstContactResolution: expected a number ≤ 1, got 1.2',
      'variants[1].overrides.channels.callCentre.agents: expected a whole number ≥ 0, got -3',
    ]);
  });

  it('lists the allowed values of an enumeration', () => {
    const s = base();
    s.model.journeys.onboarding.quality = 'great';
    s.levers[0].group = 'staff';
    expect(errorsOf(s)).toEqual([
      'model.journeys.onboarding.quality: expected one of poor, average, good, excellent, got "great"',
      'levers[0].group: expected one of staffing, acquisition, experience, economics, got "staff"',
    ]);
  });

  it('says what a pattern means rather than showing it', () => {
    const s = base();
    s.currency = 'euro';
    s.id = '1st';
    s.model.segments['my segment'] = s.model.segments.everyday;
    expect(errorsOf(s)).toEqual([
      'id: expected an identifier: a letter, then letters, digits, _ or - (at most 64 characters), got "1st"',
      'currency: expected a three-letter ISO 4217 currency code in capitals, e.g. EUR, got "euro"',
      'model.segments: key "my segment" is not an identifier: a letter, then letters, digits, _ or - (at most 64 characters)',
    ]);
  });

  it('knows what every pattern of the schema means', () => {
    const patterns = new Set<string>();
    const visit = (node: unknown) => {
      // The overrides placeholder is never walked: ModelOverrides stands in for it.
      if (typeof node !== 'object' || node === null || 'x-overrides-of' in node) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'pattern' && typeof value === 'string') patterns.add(value);
        if (key === 'patternProperties')
          for (const p of Object.keys(value as object)) patterns.add(p);
        visit(value);
      }
    };
    visit(Scenario);
    visit(ModelOverrides);
    expect([...patterns].filter((p) => !Object.hasOwn(PATTERN_MEANINGS, p))).toEqual([]);
  });

  it('finds ids that name nothing (checkModel), with the model. prefix', () => {
    const s = base();
    s.model.sources.paidSearch.presalesChannel = 'callCenter';
    s.model.journeys.servicing.touchpoints.accountQuestion.selfService.channel = 'callCentre';
    expect(errorsOf(s)).toEqual([
      'model.sources.paidSearch.presalesChannel: expected one of the staffed channels (callCentre, chat, branch), got callCenter',
      'model.journeys.servicing.touchpoints.accountQuestion.selfService.channel: expected one of the self-service channels (app, web), got callCentre',
    ]);
  });

  it('finds shares that do not sum to 1, in the baseline and in a variant', () => {
    const s = base();
    s.model.population.segmentMix.everyday = 0.6;
    s.variants[0].overrides = { referrals: { segmentMix: { everyday: 0.9 } } };
    expect(errorsOf(s)).toEqual([
      'model.population.segmentMix: expected shares summing to 1, got shares summing to 1.1',
      'variants[0].overrides.referrals.segmentMix: expected shares summing to 1, got shares summing to 1.4',
    ]);
  });

  it('reports a merged-model problem where no override names the path', () => {
    const s = base();
    s.variants[0].overrides = { channels: { callCentre: { closeHour: 18 } } };
    expect(errorsOf(s)).toEqual([
      'variants[0] (merged model): channels.callCentre.intradayProfile: expected 10 hourly weights (one per open hour 8–18), got 12',
    ]);
  });

  it('requires a new record entry in overrides to be complete after merging', () => {
    const s = base();
    s.variants[0].overrides = {
      channels: { bot: { kind: 'selfService', label: 'Chatbot', successRate: 0.5 } },
    };
    expect(errorsOf(s)).toEqual([
      'variants[0].overrides.channels.bot: missing key "costPerContact" (a number between 0 and 1e12)',
      'variants[0].overrides.channels.bot: missing key "fallbackRate" (a number between 0 and 1)',
    ]);
  });

  it('checks overrides against the model schema: only keys the model has', () => {
    const s = base();
    s.variants[0].overrides = { channels: { callCentre: { agnets: 30 } }, horizon: 12 };
    expect(errorsOf(s)).toEqual([
      'variants[0].overrides.channels.callCentre: unknown key "agnets" (did you mean "agents"?)',
      'variants[0].overrides: unknown key "horizon" (did you mean "horizonMonths"?)',
    ]);
  });

  it("reports a variant's own investment under its path", () => {
    const s = base();
    s.variants[1].investments[0].startMonth = 40;
    expect(errorsOf(s)).toEqual([
      'variants[1].investments[0].startMonth: expected a month within the horizon (≤ 36), got 40',
    ]);
  });

  it('discriminates channels by kind, so errors are about the branch meant', () => {
    const s = base();
    s.model.channels.app.agents = 3;
    s.model.channels.web.kind = 'portal';
    s.model.channels.chat.patienceMinutes = -1;
    s.model.channels.branch.patienceMinutes = 'long';
    expect(errorsOf(s)).toEqual([
      'model.channels.chat.patienceMinutes: expected a number > 0, got -1',
      'model.channels.branch.patienceMinutes: expected a number > 0 and ≤ 10000, or null, got "long"',
      'model.channels.app: unknown key "agents" (expected one of kind, label, successRate, costPerContact, fallbackRate)',
      'model.channels.web.kind: expected one of staffed, selfService, got "portal"',
    ]);
  });

  it('handles NaN, ±Infinity and -0 sensibly', () => {
    const s = base();
    s.model.annualDiscountRate = NaN;
    s.model.channels.callCentre.ahtMinutes = Infinity;
    s.model.channels.callCentre.costPerHandledMinute = -Infinity;
    s.model.channels.chat.costPerHandledMinute = -0; // −0 is 0: allowed where 0 is
    expect(errorsOf(s)).toEqual([
      'model.annualDiscountRate: expected a finite number, got NaN',
      'model.channels.callCentre.ahtMinutes: expected a finite number, got Infinity',
      'model.channels.callCentre.costPerHandledMinute: expected a finite number, got -Infinity',
    ]);
    const ok = base();
    ok.model.channels.chat.costPerHandledMinute = -0;
    const result = validateScenario(ok);
    expect(result.ok).toBe(true);
    // The copy it returns is plain JSON: −0 written as 0.
    if (result.ok) {
      const chat = result.scenario.model.channels.chat!;
      expect(chat.kind === 'staffed' && Object.is(chat.costPerHandledMinute, 0)).toBe(true);
    }
  });

  it('checks variant ids: unique, and not "baseline"', () => {
    const s = base();
    s.expect = [];
    s.variants[1].id = 'moreAgents';
    s.variants[2].id = 'baseline';
    expect(errorsOf(s)).toEqual([
      'variants[1].id: "moreAgents" is already the id of variants[0]',
      'variants[2].id: "baseline" is reserved: it names the scenario\'s baseline',
    ]);
  });

  it('checks lever paths exist and point at numbers or quality levels', () => {
    const s = base();
    s.levers[0].path = 'channels.callCenter.agents';
    s.levers[1].path = 'channels.chat';
    s.levers[2].path = 'channels..agents';
    s.levers[3].path = 'sources.paidSearch.__proto__';
    expect(errorsOf(s)).toEqual([
      'levers[0].path: the model has no "channels.callCenter" (did you mean "channels.callCentre.agents"?)',
      'levers[1].path: expected the path of a number or a quality level, got an object',
      'levers[2].path: expected a path like channels.callCentre.agents, got "channels..agents"',
      'levers[3].path: expected a path like channels.callCentre.agents, got "sources.paidSearch.__proto__"',
    ]);
  });

  it('checks lever ranges: min ≤ max, step within the range, quality levers 0–3 by 1, bounds of the model', () => {
    const s = base();
    s.levers[0] = { ...s.levers[0], min: 30, max: 10 }; // callCentre.agents
    s.levers[1] = { ...s.levers[1], min: 2, max: 30, step: 40 }; // chat.agents
    s.levers[2] = { ...s.levers[2], max: 1.5 }; // firstContactResolution: a probability
    s.levers[6] = { ...s.levers[6], max: 4 }; // onboarding quality
    s.levers[7] = { ...s.levers[7], step: 0.5 };
    s.levers.push({ ...s.levers[0], path: 'channels.chat.agents', min: 1, max: 10, step: 0.5 });
    expect(errorsOf(s)).toEqual([
      'levers[0].max: expected a number ≥ min (30), got 10',
      'levers[1].step: expected at most max − min (28), got 40',
      'levers[2].max: expected a number ≤ 1 (the most channels.callCentre.firstContactResolution may be), got 1.5',
      'levers[6].max: expected 3 for a quality lever (0 poor, 1 average, 2 good, 3 excellent), got 4',
      'levers[7].step: expected 1 for a quality lever (0 poor, 1 average, 2 good, 3 excellent), got 0.5',
      `levers[${s.levers.length - 1}].path: "channels.chat.agents" is already the path of levers[1]`,
      `levers[${s.levers.length - 1}].step: expected a whole number (channels.chat.agents is a whole number), got 0.5`,
    ]);
  });

  it('does not require a lever to contain the current value', () => {
    const s = base();
    s.levers[0] = { ...s.levers[0], min: 40, max: 60 }; // the baseline has 26 agents
    expect(errorsOf(s)).toEqual([]);
  });

  it('checks expectations: a known variant, a real metric, min and/or max', () => {
    const s = base();
    s.expect = [
      { variant: 'betterApp', metric: 'vsBaseline.pNpvPositive', min: 0.5 },
      { variant: 'betterAp', metric: 'totals.revenue.mean', min: 0 },
      { variant: 'betterApp', metric: 'totals.revnue.mean', min: 0 },
      { variant: 'betterApp', metric: 'totals.revenue', min: 0 },
      { variant: 'baseline', metric: 'vsBaseline.npv.p50', min: 0 },
      { variant: 'betterApp', metric: 'channels.callCenter.abandonRate.mean', max: 0.1 },
      { variant: 'betterApp', metric: 'vsBaseline.roi.p50' },
      { variant: 'betterApp', metric: 'vsBaseline.irr.missing', min: 3, max: 1 },
      { variant: 'betterApp', metric: 'channels.callCentre.serviceLevel.p90', min: 0.8 },
    ];
    expect(errorsOf(s)).toEqual([
      'expect[1].variant: expected baseline or one of the variants (moreAgents, betterApp, journeyExcellence), got "betterAp" (did you mean "betterApp"?)',
      'expect[2].metric: unknown metric "totals.revnue.mean" (did you mean "totals.revenue.mean"?)',
      'expect[3].metric: "totals.revenue" is not a number: add one of .mean, .sd, .se, .p10, .p50, .p90, .min, .max',
      'expect[4].metric: "vsBaseline.npv.p50" compares a variant with the baseline; the baseline has no vsBaseline',
      'expect[5].metric: unknown metric "channels.callCenter.abandonRate.mean" (did you mean "channels.callCentre.abandonRate.mean"?)',
      'expect[6]: expected min, max or both, got neither',
      'expect[7].max: expected a number ≥ min (3), got 1',
    ]);
  });

  it('checks expectations that compare two variants: both exist and differ, the metric exists in both, a margin needs a standard error', () => {
    const s = base();
    s.variants[0].overrides = {
      channels: {
        bot: {
          kind: 'selfService',
          label: 'Chatbot',
          successRate: 0.5,
          costPerContact: 0.05,
          fallbackRate: 0.5,
        },
      },
    };
    s.expect = [
      {
        variant: 'journeyExcellence',
        metric: 'vsBaseline.npv.mean',
        compareTo: 'betterApp',
        min: 0,
        marginSe: 2,
      },
      {
        variant: 'journeyExcellence',
        metric: 'totals.revenue.mean',
        compareTo: 'baseline',
        min: 0,
      },
      {
        variant: 'journeyExcellence',
        metric: 'totals.revenue.mean',
        compareTo: 'betterAp',
        min: 0,
      },
      { variant: 'betterApp', metric: 'totals.revenue.mean', compareTo: 'betterApp', min: 0 },
      { variant: 'betterApp', metric: 'vsBaseline.npv.mean', compareTo: 'baseline', min: 0 },
      {
        variant: 'betterApp',
        metric: 'channels.bot.contacts.mean',
        compareTo: 'moreAgents',
        max: 0,
      },
      {
        variant: 'moreAgents',
        metric: 'channels.bot.contacts.mean',
        compareTo: 'betterApp',
        min: 0,
      },
      {
        variant: 'betterApp',
        metric: 'vsBaseline.npv.p50',
        compareTo: 'moreAgents',
        min: 0,
        marginSe: 2,
      },
      { variant: 'betterApp', metric: 'vsBaseline.roi.mean', min: 0, marginSe: 1 },
    ];
    expect(errorsOf(s)).toEqual([
      'expect[2].compareTo: expected baseline or one of the variants (moreAgents, betterApp, journeyExcellence), got "betterAp" (did you mean "betterApp"?)',
      'expect[3].compareTo: expected a variant other than expect[3].variant ("betterApp"), got "betterApp"',
      'expect[4].metric: for compareTo "baseline": "vsBaseline.npv.mean" compares a variant with the baseline; the baseline has no vsBaseline',
      expect.stringMatching(/^expect\[5\]\.metric: unknown metric "channels\.bot\.contacts\.mean"/),
      expect.stringMatching(
        /^expect\[6\]\.metric: for compareTo "betterApp": unknown metric "channels\.bot\.contacts\.mean"/,
      ),
      'expect[7].marginSe: expected a metric with a standard error for a margin in standard errors (a mean such as totals.revenue.mean or vsBaseline.npv.mean, or vsBaseline.pNpvPositive), got "vsBaseline.npv.p50"',
      'expect[8].marginSe: expected a metric with a standard error for a margin in standard errors (a mean such as totals.revenue.mean or vsBaseline.npv.mean, or vsBaseline.pNpvPositive), got "vsBaseline.roi.mean"',
    ]);
  });

  it('accepts expectations on channels a variant adds', () => {
    const s = base();
    s.variants[0].overrides = {
      channels: {
        bot: {
          kind: 'selfService',
          label: 'Chatbot',
          successRate: 0.5,
          costPerContact: 0.05,
          fallbackRate: 0.5,
        },
      },
    };
    s.expect = [{ variant: 'moreAgents', metric: 'channels.bot.contacts.mean', min: 0 }];
    expect(errorsOf(s)).toEqual([]);
    s.expect = [{ variant: 'betterApp', metric: 'channels.bot.contacts.mean', min: 0 }];
    expect(errorsOf(s)[0]).toMatch(
      /^expect\[0\]\.metric: unknown metric "channels\.bot\.contacts\.mean"/,
    );
  });

  it('requires a precision target to say its target', () => {
    const s = base();
    s.run.precision = { minReplications: 20, checkEvery: 10 };
    expect(errorsOf(s)).toEqual([
      'run.precision: expected relativeHalfWidth, absoluteHalfWidth or both, got neither',
    ]);
  });

  it('reports several errors at once, of every kind', () => {
    const s = base();
    s.title = '';
    s.run.agents = 0;
    s.model.segments.everyday.baseMonthlyChurn = 2;
    s.model.population.segmentMix.everyday = 0.4;
    s.variants[0].overrides.channels.callCentre.agents = 1.5;
    s.levers[0].path = 'channels.nope.agents';
    s.expect = [{ variant: 'moreAgents', metric: 'nope', min: 1 }];
    // The share sum is found beside the schema errors: the model's rules run on what is
    // well-typed (the segment with the bad churn is left out of them, not the whole model).
    expect(errorsOf(s)).toEqual([
      'title: expected non-empty text, got ""',
      'run.agents: expected a whole number ≥ 1, got 0',
      'model.segments.everyday.baseMonthlyChurn: expected a number ≤ 1, got 2',
      'variants[0].overrides.channels.callCentre.agents: expected a whole number between 0 and 5000, got 1.5',
      'model.population.segmentMix: expected shares summing to 1, got shares summing to 0.9',
      'levers[0].path: the model has no "channels.nope" (channels has callCentre, chat, branch, app, web)',
      expect.stringMatching(
        /^expect\[0\]\.metric: unknown metric "nope" \(a metric starts with one of totals, channels, sources, vsBaseline\)$/,
      ),
    ]);
  });

  it('reports a typo, a share sum and a dangling id together: a typo hides nothing', () => {
    const s = base();
    s.model.channels.chat.agentz = 4;
    s.model.population.segmentMix.everyday = 0.7;
    s.model.sources.paidSearch.presalesChannel = 'callCenter';
    expect(errorsOf(s)).toEqual([
      'model.channels.chat: unknown key "agentz" (did you mean "agents"?)',
      'model.population.segmentMix: expected shares summing to 1, got shares summing to 1.2',
      'model.sources.paidSearch.presalesChannel: expected one of the staffed channels (callCentre, chat, branch), got callCenter',
    ]);
  });

  it("checks each variant's merged model while the baseline has schema errors", () => {
    const s = base();
    s.model.channels.chat.agents = -1;
    s.variants[1].overrides.population = { segmentMix: { everyday: 0.4 } };
    expect(errorsOf(s)).toEqual([
      'model.channels.chat.agents: expected a whole number ≥ 0, got -1',
      'variants[1].overrides.population.segmentMix: expected shares summing to 1, got shares summing to 0.9',
    ]);
  });

  it('says nothing of what an invalid value makes of the rules: an entry with a schema error is left out of them', () => {
    const s = base();
    // A channel whose kind is wrong is no staffed channel: the touchpoints and the presales
    // source that name it are not "dangling" for that, and its own hours are not judged.
    s.model.channels.chat.kind = 'staffd';
    s.model.channels.chat.closeHour = 3;
    // A segment with a wrong number: the mixes that name it are not judged against it.
    s.model.segments.premier.maxProducts = 'three';
    // A horizon out of range: investments are not judged against it.
    s.model.horizonMonths = 0;
    expect(errorsOf(s)).toEqual([
      'model.horizonMonths: expected a whole number ≥ 1, got 0',
      'model.segments.premier.maxProducts: expected a whole number between 1 and 20, got "three"',
      'model.channels.chat.kind: expected one of staffed, selfService, got "staffd"',
    ]);
  });

  it('reports only the schema error when one value of a valid file is broken, wherever it is', () => {
    const leaves = (value: unknown, path: string[] = []): string[][] =>
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]))
        : [path];
    const paths = leaves(base().model);
    expect(paths.length).toBeGreaterThan(100);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.boolean(), (path, asObject) => {
        const s = base();
        let node = s.model;
        for (const part of path.slice(0, -1)) node = node[part];
        const last = path[path.length - 1]!;
        // A value of the wrong type, always a schema error: an object, or text for a number
        // (a number for text).
        node[last] = asObject ? {} : typeof node[last] === 'string' ? 7 : 'x';
        const at = `model.${path.join('.')}`;
        const errors = errorsOf(s);
        expect(errors.length, at).toBeGreaterThan(0);
        // Errors about the broken value only: nothing the model's rules, a variant's merged
        // model, a lever or an expectation would make of it.
        for (const error of errors)
          expect(error, at).toMatch(new RegExp(`^${at.replace(/[.[\]]/g, '\\$&')}[.:\\[]`));
      }),
      { numRuns: 400 },
    );
  });

  it('caps the list at 200 errors with a line for the rest', () => {
    const s = base();
    s.model.channels.callCentre.intradayProfile = Array.from({ length: 24 }, () => -1);
    s.levers = Array.from({ length: 40 }, (_, i) => ({
      ...s.levers[0],
      path: `nope${i}`,
      min: 5,
      max: 1,
      step: -1,
    }));
    for (let i = 0; i < 150; i++) s.model.behaviour[`extra${i}`] = i;
    const result = validateScenario(s);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(201);
    expect(result.errors[200]!.message).toMatch(/^… and \d+ more$/);
    expect(capErrors([{ path: 'a', message: 'b' }], 200)).toHaveLength(1);
  });

  it('refuses prototype keys without touching Object.prototype', () => {
    const text = readFileSync(
      new URL('../../library/default.json', import.meta.url),
      'utf8',
    ).replace(
      '"horizonMonths": 36,',
      '"horizonMonths": 36, "__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } },',
    );
    const s = JSON.parse(text);
    s.variants[0].overrides = JSON.parse(
      '{ "__proto__": { "polluted": true }, "channels": { "prototype": {} } }',
    );
    const errors = errorsOf(s);
    expect(errors).toEqual([
      'model: "__proto__" is not allowed as a key',
      'model: "constructor" is not allowed as a key',
      'variants[0].overrides: "__proto__" is not allowed as a key',
      'variants[0].overrides.channels: "prototype" is not allowed as a key',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('says which schema version it reads', () => {
    const older = { ...base(), schemaVersion: 1 };
    expect(errorsOf(older)).toEqual([
      'schemaVersion: a version 1 scenario: load it through the migrations (parseScenarioText or migrateScenario), which bring it to version 2',
    ]);
    expect(errorsOf({ ...base(), schemaVersion: 3 })).toEqual([
      'schemaVersion: written by a newer Journeycast: schemaVersion 3; this build reads up to 2',
    ]);
    expect(errorsOf([1, 2])).toEqual(['expected a scenario (a JSON object), got an array of 2']);
  });

  it('does not change its input', () => {
    const s = base();
    s.variants[0].overrides.channels.callCentre.agents = -1;
    const before = cloneJson(s);
    validateScenario(s);
    expect(s).toEqual(before);
  });
});

describe('the overrides schema', () => {
  it('makes every key optional at every depth but keeps arrays whole', () => {
    const channels = (ModelOverrides.properties!.channels as SchemaNode).patternProperties!;
    const staffed = Object.values(channels)[0]!.anyOf![0]!;
    expect(staffed.required).toBeUndefined();
    expect(staffed.additionalProperties).toBe(false);
    expect((staffed.properties!.intradayProfile as SchemaNode).minItems).toBe(1);
    expect(ModelOverrides.required).toBeUndefined();
  });
});
