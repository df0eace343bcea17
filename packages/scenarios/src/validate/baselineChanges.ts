/**
 * Changes to a scenario's baseline model from outside the file (the CLI's `--set PATH=VALUE`, a
 * shared URL's parameters): each path must exist in the model, each value must be plain JSON (a
 * number, text, true/false or null), and the changed scenario is validated like a file, so every
 * variant inherits a change that its own model accepts.
 */
import { describeValue, QUALITY_LEVELS } from '@journeycast/models';
import { cloneJson, parsePath, setPath } from '../plan.ts';
import type { Scenario } from '../schema/scenarioSchema.ts';
import type { ScenarioError } from './errors.ts';
import { lookupPath } from './modelPaths.ts';
import { validateScenario, type ValidationResult } from './validateScenario.ts';

export interface BaselineChange {
  /** Path in the model, e.g. `channels.callCentre.agents`. */
  path: string;
  value: unknown;
}

/**
 * The value of `PATH=VALUE` text: JSON (`32`, `0.8`, `"text"`, `true`, `null`) or a bare quality
 * level (`excellent`). Throws with the reason otherwise, also for a number too large to be finite
 * (`1e400`).
 */
export function parseChangeValue(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    if ((QUALITY_LEVELS as readonly string[]).includes(text)) return text;
    throw new Error(
      `expected a JSON value (a number, "text" in quotes, true, false or null) or a quality level (${QUALITY_LEVELS.join(', ')}), got ${text === '' ? 'nothing' : text}`,
    );
  }
  if (typeof value === 'object' && value !== null) {
    throw new Error(`expected a number, text, true, false or null, got ${describeValue(value)}`);
  }
  // JSON reads 1e400 as Infinity, which no model value may be (and JSON cannot write back).
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`expected a finite number, got ${text}`);
  }
  return value;
}

/**
 * The scenario with its baseline changed, validated; errors name the change (`path`) they come
 * from where they can, else the scenario path the change broke.
 */
export function applyBaselineChanges(
  scenario: Scenario,
  changes: readonly BaselineChange[],
): ValidationResult {
  const model = cloneJson(scenario.model);
  const errors: ScenarioError[] = [];
  for (const change of changes) {
    let parts;
    try {
      parts = parsePath(change.path);
    } catch (error) {
      errors.push({
        path: change.path,
        message: (error as Error).message.replace(`${change.path}: `, ''),
      });
      continue;
    }
    const lookup = lookupPath(model, parts);
    if (!lookup.found) {
      errors.push({ path: change.path, message: lookup.problem });
      continue;
    }
    if (typeof lookup.value === 'object' && lookup.value !== null) {
      errors.push({
        path: change.path,
        message: `is ${describeValue(lookup.value)}: name one of its values, e.g. ${change.path}.${Object.keys(lookup.value)[0] ?? '…'}`,
      });
      continue;
    }
    setPath(model, change.path, change.value);
  }
  if (errors.length > 0) return { ok: false, errors };
  return validateScenario({ ...scenario, model });
}
