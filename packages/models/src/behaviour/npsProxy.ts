import { ParameterError, requireNonNegative } from '../errors.ts';

/**
 * Net Promoter Score proxy from satisfaction counts: % promoters − % detractors, in −100…100.
 * Customers at or above promoterThreshold (9) are promoters, at or below detractorThreshold (6)
 * detractors, as in Reichheld's 0–10 question (Reichheld 2003, HBR). It is a proxy: the model's
 * satisfaction stands in for the survey answer.
 *
 * Counts may be fractional (a simulated customer stands for several real ones). 0 when there are
 * no customers. Promoters and detractors are customers too, so together they cannot outnumber
 * them: npsProxy(5, 0, 2) is an error, not an NPS of 250.
 *
 * @param promoters - customers at or above the promoter threshold, ≥ 0
 * @param detractors - customers at or below the detractor threshold, ≥ 0
 * @param customers - all active customers (promoters, passives and detractors), ≥ 0
 * @returns the NPS proxy in points, −100 (all detractors) to 100 (all promoters)
 * @example
 * npsProxy(300, 200, 1000); // => 10 (30 % promoters − 20 % detractors)
 */
export function npsProxy(promoters: number, detractors: number, customers: number): number {
  requireNonNegative('promoters', promoters);
  requireNonNegative('detractors', detractors);
  requireNonNegative('customers', customers);
  // A relative slack of 1e-12: counts scaled from a sample can exceed their total by an ulp.
  if (promoters + detractors > customers * (1 + 1e-12)) {
    throw new ParameterError(
      'promoters + detractors',
      `at most customers (${customers})`,
      promoters + detractors,
    );
  }
  if (customers === 0) return 0;
  return (100 * (promoters - detractors)) / customers;
}
