import { readFileSync } from 'node:fs';
import { runInProcess, summarize } from '@journeycast/sim-core';
import { planFromScenario } from './src/plan.ts';
const file = process.argv[2] ?? 'library/default.json';
const scenario = JSON.parse(readFileSync(file, 'utf8'));
const reps = Number(process.argv[3] ?? 12);
const plan = planFromScenario(scenario, { replications: reps, precision: false });
const t = performance.now();
const out = await runInProcess(plan);
console.log('time', ((performance.now() - t) / 1000).toFixed(1), 's for', reps, 'reps ×', plan.variants.length);
const r = summarize(plan, out.collector);
const f = (x: number) => Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : x.toFixed(3);
for (const [id, v] of Object.entries(r.variants)) {
  console.log(`== ${id}: revenue ${f(v.totals.revenue.mean)} cts ${f(v.totals.costToServe.mean)} net ${f(v.totals.netCashFlow.mean)} active ${f(v.totals.activeCustomersEnd.mean)} ret12 ${f(v.totals.retention12m.mean)} nps ${f(v.totals.npsEnd.mean)} sat ${f(v.totals.meanSatisfactionEnd.mean)} cts/cust/yr ${f(v.totals.costToServePerCustomerYear.mean)} acq ${f(v.totals.acquired.mean)} churned ${f(v.totals.churned.mean)}`);
  for (const [cid, c] of Object.entries(v.channels)) console.log(`   ${cid}: contacts/mo ${f(c.contacts.mean / r.months)} aban ${f(c.abandonRate.mean)} wait ${f(c.meanWaitMinutes.mean)} SL ${f(c.serviceLevel.mean)} occ ${f(c.occupancy.mean)} resol ${f(c.resolutionRate.mean)} cost ${f(c.cost.mean)}`);
  if (v.vsBaseline) {
    const p = v.vsBaseline;
    console.log(`   vs baseline: NPV p10 ${f(p.npv.p10)} p50 ${f(p.npv.p50)} p90 ${f(p.npv.p90)} P>0 ${p.pNpvPositive} ROI ${p.roi.p50} payback ${p.paybackMonth.p50} rev% ${f(p.deltas.revenuePct.mean)} cts% ${f(p.deltas.costToServePct.mean)} ret ${f(p.deltas.retention12m.mean)} renewOR ${p.deltas.renewalOddsRatio?.mean} xsell ${f(p.deltas.crossSellRateRatio?.mean ?? NaN)}`);
    console.log('   drivers', Object.fromEntries(Object.entries(p.drivers).map(([k, s]) => [k, Math.round(s.mean)])));
  }
}
