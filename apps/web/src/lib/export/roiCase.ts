/**
 * The ROI case as a workbook: Summary, Yearly, Monthly and Assumptions sheets, each opening with
 * the audit stamp (scenario hash, seed, replications, engine version, date), so a printed or
 * forwarded sheet still says where its numbers came from.
 */
import type { YearlyRow } from '@journeycast/models';
import { DRIVERS, type RunResult, type Stat, type VariantResult } from '@journeycast/sim-core';
import type { ParameterDifference } from '../scenario/diff.ts';
import { driverLabel } from '../charts/builders.ts';
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

export interface RoiCaseInput {
  stamp: AuditStamp;
  result: RunResult;
  variantId: string;
  assumptions: ParameterDifference[];
  /** Economics lever changes applied to baseline and variant alike. */
  shared?: ParameterDifference[];
  runSettings: { label: string; value: string | number }[];
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

export const YEARLY_COLUMNS: { key: keyof YearlyRow; label: string }[] = [
  { key: 'revenue', label: 'Revenue' },
  { key: 'costToServe', label: 'Cost-to-serve' },
  { key: 'acquisition', label: 'Acquisition' },
  { key: 'investment', label: 'Investment' },
  { key: 'net', label: 'Net' },
  { key: 'cumulative', label: 'Cumulative net' },
  { key: 'discountedNet', label: 'Discounted net' },
  { key: 'cumulativeDiscounted', label: 'Cumulative discounted' },
];

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
    bold('Baseline P10–P90'),
    bold('Variant P10–P90'),
  ]);
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
      `${fmtPlain(b.p10)} to ${fmtPlain(b.p90)}`,
      `${fmtPlain(v.p10)} to ${fmtPlain(v.p90)}`,
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
  return { name: 'Summary', rows, widths: [44, 12, 16, 16, 24, 24] };
}

/**
 * A number inside text (the P10–P90 ranges). Negative values take the typographic minus (U+2212):
 * the cell is text either way, and a leading ASCII '-' would make it look like a formula that
 * neutralise() must then quote.
 */
function fmtPlain(value: number): string {
  return Number.isFinite(value)
    ? String(Math.round(value * 100) / 100).replace(/^-/, '\u2212')
    : '';
}

function yearlySheet(input: RoiCaseInput, base: VariantResult, variant: VariantResult): Sheet {
  const rows: Cell[][] = [...stampRows(input.stamp)];
  rows.push([
    bold('Series'),
    bold('Year'),
    bold('Months'),
    ...YEARLY_COLUMNS.map((c) => bold(`${c.label} (${input.stamp.currency})`)),
  ]);
  const block = (label: string, table: YearlyRow[]) => {
    for (const row of table) {
      rows.push([
        label,
        row.year,
        row.months,
        ...YEARLY_COLUMNS.map((c) => n(row[c.key], 'money')),
      ]);
    }
  };
  block('Baseline', base.yearly);
  block('Variant', variant.yearly);
  block('Difference', deltaYearly(base.yearly, variant.yearly));
  return { name: 'Yearly', rows, widths: [14, 6, 8, ...YEARLY_COLUMNS.map(() => 18)] };
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

function display(value: unknown): Cell {
  if (value === undefined) return '(not set)';
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function assumptionsSheet(input: RoiCaseInput): Sheet {
  const rows: Cell[][] = [...stampRows(input.stamp)];
  rows.push([bold('Run settings'), bold('Value')]);
  for (const s of input.runSettings) rows.push([s.label, s.value]);
  rows.push([]);
  rows.push([bold('Model parameters that differ (path)'), bold('Baseline'), bold('Variant')]);
  if (input.assumptions.length === 0) rows.push(['(none: the variant is the baseline)']);
  for (const d of input.assumptions) rows.push([d.path, display(d.baseline), display(d.variant)]);
  if (input.shared && input.shared.length > 0) {
    rows.push([]);
    rows.push([
      bold('Economics changed for baseline and variant (path)'),
      bold('In the file'),
      bold('Used'),
    ]);
    for (const d of input.shared) rows.push([d.path, display(d.baseline), display(d.variant)]);
  }
  return { name: 'Assumptions', rows, widths: [56, 22, 22] };
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
