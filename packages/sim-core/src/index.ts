// @journeycast/sim-core: the deterministic, paired, parallel Monte Carlo engine.
// Worker entries live behind their own subpaths: `@journeycast/sim-core/worker` (inside a browser
// Worker), `/browser` (binding browser Workers to the pool), `/node` (Node worker threads).

// Random streams and distributions
export {
  agentMonthHash,
  bitsToUniform,
  deriveKey,
  hash3,
  idHash,
  mix32,
  probabilityThreshold,
  slotBits,
  slotUniform,
  type Purpose,
  type StreamKey,
} from './random/streams.ts';
export { XorwowStream, type XorwowState } from './random/xorwowStream.ts';
export {
  bernoulli,
  beta,
  categorical,
  cumulative,
  exponential,
  gamma,
  inverseStandardNormal,
  lognormal,
  normal,
  pert,
  poisson,
  standardNormal,
  triangular,
  uniform,
  type PRNG,
} from './random/distributions.ts';

// The engine
export { ENGINE_VERSION } from './engine/version.ts';
export {
  ENGINE_LIMITS,
  maxReplicationsFor,
  resultBytesPerReplication,
  type SummaryShape,
} from './engine/limits.ts';
export { compileModel, type CompiledModel } from './engine/compile.ts';
export {
  layoutFor,
  replicationKeys,
  Scratch,
  simulateReplication,
  type EngineSettings,
} from './engine/simulate.ts';
export { ReplicationRunner } from './engine/replicate.ts';
export { Population } from './engine/population.ts';
export {
  CHANNEL_METRICS,
  GLOBAL_METRICS,
  SOURCE_METRICS,
  channelRow,
  globalRow,
  rowOf,
  sourceRow,
  summaryLayout,
  type ChannelMetric,
  type GlobalMetric,
  type SummaryLayout,
} from './engine/summaryLayout.ts';
export { simulateQueue, type QueueCheck, type QueueCheckParams } from './engine/queueCheck.ts';
export { simulatedQueueDays } from './engine/channelQueue.ts';

// Runs, workers and statistics
export type { PlanVariant, PrecisionTarget, ReplicationRecord, RunPlan } from './runner/plan.ts';
export {
  EnginePool,
  precisionCheckpoints,
  type PoolWorker,
  type RunOptions,
  type RunOutcome,
  type RunProgress,
  type StopReason,
  type WorkerFactory,
  unlessWorkerFails,
} from './runner/pool.ts';
export { inProcessWorker, messageChannelWorker, runInProcess } from './runner/inProcess.ts';
export { createEngineWorkerApi, type EngineWorkerApi } from './worker/api.ts';
export { ResultCollector } from './stats/collector.ts';
export { precisionEstimate, type PrecisionEstimate } from './stats/precision.ts';
export {
  BANDS,
  DRIVERS,
  TOTALS,
  optionalStat,
  stat,
  summarize,
  type Band,
  type BandName,
  type ChannelResult,
  type Driver,
  type OptionalStat,
  type PairedResult,
  type RunResult,
  type Stat,
  type TotalName,
  type VariantResult,
  type SourceResult,
} from './stats/summarize.ts';
export { exampleModel } from './exampleModel.ts';
