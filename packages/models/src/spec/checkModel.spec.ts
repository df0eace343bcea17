import { describe, expect, it } from 'vitest';
import { northbankModel } from '../testFixtures.ts';
import { SHARE_TOLERANCE, checkModel, sumShares } from './checkModel.ts';
import { LIMITS, type ModelSpec, type TouchpointSpec } from './modelSpec.ts';

/** The Northbank model with one change applied; checkModel's problems with it. */
function problemsAfter(change: (model: ModelSpec) => void) {
  const model = northbankModel();
  change(model);
  return checkModel(model);
}

const SEGMENTS = 'everyday, premier, students, seniors';
const STAFFED = 'callCentre, chat, branch';
const SELF_SERVICE = 'app, web';

function touchpoints(count: number, prefix: string): Record<string, TouchpointSpec> {
  const out: Record<string, TouchpointSpec> = {};
  for (let i = 0; i < count; i++) {
    out[`${prefix}${i}`] = { label: `Need ${i}`, monthlyProbability: 0.01, staffed: { chat: 1 } };
  }
  return out;
}

describe('sumShares', () => {
  it('adds the shares of a mix', () => {
    expect(sumShares({ a: 0.5, b: 0.25, c: 0.25 })).toBe(1);
    expect(sumShares({})).toBe(0);
  });
});

