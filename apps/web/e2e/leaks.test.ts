/**
 * Cancellation and re-runs leak no workers or memory (issue 8): 100 quick lever changes, each of
 * which cancels the run in flight and starts a new one. Counted two ways: the coordinator's census
 * of engine workers (started and not yet terminated, and the most ever alive at once), and the
 * workers Chromium itself reports to Playwright (created and closed). Memory is read in every
 * thread that lives through the re-runs — the page, the coordinator worker and each engine worker
 * (nested in the coordinator) — over the DevTools protocol (Runtime.getHeapUsage) after a full
 * garbage collection (HeapProfiler.collectGarbage), which works for workers too, unlike
 * `performance.memory`, and needs no --expose-gc launch flag. For the engine workers, where the
 * simulation's typed arrays live, the array buffers' backing store counts too: it is outside the
 * V8 heap.
 */
import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { resultBytesPerReplication } from '@journeycast/sim-core';
import {
  census,
  collectErrors,
  coordinatorOf,
  libraryFile,
  runStatus,
  waitForRun,
} from './helpers.ts';

const RERUNS = 100;
/** Heap growth allowed over the 100 re-runs, after warm-up, per heap (page, coordinator). */
const MAX_GROWTH_BYTES = 4 * 1024 * 1024;

/**
 * The engine workers' bound, derived from what a re-run hands them: a plan to prepare (the models
 * of its variants) and, back, one summary per replication. A worker that kept the smallest of these
 * — one model of the scenario, or one replication's summary of one model — on every re-run would
 * grow by at least RERUNS times its size; keeping half of one per re-run passes this bound,
 * anything more fails it. (Measured on the default scenario: a model is 6.4 KB of JSON, a summary
 * 30 KB; an engine worker grows by about 0.1 MB over 100 re-runs and levels off, and one made to
 * keep every message it receives grows by 0.8 MB.)
 */
function engineGrowthBound(): { bytes: number; unitBytes: number; unit: string } {
  const model = libraryFile('default').model as {
    horizonMonths: number;
    channels: Record<string, unknown>;
    sources: Record<string, unknown>;
  };
  const modelBytes = JSON.stringify(model).length;
  const summaryBytes = resultBytesPerReplication([model]);
  const [unitBytes, unit] =
    modelBytes <= summaryBytes ? [modelBytes, 'model'] : [summaryBytes, 'summary'];
  return { bytes: (RERUNS * unitBytes) / 2, unitBytes, unit };
}

interface CdpMessage {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
}

/**
 * A DevTools session, reached directly (the page's) or through its parent's
 * Target.sendMessageToTarget (non-flattened sessions: the coordinator, and the engine workers
 * nested in it), so this probe does not disturb Playwright's own flattened sessions.
 */
interface Session {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(method: string, listener: (params: Record<string, unknown>) => void): void;
}

function pageSession(cdp: CDPSession): Session {
  return {
    send: <T>(method: string, params?: Record<string, unknown>) =>
      (cdp as unknown as { send(m: string, p?: object): Promise<T> }).send(method, params),
    on: (method, listener) =>
      (cdp as unknown as { on(m: string, l: (p: Record<string, unknown>) => void): void }).on(
        method,
        listener,
      ),
  };
}

function childSession(parent: Session, sessionId: string): Session {
  let nextId = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const listeners = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  parent.on('Target.receivedMessageFromTarget', (params) => {
    if (params.sessionId !== sessionId) return;
    const message = JSON.parse(params.message as string) as CdpMessage;
    if (message.id !== undefined) {
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) call?.reject(new Error(message.error.message));
      else call?.resolve(message.result);
    } else if (message.method !== undefined) {
      for (const listener of listeners.get(message.method) ?? []) listener(message.params ?? {});
    }
  });
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = ++nextId;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject: (e) => reject(new Error(`${method} in session ${sessionId}: ${e.message}`)),
        });
        void parent
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id, method, params }),
          })
          .catch(reject);
      });
    },
    on(method, listener) {
      listeners.set(method, [...(listeners.get(method) ?? []), listener]);
    },
  };
}

