/**
 * Model parameters in words: a path such as `investments[0].oneOff` becomes "Investment 1 (Journey
 * redesign): one-off cost" and its value "€3,000,000", so the ROI case's assumptions read as a
 * finance document, not as JSON. Names and kinds follow the model schema
 * (packages/models/src/spec/modelSpec.ts), whose field names carry their units.
 */
import type { ModelSpec } from '@journeycast/models';
import { getPath, parsePath, type Lever } from '@journeycast/scenarios';
import { currencyDecimals, formatMoney, formatNumber, formatPercent } from '../format.ts';
import type { Cell } from '../export/table.ts';
import { QUALITY_LABELS } from './levers.ts';

/** What a parameter's number means, which decides how it is written. */
export type ParameterKind =
  | 'money'
  | 'percent'
  | 'count'
  | 'months'
  | 'month'
  | 'minutes'
  | 'seconds'
  | 'hour'
  | 'multiplier'
  | 'points'
  | 'number'
  | 'level'
  | 'flag'
  | 'text';

/** Field names of the model schema: words and kind. */
const FIELDS: Record<string, { label: string; kind: ParameterKind }> = {
  horizonMonths: { label: 'Horizon', kind: 'months' },
  annualDiscountRate: { label: 'Annual discount rate', kind: 'percent' },
  terminalValue: { label: 'Terminal value', kind: 'flag' },
  initialCustomers: { label: 'Customers at the start', kind: 'count' },
  segmentMix: { label: 'Segment mix', kind: 'percent' },
  initialTenureMonths: { label: 'Tenure at the start', kind: 'months' },
  label: { label: 'Name', kind: 'text' },
  marginPerProductMonthly: { label: 'Margin per product per month', kind: 'money' },
  productsAtStart: { label: 'Products at the start', kind: 'count' },
  maxProducts: { label: 'Most products', kind: 'count' },
  baseMonthlyChurn: { label: 'Base monthly churn', kind: 'percent' },
  earlyLifeMonths: { label: 'Early-life months', kind: 'months' },
  earlyLifeChurnMultiplier: { label: 'Early-life churn multiplier', kind: 'multiplier' },
  contactRateMultiplier: { label: 'Contact rate multiplier', kind: 'multiplier' },
  digitalPropensity: { label: 'Digital propensity', kind: 'percent' },
  baselineSatisfaction: { label: 'Baseline satisfaction', kind: 'points' },
  satisfactionSpread: { label: 'Satisfaction spread', kind: 'points' },
  crossSellMonthly: { label: 'Monthly cross-sell probability', kind: 'percent' },
  referralMonthly: { label: 'Monthly referral probability', kind: 'percent' },
  everyMonths: { label: 'Renewal every', kind: 'months' },
  baseNonRenewal: { label: 'Base non-renewal', kind: 'percent' },
  mode: { label: 'Mode', kind: 'text' },
  monthlyBudget: { label: 'Media budget per month', kind: 'money' },
  monthlyVolume: { label: 'Customers per month', kind: 'count' },
  costPerAcquisition: { label: 'Cost per acquisition', kind: 'money' },
  referenceMonthlyBudget: { label: 'Reference budget per month', kind: 'money' },
  spendElasticity: { label: 'Spend elasticity', kind: 'number' },
  presalesContactsPerAcquisition: { label: 'Presales contacts per acquisition', kind: 'number' },
  presalesChannel: { label: 'Presales channel', kind: 'text' },
  startMonth: { label: 'Start', kind: 'month' },
  endMonth: { label: 'End', kind: 'month' },
  costPerReferral: { label: 'Bonus per referral', kind: 'money' },
  kind: { label: 'Kind', kind: 'text' },
  openHour: { label: 'Opens at', kind: 'hour' },
  closeHour: { label: 'Closes at', kind: 'hour' },
  openDaysPerMonth: { label: 'Open days per month', kind: 'number' },
  intradayProfile: { label: 'Intraday arrivals', kind: 'number' },
  agents: { label: 'Agents per hour', kind: 'count' },
  agentsByHour: { label: 'Agents', kind: 'count' },
  ahtMinutes: { label: 'Average handle time', kind: 'minutes' },
  patienceMinutes: { label: 'Mean patience', kind: 'minutes' },
  firstContactResolution: { label: 'First-contact resolution', kind: 'percent' },
  costPerAgentHour: { label: 'Cost per agent hour', kind: 'money' },
  costPerHandledMinute: { label: 'Cost per handled minute', kind: 'money' },
  shrinkage: { label: 'Shrinkage', kind: 'percent' },
  expectedWaitMinutes: { label: 'Expected wait', kind: 'minutes' },
  serviceLevelTargetSeconds: { label: 'Service-level target', kind: 'seconds' },
  successRate: { label: 'Self-service success', kind: 'percent' },
  costPerContact: { label: 'Cost per contact', kind: 'money' },
  fallbackRate: { label: 'Falls back to a staffed channel', kind: 'percent' },
  monthlyProbability: { label: 'Monthly probability', kind: 'percent' },
  segmentMultipliers: { label: 'Multiplier', kind: 'multiplier' },
  fromTenureMonth: { label: 'From tenure month', kind: 'number' },
  toTenureMonth: { label: 'To tenure month', kind: 'number' },
  renewalMonthsOnly: { label: 'Renewal months only', kind: 'flag' },
  quality: { label: 'Quality', kind: 'level' },
  eventSatisfactionDelta: { label: 'Satisfaction change of the event', kind: 'points' },
  channel: { label: 'Channel', kind: 'text' },
  suitability: { label: 'Suits self-service', kind: 'percent' },
  staffed: { label: 'Staffed channel share', kind: 'percent' },
  satisfactionDelta: { label: 'Satisfaction change', kind: 'points' },
  resolutionMultiplier: { label: 'Resolution multiplier', kind: 'multiplier' },
  satisfactionDriftPerMonth: { label: 'Satisfaction drift per month', kind: 'percent' },
  resolvedDelta: { label: 'Satisfaction change when resolved', kind: 'points' },
  unresolvedDelta: { label: 'Satisfaction change when unresolved', kind: 'points' },
  abandonedDelta: { label: 'Satisfaction change when abandoned', kind: 'points' },
  waitPenaltyPerExpectedWait: { label: 'Wait penalty per expected wait', kind: 'points' },
  maxWaitPenalty: { label: 'Largest wait penalty', kind: 'points' },
  giveUpDelta: { label: 'Satisfaction change on giving up', kind: 'points' },
  repeatContactProbability: { label: 'Repeat contact probability', kind: 'percent' },
  openIssueChurnOddsMultiplier: { label: 'Churn odds with an open issue', kind: 'multiplier' },
  churnSatisfactionSensitivity: { label: 'Churn sensitivity to satisfaction', kind: 'number' },
  crossSellSatisfactionSensitivity: {
    label: 'Cross-sell sensitivity to satisfaction',
    kind: 'number',
  },
  referralSatisfactionSensitivity: {
    label: 'Referral sensitivity to satisfaction',
    kind: 'number',
  },
  promoterThreshold: { label: 'Promoter threshold', kind: 'points' },
  detractorThreshold: { label: 'Detractor threshold', kind: 'points' },
  oneOff: { label: 'One-off cost', kind: 'money' },
  monthly: { label: 'Recurring cost per month', kind: 'money' },
};

