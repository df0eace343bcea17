import { ParameterError, requireProbability } from '../errors.ts';
import { detExp } from '../math/detExp.ts';

/**
 * Moves a probability by a shift in log-odds: the logistic link every behaviour model uses.
 *
 * p' = p·e^x / (1 − p + p·e^x). A shift of +0.405 multiplies the odds by 1.5; a shift of 0 leaves
 * p unchanged; p = 0 and p = 1 stay put. Working on the odds keeps any shift inside [0, 1], which a
 * plain multiplier of p would not (a 2× multiplier of a 60 % churn is not a probability).
 * Source: the proportional-odds (logistic) model, e.g. Hosmer & Lemeshow, "Applied Logistic
 * Regression", ch. 3 (odds ratios). Uses the deterministic `detExp`, so the result is bit-identical
 * in Node and in browsers. It is monotone in both arguments, to the last bit, and always in [0, 1]:
 * a more satisfied customer never gets a higher churn probability from rounding.
 *
 * Checks: p must be a probability and x a number (±Infinity allowed: odds × ∞ or × 0); NaN or a
 * p outside [0, 1] is an error naming the parameter, never a NaN passed on to a churn table. Two
 * comparisons: the engine calls this while building its tables, not per customer.
 *
 * @param probability - the base probability p, in [0, 1]
 * @param logOddsShift - the shift x (natural log of the odds ratio), any number or ±Infinity
 * @example
 * adjustOdds(0.2, Math.log(1.5)); // => 0.2727… (odds 0.25 → 0.375)
 */
export function adjustOdds(probability: number, logOddsShift: number): number {
  requireProbability('probability', probability);
  if (Number.isNaN(logOddsShift)) {
    throw new ParameterError('logOddsShift', 'a number (±Infinity allowed)', logOddsShift);
  }
  if (probability <= 0) return 0;
  if (probability >= 1) return 1;
  if (logOddsShift === 0) return probability;
  // Beyond |x| = 700 the odds move by a factor above 10^304: the answer is 0 or 1 for any p the
  // models use (p ≥ 1e-300). An open-issue multiplier of 0 (x = −745) thus gives exactly 0.
  if (logOddsShift > 700) return 1;
  if (logOddsShift < -700) return 0;
  const factor = detExp(logOddsShift);
  // The same p·e^x / (1 − p + p·e^x), written as 1 / (1 + (1 − p) / (p·e^x)): every rounded step is
  // monotone in p and in e^x, so a higher probability or a larger shift never gives a lower result,
  // not even in the last bit (the plain form can, by an ulp). The exact result lies on the shift's
  // side of p; keeping the rounded one there too makes the result monotone across x = 0.
  const shifted = 1 / (1 + (1 - probability) / (probability * factor));
  if (logOddsShift > 0) return shifted < probability ? probability : shifted;
  return shifted > probability ? probability : shifted;
}
