import { readFileSync } from 'node:fs';
import { QUALITY_LEVELS } from '@journeycast/models';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from './canonical.ts';
import {
  MIGRATIONS,
  migrateScenario,
  OLDEST_SCHEMA_VERSION,
  V1_SATISFACTION_SPREAD,
  v1ToV2,
} from './migrations.ts';
import { cloneJson } from './plan.ts';
import { SCHEMA_VERSION } from './schema/scenarioSchema.ts';
import { validateScenario } from './validate/validateScenario.ts';

// src/fixtures/default.v1.json is library/default.json written back in the version 1 format
// (run.simulatedAgents, no satisfactionSpread, qualities as numbers 0–3, no $schema).
const v1 = (): Record<string, any> =>
  JSON.parse(readFileSync(new URL('./fixtures/default.v1.json', import.meta.url), 'utf8'));

/** Version 2 back to version 1, written independently of the migration, to check it loses nothing. */
function downgrade(s: Record<string, any>): Record<string, any> {
  const out = cloneJson(s);
  out.schemaVersion = 1;
  out.run = Object.fromEntries(
    Object.entries(out.run).map(([k, v]) => [k === 'agents' ? 'simulatedAgents' : k, v]),
  );
  for (const segment of Object.values<any>(out.model.segments)) {
    expect(segment.satisfactionSpread).toBe(V1_SATISFACTION_SPREAD);
    delete segment.satisfactionSpread;
  }
  const numbers = (journeys: Record<string, any> | undefined) => {
    for (const j of Object.values<any>(journeys ?? {})) {
      if ('quality' in j) j.quality = QUALITY_LEVELS.indexOf(j.quality);
      for (const t of Object.values<any>(j.touchpoints ?? {}))
        if ('quality' in t) t.quality = QUALITY_LEVELS.indexOf(t.quality);
    }
  };
  numbers(out.model.journeys);
  for (const v of out.variants) numbers(v.overrides.journeys);
  return out;
}

describe('migrations', () => {
  it('has a step from every older version to the current one, each one version up', () => {
    for (let v = OLDEST_SCHEMA_VERSION; v < SCHEMA_VERSION; v++) {
      expect(MIGRATIONS.get(v)).toMatchObject({ from: v, to: v + 1 });
    }
    expect(OLDEST_SCHEMA_VERSION).toBe(1);
  });

  it('brings the version 1 fixture to a valid version 2 scenario, losing nothing', () => {
    const input = v1();
    const result = migrateScenario(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    const migrated = result.scenario as Record<string, any>;
    expect(validateScenario(migrated).ok).toBe(true);
    expect(migrated.schemaVersion).toBe(2);
    expect(migrated.run.agents).toBe(input.run.simulatedAgents);
    expect(migrated.run).not.toHaveProperty('simulatedAgents');
    expect(Object.keys(migrated.run)).toEqual(
      Object.keys(input.run).map((k) => (k === 'simulatedAgents' ? 'agents' : k)),
    );
    expect(migrated.model.journeys.onboarding.quality).toBe('average');
    expect(migrated.model.journeys.incidents.quality).toBe('poor');
    expect(downgrade(migrated)).toEqual(input);
    // A regression stamp: the migration's output of the committed fixture must not change unnoticed.
    expect(scenarioHash(migrated)).toBe('sha256:521a21a1fbc3514a');
  });

  it('is pure: the input is left as it was', () => {
    const input = v1();
    const before = cloneJson(input);
    migrateScenario(input);
    expect(input).toEqual(before);
  });

  it("migrates variants' overrides: qualities, and the spread of segments they add", () => {
    const input = v1();
    input.variants[0].overrides = {
      journeys: { servicing: { quality: 3, touchpoints: { complaint: { quality: 0 } } } },
      segments: { everyday: { baseMonthlyChurn: 0.02 }, newcomers: { label: 'New' } },
    };
    const out = v1ToV2(input);
    const overrides = (out.variants as any[])[0].overrides;
    expect(overrides.journeys.servicing.quality).toBe('excellent');
    expect(overrides.journeys.servicing.touchpoints.complaint.quality).toBe('poor');
    expect(overrides.segments.everyday).toEqual({ baseMonthlyChurn: 0.02 });
    expect(overrides.segments.newcomers).toEqual({ label: 'New', satisfactionSpread: 1 });
  });

  it('leaves what it cannot migrate for the validator to report', () => {
    const input = v1();
    input.model.journeys.onboarding.quality = 7;
    const out = v1ToV2(input) as any;
    expect(out.model.journeys.onboarding.quality).toBe(7);
    const result = validateScenario(out);
    expect(result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`)).toContain(
      'model.journeys.onboarding.quality: expected one of poor, average, good, excellent, got 7',
    );
  });

  it('refuses newer, missing and invalid versions with a clear message', () => {
    const errors = (input: unknown) => {
      const r = migrateScenario(input);
      return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errors({ schemaVersion: 3 })).toEqual([
      'schemaVersion: written by a newer Journeycast: schemaVersion 3; this build reads up to 2',
    ]);
    expect(errors({ id: 'x' })).toEqual([
      'schemaVersion: missing: every scenario file says its schemaVersion (this build reads versions 1 to 2)',
    ]);
    expect(errors({ schemaVersion: '2' })).toEqual([
      'schemaVersion: expected a whole number ≥ 1 (this build reads versions 1 to 2), got "2"',
    ]);
    expect(errors({ schemaVersion: 0 })).toEqual([
      'schemaVersion: expected a whole number ≥ 1 (this build reads versions 1 to 2), got 0',
    ]);
    expect(errors('text')).toEqual([': expected a scenario (a JSON object), got "text"']);
  });

  it('passes a current file through unchanged', () => {
    const current = { schemaVersion: SCHEMA_VERSION, id: 'x' };
    expect(migrateScenario(current)).toEqual({ ok: true, scenario: current });
  });
});
