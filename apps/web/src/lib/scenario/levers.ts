/**
 * Levers: the scenario's sliders. A lever's value is a number; quality levers (paths ending in
 * `.quality`) are 0–3 and stand for the levels poor, average, good, excellent, which is what the
 * model holds. Lever changes are what-ifs on the compared variant; the baseline stays as the file
 * says.
 */
import {
  QUALITY_LEVELS,
  qualityFromScore,
  qualityScore,
  type ModelSpec,
} from '@journeycast/models';
import {
  BASELINE_ID,
  getPath,
  variantModel,
  type Lever,
  type Scenario,
} from '@journeycast/scenarios';
import {
  currencyDecimals,
  formatMoney,
  formatNumber,
  formatPercent,
  isCurrencyCode,
  parseLocaleNumber,
} from '../format.ts';

/** The what-if variant: the baseline with only the lever changes. */
export const CUSTOM_ID = 'custom';
export const CUSTOM_LABEL = 'Custom (baseline + levers)';

export const GROUP_LABELS: Record<Lever['group'], string> = {
  staffing: 'Staffing',
  acquisition: 'Acquisition mix',
  experience: 'Experience quality',
  economics: 'Economics',
};

export const QUALITY_LABELS = ['Poor', 'Average', 'Good', 'Excellent'] as const;

/**
 * Economics levers (margins, wages, the discount rate) describe the world both arms of a paired
 * comparison live in, so a change applies to the baseline and the variant alike: a wage or a margin
 * changed on the variant only would show up as a "difference" no decision made, and a discount
 * rate on one arm only has no meaning for an incremental NPV. Every other lever is a decision,
 * tried on the compared variant while the baseline stays as the file says.
 */
export function isSharedLever(lever: Pick<Lever, 'group'>): boolean {
  return lever.group === 'economics';
}

/** Lever values the user set, by lever path. */
export type LeverValues = Record<string, number>;

export function isQualityLever(lever: Pick<Lever, 'path'>): boolean {
  return lever.path.endsWith('.quality');
}

/** The range a lever's value is allowed in (quality levers are always 0–3). */
export function leverRange(lever: Lever): { min: number; max: number; step: number } {
  if (isQualityLever(lever)) return { min: 0, max: QUALITY_LEVELS.length - 1, step: 1 };
  return { min: lever.min, max: lever.max, step: lever.step };
}

/** The model of the compared variant before any lever change (the baseline for Custom). */
export function comparedModel(scenario: Scenario, variantId: string): ModelSpec {
  if (variantId === CUSTOM_ID) return variantModel(scenario, BASELINE_ID);
  return variantModel(scenario, variantId);
}

/** A lever's value in a model, as a slider number (quality levels as 0–3). */
export function modelLeverValue(model: ModelSpec, lever: Lever): number | undefined {
  const value = getPath(model, lever.path);
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && (QUALITY_LEVELS as readonly string[]).includes(value)) {
    return qualityScore(value as (typeof QUALITY_LEVELS)[number]);
  }
  return undefined;
}

/** What a lever value writes into the model (quality levers write a level name). */
export function modelValueOf(lever: Pick<Lever, 'path'>, value: number): number | string {
  return isQualityLever(lever) ? qualityFromScore(value) : value;
}

/**
 * The lever changes as model edits, in the scenario's lever order: all of them (what the compared
 * variant gets), or only the shared ones (what the baseline gets too).
 */
export function leverSets(
  scenario: Scenario,
  values: LeverValues,
  which: 'all' | 'shared' = 'all',
): { path: string; value: number | string }[] {
  return scenario.levers
    .filter((lever) => values[lever.path] !== undefined)
    .filter((lever) => which === 'all' || isSharedLever(lever))
    .map((lever) => ({ path: lever.path, value: modelValueOf(lever, values[lever.path]!) }));
}

