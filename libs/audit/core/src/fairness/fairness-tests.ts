import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import type { DrawOutcome } from './draw-outcome';

/** One hypothesis test over the draw history: what was tested, its statistic, p-value and the evidence. */
export interface FairnessTest {
  readonly name: string;
  /** The agency a per-agency test concerns; null for a test over all draws. */
  readonly agencyId: string | null;
  readonly statistic: number;
  readonly pValue: number;
  readonly evidence: Readonly<Record<string, number>>;
}

/**
 * Wins of each agency against chance: over the draws it entered, E = Σ k/n and V = Σ (k/n)(1 − k/n), since its
 * win in one draw is a Bernoulli trial with p = k/n. z = (O − E)/√V; the one-sided p-value asks whether it won more
 * often than chance allows (normal approximation; agencies with E < 5 are not tested, as the approximation fails).
 */
export function winsAgainstChance(draws: readonly DrawOutcome[]): FairnessTest[] {
  const tally = new Map<string, { entered: number; wins: number; expected: number; variance: number }>();
  for (const draw of draws) {
    const n = draw.pool.length;
    if (n === 0) continue;
    const p = Math.min(1, draw.winners.length / n);
    for (const id of draw.pool) {
      const t = tally.get(id) ?? { entered: 0, wins: 0, expected: 0, variance: 0 };
      t.entered++;
      t.expected += p;
      t.variance += p * (1 - p);
      if (draw.winners.includes(id)) t.wins++;
      tally.set(id, t);
    }
  }
  return [...tally]
    .filter(([, t]) => t.expected >= 5 && t.variance > 0)
    .map(([agencyId, t]) => {
      const z = (t.wins - t.expected) / Math.sqrt(t.variance);
      return { name: 'wins-against-chance', agencyId, statistic: z, pValue: 1 - normalCdf(z, 0, 1), evidence: { entered: t.entered, wins: t.wins, expected: t.expected } };
    });
}

/**
 * Where winners stood in the frozen pool: if the draw is fair, a winner's relative position is uniform. The
 * positions are binned in deciles; each draw contributes its exact chance per decile (small pools fill deciles
 * unevenly), and a chi-square goodness-of-fit test with 9 degrees of freedom compares observed with expected.
 */
export function winnerPositionUniformity(draws: readonly DrawOutcome[]): FairnessTest {
  const observed = new Array(10).fill(0);
  const expected = new Array(10).fill(0);
  const decileOf = (index: number, n: number) => Math.min(9, Math.floor(((index + 0.5) / n) * 10));
  for (const draw of draws) {
    const n = draw.pool.length;
    if (n === 0) continue;
    const perPosition = draw.winners.length / n;
    for (let i = 0; i < n; i++) expected[decileOf(i, n)] += perPosition;
    for (const winner of draw.winners) {
      const index = draw.pool.indexOf(winner);
      if (index >= 0) observed[decileOf(index, n)]++;
    }
  }
  const cells = expected.map((e, d) => ({ e, o: observed[d] })).filter((c) => c.e > 0);
  const statistic = cells.reduce((sum, c) => sum + (c.o - c.e) ** 2 / c.e, 0);
  const degrees = Math.max(1, cells.length - 1);
  return {
    name: 'winner-position-uniformity',
    agencyId: null,
    statistic,
    pValue: 1 - chisquareCdf(statistic, degrees),
    evidence: Object.fromEntries(observed.map((o, d) => [`decile${d + 1}`, o])),
  };
}
