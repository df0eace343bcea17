/**
 * One error format for every model: the parameter's name, what was expected and what was found.
 *
 * Models validate their parameters once, where they are constructed or first called; the engine's
 * hot loop then trusts its typed input. The scenario validator (packages/scenarios) reports the
 * same words with a JSON path in front, so an analyst sees one vocabulary everywhere.
 *
 * @example
 * requireNonNegative('agents', -3);
 * // throws ParameterError: "agents: expected a number ≥ 0, got -3"
 */
export class ParameterError extends Error {
  override readonly name = 'ParameterError';
  constructor(
    readonly parameter: string,
    readonly expected: string,
    readonly found: unknown,
  ) {
    super(`${parameter}: expected ${expected}, got ${describeValue(found)}`);
  }
}

/** How a found value is shown in an error message: short, unambiguous, never a dump. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    return String(value);
  }
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(shown);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A finite number (no NaN, no ±Infinity). */
export function requireFinite(parameter: string, value: number): number {
  if (!isFiniteNumber(value)) throw new ParameterError(parameter, 'a finite number', value);
  return value;
}

/** A finite number ≥ 0. */
export function requireNonNegative(parameter: string, value: number): number {
  if (!isFiniteNumber(value) || value < 0) {
    throw new ParameterError(parameter, 'a number ≥ 0', value);
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(parameter: string, value: number): number {
  if (!isFiniteNumber(value) || value <= 0) {
    throw new ParameterError(parameter, 'a number > 0', value);
  }
  return value;
}

/** A probability: a finite number in [0, 1]. */
export function requireProbability(parameter: string, value: number): number {
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    throw new ParameterError(parameter, 'a probability between 0 and 1', value);
  }
  return value;
}

/** A finite number in [min, max]. */
export function requireInRange(parameter: string, value: number, min: number, max: number): number {
  if (!isFiniteNumber(value) || value < min || value > max) {
    throw new ParameterError(parameter, `a number between ${min} and ${max}`, value);
  }
  return value;
}

/** A whole number ≥ min (default 0). */
export function requireInteger(parameter: string, value: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) {
    throw new ParameterError(parameter, `a whole number ≥ ${min}`, value);
  }
  return value;
}
