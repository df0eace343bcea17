import { describe, expect, it } from 'vitest';
import { getPath } from '@journeycast/scenarios';
import {
  buildPlan,
  comparePlan,
  comparedEntry,
  tornadoPlans,
  workbenchPlan,
} from '../engine/plans.ts';
import {
  CUSTOM_ID,
  allowedRange,
  checkLeverNumber,
  checkLeverValue,
  comparedModel,
  describeLeverValue,
  leverFieldText,
  leverFormat,
  effectiveLeverValues,
  leverRange,
  leverSets,
  modelLeverValue,
} from './levers.ts';
import { overridesFor, scenarioForExport } from './exportScenario.ts';
import { differences, applyMergePatch, createMergePatch } from './diff.ts';
import { describeParameter, economicsRows, formatParameter } from './parameters.ts';
import { DEFAULT_SCENARIO_ID, LIBRARY_IDS, libraryScenario, validateScenario } from './source.ts';

const scenario = libraryScenario(DEFAULT_SCENARIO_ID);
const agents = scenario.levers.find((l) => l.path === 'channels.callCentre.agents')!;
const quality = scenario.levers.find((l) => l.path === 'journeys.onboarding.quality')!;

describe('levers', () => {
  it('check typed values and name the field and range', () => {
    expect(checkLeverValue(agents, '40')).toEqual({ ok: true, value: 40 });
    expect(checkLeverValue(agents, ' 1,000 ').ok).toBe(false);
    const bad = checkLeverValue(agents, '75');
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.message).toBe(
        'Call-centre agents: enter a whole number from 10 to 60 agents per hour (got "75")',
      );
    expect(checkLeverValue(agents, '12.5').ok).toBe(false);
    expect(checkLeverValue(agents, 'abc').ok).toBe(false);
    expect(checkLeverValue(quality, '3')).toEqual({ ok: true, value: 3 });
    expect(checkLeverValue(quality, '4').ok).toBe(false);
  });

  const lever = (path: string) => scenario.levers.find((l) => l.path === path)!;
  const budget = lever('sources.paidSearch.monthlyBudget');
  const fcr = lever('channels.callCentre.firstContactResolution');
  const rate = lever('annualDiscountRate');
  const wage = lever('channels.callCentre.costPerAgentHour');
  const margin = lever('segments.everyday.marginPerProductMonthly');
  const locale = 'en-GB';

  it('show money in its currency, shares and rates in percent, with separators', () => {
    expect(leverFormat(budget)).toMatchObject({ kind: 'money', currency: 'EUR', unit: '/ month' });
    expect(leverFormat(fcr)).toMatchObject({ kind: 'percent', decimals: 0, fieldUnit: '%' });
    expect(leverFormat(rate)).toMatchObject({ kind: 'percent', decimals: 1, unit: 'per year' });
    expect(leverFieldText(budget, 120000, locale)).toBe('120,000');
    expect(leverFieldText(fcr, 0.7, locale)).toBe('70');
    expect(leverFieldText(rate, 0.08, locale)).toBe('8.0');
    expect(leverFieldText(margin, 6.5, locale)).toBe('6.50');
    expect(describeLeverValue(margin, 6.5, locale)).toBe('€6.50 / month');
    expect(describeLeverValue(budget, 120000, locale)).toBe('€120,000 / month');
    expect(describeLeverValue(wage, 38, locale)).toBe('€38');
    expect(describeLeverValue(fcr, 0.7, locale)).toBe('70%');
    expect(describeLeverValue(rate, 0.085, locale)).toBe('8.5% per year');
    expect(describeLeverValue(agents, 1200, locale)).toBe('1,200 agents per hour');
    expect(allowedRange(budget, locale)).toBe('a whole number from €0 to €300,000 / month');
    expect(allowedRange(fcr, locale)).toBe('a number from 50% to 90%');
  });

  it('read typed values in the field’s unit and the locale’s separators', () => {
    expect(checkLeverValue(budget, '120,000', locale)).toEqual({ ok: true, value: 120000 });
    expect(checkLeverValue(budget, '€120,000', locale)).toEqual({ ok: true, value: 120000 });
    expect(checkLeverValue(budget, '120.000,5', 'de-DE').ok).toBe(false);
    expect(checkLeverValue(margin, '6,5', 'de-DE')).toEqual({ ok: true, value: 6.5 });
    expect(checkLeverValue(fcr, '75', locale)).toEqual({ ok: true, value: 0.75 });
    expect(checkLeverValue(fcr, '57 %', locale)).toEqual({ ok: true, value: 0.57 });
    expect(checkLeverValue(rate, '8.5', locale)).toEqual({ ok: true, value: 0.085 });
    const tooLow = checkLeverValue(fcr, '0.75', locale);
    expect(tooLow.ok).toBe(false);
    if (!tooLow.ok)
      expect(tooLow.message).toBe(
        'First-contact resolution: enter a number from 50% to 90% (got "0.75")',
      );
    const tooHigh = checkLeverValue(budget, '400000', locale);
    if (!tooHigh.ok)
      expect(tooHigh.message).toBe(
        'Paid search budget: enter a whole number from €0 to €300,000 / month (got "400000")',
      );
    expect(tooHigh.ok).toBe(false);
  });

  it('check values as the model holds them (drafts, links)', () => {
    expect(checkLeverNumber(fcr, 0.7)).toEqual({ ok: true, value: 0.7 });
    expect(checkLeverNumber(fcr, 70).ok).toBe(false);
    expect(checkLeverNumber(agents, '40').ok).toBe(false);
    expect(checkLeverNumber(agents, 40.5).ok).toBe(false);
  });

  it('write quality levels as names and drop values equal to the variant', () => {
    expect(leverSets(scenario, { 'journeys.onboarding.quality': 3 })).toEqual([
      { path: 'journeys.onboarding.quality', value: 'excellent' },
    ]);
    expect(
      effectiveLeverValues(scenario, 'moreAgents', { 'channels.callCentre.agents': 32 }),
    ).toEqual({});
    expect(
      effectiveLeverValues(scenario, 'moreAgents', { 'channels.callCentre.agents': 33 }),
    ).toEqual({
      'channels.callCentre.agents': 33,
    });
  });

  it('apply lever changes to the compared variant only', () => {
    const plan = workbenchPlan(
      scenario,
      'moreAgents',
      { 'channels.callCentre.agents': 40 },
      'live',
    );
    expect(plan.variants.map((v) => v.id)).toEqual(['baseline', 'moreAgents']);
    expect(getPath(plan.variants[0]!.model, 'channels.callCentre.agents')).toBe(26);
    expect(getPath(plan.variants[1]!.model, 'channels.callCentre.agents')).toBe(40);
    expect(plan.agents).toBe(4000);
    const custom = workbenchPlan(scenario, 'custom', { 'channels.chat.agents': 12 }, 'full');
    expect(getPath(custom.variants[1]!.model, 'channels.chat.agents')).toBe(12);
    expect(getPath(custom.variants[1]!.model, 'channels.callCentre.agents')).toBe(26);
    expect(custom.agents).toBe(scenario.run.agents);
  });

  it('give Custom the workbench lever values on the compare page', () => {
    const levers = { 'channels.chat.agents': 12, 'channels.callCentre.costPerAgentHour': 45 };
    const plan = comparePlan(scenario, ['moreAgents', CUSTOM_ID], {
      variantId: 'moreAgents',
      levers,
    });
    expect(plan.variants.map((v) => v.id)).toEqual(['baseline', 'moreAgents', CUSTOM_ID]);
    const custom = plan.variants[2]!.model;
    expect(getPath(custom, 'channels.chat.agents')).toBe(12);
    // The baseline's own value where no lever moved, and the shared economics everywhere.
    expect(getPath(custom, 'channels.callCentre.agents')).toBe(26);
    for (const v of plan.variants)
      expect(getPath(v.model, 'channels.callCentre.costPerAgentHour')).toBe(45);
    // A scenario variant keeps its own definition.
    expect(getPath(plan.variants[1]!.model, 'channels.chat.agents')).not.toBe(12);
  });

  it('apply economics levers to the baseline too', () => {
    const plan = workbenchPlan(
      scenario,
      'moreAgents',
      { 'channels.callCentre.costPerAgentHour': 45 },
      'live',
    );
    expect(getPath(plan.variants[0]!.model, 'channels.callCentre.costPerAgentHour')).toBe(45);
    expect(getPath(plan.variants[1]!.model, 'channels.callCentre.costPerAgentHour')).toBe(45);
    expect(getPath(plan.variants[1]!.model, 'channels.callCentre.agents')).toBe(32);
  });

  it('sweep every lever to its ends for the tornado', () => {
    const plans = tornadoPlans(scenario, 'moreAgents', {});
    const shared = scenario.levers.filter((l) => l.group === 'economics').length;
    const decisions = scenario.levers.length - shared;
    expect(plans).toHaveLength(1 + 2 * shared);
    const [plan] = plans;
    expect(plan!.variants).toHaveLength(2 + 2 * decisions);
    expect(getPath(plan!.variants[2]!.model, scenario.levers[0]!.path)).toBe(
      scenario.levers[0]!.min,
    );
    expect(plan!.precision).toBeUndefined();
    // A shared lever's end moves both arms of its own plan.
    const economics = plans[1]!;
    const path = scenario.levers.find((l) => l.group === 'economics')!.path;
    expect(getPath(economics.variants[0]!.model, path)).toBe(
      getPath(economics.variants[1]!.model, path),
    );
    expect(
      buildPlan(scenario, [comparedEntry(scenario, 'betterApp', {})], 'live').variants[1]!.model
        .investments,
    ).toHaveLength(1);
  });
});