/** Attaches to the workers `session` starts whose URL contains `urlPart` (present and future). */
async function attachWorkers(session: Session, urlPart: string): Promise<Map<string, Session>> {
  const attached = new Map<string, Session>();
  session.on('Target.attachedToTarget', (params) => {
    const info = params.targetInfo as { url: string };
    if (info.url.includes(urlPart))
      attached.set(params.sessionId as string, childSession(session, params.sessionId as string));
  });
  session.on('Target.detachedFromTarget', (params) => attached.delete(params.sessionId as string));
  await session.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  return attached;
}

interface HeapUsage {
  usedSize: number;
  backingStorageSize: number;
}

async function heapAfterGc(session: Session): Promise<HeapUsage> {
  await session.send('HeapProfiler.collectGarbage');
  return session.send<HeapUsage>('Runtime.getHeapUsage');
}

/** The page, its coordinator worker and the engine workers as DevTools sessions. */
async function heapProbe(page: Page, engineWorkers: number) {
  const cdp = pageSession(await page.context().newCDPSession(page));
  const coordinators = await attachWorkers(cdp, '/coordinator.worker');
  await expect.poll(() => coordinators.size).toBe(1);
  const coordinator = [...coordinators.values()][0]!;
  const engines = await attachWorkers(coordinator, '/engine.worker');
  await expect
    .poll(() => engines.size, { message: 'the engine workers nested in the coordinator attach' })
    .toBe(engineWorkers);
  return {
    /** Bytes in use after a full collection: the page's and the coordinator's V8 heaps. */
    async used(): Promise<[number, number]> {
      const page = (await heapAfterGc(cdp)).usedSize;
      const coordinatorHeap = (await heapAfterGc(coordinator)).usedSize;
      return [page, coordinatorHeap];
    },
    /** Each engine worker's V8 heap plus array-buffer backing store, after a full collection. */
    async engines(): Promise<number[]> {
      const usages = await Promise.all([...engines.values()].map(heapAfterGc));
      return usages.map((u) => u.usedSize + u.backingStorageSize);
    },
    /** How many engine workers are attached now (one was replaced, or died, if it differs). */
    engineCount: () => engines.size,
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
  const heap = await heapProbe(page, (await census(coordinator)).poolSize);
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
  const enginesBefore = await heap.engines();
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
  const enginesAfter = await heap.engines();
  const engineBound = engineGrowthBound();

  const end = await census(coordinator);
  console.log(
    `[leaks] ${RERUNS} cancelled re-runs: engine workers live ${end.live} of ${end.poolSize}, ` +
      `most at once ${end.maxLive} (Chromium saw ${mostEngineWorkersAlive}), started ${end.spawned}; ` +
      `heap after GC: page ${mb(pageBefore)} → ${mb(pageAfter)} MB (${signedKb(pageAfter - pageBefore)}), ` +
      `coordinator ${mb(coordinatorBefore)} → ${mb(coordinatorAfter)} MB (${signedKb(coordinatorAfter - coordinatorBefore)}); ` +
      `engine workers (heap + array buffers) ${enginesBefore.map((b, i) => `${mb(b)} → ${mb(enginesAfter[i]!)} MB (${signedKb(enginesAfter[i]! - b)})`).join(', ')}, ` +
      `bound ${signedKb(engineBound.bytes)} (${RERUNS} re-runs × half of a ${(engineBound.unitBytes / 1024).toFixed(1)} KB ${engineBound.unit})`,
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
  // The same engine workers were measured before and after (none replaced: checked above).
  expect(heap.engineCount()).toBe(end.poolSize);
  expect(enginesAfter).toHaveLength(enginesBefore.length);
  enginesAfter.forEach((after, i) =>
    expect(after - enginesBefore[i]!, `engine worker ${i + 1}: growth in bytes`).toBeLessThan(
      engineBound.bytes,
    ),
  );
  expect(errors).toEqual([]);
});

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const signedKb = (bytes: number) =>
  `${bytes >= 0 ? '+' : '−'}${Math.abs(bytes / 1024).toFixed(0)} KB`;
