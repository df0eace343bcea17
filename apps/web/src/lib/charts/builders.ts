/**
 * Chart data and options built from results: pure functions (no DOM), so they are cheap to call
 * on every streamed update and easy to test. Every axis carries its unit.
 */
import type { ChartData, ChartOptions } from 'chart.js';
import type { Band, Driver, Stat, VariantResult } from '@journeycast/sim-core';
import { formatMoney, formatNumber, formatPercent } from '../format.ts';
import { COLORS } from './setup.ts';

export interface ChartSpec<T extends 'line' | 'bar' = 'line' | 'bar'> {
  type: T;
  data: ChartData<T>;
  options: ChartOptions<T>;
  /** The chart's message in words (the text alternative). */
  description: string;
}

const money = (currency: string) => (value: number | string) =>
  formatMoney(Number(value), currency, { compact: true });

function axisTitle(text: string) {
  return { display: true, text, font: { weight: 600 as const } };
}

export interface FanSeries {
  label: string;
  band: Band;
  color: string;
  bandColor: string;
}

/**
 * A fan chart: for each series, the P10–P90 band filled and the median as a line, by month.
 */
export function fanChart(
  series: FanSeries[],
  options: { yTitle: string; format: (v: number) => string; what: string },
): ChartSpec<'line'> {
  const months = series[0]?.band.p50.length ?? 0;
  const labels = Array.from({ length: months }, (_, m) => String(m + 1));
  const datasets: ChartData<'line'>['datasets'] = [];
  for (const s of series) {
    datasets.push(
      {
        label: `${s.label} P10`,
        data: s.band.p10,
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
        borderColor: 'transparent',
        backgroundColor: s.bandColor,
      },
      {
        label: `${s.label} P10–P90`,
        data: s.band.p90,
        borderWidth: 0,
        pointRadius: 0,
        fill: '-1',
        borderColor: 'transparent',
        backgroundColor: s.bandColor,
      },
      {
        label: `${s.label} median`,
        data: s.band.p50,
        borderWidth: 2,
        pointRadius: 0,
        borderColor: s.color,
        backgroundColor: s.color,
        fill: false,
      },
    );
  }
  const last = months - 1;
  const description = series
    .map(
      (s) =>
        `${s.label}: median ${options.format(s.band.p50[last] ?? NaN)} in month ${months} (P10 ${options.format(s.band.p10[last] ?? NaN)}, P90 ${options.format(s.band.p90[last] ?? NaN)})`,
    )
    .join('; ');
  return {
    type: 'line',
    data: { labels, datasets },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: axisTitle('Month'), ticks: { maxTicksLimit: 12 }, grid: { display: false } },
        y: {
          title: axisTitle(options.yTitle),
          ticks: { callback: (v) => options.format(Number(v)) },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { filter: (item) => !item.text.endsWith(' P10') },
        },
        tooltip: {
          filter: (item) => !(item.dataset.label ?? '').endsWith(' P10'),
          callbacks: {
            title: (items) => `Month ${items[0]?.label ?? ''}`,
            label: (item) => `${item.dataset.label}: ${options.format(Number(item.raw))}`,
          },
        },
      },
    },
    description: `${options.what} by month. ${description}.`,
  };
}

/** The spacing of an axis's ticks. */
function tickStep(ticks: { value: number }[]): number {
  return ticks.length > 1 ? Math.abs(ticks[1]!.value - ticks[0]!.value) : 1;
}

/** Digits after the point that tell ticks `step` apart (0.05 → 2, 0.5 → 1, 5 → 0). */
export function decimalsForStep(step: number): number {
  if (!(step > 0) || step >= 1) return 0;
  return Math.min(6, Math.ceil(-Math.log10(step) - 1e-9));
}

/** `value` rounded down to a round step of a range (1, 2 or 5 × 10^k, about six steps). */
export function niceFloor(value: number, range: number): number {
  if (!(range > 0)) return value;
  const raw = range / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  return Math.floor(value / step) * step;
}

/** Equal-width bins over the samples' range (Freedman–Diaconis-like count, 8 to 30 bins). */
export function histogramBins(samples: readonly number[]): {
  centres: number[];
  counts: number[];
  width: number;
} {
  const n = samples.length;
  if (n === 0) return { centres: [], counts: [], width: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of samples) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const bins = Math.max(8, Math.min(30, Math.ceil(2 * Math.cbrt(n))));
  if (hi === lo) {
    hi = lo + 1;
    lo = lo - 1;
  }
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const x of samples) counts[Math.min(bins - 1, Math.floor((x - lo) / width))]! += 1;
  const centres = counts.map((_, i) => lo + (i + 0.5) * width);
  return { centres, counts, width };
}