describe('scenario export', () => {
  it('saves lever changes as a new first variant that reproduces the workbench model', () => {
    const levers = { 'channels.callCentre.agents': 40, 'journeys.onboarding.quality': 3 };
    const { scenario: out, leverVariantId } = scenarioForExport(scenario, 'betterApp', {
      ...levers,
      annualDiscountRate: 0.1,
    });
    expect(out.model.annualDiscountRate).toBe(0.1);
    expect(leverVariantId).toBe('betterApp-levers');
    expect(out.variants[0]!.id).toBe('betterApp-levers');
    expect({ ...out.model, annualDiscountRate: scenario.model.annualDiscountRate }).toEqual(
      scenario.model,
    );
    expect(validateScenario(out).ok).toBe(true);
    const fromFile = workbenchPlan(out, 'betterApp-levers', {}, 'live').variants[1]!.model;
    const fromWorkbench = workbenchPlan(
      scenario,
      'betterApp',
      { ...levers, annualDiscountRate: 0.1 },
      'live',
    ).variants[1]!.model;
    expect(fromFile).toEqual(fromWorkbench);
  });

  it('writes arrays whole when a lever path indexes into one', () => {
    const model = { a: { list: [1, 2, 3] } };
    expect(overridesFor(model, [{ path: 'a.list[1]', value: 9 }])).toEqual({
      a: { list: [1, 9, 3] },
    });
  });
});