/** Only the lever values that the scenario has and that differ from the compared model. */
export function effectiveLeverValues(
  scenario: Scenario,
  variantId: string,
  values: LeverValues,
): LeverValues {
  const model = comparedModel(scenario, variantId);
  const out: LeverValues = {};
  for (const lever of scenario.levers) {
    const value = values[lever.path];
    if (value === undefined) continue;
    if (modelLeverValue(model, lever) !== value) out[lever.path] = value;
  }
  return out;
}

/**
 * Model fields that hold a probability or a rate (the schema's `Probability` fields and the
 * discount rate): their levers read and type in percent, so a strategist sees 70 %, not 0.70.
 */
const PERCENT_FIELDS = new Set([
  'annualDiscountRate',
  'baseMonthlyChurn',
  'baseNonRenewal',
  'crossSellMonthly',
  'digitalPropensity',
  'fallbackRate',
  'firstContactResolution',
  'monthlyProbability',
  'referralMonthly',
  'repeatContactProbability',
  'satisfactionDriftPerMonth',
  'shrinkage',
  'successRate',
  'suitability',
]);

/**
 * How a lever's value is shown and typed: quality levels by name; shares and rates in percent;
 * money (a unit that starts with a currency code, "EUR / month") in that currency; other numbers
 * with thousands separators. `unit` is what follows the number in words ("/ month", "per year");
 * `fieldUnit` labels the number field ("EUR / month", "%", "% per year").
 */
export type LeverFormat =
  | { kind: 'quality' }
  | { kind: 'percent'; decimals: number; unit: string; fieldUnit: string }
  | { kind: 'money'; currency: string; decimals: number; unit: string; fieldUnit: string }
  | { kind: 'number'; decimals: number; unit: string; fieldUnit: string };

export function leverFormat(lever: Lever): LeverFormat {
  if (isQualityLever(lever)) return { kind: 'quality' };
  const unit = lever.unit.trim();
  const field = lever.path.split('.').at(-1) ?? '';
  const decimals = decimalsOf(lever.step);
  if (unit === 'share' || PERCENT_FIELDS.has(field)) {
    const rest = unit === 'share' || unit === '' ? '' : unit;
    return {
      kind: 'percent',
      // 0.01 → whole percents, 0.005 → 0.5 %, 0.0005 → 0.05 %.
      decimals: Math.max(0, decimals - 2),
      unit: rest,
      fieldUnit: rest === '' ? '%' : `% ${rest}`,
    };
  }
  const code = /^([A-Z]{3})\b\s*(.*)$/.exec(unit);
  if (code && isCurrencyCode(code[1]!)) {
    const currency = code[1]!;
    return {
      kind: 'money',
      currency,
      // Whole steps stay whole (€120,000); fractional ones take the currency's cents (€6.50).
      decimals: decimals === 0 ? 0 : Math.max(decimals, currencyDecimals(currency, 'en')),
      unit: code[2]!.trim(),
      fieldUnit: unit,
    };
  }
  return { kind: 'number', decimals, unit, fieldUnit: unit };
}

/** A model value in the unit the lever is typed in (percent for shares), without float noise. */
export function toFieldUnits(lever: Lever, value: number): number {
  const f = leverFormat(lever);
  return f.kind === 'percent' ? Number((value * 100).toFixed(f.decimals + 6)) : value;
}

/** A typed value (in the field's unit) as the model holds it, rounded to the lever's step digits. */
function fromFieldUnits(lever: Lever, value: number): number {
  const f = leverFormat(lever);
  if (f.kind !== 'percent') return value;
  return Number((value / 100).toFixed(Math.max(decimalsOf(lever.step), f.decimals + 2)));
}

/**
 * The number field's text for a value: the lever's unit and the locale's separators, without a
 * currency symbol or % (the field's label names the unit), e.g. "120,000", "70", "8.5".
 */