/** The x range of a histogram: the bins and zero, widened to round numbers. */
function histogramRange(lo: number, hi: number): { min: number; max: number } {
  const min = Math.min(lo, 0);
  const max = Math.max(hi, 0);
  const range = max - min || 1;
  return { min: niceFloor(min, range), max: -niceFloor(-max, range) };
}

/** Histogram of incremental NPV across replications, with the zero line and P(NPV > 0). */
export function npvHistogram(
  samples: readonly number[],
  pPositive: number,
  currency: string,
): ChartSpec<'bar'> {
  const { centres, counts, width } = histogramBins(samples);
  const fmt = money(currency);
  const label = `P(NPV > 0) = ${formatPercent(pPositive, { decimals: 0 })}`;
  return {
    type: 'bar',
    data: {
      datasets: [
        {
          label: 'Replications',
          // Points on a linear x axis (bin centres); chart.js sizes the bars from their spacing.
          data: centres.map((x, i) => ({ x, y: counts[i]! })) as unknown as number[],
          backgroundColor: centres.map((x) => (x >= 0 ? COLORS.positive : COLORS.negative)),
          barPercentage: 1,
          categoryPercentage: 1,
          borderWidth: 1,
          borderColor: '#ffffff',
        },
      ],
    },
    options: {
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          title: axisTitle(`Incremental NPV (${currency})`),
          ticks: { callback: fmt, maxTicksLimit: 8 },
          grid: { display: false },
          ...(centres.length > 0
            ? histogramRange(centres[0]! - width / 2, centres.at(-1)! + width / 2)
            : {}),
        },
        y: {
          title: axisTitle('Replications'),
          beginAtZero: true,
          ticks: { precision: 0 },
        },
      },
      plugins: {
        legend: { display: false },
        markers: { x: [{ value: 0, label }] },
        tooltip: {
          callbacks: {
            title: (items) => {
              const x = (items[0]?.raw as { x: number } | undefined)?.x ?? 0;
              return `${fmt(x - width / 2)} to ${fmt(x + width / 2)}`;
            },
            label: (item) => `${(item.raw as { y: number }).y} replications`,
          },
        },
      },
    },
    description: `Distribution of the incremental NPV over ${samples.length} replications; ${label}.`,
  };
}

export type ChannelMetric = 'wait' | 'abandon' | 'contacts';

/** One bar chart of a channel metric, baseline against the variant(s). */
export function channelChart(
  metric: ChannelMetric,
  variants: { label: string; result: VariantResult; color: string }[],
  months: number,
): ChartSpec<'bar'> {
  const first = variants[0]?.result;
  const ids = first
    ? Object.keys(first.channels).filter(
        (id) => metric === 'contacts' || first.channels[id]!.kind === 'staffed',
      )
    : [];
  const labels = ids.map((id) => first!.channels[id]!.label);
  const value = (r: VariantResult, id: string): number => {
    const c = r.channels[id];
    if (c === undefined) return NaN;
    if (metric === 'wait') return c.meanWaitMinutes.mean;
    if (metric === 'abandon') return c.abandonRate.mean * 100;
    return c.contacts.mean / Math.max(1, months);
  };
  const format = (v: number) =>
    metric === 'wait'
      ? `${formatNumber(v, { decimals: 2 })} min`
      : metric === 'abandon'
        ? `${formatNumber(v, { decimals: 1 })}%`
        : formatNumber(v, { compact: true });
  const tick = (v: number, step: number) =>
    metric === 'contacts'
      ? formatNumber(v, { compact: true })
      : formatNumber(v, { decimals: decimalsForStep(step) });
  const yTitle =
    metric === 'wait' ? 'Minutes' : metric === 'abandon' ? 'Abandoned (%)' : 'Contacts per month';
  return {
    type: 'bar',
    data: {
      labels,
      datasets: variants.map((v) => ({
        label: v.label,
        data: ids.map((id) => value(v.result, id)),
        backgroundColor: v.color,
        borderRadius: 3,
        maxBarThickness: 36,
      })),
    },
    options: {
      scales: {
        x: { title: axisTitle('Channel'), grid: { display: false } },
        y: {
          title: axisTitle(yTitle),
          beginAtZero: true,
          ticks: { callback: (v, _i, ticks) => tick(Number(v), tickStep(ticks)) },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: { label: (item) => `${item.dataset.label}: ${format(Number(item.raw))}` },
        },
      },
    },
    description: ids
      .map(
        (id, i) =>
          `${labels[i]}: ${variants.map((v) => `${v.label} ${format(value(v.result, id))}`).join(', ')}`,
      )
      .join('; '),
  };
}

