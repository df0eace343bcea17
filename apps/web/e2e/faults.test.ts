/**
 * Engine worker faults in Chromium (issue 8): an engine worker that throws, dies, or ends in
 * silence mid-run. The run reports the failure in words (no stack trace), keeps the replications
 * already merged and labels them partial; the pool replaces the worker; the next run completes
 * normally.
 *
 * The silent end is a worker that calls `self.close()` and nothing else, mid-batch: Chromium fires
 * no `error` or `messageerror` event for it (nor for a worker it kills), so before the pool's
 * lifeline (a Web Lock the worker holds for its whole life, sim-core worker/browserPool.ts) the run
 * stayed pending for ever.
 *
 * The fault is injected through the coordinator's test hooks: the page is opened with
 * `?test-hooks`, and the hooks live in the coordinator worker's own global scope, reached here
 * over the DevTools protocol (Playwright's `worker.evaluate`). No page script, scenario file or
 * link can reach them.
 */
import { expect, test, type Worker } from '@playwright/test';
import {
  SCREENS,
  census,
  collectErrors,
  coordinatorOf,
  metric,
  runStatus,
  waitForRun,
} from './helpers.ts';

const FAULTS = [
  { mode: 'throw', does: 'throws', says: 'injected fault: the engine worker failed on purpose' },
  { mode: 'exit', does: 'dies', says: 'the engine worker exited' },
  {
    mode: 'close',
    does: 'ends silently (self.close() only)',
    says: 'the engine worker stopped without an error (it closed itself or the browser ended it)',
  },
] as const;

type FaultMode = (typeof FAULTS)[number]['mode'];

/** Arms a fault in the coordinator's test hooks (as helpers.ts `armFault`, for every mode). */
function armFault(coordinator: Worker, mode: FaultMode, afterDone: number): Promise<void> {
  return coordinator.evaluate(
    ([m, n]) =>
      (
        self as unknown as {
          __journeycastTest: { armFault(mode: string, afterDone?: number): void };
        }
      ).__journeycastTest.armFault(m, n),
    [mode, afterDone] as const,
  );
}

/** `text` as a regular expression matching exactly those characters. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replications merged before the fault is injected. */
const AFTER = 4;

for (const fault of FAULTS) {
  test(`an engine worker that ${fault.does} mid-run: partial result, replaced, app usable`, async ({
    page,
  }) => {
    const errors = await collectErrors(page);
    await page.goto('/?test-hooks');
    const coordinator = await coordinatorOf(page);
    await waitForRun(page, 'Live estimate');
    const before = await census(coordinator);
    expect(before.live).toBe(before.poolSize);

    await armFault(coordinator, fault.mode, AFTER);
    // A lever change starts the run the fault hits.
    await page.locator('#lever-7-range').focus();
    await page.keyboard.press('ArrowRight');

    const status = runStatus(page, 'Live estimate');
    await expect(status).toHaveAttribute('data-run-status', 'error');
    await expect(status).toHaveAttribute('data-partial', 'true');
    const failure = status.getByTestId('run-failure');
    await expect(failure).toBeVisible();
    const text = (await failure.textContent())!.replace(/\s+/g, ' ').trim();
    expect(text).toMatch(
      new RegExp(
        `^Partial: \\d+ of 200 replications; an engine worker failed: ${literally(fault.says)}\\.`,
      ),
    );
    // Words only: no stack frame, file position or "Uncaught Error:" noise.
    expect(text).not.toMatch(/\bat \S+ \(|\.js:\d+|\.ts:\d+|Uncaught|Error:/);
    const done = Number(await status.getAttribute('data-done'));
    expect(done).toBeGreaterThanOrEqual(AFTER);
    expect(done).toBeLessThan(200);
    await expect(status.getByTestId('replications')).toHaveText(`${done} of 200 replications`);
    // The replications already merged are kept and shown.
    expect(Number(await metric(page, 'npv-p50'))).not.toBeNaN();
    await page.screenshot({ path: `${SCREENS}/fault-${fault.mode}.png` });

    const failed = await census(coordinator);
    expect(failed.faultsInjected).toBe(1);
    // The failed worker is gone (terminated, not leaked): none beyond the pool.
    expect(failed.live).toBeLessThanOrEqual(failed.poolSize);
    expect(failed.maxLive).toBeLessThanOrEqual(failed.poolSize);

    // The app stays usable: the next lever change runs to completion on a fresh worker.
    await page.keyboard.press('ArrowLeft');
    await waitForRun(page, 'Live estimate');
    await expect(status).toHaveAttribute('data-partial', 'false');
    await expect(status.getByTestId('run-failure')).toHaveCount(0);
    const after = await census(coordinator);
    expect(after.spawned).toBe(before.spawned + 1);
    expect(after.live).toBe(after.poolSize);
    expect(after.maxLive).toBeLessThanOrEqual(after.poolSize);
    expect(errors).toEqual([]);
  });
}

test('without ?test-hooks the coordinator has no fault hooks', async ({ page }) => {
  await page.goto('/');
  await expect
    .poll(() => page.workers().some((w) => w.url().includes('/coordinator.worker')))
    .toBe(true);
  const coordinator = page.workers().find((w) => w.url().includes('/coordinator.worker'))!;
  expect(
    await coordinator.evaluate(
      () => typeof (self as { __journeycastTest?: unknown }).__journeycastTest,
    ),
  ).toBe('undefined');
  // And nothing of the kind on the page itself.
  expect(
    await page.evaluate(() => Object.keys(window).filter((k) => /journeycast/i.test(k))),
  ).toEqual([]);
});

test('a coordinator that crashes mid-run: the run says so, and the next change starts a fresh one', async ({
  page,
}) => {
  await page.goto('/?test-hooks');
  const coordinator = await coordinatorOf(page);
  await waitForRun(page, 'Live estimate');

  // Start a run, then crash the coordinator worker itself while it is under way.
  await page.locator('#lever-7-range').focus();
  await page.keyboard.press('ArrowRight');
  await coordinator.evaluate(() =>
    (
      self as unknown as { __journeycastTest: { crashCoordinator(): void } }
    ).__journeycastTest.crashCoordinator(),
  );

  const status = runStatus(page, 'Live estimate');
  await expect(status).toHaveAttribute('data-run-status', 'error');
  await expect(status).toContainText(
    'the simulation stopped unexpectedly; it starts again with your next change',
  );
  await expect(status).not.toContainText(/Uncaught|\.js:\d+/);

  // The next change starts a fresh coordinator and runs to completion.
  await page.keyboard.press('ArrowLeft');
  await waitForRun(page, 'Live estimate');
  expect(Number(await metric(page, 'npv-p50'))).not.toBeNaN();
});
