/**
 * Same scenario + seed ⇒ the same bits in Node and in Chromium (DESIGN.md, invariant 1).
 *
 * Node computes a small paired run in process; Chromium runs the same plan through the app's
 * shipped engine worker (the built file under /_app/immutable/workers/), spoken to in comlink's
 * wire format; every replication's summaries must be byte-identical. This is what the
 * deterministic log/exp/pow ports (packages/models/src/math) exist for: V8 versions differ in the
 * last bits of Math.log/exp/pow, and the engine never uses them where a number depends on them.
 */
import { expect, test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { libraryScenario, planFromScenario } from '@journeycast/scenarios';
import { runInProcess } from '@journeycast/sim-core';

function hex(values: Float64Array): string {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('hex');
}

test('the engine gives bit-identical summaries in Node and in Chromium', async ({ page }) => {
  const plan = planFromScenario(libraryScenario('default'), {
    variants: ['journeyExcellence'],
    replications: 2,
    agents: 400,
    precision: false,
  });
  plan.variants.forEach((v) => (v.model.horizonMonths = 12));

  const outcome = await runInProcess(plan);
  const node = [0, 1].map((r) => outcome.collector.get(r).map(hex));

  const worker = readdirSync('build/_app/immutable/workers').find((f) =>
    f.startsWith('engine.worker'),
  );
  expect(worker, 'the built app has an engine worker').toBeTruthy();

  await page.goto('/');
  const browser = (await page.evaluate(
    async ({ url, plan }) => {
      // comlink's wire format: APPLY a method by path, arguments as RAW values.
      const w = new Worker(url, { type: 'module' });
      let id = 0;
      const call = (method: string, args: unknown[]) =>
        new Promise<unknown>((resolve, reject) => {
          const mine = `call-${++id}`;
          const onMessage = (event: MessageEvent) => {
            if (event.data?.id !== mine) return;
            w.removeEventListener('message', onMessage);
            if (event.data.type === 'HANDLER') reject(new Error(JSON.stringify(event.data.value)));
            else resolve(event.data.value);
          };
          w.addEventListener('message', onMessage);
          w.postMessage({
            id: mine,
            type: 'APPLY',
            path: [method],
            argumentList: args.map((value) => ({ type: 'RAW', value })),
          });
        });
      const toHex = (values: Float64Array) =>
        Array.from(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), (b) =>
          b.toString(16).padStart(2, '0'),
        ).join('');
      await call('prepare', ['determinism', plan]);
      const out: string[][] = [];
      for (const r of [0, 1]) {
        const records = (await call('run', ['determinism', [r]])) as {
          summaries: Float64Array[];
        }[];
        out.push(records[0]!.summaries.map(toHex));
      }
      w.terminate();
      return out;
    },
    { url: `/_app/immutable/workers/${worker}`, plan },
  )) as string[][];

  expect(browser.length).toBe(2);
  for (const r of [0, 1]) {
    for (let v = 0; v < plan.variants.length; v++) {
      expect(browser[r]![v]!.length).toBe(node[r]![v]!.length);
      expect(
        browser[r]![v] === node[r]![v],
        `replication ${r}, variant ${plan.variants[v]!.id}`,
      ).toBe(true);
    }
  }
});