/** Sections of the model whose next key is an id with a label of its own. */
const ENTITIES = new Set(['segments', 'sources', 'channels', 'journeys', 'touchpoints']);
const SECTIONS: Record<string, string> = {
  population: 'Population',
  referrals: 'Referrals',
  behaviour: 'Behaviour',
  experience: 'Experience',
  renewal: 'Renewal',
  selfService: 'Self-service',
};
/** Maps keyed by an id whose entries are numbers (the id names what the number is for). */
const ID_MAPS = new Set(['segmentMix', 'segmentMultipliers', 'staffed']);

const sentence = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function labelAt(models: readonly unknown[], parts: (string | number)[]): string | undefined {
  for (const model of models) {
    let node: unknown = model;
    for (const p of parts) {
      node =
        typeof p === 'number'
          ? Array.isArray(node)
            ? node[p]
            : undefined
          : node !== null && typeof node === 'object' && Object.hasOwn(node, p)
            ? (node as Record<string, unknown>)[p]
            : undefined;
    }
    if (node !== null && typeof node === 'object' && 'label' in node) {
      const label = (node as { label: unknown }).label;
      if (typeof label === 'string') return label;
    }
  }
  return undefined;
}

export interface ParameterInfo {
  label: string;
  kind: ParameterKind;
}

