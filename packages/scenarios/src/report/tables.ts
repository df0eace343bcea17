/**
 * The tables people read: the headline figures of each variant (`journeycast run --format md|csv`)
 * and the CFO's paired ROI table of each variant against the baseline (`journeycast compare`).
 * One table definition renders as Markdown (formatted: "9.96 M", "62 %", "+1.2 %") or CSV (raw
 * numbers, for spreadsheets).
 *
 * A CSV row carries the run's stamp in its last columns (scenario id and hash, currency, engine
 * version, seed, replications, agents, the --set changes), the same on every row: a row keeps
 * where it came from when it is pasted, filtered or concatenated with another run's, and the file
 * has one header line and nothing else, which spreadsheets and `pandas.read_csv` read without
 * options (comment lines would need `comment='#'` and show as data in a spreadsheet). In Markdown
 * the stamp is the note under the table.
 */
import type { BaselineChange } from '../validate/baselineChanges.ts';
import type { OptionalSummary, RunReport } from './runReport.ts';

/** How a number is shown in Markdown. */
export type Format =
  | 'text'
  | 'money'
  | 'count'
  | 'share'
  | 'percent'
  | 'signedPercent'
  | 'points'
  | 'months'
  | 'ratio'
  | 'number';

export interface Column {
  /** Header in Markdown. */
  title: string;
  /** Header in CSV (snake_case). */
  key: string;
  format: Format;
  /** False: only in CSV and JSON rows (a status that Markdown shows in place of a number). */
  markdown?: boolean;
  /** Markdown shows this column's value (by key) where this cell is null. */
  markdownFallback?: string;
}

/** Where a table's numbers come from, written into every CSV row. */
export interface Stamp {
  scenarioId: string;
  scenarioHash: string;
  currency: string;
  engineVersion: string;
  seed: number;
  replications: number;
  agents: number;
  /** Changes to the baseline for this run (CLI --set). */
  set: readonly BaselineChange[];
}

export interface Table {
  columns: Column[];
  rows: (string | number | null)[][];
  /** Shown under a Markdown table. */
  notes?: string[];
  /** Appended to every CSV row. */
  stamp?: Stamp;
}

/** What a report says about its own run: enough for a stamp. */
interface Stamped {
  scenario: { id: string; hash: string };
  currency: string;
  engineVersion: string;
  seed: number;
  replications: number;
  agents: number;
  set?: readonly BaselineChange[];
}

export function stampOf(report: Stamped): Stamp {
  return {
    scenarioId: report.scenario.id,
    scenarioHash: report.scenario.hash,
    currency: report.currency,
    engineVersion: report.engineVersion,
    seed: report.seed,
    replications: report.replications,
    agents: report.agents,
    set: report.set ?? [],
  };
}

/** `path=value; path=value`, as the changes were given to --set ('' for none). */
export function changesText(set: readonly BaselineChange[]): string {
  return set
    .map((c) => `${c.path}=${typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}`)
    .join('; ');
}

/** The stamp's CSV columns: keys and values. */
export function stampColumns(stamp: Stamp): [string, string | number][] {
  return [
    ['scenario_id', stamp.scenarioId],
    ['scenario_hash', stamp.scenarioHash],
    ['currency', stamp.currency],
    ['engine_version', stamp.engineVersion],
    ['seed', stamp.seed],
    ['replications', stamp.replications],
    ['agents', stamp.agents],
    ['set', changesText(stamp.set)],
  ];
}

const MINUS = '−';

/** 3 significant digits with k / M / bn: 9955364 → "9.96 M", −1905523 → "−1.91 M". */
export function compactNumber(x: number): string {
  const sign = x < 0 ? MINUS : '';
  const a = Math.abs(x);
  const scaled = (v: number, unit: string) =>
    `${sign}${Number(v.toPrecision(3))} ${unit}`.trimEnd();
  if (a >= 1e9) return scaled(a / 1e9, 'bn');
  if (a >= 1e6) return scaled(a / 1e6, 'M');
  if (a >= 1e4) return scaled(a / 1e3, 'k');
  return `${sign}${Number(a.toPrecision(3))}`;
}

