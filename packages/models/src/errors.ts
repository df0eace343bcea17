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

/**
 * How a found value is shown in an error message: short, unambiguous, never a dump (a 4 MB string
 * or an object in a message would bury what went wrong). Numbers as JavaScript prints them (−0
 * kept), strings quoted and cut at 40 characters, arrays by their length.
 *
 * @example
 * describeValue(-0); // => '-0'
 * describeValue('call centre'); // => '"call centre"'
 * describeValue([1, 2, 3]); // => 'an array of 3'
 * describeValue(undefined); // => 'nothing'
 */
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

/**
 * Checks that a value is a finite number (no NaN, no ±Infinity) and returns it; otherwise throws a
 * ParameterError naming the parameter. For quantities of any sign: a margin, a satisfaction
 * change, a log-odds sensitivity. Units are the parameter's own.
 *
 * @param parameter - the name shown in the message (a field, or a path such as `behaviour.resolvedDelta`)
 * @param value - the value to check
 * @returns the value, unchanged
 * @example
 * requireFinite('marginPerProductMonthly', -4); // => -4
 * requireFinite('marginPerProductMonthly', NaN);
 * // throws "marginPerProductMonthly: expected a finite number, got NaN"
 */
export function requireFinite(parameter: string, value: number): number {
  if (!isFiniteNumber(value)) throw new ParameterError(parameter, 'a finite number', value);
  return value;
}

/**
 * Checks that a value is a finite number ≥ 0 and returns it: counts, amounts of money spent,
 * minutes, multipliers. 0 is allowed (no agents, no budget).
 *
 * @param parameter - the name shown in the message
 * @param value - the value to check
 * @returns the value, unchanged
 * @example
 * requireNonNegative('handledMinutes', 0); // => 0
 * requireNonNegative('agents', -3); // throws "agents: expected a number ≥ 0, got -3"
 */
export function requireNonNegative(parameter: string, value: number): number {
  if (!isFiniteNumber(value) || value < 0) {
    throw new ParameterError(parameter, 'a number ≥ 0', value);
  }
  return value;
}

/**
 * Checks that a value is a finite number > 0 and returns it: what is divided by, or what must
 * exist for a formula to mean anything (handle time in minutes, a reference budget, an expected
 * wait).
 *
 * @param parameter - the name shown in the message
 * @param value - the value to check
 * @returns the value, unchanged
 * @example
 * requirePositive('ahtMinutes', 6); // => 6
 * requirePositive('ahtMinutes', 0); // throws "ahtMinutes: expected a number > 0, got 0"
 */
export function requirePositive(parameter: string, value: number): number {
  if (!isFiniteNumber(value) || value <= 0) {
    throw new ParameterError(parameter, 'a number > 0', value);
  }
  return value;
}

/**
 * Checks that a value is a probability, a finite number in [0, 1], and returns it. Shares and
 * probabilities are never percentages in Journeycast (CONTRIBUTING.md): 0.7, not 70.
 *
 * @param parameter - the name shown in the message
 * @param value - the value to check
 * @returns the value, unchanged
 * @example
 * requireProbability('fcr', 0.7); // => 0.7
 * requireProbability('fcr', 70); // throws "fcr: expected a probability between 0 and 1, got 70"
 */
export function requireProbability(parameter: string, value: number): number {
  if (!isFiniteNumber(value) || value < 0 || value > 1) {
    throw new ParameterError(parameter, 'a probability between 0 and 1', value);
  }
  return value;
}

/**
 * Checks that a value is a finite number in [min, max], both included, and returns it: for
 * bounded parameters that are not probabilities (a shrinkage up to 0.9, an elasticity, days a
 * month).
 *
 * @param parameter - the name shown in the message
 * @param value - the value to check
 * @param min - the smallest value allowed
 * @param max - the largest value allowed
 * @returns the value, unchanged
 * @example
 * requireInRange('shrinkage', 0.3, 0, 0.9); // => 0.3
 * requireInRange('shrinkage', 1, 0, 0.9);
 * // throws "shrinkage: expected a number between 0 and 0.9, got 1"
 */
export function requireInRange(parameter: string, value: number, min: number, max: number): number {
  if (!isFiniteNumber(value) || value < min || value > max) {
    throw new ParameterError(parameter, `a number between ${min} and ${max}`, value);
  }
  return value;
}

/**
 * Checks that a value is a whole number ≥ min (default 0) and returns it: months, hours, agents,
 * products.
 *
 * @param parameter - the name shown in the message
 * @param value - the value to check
 * @param min - the smallest value allowed (default 0)
 * @returns the value, unchanged
 * @example
 * requireInteger('tenureMonths', 12); // => 12
 * requireInteger('startMonth', 0, 1); // throws "startMonth: expected a whole number ≥ 1, got 0"
 */
export function requireInteger(parameter: string, value: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) {
    throw new ParameterError(parameter, `a whole number ≥ ${min}`, value);
  }
  return value;
}
