import { requireInteger, requireNonNegative } from '../errors.ts';

/** Parameters of {@link erlangB}. */
export interface ErlangBParams {
  /** Servers (agents, lines, trunks): a whole number ≥ 0. */
  readonly agents: number;
  /**
   * Offered load A in Erlangs: arrival rate × mean holding time in the same time unit
   * (e.g. 100 calls per hour × 0.1 hour = 10 Erlangs). A number ≥ 0.
   */
  readonly offeredLoadErlangs: number;
}

/**
 * Erlang B: the probability that a caller finds all `agents` busy in a loss system (M/M/N/N,
 * no waiting room: a caller who finds every server busy is lost), for an offered load of A
 * Erlangs. By insensitivity it holds for any holding-time distribution with the given mean.
 *
 * It is also the building block of Erlang C and Erlang A: B(N, A) is the probability of state N
 * relative to states 0..N of the M/M/N chain, so those models never need factorials.
 *
 * Formula (Erlang 1917): B(N, A) = (A^N / N!) / Σ_{k=0..N} A^k / k!. Computed by the stable
 * recursion B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), whose every intermediate value is a
 * probability in [0, 1], so it works for thousands of servers with no factorial overflow (the
 * recursion is standard in the teletraffic literature, e.g. Iversen, "Teletraffic Engineering
 * and Network Planning" (ITU-D handbook), the chapter on Erlang's loss system). It costs N steps.
 * For very light loads (B below ~1e-308) the result underflows to 0, the correct double.
 *
 * @example
 * erlangB({ agents: 10, offeredLoadErlangs: 5 });
 * // => 0.018384... (the classic Erlang B table entry)
 */
export function erlangB(params: ErlangBParams): number {
  const agents = requireInteger('agents', params.agents);
  const load = requireNonNegative('offeredLoadErlangs', params.offeredLoadErlangs);
  let blocking = 1;
  for (let n = 1; n <= agents; n++) {
    const carried = load * blocking;
    blocking = carried / (n + carried);
  }
  return blocking;
}
