/**
 * Runs replications of a plan: every variant of a replication with the same stream keys, so the
 * variants share their random numbers (common random numbers) and differ only by their levers.
 */
import type { ReplicationRecord, RunPlan } from '../runner/plan.ts';
import { type CompiledModel, compileModel } from './compile.ts';
import { replicationKeys, Scratch, simulateReplication, type EngineSettings } from './simulate.ts';

export class ReplicationRunner {
  readonly models: CompiledModel[];
  private readonly settings: EngineSettings;
  private readonly scratch = new Scratch();

  constructor(readonly plan: RunPlan) {
    this.models = plan.variants.map((v) => compileModel(v.model));
    this.settings = {
      seed: plan.seed,
      agents: plan.agents,
      customersPerAgent: plan.customersPerAgent,
      queueDaysPerMonth: plan.queueDaysPerMonth,
    };
  }

  run(replication: number): ReplicationRecord {
    const keys = replicationKeys(this.plan.seed, replication);
    const summaries = this.models.map((model, v) => {
      try {
        return simulateReplication(model, this.settings, replication, this.scratch, keys);
      } catch (error) {
        // Say which variant (a limit may be passed by one variant's levers only).
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`variant ${this.plan.variants[v]!.id}: ${message}`, { cause: error });
      }
    });
    return { replication, summaries };
  }
}