const DRIVER_LABELS: Record<string, string> = {
  retention: 'Retention',
  crossSell: 'Cross-sell',
  referral: 'Referral',
  acquisition: 'Acquisition',
  costToServe: 'Cost-to-serve',
  investment: 'Investment',
  terminalValue: 'Terminal value',
};

/** A driver's name in words (drivers sim-core adds later show as their id until named here). */
export function driverLabel(driver: Driver | string): string {
  return DRIVER_LABELS[driver] ?? driver;
}

/**
 * Waterfall from the baseline's NPV to the variant's by driver. Uses means: means add up
 * (baseline mean + Σ driver means = variant mean), medians do not.
 */
export function waterfall(
  baselineNpv: number,
  drivers: Record<Driver, Stat>,
  variantNpv: number,
  currency: string,
  order: readonly Driver[],
): ChartSpec<'bar'> {
  const fmt = (v: number | string) =>
    formatMoney(Number(v), currency, { compact: true, significant: 4 });
  const labels = ['Baseline NPV', ...order.map((d) => driverLabel(d)), 'Variant NPV'];
  const bars: [number, number][] = [[0, baselineNpv]];
  const colors: string[] = [COLORS.total];
  let level = baselineNpv;
  for (const d of order) {
    const delta = drivers[d].mean;
    bars.push([level, level + delta]);
    colors.push(delta >= 0 ? COLORS.positive : COLORS.negative);
    level += delta;
  }
  bars.push([0, variantNpv]);
  colors.push(COLORS.variant);
  const lows = bars.map(([a, b]) => Math.min(a, b));
  const highs = bars.map(([a, b]) => Math.max(a, b));
  const span = Math.max(...highs) - Math.min(...lows);
  // Zoom in on the part that moves: the totals dwarf the drivers otherwise.
  const moving = bars.slice(1, -1).flat();
  const lo = Math.min(...moving, baselineNpv, variantNpv);
  const hi = Math.max(...moving, baselineNpv, variantNpv);
  const pad = Math.max((hi - lo) * 0.6, span * 0.002, 1);
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: `NPV (${currency}, mean)`,
          data: bars,
          backgroundColor: colors,
          borderRadius: 2,
          maxBarThickness: 56,
        },
      ],
    },
    options: {
      scales: {
        x: { grid: { display: false }, title: axisTitle('Driver') },
        y: {
          title: axisTitle(`NPV (${currency}, mean over replications)`),
          min: niceFloor(Math.min(...moving, baselineNpv, variantNpv) - pad, hi - lo + 2 * pad),
          grace: '5%',
          ticks: { callback: fmt },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => {
              const [a, b] = item.raw as [number, number];
              const i = item.dataIndex;
              return i === 0 || i === labels.length - 1
                ? `${labels[i]}: ${formatMoney(b, currency)}`
                : `${labels[i]}: ${formatMoney(b - a, currency, { signed: true })}`;
            },
          },
        },
      },
    },
    description: `Baseline NPV ${formatMoney(baselineNpv, currency, { compact: true })}; ${order
      .map(
        (d) =>
          `${driverLabel(d)} ${formatMoney(drivers[d].mean, currency, { compact: true, signed: true })}`,
      )
      .join(', ')}; variant NPV ${formatMoney(variantNpv, currency, { compact: true })}.`,
  };
}

export interface TornadoRow {
  label: string;
  atMin: number;
  atMax: number;
  minLabel: string;
  maxLabel: string;
}

/** Tornado: incremental NPV with each lever at its minimum and maximum, widest swing on top. */
export function tornado(rows: TornadoRow[], centre: number, currency: string): ChartSpec<'bar'> {
  const sorted = [...rows].sort(
    (a, b) => Math.abs(b.atMax - b.atMin) - Math.abs(a.atMax - a.atMin),
  );
  const fmt = money(currency);
  const labels = sorted.map((r) => r.label);
  const swing =
    sorted.length > 0
      ? Math.max(
          ...sorted.map((r) => Math.max(Math.abs(r.atMin - centre), Math.abs(r.atMax - centre))),
        )
      : 0;
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'Lever at its minimum',
          data: sorted.map((r) => [centre, r.atMin] as [number, number]),
          backgroundColor: COLORS.baseline,
          borderRadius: 2,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
          grouped: false,
        },
        {
          label: 'Lever at its maximum',
          data: sorted.map((r) => [centre, r.atMax] as [number, number]),
          backgroundColor: COLORS.series[1]!,
          borderRadius: 2,
          barPercentage: 0.55,
          categoryPercentage: 0.8,
          grouped: false,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          title: axisTitle(`Incremental NPV vs baseline (${currency}, mean)`),
          ticks: { callback: fmt, maxTicksLimit: 7 },
          // Symmetric about the current value, with round ticks.
          ...(swing > 0 ? { suggestedMin: centre - swing, suggestedMax: centre + swing } : {}),
        },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        markers: {
          x: [
            {
              value: centre,
              label: `now ${formatMoney(centre, currency, { compact: true })}`,
              at: 'bottom',
            },
          ],
        },
        tooltip: {
          callbacks: {
            label: (item) => {
              const row = sorted[item.dataIndex]!;
              const atMin = item.datasetIndex === 0;
              return `${atMin ? row.minLabel : row.maxLabel}: ${formatMoney(atMin ? row.atMin : row.atMax, currency, { compact: true })}`;
            },
          },
        },
      },
    },
    description: sorted
      .map(
        (r) =>
          `${r.label}: ${r.minLabel} gives ${formatMoney(r.atMin, currency, { compact: true })}, ${r.maxLabel} gives ${formatMoney(r.atMax, currency, { compact: true })}`,
      )
      .join('; '),
  };
}

