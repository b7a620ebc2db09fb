import type { DrawOutcome } from './draw-outcome';
import { winnerPositionUniformity, winsAgainstChance, type FairnessTest } from './fairness-tests';

/** Fixed in advance and published: the family-wise error rate of the whole report. */
export const FAIRNESS_ALPHA = 0.01;

export interface FairnessFlag extends FairnessTest {
  /** The Holm-adjusted threshold this test's p-value fell below. */
  readonly threshold: number;
}

export interface FairnessReport {
  readonly draws: number;
  readonly alpha: number;
  readonly tests: readonly FairnessTest[];
  /** Tests rejected after the Holm–Bonferroni correction: what supervisors should look at, with the evidence. */
  readonly flags: readonly FairnessFlag[];
}

/**
 * Runs every fairness test over a draw history and corrects for running many at once (Holm–Bonferroni: the
 * i-th smallest of m p-values is rejected while p ≤ α / (m − i)), so that across all agencies and tests the
 * chance of any false alarm stays at most α.
 */
export function fairnessReport(draws: readonly DrawOutcome[], alpha = FAIRNESS_ALPHA): FairnessReport {
  const tests = [...winsAgainstChance(draws), winnerPositionUniformity(draws)];
  const ordered = [...tests].sort((a, b) => a.pValue - b.pValue);
  const flags: FairnessFlag[] = [];
  for (const [i, test] of ordered.entries()) {
    const threshold = alpha / (ordered.length - i);
    if (test.pValue > threshold) break;
    flags.push({ ...test, threshold });
  }
  return { draws: draws.length, alpha, tests, flags };
}
