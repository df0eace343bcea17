import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../exampleModel.ts';
import { compileModel, tenureMask } from './compile.ts';

/** The gate a customer of tenure τ passes for touchpoint t, straight from the model's numbers. */
function opens(from: number, to: number, tenure: number): boolean {
  return tenure >= from && tenure <= to;
}

describe('touchpoint tenure masks', () => {
  it('match the tenure gates, one by one, at every tenure (tables, steady state and the capped case)', () => {
    const gate = fc
      .tuple(fc.integer({ min: 0, max: 2000 }), fc.option(fc.integer({ min: 0, max: 2000 })))
      .map(([from, span]) => ({
        fromTenureMonth: from,
        toTenureMonth: span === null ? undefined : from + span,
      }));
    fc.assert(
      fc.property(
        fc.array(gate, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 6000 }),
        (gates, tenure) => {
          const spec = exampleModel();
          const journey = Object.values(spec.journeys)[0]!;
          const template = Object.values(journey.touchpoints)[0]!;
          journey.touchpoints = Object.fromEntries(
            gates.map((g, k) => [`tp${String(k).padStart(2, '0')}`, { ...template, ...g }]),
          );
          const model = compileModel(spec);
          const T = model.touchpointIds.length;
          const mask =
            tenure < model.tpTenureMaskLength
              ? model.tpTenureMask[tenure]!
              : model.tpTenureMaskCapped
                ? tenureMask(model.tpFromTenure, model.tpToTenure, tenure)
                : model.tpSteadyMask;
          for (let t = 0; t < T; t++) {
            const expected = opens(model.tpFromTenure[t]!, model.tpToTenure[t]!, tenure);
            expect(((mask >>> t) & 1) === 1, `touchpoint ${model.touchpointIds[t]}`).toBe(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('put renewal-only touchpoints in the renewal mask and no others', () => {
    const spec = exampleModel();
    const journey = Object.values(spec.journeys)[0]!;
    const [first, ...rest] = Object.keys(journey.touchpoints).sort();
    journey.touchpoints[first!]!.renewalMonthsOnly = true;
    const model = compileModel(spec);
    expect(model.tpRenewalMask).not.toBe(0);
    expect(rest.length + 1).toBeLessThanOrEqual(model.touchpointIds.length);
    for (let t = 0; t < model.touchpointIds.length; t++) {
      expect((model.tpRenewalMask >>> t) & 1).toBe(model.tpRenewalOnly[t]);
    }
  });
});
