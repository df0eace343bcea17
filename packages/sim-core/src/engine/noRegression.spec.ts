/**
 * Fixed-seed no-regression snapshot, in the manner of fast-check's test/e2e/NoRegression.spec.ts:
 * `exampleModel()` and one variant, a fixed seed, three replications; a compact set of headline
 * figures plus a checksum of every number of every replication summary, so that a change to any
 * simulated number, however small, shows up here.
 *
 * When it moves:
 * - if the change was not meant to move numbers, it is a regression: find it;
 * - if it was (a fix, a new model feature), bump ENGINE_VERSION (engine/version.ts; same scenario
 *   + seed + engine version must give bit-identical results, DESIGN.md invariant 1) and re-record
 *   with `npx vitest run -u src/engine/noRegression.spec.ts` from packages/sim-core (or
 *   `npx vitest run -u` for the whole suite). The snapshot stores the engine version, so a bump
 *   alone also asks for a re-record;
 * - `exampleModel()` is built from the defaults of @journeycast/models, so a change of a default
 *   moves it too: re-record, and say so in the commit (scenario files spell out every parameter,
 *   so their results do not move with the defaults).
 */
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import { runInProcess } from '../runner/inProcess.ts';
import type { RunPlan } from '../runner/plan.ts';
import { summarize, type Stat } from '../stats/summarize.ts';
import { ENGINE_VERSION } from './version.ts';

function plan(): RunPlan {
  const baseline = exampleModel();
  const variant = exampleModel();
  variant.journeys.servicing!.quality = 'excellent';
  const callCentre = variant.channels.callCentre!;
  if (callCentre.kind === 'staffed') callCentre.agents += 4;
  variant.investments = [
    { label: 'Servicing programme', oneOff: 250_000, monthly: 20_000, startMonth: 1 },
  ];
  return {
    seed: 20_240_601,
    variants: [
      { id: 'baseline', label: 'Baseline', model: baseline },
      { id: 'excellentServicing', label: 'Excellent servicing, 4 more agents', model: variant },
    ],
    agents: 2000,
    customersPerAgent: 100,
    queueDaysPerMonth: 2,
    replications: 3,
  };
}

/** FNV-1a (32 bit) over the bytes of every summary, in replication and variant order. */
function checksum(summaries: Float64Array[]): string {
  let h = 0x811c9dc5;
  for (const s of summaries) {
    const bytes = new Uint8Array(s.buffer, s.byteOffset, s.byteLength);
    for (const b of bytes) {
      h ^= b;
      h = Math.imul(h, 0x01000193);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const mean = (s: Stat) => s.mean;

describe('no regression at a fixed seed', () => {
  it('exampleModel() and a variant, seed 20240601, 3 replications', async () => {
    const p = plan();
    const outcome = await runInProcess(p);
    expect(outcome.stoppedBy).toBe('complete');
    const result = summarize(p, outcome.collector);
    const figures = {
      engineVersion: ENGINE_VERSION,
      seed: p.seed,
      replications: result.replications,
      variants: Object.fromEntries(
        p.variants.map((v, index) => {
          const r = result.variants[v.id]!;
          const call = r.channels.callCentre!;
          return [
            v.id,
            {
              checksum: checksum(
                Array.from(
                  { length: p.replications },
                  (_, rep) => outcome.collector.get(rep)[index]!,
                ),
              ),
              revenue: mean(r.totals.revenue),
              costToServe: mean(r.totals.costToServe),
              acquisitionSpend: mean(r.totals.acquisitionSpend),
              npv: mean(r.totals.npv),
              activeCustomersEnd: mean(r.totals.activeCustomersEnd),
              retention12m: mean(r.totals.retention12m),
              churned: mean(r.totals.churned),
              acquired: mean(r.totals.acquired),
              staffedContacts: mean(r.totals.staffedContacts),
              meanSatisfactionEnd: mean(r.totals.meanSatisfactionEnd),
              callCentre: {
                meanWaitMinutes: mean(call.meanWaitMinutes),
                pWait: mean(call.pWait),
                abandonRate: mean(call.abandonRate),
                serviceLevel: mean(call.serviceLevel),
                occupancy: mean(call.occupancy),
              },
              ...(r.vsBaseline !== undefined
                ? {
                    vsBaseline: {
                      npvMean: r.vsBaseline.npv.mean,
                      // An object rather than an array: prettier keeps it one value a line.
                      npvByReplication: Object.fromEntries(
                        r.vsBaseline.npvSamples.map((x, rep) => [`r${rep}`, x]),
                      ),
                      pNpvPositive: r.vsBaseline.pNpvPositive,
                    },
                  }
                : {}),
            },
          ];
        }),
      ),
    };
    await expect(`${JSON.stringify(figures, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/noRegression.json',
    );
  });
});
