/**
 * Random streams: where every random number in a Journeycast run comes from.
 *
 * How a number is derived (and why)
 * ---------------------------------
 * 1. A **stream key** is derived from (seed, replication, purpose), e.g. (42, 17, "agent"), by
 *    seeding seedrandom's ARC4 generator with the string `journeycast/v1/42/17/agent` and taking
 *    two 32-bit words. Nothing about workers, batches or completion order enters the key.
 * 2. Within a purpose, a draw is a pure function of its coordinates: the key, the customer's
 *    identity, the month and a **slot** naming the decision (touchpoint "card declined" contact,
 *    its channel choice, churn …). The function is a counter-based hash built from a bijective
 *    32-bit mixer (Wellons' "lowbias32", a murmur3-style finaliser tuned by hash-prospector for
 *    low avalanche bias): a month key from (key, month), one round each for the customer's two
 *    identity words (`agentHash`, once per customer and month), then one round per decision
 *    (`slotBits`); `hash3` (acquisition, queue seeds) mixes each coordinate twice. Counter-based generators of this kind are
 *    the standard way to get reproducible parallel streams (Salmon et al. 2011, "Parallel random
 *    numbers: as easy as 1, 2, 3", SC'11).
 * 3. Customer identity is where the customer came from, not where it sits in memory: (month
 *    acquired, source, ordinal within that source and month). The third customer a paid-search
 *    campaign brings in month 5 is "the same person" in a baseline and in every variant.
 *
 * What that buys:
 * - (a) results never depend on worker count, batch size or completion order: a replication's
 *   numbers are fixed by its index alone;
 * - (b) common random numbers: a variant and its baseline draw the same number for the same
 *   customer, month and decision, so paired differences measure the lever, not noise;
 * - (c) changing one lever does not reshuffle unrelated draws: each decision owns its slot, and a
 *   touchpoint's slots come from a hash of its id, not from its position in the file.
 *
 * Sequential streams (the in-month queue's arrivals, handle times and patience) are xorwow
 * generators (the algorithm of seedrandom's `xorwow`, verified against it in the tests) whose
 * state is derived the same way from (key, channel, month, day, hour): a new stream every hour, so
 * a change in one hour's load (two more agents mean fewer repeat calls) shifts no draw of the
 * hours after it, and the k-th caller of an hour keeps their handle time and patience.
 *
 * All arithmetic here is 32-bit integer arithmetic (`Math.imul`, shifts, xor): bit-identical in
 * every JavaScript engine.
 */
import seedrandom from 'seedrandom';

/** Two 32-bit words identifying a stream (purpose) within a replication. */
export interface StreamKey {
  readonly k0: number;
  readonly k1: number;
}

/** The purposes a run draws for. Adding one never changes the numbers of the others. */
export type Purpose =
  'acquisition' | 'agent' | 'queue' | 'uncertainty' | (string & { readonly __purpose?: never });

const KEY_PREFIX = 'journeycast/v1';

/**
 * The key of a stream: seedrandom's ARC4 seeded with `journeycast/v1/<seed>/<replication>/<purpose>`.
 *
 * @example
 * deriveKey(42, 0, 'agent'); // => { k0: …, k1: … } (the same on every machine)
 */
export function deriveKey(seed: number, replication: number, purpose: Purpose): StreamKey {
  const arc4 = seedrandom(`${KEY_PREFIX}/${seed}/${replication}/${purpose}`);
  return { k0: arc4.int32() >>> 0, k1: arc4.int32() >>> 0 };
}

/**
 * A bijective 32-bit mixer (Wellons, "Prospecting for hash functions", 2018: lowbias32,
 * constants 0x21f0aaad / 0x735a2d97, shifts 16/15/15). Every output bit depends on every input bit.
 */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** Hash of a key and three coordinates, as an unsigned 32-bit integer. */
export function hash3(key: StreamKey, a: number, b: number, c: number): number {
  let h = mix32(key.k0 ^ mix32(a ^ 0x9e3779b9));
  h = mix32(h ^ key.k1 ^ mix32(b ^ 0x85ebca6b));
  h = mix32(h ^ mix32(c ^ 0xc2b2ae35));
  return h;
}

/**
 * The key of a month within a purpose: computed once a month, so that each customer's month hash
 * costs two mixing rounds instead of six.
 */
export function monthKey(key: StreamKey, month: number): number {
  return mix32(key.k0 ^ mix32(month ^ 0x9e3779b9));
}

/**
 * The per-customer, per-month hash every draw of that customer in that month starts from:
 * mix(mix(idHi ^ monthKey) ^ idLo ^ k1). Computed once per customer and month; each decision then
 * costs one `slotBits`. (idHi is already a mixed cohort id, idLo the ordinal within the cohort.)
 */
export function agentHash(monthKeyValue: number, k1: number, idHi: number, idLo: number): number {
  let x = (idHi ^ monthKeyValue) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  x = (x ^ idLo ^ k1) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** The month hash of a customer, from the purpose's key (convenience over monthKey + agentHash). */
export function agentMonthHash(key: StreamKey, idHi: number, idLo: number, month: number): number {
  return agentHash(monthKey(key, month), key.k1, idHi, idLo);
}

/** 2^-32: turns an unsigned 32-bit integer into [0, 1). */
export const TWO_POW_M32 = 2.3283064365386963e-10;
/** 2^-33: half a step, so uniforms are strictly inside (0, 1) and safe for log. */
export const TWO_POW_M33 = 1.1641532182693481e-10;

/**
 * The 32 random bits of one decision (slot) of a customer in a month: the month hash with the slot
 * folded in by a golden-ratio multiple, then one round of the bijective mixer. The month hash is
 * already fully mixed, so one round suffices to decorrelate neighbouring slots (the tests check
 * uniformity and independence across slots, customers and months).
 */
export function slotBits(agentMonth: number, slot: number): number {
  let x = agentMonth ^ Math.imul(slot + 1, 0x9e3779b9);
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** A uniform number strictly inside (0, 1) for one decision of a customer in a month. */
export function slotUniform(agentMonth: number, slot: number): number {
  return slotBits(agentMonth, slot) * TWO_POW_M32 + TWO_POW_M33;
}

/** A uniform in (0, 1) from any 32-bit hash value. */
export function bitsToUniform(bits: number): number {
  return (bits >>> 0) * TWO_POW_M32 + TWO_POW_M33;
}

/**
 * A stable 32-bit number for an id string (FNV-1a, then mixed): a touchpoint's slots come from
 * its id, so adding, removing or reordering other touchpoints leaves its draws unchanged.
 */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * The probability threshold as an integer: `bits < threshold` happens with probability p
 * (to within 2^-32). Comparing integers in the hot loop avoids a float conversion per decision.
 */
export function probabilityThreshold(p: number): number {
  if (!(p > 0)) return 0;
  if (p >= 1) return 0x100000000;
  return Math.floor(p * 0x100000000);
}
