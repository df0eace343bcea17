import { describe, expect, it } from 'vitest';
import {
  checkExpectations,
  compareSnapshots,
  expectedRange,
  looksLikeSnapshot,
  snapshotProblem,
  type Snapshot,
} from './snapshot.ts';
import type { RunResult } from '@journeycast/sim-core';
import type { Scenario } from '../schema/scenarioSchema.ts';

const snapshot = (): Snapshot => ({
  scenario: 's',
  hash: 'sha256:0000000000000000',
  engineVersion: '1.0.0',
  seed: 1,
  replications: 10,
  agents: 100,
  figures: {
    baseline: { 'totals.revenue.mean': { value: 1000, se: 10 } },
    v: {
      'vsBaseline.pNpvPositive': { value: 0.5, se: 0.158 },
      'vsBaseline.roi.p50': { value: null, se: null },
    },
  },
});

describe('snapshotProblem', () => {
  it('accepts what replay --update writes, and tells it from a scenario', () => {
    expect(snapshotProblem(snapshot())).toBeUndefined();
    expect(looksLikeSnapshot(snapshot())).toBe(true);
    expect(looksLikeSnapshot({ ...snapshot(), schemaVersion: 2 })).toBe(false);
    expect(looksLikeSnapshot({ schemaVersion: 2, id: 'x' })).toBe(false);
  });

  it('says what is wrong with a damaged snapshot', () => {
    const { hash: _, ...noHash } = snapshot();
    expect(snapshotProblem(noHash)).toBe('missing key "hash"');
    expect(snapshotProblem({ ...snapshot(), extra: 1 })).toBe('unknown key "extra"');
    expect(snapshotProblem({ ...snapshot(), seed: '1' })).toBe('seed: expected a whole number');
    expect(snapshotProblem({ ...snapshot(), figures: { v: { m: { value: 'x', se: 1 } } } })).toBe(
      'figures.v["m"]: expected {"value": number or null, "se": number or null}',
    );
    expect(snapshotProblem([])).toBe('expected a JSON object');
  });
});

describe('compareSnapshots', () => {
  it('finds nothing when nothing moved', () => {
    expect(compareSnapshots(snapshot(), snapshot())).toEqual({ stamp: [], changes: [] });
  });

  it('says which figure moved, by how much and by how many standard errors', () => {
    const now = snapshot();
    now.figures.baseline!['totals.revenue.mean']!.value = 1030;
    now.figures.v!['vsBaseline.roi.p50']!.value = 1.5;
    expect(compareSnapshots(snapshot(), now).changes).toEqual([
      {
        variant: 'baseline',
        metric: 'totals.revenue.mean',
        before: 1000,
        after: 1030,
        change: 30,
        se: 10,
        standardErrors: 3,
      },
      {
        variant: 'v',
        metric: 'vsBaseline.roi.p50',
        before: null,
        after: 1.5,
        change: null,
        se: null,
        standardErrors: null,
      },
    ]);
  });

  it('reports a changed stamp: hash, engine version, run settings', () => {
    const now = {
      ...snapshot(),
      hash: 'sha256:1111111111111111',
      engineVersion: '1.0.1',
      replications: 20,
    };
    expect(compareSnapshots(snapshot(), now).stamp).toEqual([
      'the scenario changed since its snapshot (hash sha256:0000000000000000 → sha256:1111111111111111)',
      'the engine changed since the snapshot (version 1.0.0 → 1.0.1)',
      'replications: 10 in the snapshot, 20 now',
    ]);
  });
});

