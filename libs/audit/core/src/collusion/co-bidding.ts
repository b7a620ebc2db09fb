import type { ClosedRound } from './bidding-rounds';
import type { CollusionTest } from './collusion-test';
import { hypergeometricUpperTail } from './tail-probabilities';

/** Fixed in advance: a pair is tested only when each agency bid in at least this many rounds of the items both bid on. */
export const CO_BIDDING_MIN_ROUNDS = 5;

/**
 * Agencies that bid together more often than chance: for each pair, over the rounds of the service items both
 * have bid on, the one-sided Fisher exact test of "b bids when a bids" — with N such rounds, a in K, b in n and
 * both in k, P(X ≥ k) for X ~ Hypergeometric(N, K, n). Which pairs are tested depends only on these margins
 * (each bid in at least CO_BIDDING_MIN_ROUNDS), never on k, so the selection does not bias the test. Cover
 * bidding — a partner entering to lose — shows up as a pair that is almost never apart.
 */
export function coBiddingPairs(rounds: readonly ClosedRound[]): CollusionTest[] {
  const itemsOf = new Map<string, Set<string>>();
  for (const round of rounds) for (const agencyId of round.bidders) itemsOf.set(agencyId, (itemsOf.get(agencyId) ?? new Set()).add(round.serviceItemCode ?? ''));
  const agencies = [...itemsOf.keys()].sort();
  const tests: CollusionTest[] = [];
  for (let i = 0; i < agencies.length; i++) {
    for (let j = i + 1; j < agencies.length; j++) {
      const [a, b] = [agencies[i], agencies[j]];
      const shared = new Set([...(itemsOf.get(a) as Set<string>)].filter((item) => itemsOf.get(b)?.has(item)));
      if (shared.size === 0) continue;
      let population = 0, withA = 0, withB = 0, together = 0;
      const togetherRounds: string[] = [];
      for (const round of rounds) {
        if (!shared.has(round.serviceItemCode ?? '')) continue;
        const hasA = round.bidders.includes(a);
        const hasB = round.bidders.includes(b);
        population++;
        if (hasA) withA++;
        if (hasB) withB++;
        if (hasA && hasB) {
          together++;
          togetherRounds.push(round.biddingId);
        }
      }
      if (withA < CO_BIDDING_MIN_ROUNDS || withB < CO_BIDDING_MIN_ROUNDS) continue;
      const expected = (withA * withB) / population;
      tests.push({
        name: 'co-bidding',
        agencyIds: [a, b],
        biddingId: null,
        statistic: together,
        pValue: hypergeometricUpperTail(together, population, withA, withB),
        evidence: { rounds: population, roundsWithFirst: withA, roundsWithSecond: withB, together, expectedTogether: expected, serviceItems: [...shared].sort(), togetherRounds },
      });
    }
  }
  return tests;
}
