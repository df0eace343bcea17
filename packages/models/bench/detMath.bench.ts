/**
 * Micro-benchmark: nanoseconds per call of the deterministic elementary functions against the
 * engine's own `Math.*`. Not part of the tests; run from packages/models with
 *
 *   npx tsx bench/detMath.bench.ts
 *
 * Each function runs over the same 64 Ki inputs (from a fixed xorshift stream, so every run times
 * the same work) in rounds; the best of several rounds is reported, after a warm-up that lets V8
 * optimize. A running sum of the results is printed so the calls cannot be optimized away.
 */
import { detExp, detExpm1, detLog, detLog1p, detPow } from '../src/math/detMath.ts';

// This script runs under Node (tsx); the package's tsconfig has no DOM or Node types.
declare const console: { log(...values: unknown[]): void };
declare const performance: { now(): number };

const SIZE = 1 << 16;
const MASK = SIZE - 1;
const CALLS_PER_ROUND = 4_000_000;
const ROUNDS = 7;

let state = 0x2545f491;
function nextUnit(): number {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
}

const uniforms = new Float64Array(SIZE); // (0, 1]: what an exponential sampler takes the log of
const exponents = new Float64Array(SIZE); // [-20, 20]
const smalls = new Float64Array(SIZE); // [-0.5, 0.5]: log1p and expm1 near their home ground
const bases = new Float64Array(SIZE); // [0.5, 2]
for (let i = 0; i < SIZE; i++) {
  uniforms[i] = 1 - nextUnit();
  exponents[i] = (nextUnit() - 0.5) * 40;
  smalls[i] = nextUnit() - 0.5;
  bases[i] = 0.5 + 1.5 * nextUnit();
}

/**
 * Best ns/call over the rounds. `run` holds its own loop and calls exactly one function, so the
 * call inside it stays monomorphic and V8 can inline it, as it would in the engine's hot loop.
 */
function measure(run: () => number): [nsPerCall: number, sink: number] {
  let best = Infinity;
  let sink = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    sink += run();
    const ns = ((performance.now() - start) * 1e6) / CALLS_PER_ROUND;
    if (round > 0 && ns < best) best = ns; // round 0 is the warm-up
  }
  return [best, sink];
}

/* One loop per function, written out: a shared loop taking the function as an argument would be
 * megamorphic and time the indirect call rather than the function. */
function loopDetLog(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += detLog(uniforms[i & MASK]!);
  return s;
}
function loopMathLog(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += Math.log(uniforms[i & MASK]!);
  return s;
}
function loopDetExp(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += detExp(exponents[i & MASK]!);
  return s;
}
function loopMathExp(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += Math.exp(exponents[i & MASK]!);
  return s;
}
function loopDetLog1p(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += detLog1p(smalls[i & MASK]!);
  return s;
}
function loopMathLog1p(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += Math.log1p(smalls[i & MASK]!);
  return s;
}
function loopDetExpm1(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += detExpm1(smalls[i & MASK]!);
  return s;
}
function loopMathExpm1(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += Math.expm1(smalls[i & MASK]!);
  return s;
}
function loopDetPow(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++)
    s += detPow(bases[i & MASK]!, exponents[(i * 7) & MASK]!);
  return s;
}
function loopMathPow(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++)
    s += Math.pow(bases[i & MASK]!, exponents[(i * 7) & MASK]!);
  return s;
}
/** The loop alone, to subtract mentally: the cost of reading the input and summing. */
function loopBaseline(): number {
  let s = 0;
  for (let i = 0; i < CALLS_PER_ROUND; i++) s += uniforms[i & MASK]!;
  return s;
}

const rows: [name: string, result: [number, number]][] = [
  ['(loop only)', measure(loopBaseline)],
  ['detLog', measure(loopDetLog)],
  ['Math.log', measure(loopMathLog)],
  ['detExp', measure(loopDetExp)],
  ['Math.exp', measure(loopMathExp)],
  ['detLog1p', measure(loopDetLog1p)],
  ['Math.log1p', measure(loopMathLog1p)],
  ['detExpm1', measure(loopDetExpm1)],
  ['Math.expm1', measure(loopMathExpm1)],
  ['detPow', measure(loopDetPow)],
  ['Math.pow', measure(loopMathPow)],
];

console.log(
  `${CALLS_PER_ROUND.toLocaleString('en')} calls per round, best of ${ROUNDS - 1} rounds`,
);
for (const [name, [ns, sink]] of rows) {
  console.log(
    `${name.padEnd(11)} ${ns.toFixed(2).padStart(6)} ns/call   (checksum ${sink.toPrecision(6)})`,
  );
}