/**
 * A parameter's name in words and its kind. `models`: where entity labels are looked up (baseline
 * and variant, so a segment only the variant has still gets its name). A lever on the same path
 * lends its label.
 */
export function describeParameter(
  path: string,
  models: readonly ModelSpec[],
  levers: readonly Lever[] = [],
): ParameterInfo {
  const parts = parsePath(path);
  const last = [...parts].reverse().find((p): p is string => typeof p === 'string') ?? path;
  const field = FIELDS[last] ?? { label: last, kind: 'number' as const };
  const lever = levers.find((l) => l.path === path);
  const context: string[] = [];
  let fieldLabel = field.label;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (typeof part === 'string' && ENTITIES.has(part) && typeof next === 'string') {
      context.push(labelAt(models, parts.slice(0, i + 2)) ?? next);
      i++;
    } else if (part === 'investments' && typeof next === 'number') {
      const name = labelAt(models, parts.slice(0, i + 2));
      context.push(`Investment ${next + 1}${name ? ` (${name})` : ''}`);
      i++;
    } else if (part === 'experience' && typeof next === 'string') {
      context.push(`Experience when ${next}`);
      i++;
    } else if (typeof part === 'string' && ID_MAPS.has(part) && typeof next === 'string') {
      const ref = part === 'staffed' ? 'channels' : 'segments';
      fieldLabel = `${field.label}: ${labelAt(models, [ref, next]) ?? next}`;
      i++;
    } else if (typeof part === 'number' && i === parts.length - 1) {
      fieldLabel =
        last === 'intradayProfile'
          ? `${field.label}, hour ${part}`
          : `${field.label} at hour ${part}`;
    } else if (typeof part === 'string' && SECTIONS[part] !== undefined && i < parts.length - 1) {
      context.push(SECTIONS[part]);
    }
  }
  const label =
    lever?.label ??
    (context.length > 0 ? `${context.join(' › ')}: ${sentence(fieldLabel)}` : fieldLabel);
  return { label, kind: field.kind };
}

const plainDigits = (v: number) => formatNumber(v, { maxDecimals: 4 });

/** Digits a percentage needs to show a share exactly (0.7 → 0, 0.085 → 1, 0.0125 → 2), at most 3. */
function percentDecimals(share: number): number {
  for (let d = 0; d < 3; d++) {
    const scaled = share * 100 * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return d;
  }
  return 3;
}

/**
 * A parameter's value in words: money in the scenario's currency, shares in percent, months,
 * minutes. `undefined` (not in this model) is "—"; a null patience is "none (no one hangs up)".
 */
