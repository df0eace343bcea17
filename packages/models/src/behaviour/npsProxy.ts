/**
 * Net Promoter Score proxy from satisfaction counts: % promoters − % detractors, in −100…100.
 * Customers at or above promoterThreshold (9) are promoters, at or below detractorThreshold (6)
 * detractors, as in Reichheld's 0–10 question (Reichheld 2003, HBR). It is a proxy: the model's
 * satisfaction stands in for the survey answer.
 *
 * @example
 * npsProxy(300, 200, 1000); // => 10
 */
export function npsProxy(promoters: number, detractors: number, customers: number): number {
  if (!(customers > 0)) return 0;
  return (100 * (promoters - detractors)) / customers;
}
