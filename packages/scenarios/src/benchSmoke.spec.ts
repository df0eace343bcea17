/**
 * `npm run bench` must keep working: the Node part of the suite (bench/suite.ts) runs here in its
 * quick mode and must report all five figures as finite, positive numbers. Nothing is asserted
 * about speed (performance is read from the bench's own output, never from a test); this only
 * keeps the benchmark from rotting unseen between the times someone runs it.
 */
import { ENGINE_VERSION } from '@journeycast/sim-core';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const positive = (x: unknown) => typeof x === 'number' && Number.isFinite(x) && x > 0;

describe('the benchmark suite (bench/suite.ts --quick --json)', () => {
  it('runs and reports all five figures', () => {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'bench/suite.ts', '--quick', '--json'],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 16 * 1024 * 1024,
      },
    ).toString();
    const r = JSON.parse(out.slice(out.indexOf('{'))) as Record<string, any>;
    expect(r.engineVersion).toBe(ENGINE_VERSION);
    // 1. Queue against SimPy: the engine's figure always; SimPy's where Debian's python3-simpy3 is.
    expect(positive(r.queue.engineCallsPerSecond)).toBe(true);
    expect(r.queue.engine.pWait).toBeGreaterThan(0);
    expect(r.queue.engine.pWait).toBeLessThan(1);
    if (r.queue.ratio === null) expect(r.queue.note).not.toBe('');
    else expect(positive(r.queue.ratio) && positive(r.queue.simpyCallsPerSecond)).toBe(true);
    // 2. Agent-months per second, random numbers per agent-month.
    expect(r.step.defaultScenario.agents).toBe(8000);
    expect(positive(r.step.defaultScenario.agentMonthsPerSecond)).toBe(true);
    expect(positive(r.step.larger.agentMonthsPerSecond)).toBe(true);
    expect(positive(r.step.randomNumbersPerAgentMonth)).toBe(true);
    expect(positive(r.step.shareOfRawRate)).toBe(true);
    // 3. Scaling.
    expect(positive(r.scaling.speedup)).toBe(true);
    // 4. Latency (Node; the Chromium part is the web package's bench smoke test).
    expect(positive(r.latency.firstEstimateSeconds)).toBe(true);
    expect(positive(r.latency.precisionTargetSeconds)).toBe(true);
    expect(positive(r.latency.validationMs)).toBe(true);
    // 5. Memory.
    expect(positive(r.memory.engineBytesPerAgent)).toBe(true);
    expect(positive(r.memory.peakRssMB)).toBe(true);
  }, 300_000);
});