describe('checkExpectations', () => {
  const result = {
    variants: { v: { vsBaseline: { pNpvPositive: 0.7, roi: { p50: null } } } },
  } as unknown as RunResult;
  const scenario = (expect: Scenario['expect']) => ({ expect }) as Scenario;

  it('holds a metric to its bounds; a metric without a value fails', () => {
    const outcomes = checkExpectations(
      scenario([
        { variant: 'v', metric: 'vsBaseline.pNpvPositive', min: 0.6 },
        { variant: 'v', metric: 'vsBaseline.pNpvPositive', min: 0.8 },
        { variant: 'v', metric: 'vsBaseline.pNpvPositive', min: 0, max: 0.6 },
        { variant: 'v', metric: 'vsBaseline.roi.p50', min: 0 },
      ]),
      result,
    );
    expect(outcomes.map((o) => [o.ok, o.value])).toEqual([
      [true, 0.7],
      [false, 0.7],
      [false, 0.7],
      [false, null],
    ]);
    expect(expectedRange({ variant: 'v', metric: 'm', min: -1, max: 1 })).toBe('between -1 and 1');
    expect(expectedRange({ variant: 'v', metric: 'm', max: 0 })).toBe('≤ 0');
    expect(expectedRange({ variant: 'v', metric: 'm', min: 0, marginSe: 2 })).toBe('≥ 0 by 2 SE');
  });

  describe('variant against variant (compareTo)', () => {
    const stat = (mean: number, se: number) => ({ mean, se });
    // Incremental NPV per replication: b beats a by 10 in every replication give or take 1, while
    // each side alone varies by ±100 (common random numbers: the noise is shared).
    const a = [100, 300, -100, 200, 0];
    const b = [111, 309, -91, 211, 9];
    const compared = {
      replications: 5,
      variants: {
        baseline: { totals: { revenue: stat(1000, 8) } },
        a: {
          totals: { revenue: stat(1040, 8) },
          vsBaseline: {
            npv: stat(100, 70.7),
            npvSamples: a,
            pNpvPositive: 0.6,
            deltas: { revenue: stat(40, 2) },
          },
        },
        b: {
          totals: { revenue: stat(1050, 8) },
          vsBaseline: {
            npv: stat(109.8, 70.7),
            npvSamples: b,
            pNpvPositive: 0.8,
            deltas: { revenue: stat(50, 2) },
          },
        },
      },
    } as unknown as RunResult;

    it('bounds the difference, with the paired standard error of incremental NPV', () => {
      const [npv] = checkExpectations(
        scenario([
          { variant: 'b', metric: 'vsBaseline.npv.mean', compareTo: 'a', min: 0, marginSe: 2 },
        ]),
        compared,
      );
      expect(npv!.value).toBeCloseTo(9.8, 12);
      expect(npv!.sides).toEqual({ variant: 109.8, compareTo: 100 });
      // Differences 11, 9, 9, 11, 9: a paired SE of 0.49, where each side alone varies by ±100.
      const d = b.map((x, r) => x - a[r]!);
      const mean = d.reduce((t, x) => t + x) / 5;
      const se = Math.sqrt(d.reduce((t, x) => t + (x - mean) ** 2, 0) / 4 / 5);
      expect(npv!.seKind).toBe('paired');
      expect(npv!.se).toBeCloseTo(se, 12);
      expect(npv!.clearance).toBeCloseTo(9.8 / se, 9);
      expect(npv!.ok).toBe(true);
    });

    it('falls back to an unpaired √(se₁² + se₂²), and a margin it does not clear fails', () => {
      const [revenue, shares, margin, wider] = checkExpectations(
        scenario([
          { variant: 'b', metric: 'totals.revenue.mean', compareTo: 'a', min: 0 },
          { variant: 'b', metric: 'vsBaseline.pNpvPositive', compareTo: 'a', min: 0 },
          { variant: 'b', metric: 'totals.revenue.mean', compareTo: 'a', min: 0, marginSe: 3 },
          { variant: 'b', metric: 'totals.revenue.mean', compareTo: 'a', min: 0, marginSe: 4 },
        ]),
        compared,
      );
      // Totals of two variants: through their paired deltas (se 2 each), not their totals (se 8).
      expect([revenue!.value, revenue!.seKind, revenue!.se]).toEqual([
        10,
        'unpaired',
        Math.sqrt(8),
      ]);
      expect(revenue!.ok).toBe(true);
      const binomial = (p: number) => (p * (1 - p)) / 5;
      expect(shares!.se).toBeCloseTo(Math.sqrt(binomial(0.6) + binomial(0.8)), 12);
      // 10 / 2.83 = 3.5 SE above 0: a margin of 3 SE holds, one of 4 does not.
      expect(margin!.clearance).toBeCloseTo(10 / Math.sqrt(8), 12);
      expect(margin!.ok).toBe(true);
      expect(wider!.ok).toBe(false);
      // Without per-replication values, incremental NPV is unpaired from the two sides' errors.
      const a = compared.variants.a!;
      const [npv] = checkExpectations(
        scenario([{ variant: 'b', metric: 'vsBaseline.npv.mean', compareTo: 'a', min: 0 }]),
        {
          ...compared,
          variants: {
            ...compared.variants,
            a: { ...a, vsBaseline: { ...a.vsBaseline!, npvSamples: [] } },
          },
        } as RunResult,
      );
      expect([npv!.seKind, npv!.se]).toEqual(['unpaired', Math.hypot(70.7, 70.7)]);
    });

    it("against the baseline, a total's difference is paired through the variant's deltas", () => {
      const [up, down] = checkExpectations(
        scenario([
          {
            variant: 'b',
            metric: 'totals.revenue.mean',
            compareTo: 'baseline',
            min: 45,
            marginSe: 2,
          },
          { variant: 'baseline', metric: 'totals.revenue.mean', compareTo: 'b', max: -45 },
        ]),
        compared,
      );
      expect([up!.value, up!.se, up!.seKind, up!.clearance, up!.ok]).toEqual([
        50,
        2,
        'paired',
        2.5,
        true,
      ]);
      expect([down!.value, down!.se, down!.seKind]).toEqual([-50, 2, 'paired']);
    });
  });
});
