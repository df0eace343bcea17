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

export type LeverCheck = { ok: true; value: number } | { ok: false; message: string };

function wholeSteps(lever: Lever): boolean {
  const { step } = leverRange(lever);
  return Number.isInteger(step);
}

/** The allowed values, in words, e.g. "a whole number from 10 to 60 agents per hour". */
export function allowedRange(lever: Lever): string {
  const { min, max } = leverRange(lever);
  if (isQualityLever(lever)) return 'a level from 0 (Poor) to 3 (Excellent)';
  const kind = wholeSteps(lever) ? 'a whole number' : 'a number';
  const unit = lever.unit ? ` ${lever.unit}` : '';
  return `${kind} from ${min} to ${max}${unit}`;
}

/**
 * Checks a typed value: a number in the lever's range (whole when the lever moves in whole steps).
 * The message names the field and the range, e.g. "Call-centre agents: enter a whole number from
 * 10 to 60 agents per hour (got 75)".
 */
export function checkLeverValue(lever: Lever, raw: string): LeverCheck {
  const { min, max } = leverRange(lever);
  const text = raw.trim().replace(/[\s,_]/g, '');
  const value = text === '' ? NaN : Number(text);
  const fail = (): LeverCheck => ({
    ok: false,
    message: `${lever.label}: enter ${allowedRange(lever)} (got ${raw.trim() === '' ? 'nothing' : JSON.stringify(raw.trim())})`,
  });
  if (!Number.isFinite(value)) return fail();
  if (value < min || value > max) return fail();
  if (wholeSteps(lever) && !Number.isInteger(value)) return fail();
  return { ok: true, value };
}

/** A lever value for display: quality levels by name, numbers with their unit. */
export function describeLeverValue(lever: Lever, value: number): string {
  if (isQualityLever(lever)) return QUALITY_LABELS[Math.round(value)] ?? String(value);
  const digits = decimalsOf(lever.step);
  const number = new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.max(digits, 4),
  }).format(value);
  return lever.unit ? `${number} ${lever.unit}` : number;
}

export function decimalsOf(step: number): number {
  if (Number.isInteger(step)) return 0;
  const text = String(step);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.split('.')[1]?.length ?? 0;
}
