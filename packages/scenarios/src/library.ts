/**
 * The scenario library: the versioned scenario files in `library/`, bundled as static JSON imports
 * (see libraryFiles.ts, where adding a scenario is one line), each validated once, on first use.
 */
import { cloneJson } from './plan.ts';
import { migrateScenario } from './migrations.ts';
import type { Scenario } from './schema/scenarioSchema.ts';
import { formatScenarioError } from './validate/errors.ts';
import { validateScenario } from './validate/validateScenario.ts';
import * as FILES from './libraryFiles.ts';

/** The scenario the app opens with. */
export const DEFAULT_SCENARIO_ID = 'default';

const RAW: Readonly<Record<string, unknown>> = FILES;

/** Ids of the library's scenarios: the default first, then alphabetical. */
export const LIBRARY_IDS: readonly string[] = Object.keys(RAW).sort((a, b) =>
  a === DEFAULT_SCENARIO_ID ? -1 : b === DEFAULT_SCENARIO_ID ? 1 : a < b ? -1 : a > b ? 1 : 0,
);

export interface LibraryEntry {
  id: string;
  title: string;
  description: string;
}

function text(value: unknown, key: string): string {
  const field =
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)[key]
      : undefined;
  return typeof field === 'string' ? field : '';
}

/** What the library page lists: id, title and description of each scenario (read without validating). */
export const LIBRARY: readonly LibraryEntry[] = LIBRARY_IDS.map((id) => ({
  id,
  title: text(RAW[id], 'title'),
  description: text(RAW[id], 'description'),
}));

const validated = new Map<string, Scenario>();

/**
 * A library scenario, validated (once) and copied, so the caller may change it freely. Throws when
 * the id is unknown or the file is invalid (a test validates every file, so that is a bug).
 *
 * @example
 * libraryScenario('default').run.seed; // => 20261125
 */
export function libraryScenario(id: string): Scenario {
  let scenario = validated.get(id);
  if (scenario === undefined) {
    if (!Object.hasOwn(RAW, id)) {
      throw new Error(`no library scenario "${id}" (the library has: ${LIBRARY_IDS.join(', ')})`);
    }
    const migrated = migrateScenario(RAW[id]);
    const result = migrated.ok ? validateScenario(migrated.scenario) : migrated;
    if (!result.ok) {
      const lines = result.errors.map((e) => `  ${formatScenarioError(e)}`).join('\n');
      throw new Error(`the library scenario library/${id}.json is invalid:\n${lines}`);
    }
    if (result.scenario.id !== id) {
      throw new Error(
        `the library scenario library/${id}.json has the id "${result.scenario.id}"; a library file is named after its id`,
      );
    }
    scenario = result.scenario;
    validated.set(id, scenario);
  }
  return cloneJson(scenario);
}
