/**
 * Chart data and options built from results: pure functions (no DOM), so they are cheap to call
 * on every streamed update and easy to test. Every axis carries its unit.
 */
import type { ChartData, ChartOptions } from 'chart.js';
import type { Band, Driver, Stat, VariantResult } from '@journeycast/sim-core';
import { formatMoney, formatNumber, formatPercent, formatRange } from '../format.ts';
import { COLORS } from './setup.ts';

export interface ChartSpec<T extends 'line' | 'bar' = 'line' | 'bar'> {
  type: T;
  data: ChartData<T>;
  options: ChartOptions<T>;
  /** The chart's message in words (the text alternative). */
  description: string;
  /** A sentence shown under the chart (e.g. that its axis does not start at zero). */
  note?: string;
  /** The figures drawn, by name, for tools and tests (a `data-values` attribute). */
  values?: Record<string, unknown>;
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
  /** Line dash of the median (e.g. [6, 4] for the baseline), so lines that overlap stay apart. */
  dash?: number[];
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
        pointStyle: 'rect',
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
        borderColor: 'transparent',
        backgroundColor: s.bandColor,
      },
      {
        label: `${s.label} P10–P90`,
        data: s.band.p90,
        pointStyle: 'rect',
        borderWidth: 0,
        pointRadius: 0,
        fill: '-1',
        borderColor: 'transparent',
        backgroundColor: s.bandColor,
      },
      {
        label: `${s.label} median`,
        data: s.band.p50,
        borderWidth: s.dash ? 2 : 2.5,
        borderDash: s.dash ?? [],
        // The legend draws the median as a line sample, dashed like the line itself.
        pointStyle: 'line',
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
          labels: {
            filter: (item) => !item.text.endsWith(' P10'),
            usePointStyle: true,
            pointStyleWidth: 26,
          },
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
          // Headroom above the tallest bar for the P(NPV > 0) label, at any width.
          grace: '22%',
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
  /** The channel's figure in one variant: its mean over replications, or its P10 / P90. */
  const value = (r: VariantResult, id: string, at: 'mean' | 'p10' | 'p90' = 'mean'): number => {
    const c = r.channels[id];
    if (c === undefined) return NaN;
    if (metric === 'wait') return c.meanWaitMinutes[at];
    if (metric === 'abandon') return c.abandonRate[at] * 100;
    return c.contacts[at] / Math.max(1, months);
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
  const range = (r: VariantResult, id: string) =>
    `P10–P90 ${formatRange(value(r, id, 'p10'), value(r, id, 'p90'), format)}`;
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
        // Each bar is a mean over replications; the whisker spans its P10–P90.
        bars: {
          whiskers: variants.map((v, dataset) => ({
            dataset,
            ranges: ids.map(
              (id) => [value(v.result, id, 'p10'), value(v.result, id, 'p90')] as const,
            ),
          })),
        },
        tooltip: {
          callbacks: {
            label: (item) => {
              const v = variants[item.datasetIndex]!;
              const id = ids[item.dataIndex]!;
              return `${v.label}: ${format(Number(item.raw))} (mean; ${range(v.result, id)})`;
            },
          },
        },
      },
    },
    description: ids
      .map(
        (id, i) =>
          `${labels[i]}: ${variants.map((v) => `${v.label} ${format(value(v.result, id))} (${range(v.result, id)})`).join(', ')}`,
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
 *
 * The drivers are small against the totals (a few million against a few hundred), so the axis
 * starts near the totals, not at zero. Bars from zero on a cut axis would mislead (a bar twice as
 * tall would not be twice the NPV): the totals are drawn as level markers, not bars, only the
 * drivers have lengths to compare, and the note under the chart says where the axis starts. Every
 * bar carries its value; each driver has a whisker for its P10–P90 over the replications.
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
  const signed = (v: number) => formatMoney(v, currency, { compact: true, signed: true });
  const labels = ['Baseline NPV', ...order.map((d) => driverLabel(d)), 'Variant NPV'];
  const bars: [number, number][] = [];
  const colors: string[] = [];
  const whiskers: ([number, number] | null)[] = [null];
  const text: string[] = [fmt(baselineNpv)];
  let level = baselineNpv;
  for (const d of order) {
    const s = drivers[d];
    bars.push([level, level + s.mean]);
    whiskers.push([level + s.p10, level + s.p90]);
    colors.push(s.mean >= 0 ? COLORS.positive : COLORS.negative);
    text.push(signed(s.mean));
    level += s.mean;
  }
  whiskers.push(null);
  text.push(fmt(variantNpv));
  const points = [
    baselineNpv,
    variantNpv,
    ...bars.flat(),
    ...whiskers.flatMap((w) => (w ? [...w] : [])),
  ];
  const lo = Math.min(...points);
  const hi = Math.max(...points);
  const pad = Math.max((hi - lo) * 0.12, Math.abs(hi) * 0.001, 1);
  const min = niceFloor(lo - pad, hi - lo + 2 * pad);
  const max = -niceFloor(-(hi + pad), hi - lo + 2 * pad);
  // A total as a level: a thin bar at its value, wide enough to read as a marker.
  const tick = (max - min) * 0.006;
  const totals: ([number, number] | null)[] = labels.map((_, i) =>
    i === 0
      ? [baselineNpv - tick, baselineNpv + tick]
      : i === labels.length - 1
        ? [variantNpv - tick, variantNpv + tick]
        : null,
  );
  const cut = min > 0 || max < 0;
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: 'Total NPV (level)',
          data: totals as unknown as [number, number][],
          backgroundColor: [COLORS.total, ...order.map(() => COLORS.total), COLORS.variant],
          barPercentage: 0.9,
          categoryPercentage: 0.9,
          grouped: false,
        },
        {
          label: `Driver (${currency}, mean)`,
          data: [null, ...bars, null] as unknown as [number, number][],
          backgroundColor: ['transparent', ...colors, 'transparent'],
          borderRadius: 2,
          maxBarThickness: 56,
          grouped: false,
        },
      ],
    },
    options: {
      scales: {
        x: { grid: { display: false }, title: axisTitle('Driver') },
        y: {
          title: axisTitle(`NPV (${currency}, mean over replications)`),
          min,
          max,
          ticks: { callback: fmt },
        },
      },
      plugins: {
        legend: { display: false },
        bars: {
          labels: [
            {
              dataset: 0,
              text: text.map((t, i) => (i === 0 || i === labels.length - 1 ? t : null)),
            },
            {
              dataset: 1,
              text: text.map((t, i) => (i === 0 || i === labels.length - 1 ? null : t)),
            },
          ],
          whiskers: [{ dataset: 1, ranges: whiskers }],
        },
        tooltip: {
          filter: (item) => item.raw !== null,
          callbacks: {
            label: (item) => {
              const i = item.dataIndex;
              if (i === 0) return `Baseline NPV: ${formatMoney(baselineNpv, currency)} (mean)`;
              if (i === labels.length - 1)
                return `Variant NPV: ${formatMoney(variantNpv, currency)} (mean)`;
              const s = drivers[order[i - 1]!];
              return [
                `${labels[i]}: ${formatMoney(s.mean, currency, { signed: true })} (mean)`,
                `P10–P90: ${formatRange(s.p10, s.p90, signed)}`,
              ];
            },
          },
        },
      },
    },
    description: `Baseline NPV ${formatMoney(baselineNpv, currency, { compact: true })}; ${order
      .map(
        (d) =>
          `${driverLabel(d)} ${formatMoney(drivers[d].mean, currency, { compact: true, signed: true })} (P10–P90 ${formatRange(drivers[d].p10, drivers[d].p90, signed)})`,
      )
      .join(', ')}; variant NPV ${formatMoney(variantNpv, currency, { compact: true })}.`,
    ...(cut
      ? {
          note: `The axis starts at ${fmt(min)}, not at zero: the totals are drawn as level markers, not bars, so only the drivers' bars have lengths to compare. Whiskers span each driver's P10–P90 over the replications.`,
        }
      : { note: "Whiskers span each driver's P10–P90 over the replications." }),
    values: {
      baseline: baselineNpv,
      variant: variantNpv,
      axisMin: min,
      drivers: Object.fromEntries(
        order.map((d) => [d, { mean: drivers[d].mean, p10: drivers[d].p10, p90: drivers[d].p90 }]),
      ),
    },
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
    values: {
      centre,
      levers: sorted.map((r) => ({ label: r.label, atMin: r.atMin, atMax: r.atMax })),
    },
  };
}

