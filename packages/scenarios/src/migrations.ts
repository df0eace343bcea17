/**
 * Migrations between scenario schema versions: older files load, newer ones are refused with a
 * clear message. Each step is a pure function from version n to n + 1 on plain JSON data; they run
 * in order before validation, so the validator only ever sees the current version.
 *
 * Adding version 3: write `v2ToV3`, register it in MIGRATIONS under 2, bump SCHEMA_VERSION in
 * schema/scenarioSchema.ts, and add a fixture of a version 2 file to the tests.
 */
import { describeValue, QUALITY_LEVELS } from '@journeycast/models';
import { cloneJson } from './plan.ts';
import { SCHEMA_VERSION } from './schema/scenarioSchema.ts';
import { isPlainObject } from './validate/checkSchema.ts';
import type { ScenarioError } from './validate/errors.ts';

type Json = Record<string, unknown>;

export interface MigrationStep {
  from: number;
  to: number;
  /** What changed, for the changelog and `--help`. */
  summary: string;
  migrate: (scenario: Json) => Json;
}

/** The satisfaction spread version 1 files get: they had none, and 1.0 point is a typical spread. */
export const V1_SATISFACTION_SPREAD = 1;

function entries(value: unknown): [string, Json][] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, Json] => isPlainObject(entry[1]));
}

/** A version 1 quality (0 poor … 3 excellent) as a name; anything else is left for the validator. */
function qualityName(value: unknown): unknown {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value < QUALITY_LEVELS.length
    ? QUALITY_LEVELS[value]
    : value;
}

/** Journey and touchpoint qualities from numbers to names, in place. */
function migrateQualities(journeys: unknown): void {
  for (const [, journey] of entries(journeys)) {
    if (Object.hasOwn(journey, 'quality')) journey.quality = qualityName(journey.quality);
    for (const [, touchpoint] of entries(journey.touchpoints)) {
      if (Object.hasOwn(touchpoint, 'quality'))
        touchpoint.quality = qualityName(touchpoint.quality);
    }
  }
}

/** Adds the version 2 satisfaction spread to the segments that lack one, in place. */
function addSpread(segments: unknown, except: ReadonlySet<string> = new Set()): void {
  for (const [id, segment] of entries(segments)) {
    if (!except.has(id) && !Object.hasOwn(segment, 'satisfactionSpread')) {
      segment.satisfactionSpread = V1_SATISFACTION_SPREAD;
    }
  }
}

/**
 * Version 1 → 2:
 * - `run.simulatedAgents` became `run.agents`;
 * - segments gained `satisfactionSpread` (version 1 files get 1.0);
 * - journey and touchpoint `quality` went from numbers 0–3 to names (0 poor, 1 average, 2 good,
 *   3 excellent), in the model and in variants' overrides;
 * - `$schema` became allowed (nothing to do: version 1 files have none).
 * Levers on qualities already ran 0–3 and are unchanged.
 */
export function v1ToV2(input: Json): Json {
  const out = cloneJson(input);
  out.schemaVersion = 2;
  const run = out.run;
  if (
    isPlainObject(run) &&
    Object.hasOwn(run, 'simulatedAgents') &&
    !Object.hasOwn(run, 'agents')
  ) {
    // Rebuilt rather than patched so `agents` keeps the place `simulatedAgents` had.
    out.run = Object.fromEntries(
      Object.entries(run).map(([k, v]) => [k === 'simulatedAgents' ? 'agents' : k, v]),
    );
  }
  const model = out.model;
  const baseSegments = new Set<string>();
  if (isPlainObject(model)) {
    addSpread(model.segments);
    for (const [id] of entries(model.segments)) baseSegments.add(id);
    migrateQualities(model.journeys);
  }
  if (Array.isArray(out.variants)) {
    for (const variant of out.variants) {
      if (!isPlainObject(variant) || !isPlainObject(variant.overrides)) continue;
      // Overrides of existing segments inherit the baseline's spread; new segments need their own.
      addSpread(variant.overrides.segments, baseSegments);
      migrateQualities(variant.overrides.journeys);
    }
  }
  return out;
}

/** The steps by the version they start from. */
export const MIGRATIONS: ReadonlyMap<number, MigrationStep> = new Map([
  [
    1,
    {
      from: 1,
      to: 2,
      summary:
        'run.simulatedAgents → run.agents; segments gain satisfactionSpread; qualities become names',
      migrate: v1ToV2,
    },
  ],
]);

/** The oldest schema version this build can read. */
export const OLDEST_SCHEMA_VERSION = Math.min(SCHEMA_VERSION, ...MIGRATIONS.keys());

export type MigrationResult =
  { ok: true; scenario: unknown; migratedFrom?: number } | { ok: false; errors: ScenarioError[] };

/**
 * Brings a parsed scenario file to the current schema version. Pure: the input is not changed.
 *
 * @example
 * migrateScenario({ schemaVersion: 1, run: { simulatedAgents: 5000, … }, … });
 * // => { ok: true, scenario: { schemaVersion: 2, run: { agents: 5000, … }, … }, migratedFrom: 1 }
 */
export function migrateScenario(input: unknown): MigrationResult {
  if (!isPlainObject(input)) {
    return {
      ok: false,
      errors: [
        { path: '', message: `expected a scenario (a JSON object), got ${describeValue(input)}` },
      ],
    };
  }
  const readable = `this build reads versions ${OLDEST_SCHEMA_VERSION} to ${SCHEMA_VERSION}`;
  if (!Object.hasOwn(input, 'schemaVersion')) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `missing: every scenario file says its schemaVersion (${readable})`,
        },
      ],
    };
  }
  const version = input.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `expected a whole number ≥ 1 (${readable}), got ${describeValue(version)}`,
        },
      ],
    };
  }
  if (version > SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `written by a newer Journeycast: schemaVersion ${version}; this build reads up to ${SCHEMA_VERSION}`,
        },
      ],
    };
  }
  if (version === SCHEMA_VERSION) return { ok: true, scenario: input };
  let current: Json = input;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.get(v);
    if (step === undefined) {
      return {
        ok: false,
        errors: [{ path: 'schemaVersion', message: `version ${version} is too old: ${readable}` }],
      };
    }
    current = step.migrate(current);
  }
  return { ok: true, scenario: current, migratedFrom: version };
}
