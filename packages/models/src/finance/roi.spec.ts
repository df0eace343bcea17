import { describe, expect, it } from 'vitest';
import { ROI_NO_INVESTMENT, roi } from './roi.ts';

describe('roi', () => {
  it('is the incremental NPV per unit of investment present value', () => {
    expect(roi({ incrementalNpv: 50000, investmentPresentValue: 200000 })).toEqual({ ratio: 0.25 });
    // nothing gained but the cost: the whole investment lost
    expect(roi({ incrementalNpv: -200000, investmentPresentValue: 200000 })).toEqual({ ratio: -1 });
  });

  it('is missing, with the reason, when there is no investment', () => {
    expect(roi({ incrementalNpv: 1000, investmentPresentValue: 0 })).toEqual({
      ratio: null,
      reason: ROI_NO_INVESTMENT,
    });
  });

  it('rejects a negative investment or a non-finite NPV', () => {
    expect(() => roi({ incrementalNpv: 1, investmentPresentValue: -5 })).toThrow(
      'investmentPresentValue: expected a number ≥ 0, got -5',
    );
    expect(() => roi({ incrementalNpv: NaN, investmentPresentValue: 5 })).toThrow(
      'incrementalNpv: expected a finite number, got NaN',
    );
  });
});
