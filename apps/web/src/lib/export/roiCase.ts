/**
 * The ROI case as a workbook: Summary, Yearly, Monthly and Assumptions sheets, each opening with
 * the audit stamp (scenario hash, seed, replications, engine version, date), so a printed or
 * forwarded sheet still says where its numbers came from.
 */
import type { YearlyRow } from '@journeycast/models';
import { DRIVERS, type RunResult, type Stat, type VariantResult } from '@journeycast/sim-core';
import { parameterCell, type AssumptionRow } from '../scenario/parameters.ts';
import type { LeverRow } from '../state/roiInputs.ts';
import type { Lever } from '@journeycast/scenarios';
import { describeLeverValue, leverFormat } from '../scenario/levers.ts';
import { driverLabel } from '../charts/builders.ts';
import type { Better } from '../direction.ts';
import type { Cell, NumberFormat, Sheet } from './table.ts';

export interface AuditStamp {
  scenarioTitle: string;
  scenarioId: string;
  scenarioHash: string;
  currency: string;
  variantLabel: string;
  seed: number;
  replications: number;
  agents: number;
  engineVersion: string;
  /** ISO date-time the result was completed. */
  generatedAt: string;
  /**
   * Whether the result is the whole run: "Complete: 200 of 200 replications", or "Partial: 12 of
   * 200 replications; an engine worker failed: …" (cancelled or failed runs keep what they had).
   */
  runOutcome: string;
  leverChanges: string[];
}

/** A run setting: its value (a number stays a number in the files) and how the page shows it. */
export interface RunSettingRow {
  label: string;
  value: number | string;
  /** How a spreadsheet shows a numeric value. */
  format?: NumberFormat;
  /** The value as the page shows it: "400,000", "±€150,000", "8.0%". */
  display: string;
}

export interface RoiCaseInput {
  stamp: AuditStamp;
  result: RunResult;
  variantId: string;
  /** Model parameters that differ between baseline and variant. */
  assumptions: AssumptionRow[];
  /** Economics lever changes applied to baseline and variant alike. */
  shared?: AssumptionRow[];
  /** Every lever's value in the baseline and in the variant as run. */
  levers: LeverRow[];
  /** The economics the NPV rests on. */
  economics: AssumptionRow[];
  runSettings: RunSettingRow[];
  /** Whether the model adds a terminal value to NPV (the reconciliation rows say how much). */
  terminalValueOn: boolean;
}

const n = (value: number | null | undefined, format: NumberFormat): Cell => ({
  value: value === undefined || value === null || !Number.isFinite(value) ? null : value,
  format,
});
const bold = (text: string): Cell => ({ text, bold: true });

export function stampRows(stamp: AuditStamp): Cell[][] {
  return [
    [bold('Journeycast ROI case')],
    ['Scenario', `${stamp.scenarioTitle} (${stamp.scenarioId})`],
    ['Scenario hash', stamp.scenarioHash],
    ['Compared variant', stamp.variantLabel],
    ['Lever changes', stamp.leverChanges.length > 0 ? stamp.leverChanges.join('; ') : 'none'],
    ['Currency', stamp.currency],
    ['Seed', stamp.seed],
    ['Replications', stamp.replications],
    ['Run', stamp.runOutcome],
    ['Simulated customers', stamp.agents],
    ['Engine version', stamp.engineVersion],
    ['Generated', stamp.generatedAt],
    [],
  ];
}

/** Year-by-year rows of the difference variant − baseline (cumulative columns recomputed). */
export function deltaYearly(baseline: YearlyRow[], variant: YearlyRow[]): YearlyRow[] {
  return variant.map((v, i) => {
    const b = baseline[i]!;
    return {
      year: v.year,
      months: v.months,
      revenue: v.revenue - b.revenue,
      costToServe: v.costToServe - b.costToServe,
      acquisition: v.acquisition - b.acquisition,
      investment: v.investment - b.investment,
      net: v.net - b.net,
      cumulative: v.cumulative - b.cumulative,
      discountedNet: v.discountedNet - b.discountedNet,
      cumulativeDiscounted: v.cumulativeDiscounted - b.cumulativeDiscounted,
    };
  });
}

