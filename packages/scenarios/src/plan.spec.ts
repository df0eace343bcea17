import { describe, expect, it } from 'vitest';
import { libraryScenario } from './library.ts';
import {
  BASELINE_ID,
  customersPerAgent,
  getPath,
  mergeOverrides,
  parsePath,
  planFromScenario,
  setPath,
  variantModel,
} from './plan.ts';

const scenario = libraryScenario('default');

describe('mergeOverrides', () => {
  it('merges objects key by key and replaces arrays and values, leaving the base untouched', () => {
    const base = { a: { b: 1, c: 2 }, list: [1, 2, 3], v: 'x' };
    const merged = mergeOverrides(base, { a: { c: 5, d: 6 }, list: [9], v: 'y' });
    expect(merged).toEqual({ a: { b: 1, c: 5, d: 6 }, list: [9], v: 'y' });
    expect(base).toEqual({ a: { b: 1, c: 2 }, list: [1, 2, 3], v: 'x' });
  });

  it('copies what it merges in, so later changes to the overrides do not leak', () => {
    const overrides = { a: { deep: { x: 1 } } };
    const merged = mergeOverrides({ a: {} }, overrides);
    overrides.a.deep.x = 2;
    expect(merged).toEqual({ a: { deep: { x: 1 } } });
  });

  it('refuses prototype keys and never pollutes Object.prototype', () => {
    expect(() =>
      mergeOverrides({ a: {} }, JSON.parse('{"__proto__": {"polluted": true}}')),
    ).toThrow('__proto__: this key is not allowed');
    expect(() =>
      mergeOverrides(
        { a: {} },
        JSON.parse('{"a": {"constructor": {"prototype": {"polluted": true}}}}'),
      ),
    ).toThrow('a.constructor: this key is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parsePath', () => {
  it('splits dotted paths with array indices', () => {
    expect(parsePath('channels.callCentre.agentsByHour[3]')).toEqual([
      'channels',
      'callCentre',
      'agentsByHour',
      3,
    ]);
    expect(parsePath('a[0][1].b')).toEqual(['a', 0, 1, 'b']);
    expect(parsePath('card-declined.quality')).toEqual(['card-declined', 'quality']);
  });

  it('refuses malformed paths and prototype keys', () => {
    expect(() => parsePath('a..b')).toThrow('a..b: not a valid path');
    expect(() => parsePath('a[x]')).toThrow('not a valid path');
    expect(() => parsePath('')).toThrow('not a valid path');
    expect(() => parsePath('a.__proto__.b')).toThrow('"__proto__" is not allowed in a path');
    expect(() => parsePath('constructor')).toThrow('"constructor" is not allowed in a path');
  });
});

describe('getPath and setPath', () => {
  it('read and write existing paths', () => {
    const model = structuredClone(scenario.model);
    expect(getPath(model, 'channels.callCentre.agents')).toBe(26);
    expect(getPath(model, 'channels.callCentre.intradayProfile[1]')).toBe(
      model.channels.callCentre!.kind === 'staffed'
        ? model.channels.callCentre!.intradayProfile[1]
        : undefined,
    );
    setPath(model, 'channels.callCentre.agents', 40);
    expect(getPath(model, 'channels.callCentre.agents')).toBe(40);
    expect(getPath(model, 'channels.nope.agents')).toBeUndefined();
    expect(getPath(model, 'toString')).toBeUndefined();
  });

  it('refuse paths that do not exist and prototype keys', () => {
    const model = structuredClone(scenario.model);
    expect(() => setPath(model, 'channels.nope.agents', 1)).toThrow(
      'channels.nope.agents: no such path in the model',
    );
    expect(() => setPath(model, 'investments[99]', 1)).toThrow('no such path');
    expect(() => setPath(model, '__proto__.polluted', true)).toThrow(
      '"__proto__" is not allowed in a path',
    );
    expect(() => setPath(model, 'channels.constructor', {})).toThrow(
      '"constructor" is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('planFromScenario', () => {
  it('puts the baseline first and every variant after it, with its overrides and investments', () => {
    const plan = planFromScenario(scenario);
    expect(plan.variants.map((v) => v.id)).toEqual([
      BASELINE_ID,
      ...scenario.variants.map((v) => v.id),
    ]);
    const moreAgents = plan.variants.find((v) => v.id === 'moreAgents')!;
    expect(getPath(moreAgents.model, 'channels.callCentre.agents')).toBe(32);
    const betterApp = plan.variants.find((v) => v.id === 'betterApp')!;
    expect(betterApp.model.investments).toEqual([
      ...scenario.model.investments,
      ...scenario.variants.find((v) => v.id === 'betterApp')!.investments,
    ]);
    expect(plan.seed).toBe(scenario.run.seed);
    expect(plan.replications).toBe(scenario.run.replications);
    expect(plan.agents).toBe(scenario.run.agents);
    expect(plan.customersPerAgent).toBe(
      scenario.model.population.initialCustomers / scenario.run.agents,
    );
    expect(plan.precision).toEqual(scenario.run.precision);
  });

  it('takes options: variants, replications, agents, seed, precision off', () => {
    const plan = planFromScenario(scenario, {
      variants: ['betterApp'],
      replications: 7,
      agents: 100,
      seed: 9,
      precision: false,
    });
    expect(plan.variants.map((v) => v.id)).toEqual([BASELINE_ID, 'betterApp']);
    expect([plan.replications, plan.agents, plan.seed, plan.precision]).toEqual([
      7,
      100,
      9,
      undefined,
    ]);
    expect(plan.customersPerAgent).toBe(customersPerAgent(scenario, 100));
  });

  it('applies `set` to the baseline so every variant inherits it, and `setOnVariants` after overrides', () => {
    const plan = planFromScenario(scenario, {
      set: [
        { path: 'channels.chat.agents', value: 12 },
        { path: 'channels.callCentre.agents', value: 20 },
      ],
      setOnVariants: [{ path: 'annualDiscountRate', value: 0.1 }],
    });
    for (const v of plan.variants) expect(getPath(v.model, 'channels.chat.agents')).toBe(12);
    expect(getPath(plan.variants[0]!.model, 'channels.callCentre.agents')).toBe(20);
    expect(
      getPath(
        plan.variants.find((v) => v.id === 'moreAgents')!.model,
        'channels.callCentre.agents',
      ),
    ).toBe(32);
    expect(plan.variants[0]!.model.annualDiscountRate).toBe(scenario.model.annualDiscountRate);
    expect(plan.variants[1]!.model.annualDiscountRate).toBe(0.1);
    expect(scenario.model.channels.chat).toMatchObject({ agents: 8 });
  });

  it('names the variants a scenario has when asked for one it lacks', () => {
    expect(() => variantModel(scenario, 'nope')).toThrow(
      'variant "nope" is not in the scenario (it has: baseline, moreAgents, betterApp, journeyExcellence)',
    );
  });
});
