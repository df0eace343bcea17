/**
 * Shared fast-check settings for every package's tests. A failing property prints its seed and
 * path; replay it with `FC_SEED=<seed> npx vitest run <file>`, or run deeper with
 * `FC_NUM_RUNS=10000`. (Like fast-check's own CI, which prints the seed of every property run.)
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const numRuns = process.env.FC_NUM_RUNS;
fc.configureGlobal({
  ...(seed !== undefined && seed !== '' ? { seed: Number(seed) } : {}),
  ...(numRuns !== undefined && numRuns !== '' ? { numRuns: Number(numRuns) } : {}),
});