/** The columns of the CFO's table (the last row's optional terminal-value fields are not columns). */
export type YearlyColumn =
  | 'revenue'
  | 'costToServe'
  | 'acquisition'
  | 'investment'
  | 'net'
  | 'cumulative'
  | 'discountedNet'
  | 'cumulativeDiscounted';

export const YEARLY_COLUMNS: { key: YearlyColumn; label: string; better: Better }[] = [
  { key: 'revenue', label: 'Revenue', better: 'higher' },
  { key: 'costToServe', label: 'Cost-to-serve', better: 'lower' },
  { key: 'acquisition', label: 'Acquisition', better: 'lower' },
  { key: 'investment', label: 'Investment', better: 'lower' },
  { key: 'net', label: 'Net', better: 'higher' },
  { key: 'cumulative', label: 'Cumulative net', better: 'higher' },
  { key: 'discountedNet', label: 'Discounted net', better: 'higher' },
  { key: 'cumulativeDiscounted', label: 'Cumulative discounted', better: 'higher' },
];

/** One block of the year-by-year table (baseline, variant, or their difference). */
export interface RoiBlock {
  id: 'baseline' | 'variant' | 'delta';
  rows: YearlyRow[];
  /**
   * P10 and P90 of cumulative net cash at each year's end, over replications (each replication's
   * own cumulative sum; for the difference, paired). The rows themselves are means.
   */
  cumulativeRange: ([number, number] | undefined)[];
  /** Cumulative discounted net at the horizon: the last row's, the NPV of the horizon's flows. */
  discountedAtHorizon: number;
  /** Present value of the customers still active at the horizon (0 when the model has it off). */
  terminalValue: number;
  /** discountedAtHorizon + terminalValue: the NPV (mean over replications). */
  npv: number;
  /** P10 and P90 of the NPV over replications (paired for the difference). */
  npvRange: [number, number];
}

/**
 * A variant's mean terminal value (discounted). The yearly table's last row carries it when the
 * engine passes it to models' yearlyTable (`discountedTerminalValue`); until then it is what the
 * NPV holds beyond the flows: the NPV less the last year's cumulative discounted net (means add
 * up, so this is exact to rounding).
 */
export function meanTerminalValue(v: VariantResult): number {
  const last = v.yearly.at(-1);
  return last?.discountedTerminalValue ?? v.totals.npv.mean - (last?.cumulativeDiscounted ?? 0);
}

/**
 * The three blocks of the CFO's table with the reconciliation finance asks for: cumulative
 * discounted + terminal value = NPV. `terminalValueOn`: whether the model adds a terminal value
 * (when off, the NPV is the cumulative discounted net and the rounding residue is not shown as one).
 */
export function roiBlocks(
  base: VariantResult,
  variant: VariantResult,
  terminalValueOn: boolean,
): RoiBlock[] {
  const ends = (rows: YearlyRow[]) =>
    rows.map((r, i) => rows.slice(0, i + 1).reduce((m, x) => m + x.months, 0));
  const rangeAt = (band: { p10: number[]; p90: number[] } | undefined, rows: YearlyRow[]) =>
    ends(rows).map((month): [number, number] | undefined => {
      const lo = band?.p10[month - 1];
      const hi = band?.p90[month - 1];
      return lo === undefined || hi === undefined ? undefined : [lo, hi];
    });
  const level = (id: 'baseline' | 'variant', v: VariantResult): RoiBlock => {
    const discountedAtHorizon = v.yearly.at(-1)?.cumulativeDiscounted ?? 0;
    const terminalValue = terminalValueOn ? meanTerminalValue(v) : 0;
    return {
      id,
      rows: v.yearly,
      cumulativeRange: rangeAt(v.bands.cumulativeNetCash, v.yearly),
      discountedAtHorizon,
      terminalValue,
      npv: discountedAtHorizon + terminalValue,
      npvRange: [v.totals.npv.p10, v.totals.npv.p90],
    };
  };
  const rows = deltaYearly(base.yearly, variant.yearly);
  const paired = variant.vsBaseline;
  const discountedAtHorizon = rows.at(-1)?.cumulativeDiscounted ?? 0;
  // The paired driver is the mean of each replication's terminal-value difference.
  const terminalValue = terminalValueOn
    ? (paired?.drivers.terminalValue?.mean ?? meanTerminalValue(variant) - meanTerminalValue(base))
    : 0;
  return [
    level('baseline', base),
    level('variant', variant),
    {
      id: 'delta',
      rows,
      cumulativeRange: rangeAt(paired?.cumulativeIncrementalNet, rows),
      discountedAtHorizon,
      terminalValue,
      npv: discountedAtHorizon + terminalValue,
      npvRange: paired ? [paired.npv.p10, paired.npv.p90] : [NaN, NaN],
    },
  ];
}