export function leverFieldText(lever: Lever, value: number, locale?: string): string {
  const f = leverFormat(lever);
  if (f.kind === 'quality') return String(value);
  return formatNumber(toFieldUnits(lever, value), {
    decimals: f.decimals,
    ...(locale !== undefined ? { locale } : {}),
  });
}

/** A lever value without the words of its unit: "€120,000", "70%", "1,200". */
function leverNumberText(lever: Lever, value: number, locale?: string): string {
  const f = leverFormat(lever);
  const loc = locale !== undefined ? { locale } : {};
  if (f.kind === 'quality') return QUALITY_LABELS[Math.round(value)] ?? String(value);
  return f.kind === 'percent'
    ? formatPercent(value, { decimals: f.decimals, ...loc })
    : f.kind === 'money'
      ? formatMoney(value, f.currency, { decimals: f.decimals, ...loc })
      : formatNumber(value, { decimals: f.decimals, ...loc });
}

/** A lever value for display: quality levels by name, money in its currency, shares in percent. */
export function describeLeverValue(lever: Lever, value: number, locale?: string): string {
  const f = leverFormat(lever);
  const text = leverNumberText(lever, value, locale);
  return f.kind !== 'quality' && f.unit ? `${text} ${f.unit}` : text;
}

export type LeverCheck = { ok: true; value: number } | { ok: false; message: string };

function wholeSteps(lever: Lever): boolean {
  const { step } = leverRange(lever);
  return Number.isInteger(step);
}

/**
 * The allowed values, in words, e.g. "a whole number from 10 to 60 agents per hour", "a number
 * from €0 to €300,000 / month", "a number from 50% to 90%".
 */
export function allowedRange(lever: Lever, locale?: string): string {
  const { min, max } = leverRange(lever);
  if (isQualityLever(lever)) return 'a level from 0 (Poor) to 3 (Excellent)';
  const kind = wholeSteps(lever) ? 'a whole number' : 'a number';
  return `${kind} from ${leverNumberText(lever, min, locale)} to ${describeLeverValue(lever, max, locale)}`;
}

/** Whether a model value fits the lever: in its range, whole when it moves in whole steps. */
function fits(lever: Lever, value: number): boolean {
  const { min, max } = leverRange(lever);
  if (!Number.isFinite(value) || value < min || value > max) return false;
  return !wholeSteps(lever) || Number.isInteger(value);
}

/**
 * Checks a value typed in the lever's number field, in the field's unit (percent for shares) as
 * the locale writes numbers: in the lever's range, whole when the lever moves in whole steps. The
 * message names the field and the range, e.g. "Call-centre agents: enter a whole number from 10
 * to 60 agents per hour (got "75")".
 */
export function checkLeverValue(lever: Lever, raw: string, locale?: string): LeverCheck {
  const f = leverFormat(lever);
  // A currency symbol or a % typed with the number is what the label asks for anyway.
  const bare = raw.replace(/%/g, '').replace(/\p{Sc}/gu, '');
  const typed = bare.trim() === '' ? NaN : parseLocaleNumber(bare, locale);
  const value = f.kind === 'quality' ? typed : fromFieldUnits(lever, typed);
  if (fits(lever, value)) return { ok: true, value };
  return {
    ok: false,
    message: `${lever.label}: enter ${allowedRange(lever, locale)} (got ${raw.trim() === '' ? 'nothing' : JSON.stringify(raw.trim())})`,
  };
}

/** Checks a lever value as the model holds it (drafts, share links): a number that fits. */
export function checkLeverNumber(lever: Lever, value: unknown): LeverCheck {
  if (typeof value === 'number' && fits(lever, value)) return { ok: true, value };
  return {
    ok: false,
    message: `${lever.label}: expected ${allowedRange(lever)} as the model holds it, got ${JSON.stringify(value)}`,
  };
}

export function decimalsOf(step: number): number {
  if (Number.isInteger(step)) return 0;
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.split('.')[1]?.length ?? 0;
}
