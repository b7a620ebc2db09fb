import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { ClosedRound } from './bidding-rounds';
import type { CollusionTest } from './collusion-test';
import { poissonUpperTail } from './tail-probabilities';

/**
 * Fixed in advance: the spread of competitive quotes is estimated from the other rounds, pooled, and only used
 * with at least this many degrees of freedom (so the chi-square reference for the round's variance holds).
 */
export const QUOTE_MIN_POOLED_DEGREES = 30;
/** Fixed in advance: a round's spread is tested with at least 3 valid quotes; its closest pair with at least 2. */
export const QUOTE_SPREAD_MIN_BIDS = 3;

/**
 * The model behind both quote tests: in a competitive round, valid quotes are independent and log-normal around
 * the round's own level, with a spread σ shared by all rounds — estimated, for each round, from the other rounds
 * (pooled within-round variance of ln price), so a round cannot hide its own anomaly in the estimate.
 */
function pooledSpreads(rounds: readonly ClosedRound[]): { variance: number; degrees: number }[] {
  const own = rounds.map((round) => {
    if (round.validBids.length < 2) return { sum: 0, degrees: 0 };
    const logs = round.validBids.map((bid) => Math.log(bid.priceFen));
    const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
    return { sum: logs.reduce((s, x) => s + (x - mean) ** 2, 0), degrees: logs.length - 1 };
  });
  const total = own.reduce((t, r) => ({ sum: t.sum + r.sum, degrees: t.degrees + r.degrees }), { sum: 0, degrees: 0 });
  return own.map((r) => {
    const degrees = total.degrees - r.degrees;
    return { variance: degrees > 0 ? (total.sum - r.sum) / degrees : 0, degrees };
  });
}

/**
 * Quotes clustered too tightly in a round: (n − 1)s²/σ² against chi-square with n − 1 degrees of freedom, lower
 * tail (s² the round's variance of ln price). Quotes that are all the same give 0 and p = 0.
 */
export function quoteSpread(rounds: readonly ClosedRound[]): CollusionTest[] {
  const spreads = pooledSpreads(rounds);
  const tests: CollusionTest[] = [];
  rounds.forEach((round, i) => {
    const n = round.validBids.length;
    if (n < QUOTE_SPREAD_MIN_BIDS) return;
    const pooled = spreads[i];
    if (pooled.degrees < QUOTE_MIN_POOLED_DEGREES || pooled.variance <= 0) return;
    const logs = round.validBids.map((bid) => Math.log(bid.priceFen));
    const mean = logs.reduce((s, x) => s + x, 0) / n;
    const variance = logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    const statistic = ((n - 1) * variance) / pooled.variance;
    tests.push({
      name: 'quote-spread',
      agencyIds: round.validBids.map((bid) => bid.agencyId),
      biddingId: round.biddingId,
      statistic,
      pValue: chisquareCdf(statistic, n - 1),
      evidence: { projectId: round.projectId, prices: round.validBids, spread: Math.sqrt(variance), typicalSpread: Math.sqrt(pooled.variance), pooledDegrees: pooled.degrees },
    });
  });
  return tests;
}

/** Fixed in advance: a pair's identical quotes are tested once the two have both quoted validly in this many rounds. */
export const IDENTICAL_MIN_JOINT_ROUNDS = 2;

/**
 * Identical quotes by the same two agencies: in each round where both quoted validly, the two quotes count as
 * identical when they lie within one step of the quote grid (1 fen; a rate step for discount rates). Under the
 * model two independent quotes fall that close with q_r = 2Φ(d_r / (σ_r√2)) − 1, d_r the step in ln price; the
 * count of such rounds is then about Poisson(Σ q_r), and its upper tail is the p-value. One identical pair in a
 * long history is not rare enough to flag on its own; the same two firms matching again and again is.
 */
export function identicalQuotes(rounds: readonly ClosedRound[]): CollusionTest[] {
  const spreads = pooledSpreads(rounds);
  const pairs = new Map<string, { joint: number; expected: number; identical: { biddingId: string; priceFen: number }[] }>();
  rounds.forEach((round, i) => {
    const spread = spreads[i];
    if (spread.degrees < QUOTE_MIN_POOLED_DEGREES || spread.variance <= 0) return;
    const bids = [...round.validBids].sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0));
    for (let a = 0; a < bids.length; a++) {
      for (let b = a + 1; b < bids.length; b++) {
        if (bids[a].agencyId === bids[b].agencyId) continue;
        const key = `${bids[a].agencyId}\u0000${bids[b].agencyId}`;
        const pair = pairs.get(key) ?? { joint: 0, expected: 0, identical: [] };
        pairs.set(key, pair);
        const low = Math.min(bids[a].priceFen, bids[b].priceFen);
        const step = Math.log((low + round.resolutionFen) / low);
        pair.joint++;
        pair.expected += 2 * normalCdf(step / Math.sqrt(2 * spread.variance), 0, 1) - 1;
        if (Math.abs(bids[a].priceFen - bids[b].priceFen) < round.resolutionFen) pair.identical.push({ biddingId: round.biddingId, priceFen: bids[a].priceFen });
      }
    }
  });
  const tests: CollusionTest[] = [];
  for (const [key, pair] of [...pairs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (pair.joint < IDENTICAL_MIN_JOINT_ROUNDS) continue;
    tests.push({
      name: 'identical-quotes',
      agencyIds: key.split('\u0000'),
      biddingId: null,
      statistic: pair.identical.length,
      pValue: poissonUpperTail(pair.identical.length, pair.expected),
      evidence: { jointRounds: pair.joint, identicalRounds: pair.identical, expectedByChance: pair.expected },
    });
  }
  return tests;
}