function statRow(label: string, unit: string, s: Stat | undefined, format: NumberFormat): Cell[] {
  return [label, unit, n(s?.mean, format), n(s?.p10, format), n(s?.p50, format), n(s?.p90, format)];
}

function summarySheet(input: RoiCaseInput, base: VariantResult, variant: VariantResult): Sheet {
  const { currency } = input.stamp;
  const paired = variant.vsBaseline;
  const rows: Cell[][] = [...stampRows(input.stamp)];
  rows.push([
    bold('Incremental (variant − baseline, paired)'),
    bold('Unit'),
    bold('Mean'),
    bold('P10'),
    bold('P50'),
    bold('P90'),
  ]);
  if (paired !== undefined) {
    rows.push(statRow('NPV', currency, paired.npv, 'money'));
    rows.push(['P(NPV > 0)', 'share', n(paired.pNpvPositive, 'percent')]);
    rows.push([
      'ROI (NPV / PV of investment)',
      'ratio',
      n(paired.roi.mean, 'percent'),
      n(paired.roi.p10, 'percent'),
      n(paired.roi.p50, 'percent'),
      n(paired.roi.p90, 'percent'),
    ]);
    rows.push([
      'Payback month',
      'month',
      n(paired.paybackMonth.mean, 'month'),
      n(paired.paybackMonth.p10, 'month'),
      n(paired.paybackMonth.p50, 'month'),
      n(paired.paybackMonth.p90, 'month'),
    ]);
    rows.push([
      'Replications without payback in the horizon',
      'count',
      paired.paybackMonth.missing,
    ]);
    rows.push([
      'IRR (annual)',
      'rate',
      n(paired.irr.mean, 'percent'),
      n(paired.irr.p10, 'percent'),
      n(paired.irr.p50, 'percent'),
      n(paired.irr.p90, 'percent'),
    ]);
    rows.push(statRow('Revenue', currency, paired.deltas.revenue, 'money'));
    rows.push(statRow('Cost-to-serve', currency, paired.deltas.costToServe, 'money'));
    rows.push(statRow('12-month retention', 'share', paired.deltas.retention12m, 'percent'));
    rows.push(
      statRow(
        'Active customers at the horizon',
        'customers',
        paired.deltas.activeCustomersEnd,
        'integer',
      ),
    );
    for (const d of DRIVERS) {
      const s = paired.drivers[d];
      if (s !== undefined)
        rows.push(statRow(`NPV driver: ${driverLabel(d)}`, currency, s, 'money'));
    }
  }
  rows.push([]);
  rows.push([
    bold('Each on its own'),
    bold('Unit'),
    bold('Baseline mean'),
    bold('Variant mean'),
    bold('Baseline P10'),
    bold('Baseline P90'),
    bold('Variant P10'),
    bold('Variant P90'),
  ]);
  // Numbers in cells of their own (a range written as text could not be summed or charted), at
  // full precision: a spreadsheet rounds for display, the file keeps the digits.
  const own = (
    label: string,
    unit: string,
    key: keyof VariantResult['totals'],
    format: NumberFormat,
  ) => {
    const b = base.totals[key];
    const v = variant.totals[key];
    rows.push([
      label,
      unit,
      n(b.mean, format),
      n(v.mean, format),
      n(b.p10, format),
      n(b.p90, format),
      n(v.p10, format),
      n(v.p90, format),
    ]);
  };
  own('NPV', currency, 'npv', 'money');
  own('Revenue', currency, 'revenue', 'money');
  own('Cost-to-serve', currency, 'costToServe', 'money');
  own('Acquisition spend', currency, 'acquisitionSpend', 'money');
  own('Investment', currency, 'investment', 'money');
  own('Net cash flow', currency, 'netCashFlow', 'money');
  own('Cost-to-serve per customer per year', currency, 'costToServePerCustomerYear', 'decimal');
  own('12-month retention', 'share', 'retention12m', 'percent');
  own('Active customers at the horizon', 'customers', 'activeCustomersEnd', 'integer');
  rows.push([]);
  rows.push([
    bold('NPV reconciliation (means over replications)'),
    bold('Unit'),
    bold('Baseline'),
    bold('Variant'),
    bold('Difference'),
  ]);
  const blocks = roiBlocks(base, variant, input.terminalValueOn);
  const line = (label: string, pick: (b: RoiBlock) => number) =>
    rows.push([label, currency, ...blocks.map((b) => n(pick(b), 'money'))]);
  line('Cumulative discounted net at the horizon', (b) => b.discountedAtHorizon);
  line(
    input.terminalValueOn
      ? 'Terminal value (discounted)'
      : 'Terminal value (discounted; off in this scenario)',
    (b) => b.terminalValue,
  );
  line('NPV = cumulative discounted + terminal value', (b) => b.npv);
  return { name: 'Summary', rows, widths: [44, 12, 16, 16, 16, 16, 16, 16] };
}