function grouped(x: number): string {
  const sign = x < 0 ? MINUS : '';
  const digits = String(Math.round(Math.abs(x)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function signed(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return (0).toFixed(digits);
  return `${x < 0 ? MINUS : '+'}${text}`;
}

export function formatCell(value: string | number | null, format: Format): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '—';
  switch (format) {
    case 'money':
      return compactNumber(value);
    case 'count':
      return grouped(value);
    case 'share':
      return `${Number((value * 100).toFixed(1))} %`;
    case 'percent':
      return `${Number(value.toFixed(1))} %`;
    case 'signedPercent':
      return `${signed(value, 1)} %`;
    case 'points':
      return `${signed(value * 100, 2)} pp`;
    case 'months':
      return value.toFixed(1);
    case 'ratio':
      return `${Number((value * 100).toFixed(0))} %`;
    default:
      return value.toFixed(2);
  }
}

export function toMarkdown(table: Table): string {
  const shown = table.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => column.markdown !== false);
  const indexOf = (key: string) => table.columns.findIndex((c) => c.key === key);
  const header = shown.map(({ column }) => column.title);
  const body = table.rows.map((row) =>
    shown.map(({ column, index }) => {
      const cell = row[index] ?? null;
      const fallback =
        cell === null && column.markdownFallback !== undefined
          ? (row[indexOf(column.markdownFallback)] ?? null)
          : null;
      return fallback !== null ? String(fallback) : formatCell(cell, column.format);
    }),
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length), 3));
  const numeric = shown.map(({ column }) => column.format !== 'text');
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  const notes =
    table.notes !== undefined && table.notes.length > 0 ? `\n${table.notes.join('\n')}\n` : '';
  return `${[line(header), rule, ...body.map(line)].join('\n')}\n${notes}`;
}

/**
 * Text a spreadsheet would run as a formula (CSV injection): the rule of the app's exports
 * (apps/web/src/lib/export/table.ts, FORMULA_START): =, +, -, @, tab, CR or LF first, also after
 * leading white space, and their full-width forms. Labels come from scenario files, which arrive
 * by mail, and finance opens these files in spreadsheets.
 */
const FORMULA_START = /^[\t\r\n]|^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]/;

/** Text that is a plain decimal number ("-0.05", a swept value): a spreadsheet reads a number. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Numbers stay numbers (-5 is the number −5, not the text '-5), and so does numeric text.
  const text = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV, with CRLF line ends as spreadsheets expect; formula-like text neutralised; the
 * stamp's columns last, on every row.
 */