/**
 * A label broken into lines of at most `width` characters at spaces (chart.js draws an array as
 * lines), so long variant names wrap beside the axis instead of being cut off.
 *
 * @example
 * wrapLabel('Excellent onboarding, servicing and billing', 24);
 * // => ['Excellent onboarding,', 'servicing and billing']
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
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
      labels: rows.map((r) => wrapLabel(r.label, 24)),
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
        legend: {
          position: 'bottom',
          // One swatch per variant in its bar's colour, and the median tick: the P10–P90 dataset
          // has a colour per bar, which chart.js's own legend cannot show.
          labels: {
            generateLabels: () => [
              ...rows.map((r) => ({
                text: `${r.label}: P10–P90`,
                fillStyle: r.color,
                strokeStyle: r.color,
                lineWidth: 0,
                hidden: false,
                datasetIndex: 1,
              })),
              {
                text: 'Median (P50)',
                fillStyle: COLORS.marker,
                strokeStyle: COLORS.marker,
                lineWidth: 0,
                hidden: false,
                datasetIndex: 0,
              },
            ],
          },
          // The swatches stand for bars, not datasets: clicking one must not hide every bar.
          onClick: () => undefined,
        },
        markers: { x: [{ value: 0 }] },
        tooltip: {
          callbacks: {
            title: (items) => rows[items[0]?.dataIndex ?? 0]?.label ?? '',
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
    values: {
      variants: rows.map((r) => ({
        label: r.label,
        color: r.color,
        p10: r.npv.p10,
        p50: r.npv.p50,
        p90: r.npv.p90,
      })),
    },
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
