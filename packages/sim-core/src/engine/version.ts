/**
 * The engine version stamps every result. Bump it whenever a change can move any simulated number
 * (the random-stream derivation, the monthly step, the queue): same scenario + seed + engine
 * version ⇒ bit-identical results, and the scenario snapshots are re-recorded with the bump.
 */
export const ENGINE_VERSION = '2.0.0';
