import type { LoggedEvent } from '../records/logged-event';
import { closedRoundsOf } from './bidding-rounds';
import { coBiddingPairs } from './co-bidding';
import type { CollusionTest } from './collusion-test';
import { identicalQuotes, quoteSpread } from './quote-clustering';
import { repeatedDeclines } from './repeated-declines';

/** Fixed in advance and published: the family-wise error rate of the whole collusion report. */
export const COLLUSION_ALPHA = 0.01;

/** The event types the report reads; the service loads just these. */
export const COLLUSION_EVENT_TYPES = ['bidding.BiddingOpened', 'bidding.BiddingClosed', 'projects.ProjectAwarded', 'projects.AwardDeclined'] as const;

export interface CollusionFlag extends CollusionTest {
  /** The Holm threshold its p-value fell at or below. */
  readonly threshold: number;
}

export interface CollusionReport {
  readonly alpha: number;
  readonly closedRounds: number;
  readonly tests: readonly CollusionTest[];
  /** What survives the Holm–Bonferroni correction over every test in the report: leads for supervisors, with evidence. */
  readonly flags: readonly CollusionFlag[];
}

/**
 * Every collusion test over the log's bidding and award history — co-bidding pairs, quotes tightly clustered in a
 * round, the same two firms quoting identically, repeated declines — as one family, corrected with Holm–Bonferroni
 * so that the chance of any false alarm across all of them stays at most α. A flag is a reason to look, not a
 * finding of collusion.
 */
export function collusionReport(events: readonly LoggedEvent[], alpha = COLLUSION_ALPHA): CollusionReport {
  const rounds = closedRoundsOf(events);
  const tests = [...coBiddingPairs(rounds), ...quoteSpread(rounds), ...identicalQuotes(rounds), ...repeatedDeclines(events)];
  const ordered = [...tests].sort((a, b) => a.pValue - b.pValue);
  const flags: CollusionFlag[] = [];
  for (const [i, test] of ordered.entries()) {
    const threshold = alpha / (ordered.length - i);
    if (test.pValue > threshold) break;
    flags.push({ ...test, threshold });
  }
  return { alpha, closedRounds: rounds.length, tests, flags };
}