/** Compare: each variant's incremental NPV, P10–P90 as a bar and the median as a dark tick. */
export function compareNpvChart(
  rows: { label: string; npv: Stat; color: string }[],
  currency: string,
): ChartSpec<'bar'> {
  const fmt = money(currency);
  const lo = Math.min(0, ...rows.map((r) => r.npv.p10));
  const hi = Math.max(0, ...rows.map((r) => r.npv.p90));
  // The median as a thin bar: wide enough to see, narrow against the axis.
  const tick = Math.max((hi - lo) * 0.004, 1e-9);
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: [
        {
          label: 'Median (P50)',
          data: rows.map((r) => [r.npv.p50 - tick, r.npv.p50 + tick] as [number, number]),
          backgroundColor: COLORS.marker,
          barPercentage: 0.75,
          grouped: false,
          order: 1,
        },
        {
          label: 'P10–P90',
          data: rows.map((r) => [r.npv.p10, r.npv.p90] as [number, number]),
          backgroundColor: rows.map((r) => r.color),
          borderRadius: 3,
          barPercentage: 0.5,
          grouped: false,
          order: 2,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          title: axisTitle(`Incremental NPV vs baseline (${currency})`),
          ticks: { callback: fmt, maxTicksLimit: 8 },
          suggestedMin: lo,
          suggestedMax: hi,
          grace: '5%',
        },
        y: { grid: { display: false }, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom' },
        markers: { x: [{ value: 0 }] },
        tooltip: {
          callbacks: {
            label: (item) => {
              const r = rows[item.dataIndex]!;
              return item.datasetIndex === 1
                ? `P10–P90: ${formatMoney(r.npv.p10, currency, { compact: true })} to ${formatMoney(r.npv.p90, currency, { compact: true })}`
                : `P50: ${formatMoney(r.npv.p50, currency, { compact: true })}`;
            },
          },
        },
      },
    },
    description: rows
      .map(
        (r) =>
          `${r.label}: median ${formatMoney(r.npv.p50, currency, { compact: true })} (P10 ${formatMoney(r.npv.p10, currency, { compact: true })}, P90 ${formatMoney(r.npv.p90, currency, { compact: true })})`,
      )
      .join('; '),
  };
}

/** Median lines of several series by month (for comparing more than two variants). */
export function medianLines(
  series: { label: string; values: number[]; color: string }[],
  options: { yTitle: string; format: (v: number) => string; what: string },
): ChartSpec<'line'> {
  const months = series[0]?.values.length ?? 0;
  return {
    type: 'line',
    data: {
      labels: Array.from({ length: months }, (_, m) => String(m + 1)),
      datasets: series.map((s) => ({
        label: s.label,
        data: s.values,
        borderColor: s.color,
        backgroundColor: s.color,
        borderWidth: 2,
        pointRadius: 0,
      })),
    },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { title: axisTitle('Month'), ticks: { maxTicksLimit: 12 }, grid: { display: false } },
        y: {
          title: axisTitle(options.yTitle),
          ticks: { callback: (v) => options.format(Number(v)) },
        },
      },
      plugins: {
        legend: { position: 'bottom' },
        markers: { y: [{ value: 0 }] },
        tooltip: {
          callbacks: {
            title: (items) => `Month ${items[0]?.label ?? ''}`,
            label: (item) => `${item.dataset.label}: ${options.format(Number(item.raw))}`,
          },
        },
      },
    },
    description: `${options.what} by month. ${series
      .map((s) => `${s.label}: ${options.format(s.values[months - 1] ?? NaN)} in month ${months}`)
      .join('; ')}.`,
  };
}
