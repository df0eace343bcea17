import { describe, expect, it } from 'vitest';
import { EnginePool, messageChannelWorker } from '@journeycast/sim-core';
import { libraryScenario } from '../scenario/source.ts';
import { workbenchPlan } from './plans.ts';
import { trackWorkers } from './census.ts';

function smallPlan(replications: number) {
  const scenario = libraryScenario('default');
  scenario.run = { seed: 3, replications, agents: 200, queueDaysPerMonth: 1 };
  return workbenchPlan(scenario, 'moreAgents', {}, 'live');
}

describe('the engine worker census', () => {
  it('counts workers until they are terminated, and the most alive at once', () => {
    const tracked = trackWorkers(messageChannelWorker);
    const a = tracked.factory();
    const b = tracked.factory();
    expect(tracked.census(2)).toEqual({ poolSize: 2, live: 2, maxLive: 2, spawned: 2 });
    a.terminate();
    a.terminate(); // twice: counted once
    expect(tracked.census(2)).toEqual({ poolSize: 2, live: 1, maxLive: 2, spawned: 2 });
    expect(tracked.alive()).toEqual([b]);
    b.terminate();
    expect(tracked.census(2).live).toBe(0);
  });

  it('sees the pool replace a failed worker without ever holding more than its size', async () => {
    const tracked = trackWorkers(messageChannelWorker);
    const pool = new EnginePool(tracked.factory, 2);
    const plan = smallPlan(8);
    const first = await pool.run(plan);
    expect(first.stoppedBy).toBe('complete');
    expect(tracked.census(2)).toEqual({ poolSize: 2, live: 2, maxLive: 2, spawned: 2 });

    for (const mode of ['throw', 'exit'] as const) {
      let armed = false;
      const outcome = await pool.run(plan, {
        onProgress(progress) {
          if (!armed && progress.done >= 2) {
            armed = true;
            void tracked.alive()[0]!.api.injectFault(mode);
          }
        },
      });
      expect(outcome.stoppedBy).toBe('error');
      expect(outcome.partial).toBe(true);
      expect(outcome.replications).toBeGreaterThanOrEqual(2);
      expect(outcome.replications).toBeLessThan(8);
      expect(tracked.census(2).live).toBeLessThanOrEqual(2);
    }
    // The next run starts the replacements and completes.
    const after = await pool.run(plan);
    expect(after.stoppedBy).toBe('complete');
    expect(tracked.census(2)).toEqual({ poolSize: 2, live: 2, maxLive: 2, spawned: 4 });
    pool.terminate();
    expect(tracked.census(2).live).toBe(0);
  });

  // The browser suite does 100 (e2e/leaks.test.ts); 20 here keep the unit tests quick.
  it('cancelled runs start no worker and leave the pool whole', { timeout: 30_000 }, async () => {
    const tracked = trackWorkers(messageChannelWorker);
    const pool = new EnginePool(tracked.factory, 2);
    const plan = smallPlan(50);
    for (let i = 0; i < 20; i++) {
      const controller = new AbortController();
      const running = pool.run(plan, { signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 0));
      controller.abort();
      expect((await running).stoppedBy).toBe('cancelled');
    }
    expect(tracked.census(2)).toEqual({ poolSize: 2, live: 2, maxLive: 2, spawned: 2 });
    await pool.dispose();
    expect(tracked.census(2).live).toBe(0);
  });
});