describe('diffs', () => {
  it('merge patches round-trip', () => {
    const a = { x: 1, y: { z: [1, 2], w: 'k' }, gone: true };
    const b = { x: 2, y: { z: [1, 3], w: 'k' }, added: 'n' };
    expect(applyMergePatch(a, createMergePatch(a, b))).toEqual(b);
    expect(createMergePatch(a, a)).toBeUndefined();
  });

  it('list the parameters that differ', () => {
    expect(differences({ a: 1, b: { c: 2 } }, { a: 1, b: { c: 3 } })).toEqual([
      { path: 'b.c', baseline: 2, variant: 3 },
    ]);
  });
});

describe('every library scenario', () => {
  it.each(LIBRARY_IDS)('%s: levers read from the model and every plan builds', (id) => {
    const s = libraryScenario(id);
    expect(validateScenario(s).ok).toBe(true);
    for (const variantId of [...s.variants.map((v) => v.id), 'custom']) {
      const model = comparedModel(s, variantId);
      for (const lever of s.levers) {
        const value = modelLeverValue(model, lever);
        expect(value, `${id} ${variantId} ${lever.path}`).toBeTypeOf('number');
      }
      expect(() => workbenchPlan(s, variantId, {}, 'live')).not.toThrow();
    }
    const ends = Object.fromEntries(s.levers.map((l) => [l.path, leverRange(l).max]));
    expect(() => tornadoPlans(s, s.variants[0]?.id ?? 'custom', ends)).not.toThrow();
  });
});

describe('assumptions in words', () => {
  const s = libraryScenario('journey-excellence');
  const base = s.model;
  const wow = comparedModel(s, 'wow');

  it('show an investment the variant adds as its leaves, none on the baseline side', () => {
    const d = differences(base, wow);
    expect(d.some((x) => x.path === 'investments')).toBe(false);
    const oneOff = d.find((x) => x.path === 'investments[0].oneOff')!;
    expect(oneOff).toEqual({
      path: 'investments[0].oneOff',
      baseline: undefined,
      variant: 3000000,
    });
    const info = describeParameter('investments[0].oneOff', [base, wow]);
    expect(info).toEqual({
      label: 'Investment 1 (Journey redesign, portal and training): one-off cost',
      kind: 'money',
    });
    expect(formatParameter(oneOff.variant, info.kind, 'EUR')).toMatch(/^€3,000,000$/);
    expect(formatParameter(oneOff.baseline, info.kind, 'EUR')).toBe('—');
  });

  it('name parameters by their entities and write values in their units', () => {
    const models = [base, wow];
    expect(describeParameter('channels.portal.successRate', models).label).toMatch(
      /: self-service success$/,
    );
    expect(formatParameter(0.7, 'percent', 'EUR')).toBe('70%');
    expect(formatParameter(0.085, 'percent', 'EUR')).toBe('8.5%');
    expect(formatParameter(0.0125, 'percent', 'EUR')).toBe('1.25%');
    expect(formatParameter(38, 'money', 'EUR')).toBe('€38');
    expect(formatParameter(0.1, 'money', 'JPY')).toBe('JP¥0');
    expect(formatParameter('excellent', 'level', 'EUR')).toBe('Excellent');
    expect(formatParameter(null, 'minutes', 'EUR')).toBe('none (no one hangs up)');
    expect(formatParameter(36, 'months', 'EUR')).toBe('36 months');
  });

  it('list the economics the NPV rests on, with the investment only the variant makes', () => {
    const rows = economicsRows(base, wow, s.levers);
    const paths = rows.map((r) => r.path);
    expect(paths.slice(0, 3)).toEqual(['horizonMonths', 'annualDiscountRate', 'terminalValue']);
    expect(paths).toContain('investments[0].monthly');
    const monthly = rows.find((r) => r.path === 'investments[0].monthly')!;
    expect(monthly).toMatchObject({ baseline: undefined, variant: 100000, differs: true });
    expect(rows.find((r) => r.path === 'annualDiscountRate')!.differs).toBe(false);
  });
});