export function formatParameter(value: unknown, kind: ParameterKind, currency: string): string {
  if (value === undefined) return '—';
  if (value === null) return kind === 'minutes' ? 'none (no one hangs up)' : 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : `${value.length} entries`;
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'none' : 'set';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string')
    return kind === 'level'
      ? (QUALITY_LABELS.find((l) => l.toLowerCase() === value) ?? value)
      : value;
  if (typeof value !== 'number') return String(value);
  switch (kind) {
    case 'money':
      return formatMoney(value, currency, {
        decimals: Number.isInteger(value) ? 0 : currencyDecimals(currency),
      });
    case 'percent':
      return formatPercent(value, { decimals: percentDecimals(value) });
    case 'months':
      return `${plainDigits(value)} month${value === 1 ? '' : 's'}`;
    case 'month':
      return `month ${plainDigits(value)}`;
    case 'minutes':
      return `${plainDigits(value)} min`;
    case 'seconds':
      return `${plainDigits(value)} s`;
    case 'hour':
      return `${String(value).padStart(2, '0')}:00`;
    case 'multiplier':
      return `×${plainDigits(value)}`;
    case 'points':
      return `${plainDigits(value)} points`;
    default:
      return plainDigits(value);
  }
}

/**
 * A parameter's value as a spreadsheet cell: money and shares as numbers with a format (they can
 * be summed), everything else as the words the page shows.
 */
export function parameterCell(value: unknown, kind: ParameterKind, currency: string): Cell {
  if (typeof value === 'number') {
    if (kind === 'money') return { value, format: Number.isInteger(value) ? 'money' : 'decimal' };
    if (kind === 'percent') return { value, format: 'percent' };
    if (kind === 'count') return { value, format: Number.isInteger(value) ? 'integer' : 'decimal' };
    if (kind === 'number') return value;
  }
  return formatParameter(value, kind, currency);
}

/** One line of the assumptions: a parameter's value in the baseline and in the variant. */
export interface AssumptionRow {
  path: string;
  label: string;
  kind: ParameterKind;
  baseline: unknown;
  variant: unknown;
  /** Whether the two differ. */
  differs: boolean;
  /** Set by a workbench lever (rather than by the scenario file). */
  lever?: boolean;
}

/**
 * Paths of the economics an NPV rests on, in the model's order: horizon, discount rate and terminal
 * value; each segment's margin; each channel's costs; each source's spend and cost per
 * acquisition; the referral bonus; each investment.
 */
export function economicsPaths(models: readonly ModelSpec[]): string[] {
  const paths = ['horizonMonths', 'annualDiscountRate', 'terminalValue'];
  const add = (path: string) => {
    if (!paths.includes(path) && models.some((m) => getPath(m, path) !== undefined))
      paths.push(path);
  };
  const ids = (key: 'segments' | 'sources' | 'channels') => [
    ...new Set(models.flatMap((m) => Object.keys(m[key]))),
  ];
  for (const id of ids('segments')) add(`segments.${id}.marginPerProductMonthly`);
  for (const id of ids('channels'))
    for (const f of ['costPerAgentHour', 'costPerHandledMinute', 'costPerContact'])
      add(`channels.${id}.${f}`);
  for (const id of ids('sources')) {
    // A source's mode says which of budget and volume it uses; the other is not in play.
    const modes = new Set(models.map((m) => m.sources[id]?.mode));
    if (modes.has('budget')) add(`sources.${id}.monthlyBudget`);
    if (modes.has('volume')) add(`sources.${id}.monthlyVolume`);
    add(`sources.${id}.costPerAcquisition`);
  }
  add('referrals.costPerReferral');
  const investments = Math.max(...models.map((m) => m.investments.length), 0);
  for (let i = 0; i < investments; i++)
    for (const f of ['oneOff', 'monthly', 'startMonth', 'endMonth']) add(`investments[${i}].${f}`);
  return paths;
}

/** The economics the NPV rests on, in the baseline and in the variant. */
export function economicsRows(
  baseline: ModelSpec,
  variant: ModelSpec,
  levers: readonly Lever[] = [],
): AssumptionRow[] {
  const models = [baseline, variant];
  return economicsPaths(models).map((path) => {
    const info = describeParameter(path, models, levers);
    const b = getPath(baseline, path);
    const v = getPath(variant, path);
    return {
      path,
      ...info,
      baseline: b,
      variant: v,
      differs: JSON.stringify(b) !== JSON.stringify(v),
    };
  });
}
