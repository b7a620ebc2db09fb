import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import type { DrawOutcome } from './draw-outcome';

/** One hypothesis test over the draw history: what was tested, its statistic, p-value and the evidence. */
export interface FairnessTest {
  readonly name: string;
  /** The agency a per-agency test concerns; null for a test over all draws. */
  readonly agencyId: string | null;
  readonly statistic: number;
  readonly pValue: number;
  readonly evidence: Readonly<Record<string, number>>;
  /** Tests over groups of agencies: each group's observed figure against its expectation under the null. */
  readonly groups?: readonly { readonly group: string; readonly observed: number; readonly expected: number }[];
}

/** A test fixed in advance that the history cannot support yet: the minimum sample it waits for. */
export interface FairnessTestNotRun {
  readonly name: string;
  readonly reason: 'too-few-draws' | 'too-few-expected-wins' | 'one-group';
  /** What the history has, and what the test needs, in the unit of `reason` (draws, or expected wins of the smallest group). */
  readonly have: number;
  readonly need: number;
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