function yearlySheet(input: RoiCaseInput, base: VariantResult, variant: VariantResult): Sheet {
  const { currency } = input.stamp;
  const rows: Cell[][] = [...stampRows(input.stamp)];
  rows.push([
    bold('Series'),
    bold('Year'),
    bold('Months'),
    ...YEARLY_COLUMNS.map((c) => bold(`${c.label} (${currency})`)),
    bold(`Cumulative net P10 (${currency})`),
    bold(`Cumulative net P90 (${currency})`),
  ]);
  const labels = { baseline: 'Baseline', variant: 'Variant', delta: 'Difference' } as const;
  const blank = YEARLY_COLUMNS.slice(0, -1).map(() => null);
  for (const block of roiBlocks(base, variant, input.terminalValueOn)) {
    const label = labels[block.id];
    block.rows.forEach((row, i) => {
      const range = block.cumulativeRange[i];
      rows.push([
        label,
        row.year,
        row.months,
        ...YEARLY_COLUMNS.map((c) => n(row[c.key], 'money')),
        n(range?.[0], 'money'),
        n(range?.[1], 'money'),
      ]);
    });
    // The reconciliation under the last year, in the cumulative discounted column.
    rows.push([
      `${label}: terminal value (discounted)`,
      null,
      null,
      ...blank,
      n(block.terminalValue, 'money'),
    ]);
    rows.push([
      `${label}: NPV = cumulative discounted + terminal value`,
      null,
      null,
      ...blank,
      n(block.npv, 'money'),
    ]);
  }
  return { name: 'Yearly', rows, widths: [48, 6, 8, ...YEARLY_COLUMNS.map(() => 18), 20, 20] };
}

const MONTHLY: { key: keyof VariantResult['monthly']; label: string; format: NumberFormat }[] = [
  { key: 'activeCustomers', label: 'Active customers', format: 'integer' },
  { key: 'revenue', label: 'Revenue', format: 'money' },
  { key: 'costToServe', label: 'Cost-to-serve', format: 'money' },
  { key: 'acquisitionSpend', label: 'Acquisition', format: 'money' },
  { key: 'investment', label: 'Investment', format: 'money' },
  { key: 'netCashFlow', label: 'Net cash flow', format: 'money' },
];

function monthlySheet(input: RoiCaseInput, base: VariantResult, variant: VariantResult): Sheet {
  const rows: Cell[][] = [...stampRows(input.stamp)];
  rows.push([bold('Mean over replications, by month')]);
  rows.push([
    bold('Month'),
    ...MONTHLY.map((m) => bold(`Baseline: ${m.label}`)),
    ...MONTHLY.map((m) => bold(`Variant: ${m.label}`)),
    bold('Difference: net cash flow'),
    bold('Cumulative incremental net (P50)'),
  ]);
  const months = base.monthly.revenue.length;
  const cumulative = variant.vsBaseline?.cumulativeIncrementalNet.p50;
  for (let m = 0; m < months; m++) {
    rows.push([
      m + 1,
      ...MONTHLY.map((c) => n(base.monthly[c.key][m], c.format)),
      ...MONTHLY.map((c) => n(variant.monthly[c.key][m], c.format)),
      n(variant.monthly.netCashFlow[m]! - base.monthly.netCashFlow[m]!, 'money'),
      n(cumulative?.[m], 'money'),
    ]);
  }
  return {
    name: 'Monthly',
    rows,
    widths: [8, ...MONTHLY.map(() => 18), ...MONTHLY.map(() => 18), 20, 22],
  };
}

