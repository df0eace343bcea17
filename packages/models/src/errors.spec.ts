import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ParameterError,
  describeValue,
  requireFinite,
  requireInRange,
  requireInteger,
  requireNonNegative,
  requirePositive,
  requireProbability,
} from './errors.ts';

/** The error a call throws (fails the test when it does not throw). */
function thrown(f: () => unknown): ParameterError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return error as ParameterError;
  }
  throw new Error('expected a ParameterError, nothing was thrown');
}

describe('ParameterError', () => {
  it('says name: expected …, got … (the doc example)', () => {
    const error = thrown(() => requireNonNegative('agents', -3));
    expect(error.message).toBe('agents: expected a number ≥ 0, got -3');
    expect(error.name).toBe('ParameterError');
    expect(error).toBeInstanceOf(Error);
    expect(error.parameter).toBe('agents');
    expect(error.expected).toBe('a number ≥ 0');
    expect(error.found).toBe(-3);
  });

  it('keeps a JSON path in the parameter name as it is', () => {
    const error = new ParameterError('variants[1].levers.agents', 'a number ≥ 0', -3);
    expect(error.message).toBe('variants[1].levers.agents: expected a number ≥ 0, got -3');
  });
});

describe('describeValue', () => {
  it('shows numbers as JavaScript writes them, -0 included', () => {
    expect(describeValue(3)).toBe('3');
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(0.1)).toBe('0.1');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(-Infinity)).toBe('-Infinity');
  });

  it('quotes strings and shortens long ones to 37 characters and an ellipsis', () => {
    expect(describeValue('callCentre')).toBe('"callCentre"');
    const long = 'x'.repeat(50);
    expect(describeValue(long)).toBe(`"${'x'.repeat(37)}..."`);
    expect(describeValue('y'.repeat(40))).toBe(`"${'y'.repeat(40)}"`); // 40 is not shortened
  });

  it('names other values without dumping them', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue({ a: 1 })).toBe('an object');
    expect(describeValue(true)).toBe('true');
  });
});

describe('the require… checks', () => {
  it('return the value when it is acceptable', () => {
    expect(requireFinite('x', -2.5)).toBe(-2.5);
    expect(requireNonNegative('x', 0)).toBe(0);
    expect(requirePositive('x', 1e-300)).toBe(1e-300);
    expect(requireProbability('p', 0)).toBe(0);
    expect(requireProbability('p', 1)).toBe(1);
    expect(requireInRange('hour', 23, 0, 23)).toBe(23);
    expect(requireInteger('n', 0)).toBe(0);
    expect(requireInteger('n', 5, 5)).toBe(5);
  });

  it('name the parameter, what was expected and what was found', () => {
    expect(thrown(() => requireFinite('rate', NaN)).message).toBe(
      'rate: expected a finite number, got NaN',
    );
    expect(thrown(() => requireFinite('rate', Infinity)).message).toBe(
      'rate: expected a finite number, got Infinity',
    );
    expect(thrown(() => requireNonNegative('spend', NaN)).message).toBe(
      'spend: expected a number ≥ 0, got NaN',
    );
    expect(thrown(() => requirePositive('ahtMinutes', 0)).message).toBe(
      'ahtMinutes: expected a number > 0, got 0',
    );
    expect(thrown(() => requireProbability('fcr', 1.5)).message).toBe(
      'fcr: expected a probability between 0 and 1, got 1.5',
    );
    expect(thrown(() => requireProbability('fcr', -0.1)).message).toBe(
      'fcr: expected a probability between 0 and 1, got -0.1',
    );
    expect(thrown(() => requireInRange('openHour', 24, 0, 23)).message).toBe(
      'openHour: expected a number between 0 and 23, got 24',
    );
    expect(thrown(() => requireInteger('agents', 2.5)).message).toBe(
      'agents: expected a whole number ≥ 0, got 2.5',
    );
    expect(thrown(() => requireInteger('everyMonths', 0, 1)).message).toBe(
      'everyMonths: expected a whole number ≥ 1, got 0',
    );
    expect(thrown(() => requireInteger('months', Infinity)).message).toBe(
      'months: expected a whole number ≥ 0, got Infinity',
    );
  });

  it('requireNonNegative accepts every finite x ≥ 0 and rejects every x < 0, showing it', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        if (x >= 0) {
          expect(requireNonNegative('x', x)).toBe(x);
        } else {
          expect(() => requireNonNegative('x', x)).toThrow(
            `x: expected a number ≥ 0, got ${describeValue(x)}`,
          );
        }
      }),
    );
  });
});

describe('the doc examples of errors.ts', () => {
  it('return the value when it passes, and say what was expected when not', () => {
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue('call centre')).toBe('"call centre"');
    expect(describeValue([1, 2, 3])).toBe('an array of 3');
    expect(describeValue(undefined)).toBe('nothing');
    expect(requireFinite('marginPerProductMonthly', -4)).toBe(-4);
    expect(() => requireFinite('marginPerProductMonthly', NaN)).toThrow(
      'marginPerProductMonthly: expected a finite number, got NaN',
    );
    expect(requireNonNegative('handledMinutes', 0)).toBe(0);
    expect(requirePositive('ahtMinutes', 6)).toBe(6);
    expect(() => requirePositive('ahtMinutes', 0)).toThrow(
      'ahtMinutes: expected a number > 0, got 0',
    );
    expect(requireProbability('fcr', 0.7)).toBe(0.7);
    expect(() => requireProbability('fcr', 70)).toThrow(
      'fcr: expected a probability between 0 and 1, got 70',
    );
    expect(requireInRange('shrinkage', 0.3, 0, 0.9)).toBe(0.3);
    expect(() => requireInRange('shrinkage', 1, 0, 0.9)).toThrow(
      'shrinkage: expected a number between 0 and 0.9, got 1',
    );
    expect(requireInteger('tenureMonths', 12)).toBe(12);
    expect(() => requireInteger('startMonth', 0, 1)).toThrow(
      'startMonth: expected a whole number ≥ 1, got 0',
    );
  });
});
