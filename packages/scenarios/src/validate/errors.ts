/**
 * The one error format of scenario files: a JSON path and a sentence, rendered
 * `${path}: ${message}`, e.g.
 * `variants[1].overrides.channels.callCentre.agents: expected a whole number ≥ 0, got -3`.
 */

/** One problem with a scenario: where (a JSON path, '' for the file as a whole) and what. */
export interface ScenarioError {
  /** JSON path inside the scenario, e.g. `model.channels.callCentre.agents`; '' for the file. */
  path: string;
  message: string;
  /** The file the error is about, when known (parseScenarioText's fileName). */
  file?: string;
}

/** Errors reported at most; the rest are counted in a last "… and N more" line. */
export const MAX_ERRORS = 200;

/** `file: path: message`, leaving out the parts that are empty. */
export function formatScenarioError(error: ScenarioError): string {
  return [error.file, error.path, error.message]
    .filter((part) => part !== undefined && part !== '')
    .join(': ');
}

/** Keeps the first `max` errors and sums up the rest in one line. */
export function capErrors(errors: ScenarioError[], max = MAX_ERRORS): ScenarioError[] {
  if (errors.length <= max) return errors;
  return [...errors.slice(0, max), { path: '', message: `… and ${errors.length - max} more` }];
}

/** A part of a JSON path: an object key or an array index. */
export type PathPart = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Renders path parts the way an analyst writes them: `channels.callCentre.intradayProfile[3]`.
 * Keys that are not identifiers are quoted (`segments["my segment"]`), so every path is unambiguous.
 */
export function renderPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (PLAIN_KEY.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** Joins a rendered prefix and a rendered path (`model` + `channels.x` → `model.channels.x`). */
export function joinPath(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (path === '') return prefix;
  return path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}