export function toCsv(table: Table): string {
  const stamp = table.stamp !== undefined ? stampColumns(table.stamp) : [];
  const lines = [
    [...table.columns.map((c) => c.key), ...stamp.map(([key]) => key)],
    ...table.rows.map((row) => [...row, ...stamp.map(([, value]) => value)].map(csvCell)),
  ];
  return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** The line that says a run's baseline was changed from outside its file (CLI --set). */
function changesNote(report: RunReport): string[] {
  if (report.set === undefined || report.set.length === 0) return [];
  const changes = report.set.map(
    (c) => `${c.path} = ${typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}`,
  );
  return [`Baseline changed for this run: ${changes.join('; ')}.`];
}

/** Headline figures per variant (means over replications; NPV paired against the baseline). */
export function headlineTable(report: RunReport): Table {
  const c = report.currency;
  const columns: Column[] = [
    { title: 'Variant', key: 'variant', format: 'text' },
    { title: `Revenue (${c})`, key: 'revenue', format: 'money' },
    { title: `Cost to serve (${c})`, key: 'cost_to_serve', format: 'money' },
    { title: `Net cash flow (${c})`, key: 'net_cash_flow', format: 'money' },
    { title: 'Customers at end', key: 'active_customers_end', format: 'count' },
    { title: 'Retention 12m', key: 'retention_12m', format: 'share' },
    { title: 'Satisfaction at end', key: 'mean_satisfaction_end', format: 'number' },
    { title: `ΔNPV P50 (${c})`, key: 'npv_delta_p50', format: 'money' },
    { title: 'P(ΔNPV > 0)', key: 'p_npv_delta_positive', format: 'share' },
  ];
  const rows = Object.entries(report.variants).map(([id, v]) => [
    id,
    v.totals.revenue.mean,
    v.totals.costToServe.mean,
    v.totals.netCashFlow.mean,
    v.totals.activeCustomersEnd.mean,
    v.totals.retention12m.mean,
    v.totals.meanSatisfactionEnd.mean,
    v.vsBaseline?.npv.p50 ?? null,
    v.vsBaseline?.pNpvPositive ?? null,
  ]);
  return {
    columns,
    rows,
    notes: [
      `${report.scenario.title} (${report.scenario.id}, ${report.scenario.hash}): means over ${report.replications} replications, seed ${report.seed}, engine ${report.engineVersion}.`,
      ...changesNote(report),
    ],
    stamp: stampOf(report),
  };
}

/**
 * Whether the median replication pays back within the horizon: the payback column holds the month
 * or nothing, so it stays numeric in a spreadsheet, and this says why it is empty.
 */
function paybackStatus(s: OptionalSummary): string | null {
  if (s.p50 !== null) return 'within horizon';
  return s.missing > 0 ? 'not within horizon' : null;
}

/** The paired ROI table: each variant against the baseline, as distributions over replications. */
export function compareTable(report: RunReport): Table {
  const c = report.currency;
  const columns: Column[] = [
    { title: 'Variant', key: 'variant', format: 'text' },
    { title: `NPV P10 (${c})`, key: 'npv_p10', format: 'money' },
    { title: `NPV P50 (${c})`, key: 'npv_p50', format: 'money' },
    { title: `NPV P90 (${c})`, key: 'npv_p90', format: 'money' },
    { title: 'P(NPV > 0)', key: 'p_npv_positive', format: 'share' },
    { title: 'ROI P50', key: 'roi_p50', format: 'ratio' },
    {
      title: 'Payback P50 (months)',
      key: 'payback_month_p50',
      format: 'months',
      markdownFallback: 'payback_p50_status',
    },
    { title: 'Payback', key: 'payback_p50_status', format: 'text', markdown: false },
    { title: 'Revenue Δ', key: 'revenue_delta_pct', format: 'signedPercent' },
    { title: 'Cost to serve Δ', key: 'cost_to_serve_delta_pct', format: 'signedPercent' },
    { title: 'Retention 12m Δ', key: 'retention_12m_delta', format: 'points' },
  ];
  const rows: Table['rows'] = [];
  for (const [id, v] of Object.entries(report.variants)) {
    const p = v.vsBaseline;
    if (p === undefined) continue;
    rows.push([
      id,
      p.npv.p10,
      p.npv.p50,
      p.npv.p90,
      p.pNpvPositive,
      p.roi.p50,
      p.paybackMonth.p50,
      paybackStatus(p.paybackMonth),
      p.deltas.revenuePct?.mean ?? null,
      p.deltas.costToServePct?.mean ?? null,
      p.deltas.retention12m?.mean ?? null,
    ]);
  }
  return {
    columns,
    rows,
    notes: [
      `Incremental NPV, ROI (NPV / present value of the investment) and payback of each variant against the baseline, paired replication by replication (common random numbers); Δ columns are means. ${report.scenario.title} (${report.scenario.id}, ${report.scenario.hash}), ${report.replications} replications, seed ${report.seed}, engine ${report.engineVersion}.`,
      ...changesNote(report),
    ],
    stamp: stampOf(report),
  };
}

/** The compare table as JSON rows keyed by the CSV keys. */
export function tableRecords(table: Table): Record<string, string | number | null>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c, i) => [c.key, row[i] ?? null])),
  );
}
