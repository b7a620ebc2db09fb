import { hasKnownChances } from './draw-chances';
import type { DrawOutcome } from './draw-outcome';
import { winsAgainstChance, type FairnessTest, type FairnessTestNotRun } from './fairness-tests';
import { gradeIndependence, priceLevelIndependence, regionIndependence, signUpOrderIndependence, winnerPositionUniformity } from './independence-tests';
import { CONCENTRATION_SIMULATIONS, winConcentration } from './win-concentration';

/** Fixed in advance and published: the family-wise error rate of the whole report. */
export const FAIRNESS_ALPHA = 0.01;
/** Fixed in advance: the share of α the tests over all draws hold together; the per-agency tests share the rest. */
export const FAIRNESS_GLOBAL_SHARE = 0.5;

export interface FairnessFlag extends FairnessTest {
  /** The weighted-Holm threshold its p-value fell at or below. */
  readonly threshold: number;
}

export interface FairnessReport {
  /** Draws analysed. */
  readonly draws: number;
  /** Of those, credit-weighted draws: each firm's chance in them is the one its committed weight gives it. */
  readonly weightedDraws: number;
  /** Credit-weighted draws left out: logged before `DrawCommittedV1` carried their weights, so no chance is known. */
  readonly weightedDrawsLeftOut: number;
  readonly alpha: number;
  readonly tests: readonly FairnessTest[];
  /** Tests the history cannot support yet, with the minimum sample each waits for. */
  readonly notRun: readonly FairnessTestNotRun[];
  /** Tests rejected after the correction: what supervisors should look at, with the evidence. */
  readonly flags: readonly FairnessFlag[];
}

/**
 * Runs every fairness test over a draw history as one family and corrects for running many at once, so that across
 * all agencies and tests the chance of any false alarm stays at most α. The correction is Holm's with weights
 * (Holm 1979): hypothesis i carries weight wᵢ; the one with the smallest pᵢ/wᵢ among those left is rejected while
 * pᵢ ≤ α·wᵢ / Σ w(left). The tests over all draws share half the weight and the per-agency tests the other half, so
 * a market with hundreds of firms does not push the few global tests below what a Monte Carlo p-value can reach.
 * Which tests run depends on sample sizes only, never on outcomes.
 */
export function fairnessReport(all: readonly DrawOutcome[], options: { alpha?: number; simulations?: number } = {}): FairnessReport {
  const alpha = options.alpha ?? FAIRNESS_ALPHA;
  const draws = all.filter(hasKnownChances);
  const outcomes = [
    winnerPositionUniformity(draws),
    signUpOrderIndependence(draws),
    regionIndependence(draws),
    gradeIndependence(draws),
    priceLevelIndependence(draws),
    winConcentration(draws, options.simulations ?? CONCENTRATION_SIMULATIONS),
  ];
  const globalTests = outcomes.filter((o): o is FairnessTest => 'pValue' in o);
  const notRun = outcomes.filter((o): o is FairnessTestNotRun => !('pValue' in o));
  const agencyTests = winsAgainstChance(draws);
  const tests = [...agencyTests, ...globalTests];

  const share = agencyTests.length > 0 && globalTests.length > 0 ? FAIRNESS_GLOBAL_SHARE : globalTests.length > 0 ? 1 : 0;
  const weightOf = (t: FairnessTest) => (t.agencyId === null ? share / globalTests.length : (1 - share) / agencyTests.length);
  return { draws: draws.length, weightedDraws: draws.filter((d) => d.weighted).length, weightedDrawsLeftOut: all.length - draws.length, alpha, tests, notRun, flags: weightedHolm(tests, weightOf, alpha) };
}

function weightedHolm(tests: readonly FairnessTest[], weightOf: (t: FairnessTest) => number, alpha: number): FairnessFlag[] {
  const left = tests.map((test) => ({ test, weight: weightOf(test) })).filter((x) => x.weight > 0);
  const flags: FairnessFlag[] = [];
  let weightLeft = left.reduce((sum, x) => sum + x.weight, 0);
  while (left.length > 0) {
    let best = 0;
    for (let i = 1; i < left.length; i++) if (left[i].test.pValue / left[i].weight < left[best].test.pValue / left[best].weight) best = i;
    const { test, weight } = left[best];
    const threshold = (alpha * weight) / weightLeft;
    if (test.pValue > threshold) break;
    flags.push({ ...test, threshold });
    left.splice(best, 1);
    weightLeft -= weight;
  }
  return flags;
}
