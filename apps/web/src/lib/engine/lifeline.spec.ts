import { describe, expect, it } from 'vitest';
import { Lifeline } from './lifeline.ts';

describe('Lifeline', () => {
  it('passes a call’s value and error through, and keeps nothing once it settles', async () => {
    const line = new Lifeline();
    const ok = line.watch(Promise.resolve(42));
    const bad = line.watch(Promise.reject(new Error('the plan is invalid')));
    expect(line.watching).toBe(2);
    await expect(ok).resolves.toBe(42);
    await expect(bad).rejects.toThrow('the plan is invalid');
    expect(line.watching).toBe(0);
  });

  it('fails the calls in flight when the worker dies, and every later call at once', async () => {
    const line = new Lifeline();
    const never = new Promise<number>(() => undefined);
    const inFlight = line.watch(never);
    line.fail(new Error('the simulation stopped unexpectedly'));
    await expect(inFlight).rejects.toThrow('the simulation stopped unexpectedly');
    expect(line.watching).toBe(0);
    await expect(line.watch(Promise.resolve(1))).rejects.toThrow(
      'the simulation stopped unexpectedly',
    );
  });

  it('keeps no trace of many settled calls (one per run, for the life of the worker)', async () => {
    const line = new Lifeline();
    for (let i = 0; i < 1000; i++) await line.watch(Promise.resolve(i));
    expect(line.watching).toBe(0);
  });
});