describe('checkModel', () => {
  it("finds nothing wrong with the library's Northbank model", () => {
    expect(checkModel(northbankModel())).toEqual([]);
  });

  describe('shares and ids', () => {
    it('reports shares that do not sum to 1', () => {
      expect(
        problemsAfter((m) => {
          m.population.segmentMix.everyday = 0.4;
        }),
      ).toEqual([
        {
          path: 'population.segmentMix',
          expected: 'shares summing to 1',
          found: 'shares summing to 0.9',
        },
      ]);
    });

    it('accepts rounded thirds, within the tolerance, and not beyond it', () => {
      const third = { everyday: 0.333333, premier: 0.333333, students: 0.333334 };
      expect(problemsAfter((m) => (m.referrals.segmentMix = third))).toEqual([]);
      const over = { everyday: 0.5, premier: 0.5 + 2 * SHARE_TOLERANCE };
      expect(problemsAfter((m) => (m.referrals.segmentMix = over))).toEqual([
        {
          path: 'referrals.segmentMix',
          expected: 'shares summing to 1',
          found: 'shares summing to 1.000002', // not "summing to 1": the total shows the excess
        },
      ]);
      const noisy = { everyday: 0.1, premier: 0.2, students: 0.3 }; // 0.6000000000000001
      expect(problemsAfter((m) => (m.referrals.segmentMix = noisy))[0]?.found).toBe(
        'shares summing to 0.6',
      );
    });

    it('reports an unknown segment in a mix, naming the segments that exist', () => {
      expect(
        problemsAfter((m) => {
          m.sources.social!.segmentMix = { everyday: 0.4, student: 0.6 };
        }),
      ).toEqual([
        {
          path: 'sources.social.segmentMix.student',
          expected: `one of the segments (${SEGMENTS})`,
          found: 'student',
        },
      ]);
    });

    it('reports an empty mix', () => {
      expect(problemsAfter((m) => (m.referrals.segmentMix = {}))).toEqual([
        {
          path: 'referrals.segmentMix',
          expected: 'at least one segment with a share',
          found: 'an empty map',
        },
      ]);
    });

    it('reports a self-service channel that is not a self-service channel', () => {
      expect(
        problemsAfter((m) => {
          m.journeys.servicing!.touchpoints.accountQuestion!.selfService!.channel = 'chat';
        }),
      ).toEqual([
        {
          path: 'journeys.servicing.touchpoints.accountQuestion.selfService.channel',
          expected: `one of the self-service channels (${SELF_SERVICE})`,
          found: 'chat',
        },
      ]);
    });

    it('reports a staffed share naming a self-service channel', () => {
      expect(
        problemsAfter((m) => {
          m.journeys.billing!.touchpoints.feeQuery!.staffed = { callCentre: 0.7, app: 0.3 };
        }),
      ).toEqual([
        {
          path: 'journeys.billing.touchpoints.feeQuery.staffed.app',
          expected: `one of the staffed channels (${STAFFED})`,
          found: 'app',
        },
      ]);
    });

    it('says "none defined" when a model has no channel of the kind named', () => {
      const problems = problemsAfter((m) => {
        for (const id of ['app', 'web']) delete m.channels[id];
      });
      expect(problems).toContainEqual({
        path: 'journeys.onboarding.touchpoints.setupHelp.selfService.channel',
        expected: 'one of the self-service channels (none defined)',
        found: 'app',
      });
    });

    it('reports a touchpoint with no channel at all', () => {
      expect(
        problemsAfter((m) => {
          delete m.journeys.incidents!.touchpoints.fraudAlert!.staffed;
        }),
      ).toEqual([
        {
          path: 'journeys.incidents.touchpoints.fraudAlert',
          expected: 'a selfService channel, staffed channels, or both',
          found: 'neither',
        },
      ]);
    });

    it('reports an unknown segment in segmentMultipliers', () => {
      expect(
        problemsAfter((m) => {
          m.journeys.incidents!.touchpoints.cardDeclinedAbroad!.segmentMultipliers = { premium: 2 };
        }),
      ).toEqual([
        {
          path: 'journeys.incidents.touchpoints.cardDeclinedAbroad.segmentMultipliers.premium',
          expected: `one of the segments (${SEGMENTS})`,
          found: 'premium',
        },
      ]);
    });
  });

  describe('staffed channels', () => {
    it('reports an intradayProfile whose length is not the open hours', () => {
      expect(problemsAfter((m) => cc(m).intradayProfile.pop())).toEqual([
        {
          path: 'channels.callCentre.intradayProfile',
          expected: '12 hourly weights (one per open hour 8–20)',
          found: '11',
        },
      ]);
    });

    it('reports an intradayProfile without any weight', () => {
      expect(
        problemsAfter((m) => (cc(m).intradayProfile = cc(m).intradayProfile.map(() => 0))),
      ).toEqual([
        {
          path: 'channels.callCentre.intradayProfile',
          expected: 'at least one hour with a weight above 0',
          found: 'all zero',
        },
      ]);
    });

    it('reports an agentsByHour whose length is not the open hours', () => {
      expect(problemsAfter((m) => (cc(m).agentsByHour = [10, 10]))).toEqual([
        {
          path: 'channels.callCentre.agentsByHour',
          expected: '12 hourly agent counts (one per open hour 8–20)',
          found: '2',
        },
      ]);
      expect(problemsAfter((m) => (cc(m).agentsByHour = Array(12).fill(20)))).toEqual([]);
    });

    it('reports a closing hour not after the opening hour, and nothing more about that channel', () => {
      expect(
        problemsAfter((m) => {
          const chat = m.channels.chat!;
          if (chat.kind === 'staffed') chat.closeHour = 8;
        }),
      ).toEqual([
        { path: 'channels.chat.closeHour', expected: 'an hour after openHour (8)', found: '8' },
      ]);
    });
  });

  describe('segments and sources', () => {
    it('reports productsAtStart above maxProducts', () => {
      expect(problemsAfter((m) => (m.segments.premier!.productsAtStart = 7))).toEqual([
        {
          path: 'segments.premier.productsAtStart',
          expected: 'at most maxProducts (6)',
          found: '7',
        },
      ]);
      expect(problemsAfter((m) => (m.segments.premier!.productsAtStart = 6))).toEqual([]);
    });

    it('reports a budget source whose budget would buy nobody (cost per acquisition 0)', () => {
      expect(problemsAfter((m) => (m.sources.paidSearch!.costPerAcquisition = 0))).toEqual([
        {
          path: 'sources.paidSearch.costPerAcquisition',
          expected:
            'a cost above 0 for a source that spends a budget (else the budget buys nobody)',
          found: '0',
        },
      ]);
      // A budget of 0 or a volume source at no cost is fine.
      expect(
        problemsAfter((m) => {
          m.sources.paidSearch!.costPerAcquisition = 0;
          m.sources.paidSearch!.monthlyBudget = 0;
          m.sources.partners!.costPerAcquisition = 0;
        }),
      ).toEqual([]);
    });

    it('reports presales contacts without a presales channel', () => {
      expect(problemsAfter((m) => delete m.sources.social!.presalesChannel)).toEqual([
        {
          path: 'sources.social.presalesChannel',
          expected: 'a staffed channel id for the presales contacts',
          found: 'nothing',
        },
      ]);
    });

    it('reports a presales channel that is not a staffed channel', () => {
      expect(problemsAfter((m) => (m.sources.paidSearch!.presalesChannel = 'app'))).toEqual([
        {
          path: 'sources.paidSearch.presalesChannel',
          expected: `one of the staffed channels (${STAFFED})`,
          found: 'app',
        },
      ]);
    });

    it('reports a source whose endMonth is before its startMonth', () => {
      expect(
        problemsAfter((m) => {
          m.sources.partners!.startMonth = 6;
          m.sources.partners!.endMonth = 3;
        }),
      ).toEqual([
        { path: 'sources.partners.endMonth', expected: 'a month ≥ startMonth (6)', found: '3' },
      ]);
      expect(
        problemsAfter((m) => {
          m.sources.partners!.startMonth = 6;
          m.sources.partners!.endMonth = 6;
        }),
      ).toEqual([]);
    });
  });

  describe('touchpoints', () => {
    it('reports a tenure window that ends before it starts', () => {
      expect(
        problemsAfter((m) => {
          m.journeys.onboarding!.touchpoints.setupHelp!.fromTenureMonth = 3;
        }),
      ).toEqual([
        {
          path: 'journeys.onboarding.touchpoints.setupHelp.toTenureMonth',
          expected: 'a month ≥ fromTenureMonth (3)',
          found: '2',
        },
      ]);
    });

    it('reports renewal-month touchpoints when no segment has a renewal', () => {
      const renewalOnly = (m: ModelSpec) => {
        m.journeys.servicing!.touchpoints.complaint!.renewalMonthsOnly = true;
      };
      expect(problemsAfter(renewalOnly)).toEqual([
        {
          path: 'journeys.servicing.touchpoints.complaint.renewalMonthsOnly',
          expected: 'a segment with `renewal` for renewal-month touchpoints',
          found: 'none',
        },
      ]);
      expect(
        problemsAfter((m) => {
          renewalOnly(m);
          m.segments.premier!.renewal = { everyMonths: 12, baseNonRenewal: 0.1 };
        }),
      ).toEqual([]);
    });

    it(`reports more than ${LIMITS.maxTouchpointsPerJourney} touchpoints in a journey`, () => {
      expect(
        problemsAfter((m) => {
          Object.assign(m.journeys.servicing!.touchpoints, touchpoints(14, 'extra')); // 3 + 14
        }),
      ).toEqual([
        { path: 'journeys.servicing.touchpoints', expected: 'at most 16 touchpoints', found: '17' },
      ]);
    });

    it(`reports more than ${LIMITS.maxTouchpoints} touchpoints in all`, () => {
      expect(
        problemsAfter((m) => {
          for (let j = 0; j < 4; j++) {
            m.journeys[`more${j}`] = {
              label: `More ${j}`,
              kind: 'servicing',
              quality: 'average',
              touchpoints: touchpoints(12, 'need'),
            };
          }
        }),
      ).toEqual([
        {
          path: 'journeys',
          expected: `at most ${LIMITS.maxTouchpoints} touchpoints in all`,
          found: '57', // the model's 9 + 4 × 12
        },
      ]);
    });
  });

  describe('counts, thresholds and investments', () => {
    it(`reports more than ${LIMITS.maxSegments} segments`, () => {
      expect(
        problemsAfter((m) => {
          for (let i = 0; i < 13; i++) m.segments[`extra${i}`] = { ...m.segments.everyday! };
        }),
      ).toEqual([{ path: 'segments', expected: 'at most 16 entries', found: '17' }]);
    });

    it('reports a detractor threshold at or above the promoter threshold', () => {
      expect(problemsAfter((m) => (m.behaviour.detractorThreshold = 9))).toEqual([
        {
          path: 'behaviour.detractorThreshold',
          expected: 'a threshold below promoterThreshold (9)',
          found: '9',
        },
      ]);
      expect(problemsAfter((m) => (m.behaviour.detractorThreshold = 8.99))).toEqual([]);
    });

    it('reports quality levels out of order, a resolved contact worth less than an unresolved one, and an open issue that keeps customers', () => {
      expect(
        problemsAfter((m) => {
          m.experience.good.satisfactionDelta = m.experience.average.satisfactionDelta - 0.1;
          m.experience.excellent.resolutionMultiplier =
            m.experience.good.resolutionMultiplier - 0.01;
          m.behaviour.resolvedDelta = m.behaviour.unresolvedDelta - 0.5;
          m.behaviour.openIssueChurnOddsMultiplier = 0.9;
        }).map((p) => p.path),
      ).toEqual([
        'experience.good.satisfactionDelta',
        'experience.excellent.resolutionMultiplier',
        'behaviour.resolvedDelta',
        'behaviour.openIssueChurnOddsMultiplier',
      ]);
      // Equal levels are a flat scale, allowed.
      expect(
        problemsAfter((m) => {
          m.experience.good = { ...m.experience.average };
          m.behaviour.resolvedDelta = m.behaviour.unresolvedDelta;
          m.behaviour.openIssueChurnOddsMultiplier = 1;
        }),
      ).toEqual([]);
    });

    it('reports conversions lost to unanswered calls where prospects make none', () => {
      expect(
        problemsAfter((m) => {
          m.sources.partners!.presalesLostIfUnanswered = 0.3;
        }),
      ).toEqual([
        {
          path: 'sources.partners.presalesContactsPerAcquisition',
          expected:
            'presales contacts above 0 where presalesLostIfUnanswered is set (only prospects who call can lose a sale to an unanswered call)',
          found: '0',
        },
      ]);
    });

    it('reports an investment that starts beyond the horizon, or ends before it starts', () => {
      expect(
        problemsAfter((m) => {
          m.investments = [
            { label: 'Too late', oneOff: 1, monthly: 0, startMonth: 37 },
            { label: 'Backwards', oneOff: 1, monthly: 1, startMonth: 5, endMonth: 4 },
            { label: 'Fine', oneOff: 1, monthly: 1, startMonth: 36, endMonth: 40 },
          ];
        }),
      ).toEqual([
        {
          path: 'investments[0].startMonth',
          expected: 'a month within the horizon (≤ 36)',
          found: '37',
        },
        { path: 'investments[1].endMonth', expected: 'a month ≥ startMonth (5)', found: '4' },
      ]);
    });
  });

  it('returns every problem, not just the first', () => {
    const problems = problemsAfter((m) => {
      m.population.segmentMix.everyday = 0.4;
      m.segments.premier!.productsAtStart = 7;
      m.behaviour.detractorThreshold = 10;
    });
    expect(problems.map((p) => p.path)).toEqual([
      'population.segmentMix',
      'segments.premier.productsAtStart',
      'behaviour.detractorThreshold',
    ]);
  });
});

/** The Northbank call centre, typed as the staffed channel it is. */
function cc(model: ModelSpec) {
  const channel = model.channels.callCentre;
  if (channel?.kind !== 'staffed') throw new Error('callCentre is a staffed channel');
  return channel;
}