/** A lever value as a cell: a number in the model's unit (shares as percent), a level by name. */
function leverCell(lever: Lever, value: number | undefined): Cell {
  if (value === undefined) return null;
  const f = leverFormat(lever);
  if (f.kind === 'quality') return describeLeverValue(lever, value);
  if (f.kind === 'percent') return n(value, 'percent');
  if (f.kind === 'money') return n(value, f.decimals === 0 ? 'money' : 'decimal');
  return n(value, Number.isInteger(lever.step) ? 'integer' : 'decimal');
}

/** The unit a lever's cells are in ("EUR / month", "share", "level"). */
function leverUnit(lever: Lever): string {
  const f = leverFormat(lever);
  return f.kind === 'quality'
    ? 'level'
    : f.kind === 'percent'
      ? `share${f.unit ? ` ${f.unit}` : ''}`
      : f.fieldUnit;
}

function assumptionsSheet(input: RoiCaseInput): Sheet {
  const { currency } = input.stamp;
  const rows: Cell[][] = [...stampRows(input.stamp)];
  const cell = (r: AssumptionRow, value: unknown) => parameterCell(value, r.kind, currency);
  rows.push([bold('Run settings'), bold('Value')]);
  for (const s of input.runSettings)
    rows.push([s.label, typeof s.value === 'number' && s.format ? n(s.value, s.format) : s.value]);
  rows.push([]);
  rows.push([
    bold('Levers'),
    bold('Baseline'),
    bold('Variant'),
    bold('Path'),
    bold('Note'),
    bold('Unit'),
  ]);
  for (const l of input.levers) {
    rows.push([
      l.label,
      leverCell(l.lever, l.baselineValue),
      leverCell(l.lever, l.variantValue),
      l.path,
      [
        l.shared ? 'economics: baseline and variant alike' : '',
        l.moved ? 'moved on the workbench' : '',
      ]
        .filter(Boolean)
        .join('; '),
      leverUnit(l.lever),
    ]);
  }
  rows.push([]);
  rows.push([bold('Economics the NPV rests on'), bold('Baseline'), bold('Variant'), bold('Path')]);
  for (const r of input.economics)
    rows.push([r.label, cell(r, r.baseline), cell(r, r.variant), r.path]);
  rows.push([]);
  rows.push([
    bold('Model parameters that differ'),
    bold('Baseline'),
    bold('Variant'),
    bold('Path'),
  ]);
  if (input.assumptions.length === 0) rows.push(['(none: the variant is the baseline)']);
  for (const r of input.assumptions)
    rows.push([r.label, cell(r, r.baseline), cell(r, r.variant), r.path]);
  if (input.shared && input.shared.length > 0) {
    rows.push([]);
    rows.push([
      bold('Economics changed for baseline and variant'),
      bold('In the file'),
      bold('Used'),
      bold('Path'),
    ]);
    for (const r of input.shared)
      rows.push([r.label, cell(r, r.baseline), cell(r, r.variant), r.path]);
  }
  return { name: 'Assumptions', rows, widths: [56, 22, 22, 48, 36, 18] };
}

export function roiWorkbook(input: RoiCaseInput): Sheet[] {
  const base = input.result.variants[input.result.baseline];
  const variant = input.result.variants[input.variantId];
  if (base === undefined || variant === undefined)
    throw new Error('the ROI case has no result yet');
  return [
    summarySheet(input, base, variant),
    yearlySheet(input, base, variant),
    monthlySheet(input, base, variant),
    assumptionsSheet(input),
  ];
}

/** File name stem: scenario, variant and date, e.g. `default-moreAgents-roi-2026-11-25`. */
export function exportStem(stamp: AuditStamp, variantId: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${safe(stamp.scenarioId)}-${safe(variantId)}-roi-${stamp.generatedAt.slice(0, 10)}`;
}
