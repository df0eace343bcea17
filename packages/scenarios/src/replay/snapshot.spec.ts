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
  });
});
