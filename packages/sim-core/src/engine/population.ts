/**
 * The simulated customers as columns in typed arrays, grown (doubling) as customers arrive.
 *
 * Bytes per customer: identity 8 (idHi, idLo), arrival month 2, segment 1, acquisition source 1,
 * products 1, open needs 4 (a bit per touchpoint), active 1, satisfaction 4 and own baseline 4
 * (float32), month hash 4, and 4 for the list of customers still to visit (`live`): 34 bytes,
 * well under the 64-byte budget, so a million simulated customers fit in about 34 MB (plus the
 * doubling slack).
 */

/** `source` of the customers in the book at month 0 and of referred customers (sources are < 24). */
export const SOURCE_INITIAL = 255;
export const SOURCE_REFERRAL = 254;

/** `active`: a customer (1), gone (0), or a prospect waiting on a presales call this month (2). */
export const ACTIVE = 1;
export const PROSPECT = 2;
export class Population {
  count = 0;
  idHi: Uint32Array;
  idLo: Uint32Array;
  arrivalMonth: Int16Array;
  segment: Uint8Array;
  /** Index of the acquisition source (SOURCE_INITIAL, SOURCE_REFERRAL for the others). */
  source: Uint8Array;
  products: Uint8Array;
  /** Unresolved needs: bit t is set while touchpoint t's need is open (at most 32 touchpoints). */
  openNeeds: Uint32Array;
  active: Uint8Array;
  satisfaction: Float32Array;
  /** The customer's own baseline satisfaction, which theirs drifts back to. */
  baseline: Float32Array;
  /** This month's agent-month hash (computed once in the contacts pass, reused after). */
  monthHash: Uint32Array;
  /**
   * Indices of the customers the monthly passes visit, in ascending order: those still active (or
   * prospects) at the end of last month, then those added since (`admitNew`). The behaviour pass
   * drops the customers who leave. Why: churned customers keep their columns (a customer's index
   * never changes), and after a few years a third of the columns are theirs; skipping them one by
   * one costs a branch the processor cannot predict. The order is the columns' order, so every
   * sum and every queued contact comes in the same order as a sweep over all columns would give.
   */
  live: Int32Array;
  liveCount = 0;
  /** Customers below this index have been admitted to `live`. */
  liveUpTo = 0;

  constructor(capacity = 1024) {
    this.idHi = new Uint32Array(capacity);
    this.idLo = new Uint32Array(capacity);
    this.arrivalMonth = new Int16Array(capacity);
    this.segment = new Uint8Array(capacity);
    this.source = new Uint8Array(capacity);
    this.products = new Uint8Array(capacity);
    this.openNeeds = new Uint32Array(capacity);
    this.active = new Uint8Array(capacity);
    this.satisfaction = new Float32Array(capacity);
    this.baseline = new Float32Array(capacity);
    this.monthHash = new Uint32Array(capacity);
    this.live = new Int32Array(capacity);
  }

  /** Empties the population (its buffers are kept for the next replication). */
  clear(): void {
    this.count = 0;
    this.liveCount = 0;
    this.liveUpTo = 0;
  }

  /** Appends the customers added since the last call to `live` (indices only grow). */
  admitNew(): void {
    const live = this.live;
    let k = this.liveCount;
    for (let i = this.liveUpTo; i < this.count; i++) live[k++] = i;
    this.liveCount = k;
    this.liveUpTo = this.count;
  }

  get capacity(): number {
    return this.idHi.length;
  }

  /** Makes room for `extra` more customers (amortised doubling; never per customer). */
  reserve(extra: number): void {
    const needed = this.count + extra;
    if (needed <= this.capacity) return;
    let capacity = this.capacity;
    while (capacity < needed) capacity *= 2;
    const grow = <T extends Uint32Array | Int32Array | Int16Array | Uint8Array | Float32Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(a);
      return next;
    };
    this.idHi = grow(this.idHi, (n) => new Uint32Array(n));
    this.idLo = grow(this.idLo, (n) => new Uint32Array(n));
    this.arrivalMonth = grow(this.arrivalMonth, (n) => new Int16Array(n));
    this.segment = grow(this.segment, (n) => new Uint8Array(n));
    this.source = grow(this.source, (n) => new Uint8Array(n));
    this.products = grow(this.products, (n) => new Uint8Array(n));
    this.openNeeds = grow(this.openNeeds, (n) => new Uint32Array(n));
    this.active = grow(this.active, (n) => new Uint8Array(n));
    this.satisfaction = grow(this.satisfaction, (n) => new Float32Array(n));
    this.baseline = grow(this.baseline, (n) => new Float32Array(n));
    this.monthHash = grow(this.monthHash, (n) => new Uint32Array(n));
    this.live = grow(this.live, (n) => new Int32Array(n));
  }

  /** Adds one customer (room must have been reserved). Returns its index. */
  add(
    idHi: number,
    idLo: number,
    arrivalMonth: number,
    segment: number,
    source: number,
    products: number,
    satisfaction: number,
  ): number {
    const i = this.count++;
    this.idHi[i] = idHi;
    this.idLo[i] = idLo;
    this.arrivalMonth[i] = arrivalMonth;
    this.segment[i] = segment;
    this.source[i] = source;
    this.products[i] = products;
    this.openNeeds[i] = 0;
    this.active[i] = 1;
    this.satisfaction[i] = satisfaction;
    this.baseline[i] = satisfaction;
    return i;
  }

  /** Engine state in bytes (the columns' buffers). */
  bytes(): number {
    return (
      this.idHi.byteLength +
      this.idLo.byteLength +
      this.arrivalMonth.byteLength +
      this.segment.byteLength +
      this.source.byteLength +
      this.products.byteLength +
      this.openNeeds.byteLength +
      this.active.byteLength +
      this.satisfaction.byteLength +
      this.baseline.byteLength +
      this.monthHash.byteLength +
      this.live.byteLength
    );
  }
}
