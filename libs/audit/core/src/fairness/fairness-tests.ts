import { poissonBinomialUpperTail } from '../collusion/tail-probabilities';
import { chancesOf } from './draw-chances';
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
 * Wins of each agency against chance: in each draw it entered, it wins with p = π, its chance under the draw's rule
 * (`chancesOf`: k/n in a uniform draw, from the committed weights in a credit-weighted one), so its wins O over the
 * draws it entered follow the Poisson-binomial with those p's, of mean E = Σ π and variance V = Σ π(1 − π). The
 * one-sided p-value P(wins ≥ O) is exact (a normal approximation understates that right-skewed tail several-fold at
 * the thresholds a correction over many firms sets); z = (O − E)/√V is reported as the statistic. Agencies
 * expecting fewer than 5 wins are not tested: no count could then stand out after the correction.
 */
export function winsAgainstChance(draws: readonly DrawOutcome[]): FairnessTest[] {
  const tally = new Map<string, { entered: number; wins: number; expected: number; variance: number; chances: number[] }>();
  for (const draw of draws) {
    const chances = chancesOf(draw);
    if (!chances) continue;
    for (const [i, id] of draw.pool.entries()) {
      const p = Math.min(1, chances.inclusion[i]);
      const t = tally.get(id) ?? { entered: 0, wins: 0, expected: 0, variance: 0, chances: [] };
      t.entered++;
      t.expected += p;
      t.variance += p * (1 - p);
      t.chances.push(p);
      if (draw.winners.includes(id)) t.wins++;
      tally.set(id, t);
    }
  }
  return [...tally]
    .filter(([, t]) => t.expected >= 5 && t.variance > 0)
    .map(([agencyId, t]) => ({
      name: 'wins-against-chance',
      agencyId,
      statistic: (t.wins - t.expected) / Math.sqrt(t.variance),
      pValue: poissonBinomialUpperTail(t.wins, t.chances),
      evidence: { entered: t.entered, wins: t.wins, expected: t.expected },
    }));
}
