import { describe, expect, it } from 'vitest';
import { DRIVERS, type Driver, type Stat } from '@journeycast/sim-core';
import { COLORS, type BarDecorations } from './setup.ts';
import { compareNpvChart, npvHistogram, waterfall, wrapLabel } from './builders.ts';

const stat = (mean: number, spread = Math.abs(mean) / 4 + 1): Stat => ({
  mean,
  sd: spread,
  se: spread / 10,
  p10: mean - spread,
  p50: mean,
  p90: mean + spread,
  min: mean - 2 * spread,
  max: mean + 2 * spread,
  n: 100,
});

describe('waterfall', () => {
  const drivers = Object.fromEntries(DRIVERS.map((d) => [d, stat(0, 0)])) as Record<Driver, Stat>;
  drivers.retention = stat(1_140_000);
  drivers.costToServe = stat(-2_860_000);
  const order: Driver[] = ['retention', 'costToServe'];
  const base = 190_100_000;
  const variant = base + 1_140_000 - 2_860_000;
  const spec = waterfall(base, drivers, variant, 'EUR', order);
  const [totals, bars] = spec.data.datasets;
  // The options type makes every nested field optional; the builder fills them all.
  const decorations = spec.options.plugins!.bars as BarDecorations;
  const labels = decorations.labels!;

  it('labels every bar with its value', () => {
    const shown = spec.data.labels!.map((_, i) => labels[0]!.text[i] ?? labels[1]!.text[i] ?? null);
    expect(shown.every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    expect(shown[1]).toMatch(/^\+€1\.14[mM]$/);
    expect(shown[2]).toMatch(/^\u2212€2\.86[mM]$/);
  });

  it('draws the totals as level markers, not bars from zero, on an axis that says where it starts', () => {
    const first = totals!.data[0] as unknown as [number, number];
    const last = totals!.data.at(-1) as unknown as [number, number];
    const min = spec.options.scales!.y!.min as number;
    expect(min).toBeGreaterThan(0);
    // A marker is thin: a sliver of the axis around the total, never a bar from the axis start.
    for (const [marker, total] of [
      [first, base],
      [last, variant],
    ] as const) {
      expect(marker[0]).toBeLessThan(total);
      expect(marker[1]).toBeGreaterThan(total);
      expect(marker[1] - marker[0]).toBeLessThan((base - min) / 10);
    }
    expect(spec.note).toContain('not at zero');
    expect(spec.note).toContain('level markers');
  });

  it('chains the drivers from the baseline to the variant, each with its P10–P90 whisker', () => {
    expect(bars!.data.slice(1, -1)).toEqual([
      [base, base + 1_140_000],
      [base + 1_140_000, variant],
    ]);
    const whiskers = decorations.whiskers![0]!.ranges;
    expect(whiskers.length).toBe(4);
    expect(whiskers[1]!).toEqual([base + drivers.retention.p10, base + drivers.retention.p90]);
    expect(whiskers[0]).toBeNull();
    expect(spec.values).toMatchObject({ baseline: base, variant });
    expect(bars!.backgroundColor).toEqual([
      'transparent',
      COLORS.positive,
      COLORS.negative,
      'transparent',
    ]);
  });
});

describe('compare NPV chart', () => {
  const rows = [
    { label: 'Excellent onboarding, servicing and billing', npv: stat(15e6), color: '#111111' },
    { label: 'A better app', npv: stat(-2e5), color: '#222222' },
  ];
  const spec = compareNpvChart(rows, 'EUR');

  it('wraps long labels instead of cutting them', () => {
    expect(spec.data.labels![0]).toEqual(['Excellent onboarding,', 'servicing and billing']);
    expect(wrapLabel('A better app', 24)).toEqual(['A better app']);
  });

  it('gives each variant a legend swatch in its own bar colour', () => {
    const generate = spec.options.plugins!.legend!.labels!.generateLabels!;
    const items = generate(undefined as never);
    const bars = spec.data.datasets[1]!.backgroundColor as string[];
    expect(items.slice(0, 2).map((i) => i.fillStyle)).toEqual(bars);
    expect(items.map((i) => i.text)).toEqual([
      'Excellent onboarding, servicing and billing: P10–P90',
      'A better app: P10–P90',
      'Median (P50)',
    ]);
  });
});

describe('NPV histogram', () => {
  it('leaves headroom above the bars for the P(NPV > 0) label', () => {
    const spec = npvHistogram([1, 2, 2, 3, 3, 3, 4], 1, 'EUR');
    expect((spec.options.scales!.y as { grace?: unknown }).grace).toBe('22%');
  });
});
