/**
 * Cancellation and re-runs leak no workers or memory (issue 8): 100 quick lever changes, each of
 * which cancels the run in flight and starts a new one. Counted two ways: the coordinator's census
 * of engine workers (started and not yet terminated, and the most ever alive at once), and the
 * workers Chromium itself reports to Playwright (created and closed). Memory is the V8 heap of the
 * page and of the coordinator worker, read over the DevTools protocol (Runtime.getHeapUsage) after
 * a full garbage collection (HeapProfiler.collectGarbage), which works for workers too, unlike
 * `performance.memory`, and needs no --expose-gc launch flag.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { census, collectErrors, coordinatorOf, runStatus, waitForRun } from './helpers.ts';

const RERUNS = 100;
/** Heap growth allowed over the 100 re-runs, after warm-up, per heap (page, coordinator). */
const MAX_GROWTH_BYTES = 4 * 1024 * 1024;

/** The page and its coordinator worker as DevTools sessions, for garbage collection and heap use. */
async function heapProbe(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  let coordinatorSession: string | undefined;
  let nextId = 1_000_000;
  const pending = new Map<number, (value: unknown) => void>();
  cdp.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.url.includes('/coordinator.worker')) coordinatorSession = event.sessionId;
  });
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  // Non-flattened sessions, so this probe does not disturb Playwright's own.
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  await expect.poll(() => coordinatorSession).toBeDefined();
  const inCoordinator = (method: string) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      void (cdp as CDPSession).send('Target.sendMessageToTarget', {
        sessionId: coordinatorSession!,
        message: JSON.stringify({ id, method, params: {} }),
      });
    });
  return {
    /** Bytes of V8 heap in use after a full collection: [page, coordinator]. */
    async used(): Promise<[number, number]> {
      await cdp.send('HeapProfiler.collectGarbage');
      await inCoordinator('HeapProfiler.collectGarbage');
      const page = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      const coordinator = ((await inCoordinator('Runtime.getHeapUsage')) as { usedSize: number })
        .usedSize;
      return [page, coordinator];
    },
  };
}

test('100 cancelled re-runs leak no engine worker and no memory', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = await collectErrors(page);
  // Engine workers as Chromium reports them: created, and closed when terminated.
  let engineWorkersAlive = 0;
  let mostEngineWorkersAlive = 0;
  page.on('worker', (worker) => {
    if (!worker.url().includes('/engine.worker')) return;
    engineWorkersAlive += 1;
    mostEngineWorkersAlive = Math.max(mostEngineWorkersAlive, engineWorkersAlive);
    worker.on('close', () => (engineWorkersAlive -= 1));
  });

  await page.goto('/?test-hooks');
  const coordinator = await coordinatorOf(page);
  await waitForRun(page, 'Live estimate');
  const heap = await heapProbe(page);
  const status = runStatus(page, 'Live estimate');
  const slider = page.locator('#lever-0-range');
  await slider.focus();

  /**
   * Quick lever changes, each starting its own run (which cancels the one in flight: a run takes
   * seconds). Each change waits only for its run to start (at once, or after the 150 ms debounce
   * when it follows the previous change closely), so no two changes fold into one on a slow
   * machine.
   */
  const reruns = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const sequence = Number(await status.getAttribute('data-run-sequence'));
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      await expect(status).toHaveAttribute('data-run-sequence', String(sequence + 1));
    }
  };

  // Warm-up: the first re-runs compile code and fill caches that then stay.
  await reruns(10);
  await waitForRun(page, 'Live estimate');
  const [pageBefore, coordinatorBefore] = await heap.used();
  const sequenceBefore = Number(await status.getAttribute('data-run-sequence'));
  const cancelledBefore = (await census(coordinator)).runsCancelled;

  const samples: number[] = [];
  for (let round = 0; round < RERUNS / 10; round++) {
    await reruns(10);
    samples.push((await census(coordinator)).live);
  }
  const sequenceAfter = Number(await status.getAttribute('data-run-sequence'));
  // Every change started a run of its own and cancelled the one before it (the last one runs on).
  expect(sequenceAfter - sequenceBefore).toBe(RERUNS);
  await waitForRun(page, 'Live estimate');
  expect((await census(coordinator)).runsCancelled - cancelledBefore).toBe(RERUNS - 1);
  const [pageAfter, coordinatorAfter] = await heap.used();

  const end = await census(coordinator);
  console.log(
    `[leaks] ${RERUNS} cancelled re-runs: engine workers live ${end.live} of ${end.poolSize}, ` +
      `most at once ${end.maxLive} (Chromium saw ${mostEngineWorkersAlive}), started ${end.spawned}; ` +
      `heap after GC: page ${mb(pageBefore)} → ${mb(pageAfter)} MB (${signedKb(pageAfter - pageBefore)}), ` +
      `coordinator ${mb(coordinatorBefore)} → ${mb(coordinatorAfter)} MB (${signedKb(coordinatorAfter - coordinatorBefore)})`,
  );
  expect(samples.every((live) => live <= end.poolSize)).toBe(true);
  expect(end.maxLive).toBeLessThanOrEqual(end.poolSize);
  expect(end.live).toBe(end.poolSize);
  // No worker was replaced: cancelling never kills one.
  expect(end.spawned).toBe(end.poolSize);
  expect(mostEngineWorkersAlive).toBeLessThanOrEqual(end.poolSize);
  expect(engineWorkersAlive).toBe(end.poolSize);
  expect(pageAfter - pageBefore).toBeLessThan(MAX_GROWTH_BYTES);
  expect(coordinatorAfter - coordinatorBefore).toBeLessThan(MAX_GROWTH_BYTES);
  expect(errors).toEqual([]);
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const signedKb = (bytes: number) =>
  `${bytes >= 0 ? '+' : '−'}${Math.abs(bytes / 1024).toFixed(0)} KB`;
