import type { WeightedCandidate } from './select';

/**
 * Published weight functions of the credit-weighted draw (信用择优), by the identifier a project names at
 * publication. They live in code so every verifier applies the same function; a change is a new identifier.
 * - `credit-linear/v1`: weight = 1 + score, so a firm at 100 is about twice as likely per pick as one at 50,
 *   and every firm that clears the threshold keeps a positive chance.
 */
export const CREDIT_WEIGHT_FUNCTIONS: Readonly<Record<string, (score: number) => number>> = {
  'credit-linear/v1': (score) => 1 + score,
};

/** A firm with no credit entry yet stands at the credit formula's start value (docs/credit-score.md, credit/v1). */
export const CREDIT_START_SCORE = 80;

/** Credit scores run from 0 to 100 (docs/credit-score.md). */
export const MAX_CREDIT_SCORE = 100;

/**
 * The weights a published function gives the firms that clear a threshold: from its value at the threshold to its
 * value at the top score (the functions never decrease). Null when the function is not published.
 */
export function creditWeightRange(weightFunction: string, threshold: number): { readonly min: number; readonly max: number } | null {
  const weigh = Object.prototype.hasOwnProperty.call(CREDIT_WEIGHT_FUNCTIONS, weightFunction) ? CREDIT_WEIGHT_FUNCTIONS[weightFunction] : undefined;
  return weigh ? { min: weigh(threshold), max: weigh(MAX_CREDIT_SCORE) } : null;
}

export interface CreditWeighting {
  readonly pool: readonly string[];
  readonly weights: readonly WeightedCandidate[];
  readonly exclusions: readonly { readonly agencyId: string; readonly reason: 'CREDIT_BELOW_THRESHOLD' }[];
}

/**
 * Step 1 of a credit-weighted draw, after the eligibility screen: firms scoring below the threshold drop out (on
 * the record), the rest get their published weight, in pool order. Null when the function is not published.
 */
export function weighPoolByCredit(pool: readonly string[], scores: ReadonlyMap<string, number>, threshold: number, weightFunction: string): CreditWeighting | null {
  const weigh = Object.prototype.hasOwnProperty.call(CREDIT_WEIGHT_FUNCTIONS, weightFunction) ? CREDIT_WEIGHT_FUNCTIONS[weightFunction] : undefined;
  if (!weigh) return null;
  const scoreOf = (id: string) => scores.get(id) ?? CREDIT_START_SCORE;
  const kept = pool.filter((id) => scoreOf(id) >= threshold);
  return {
    pool: kept,
    weights: kept.map((id) => ({ id, weight: weigh(scoreOf(id)) })),
    exclusions: pool.filter((id) => scoreOf(id) < threshold).map((agencyId) => ({ agencyId, reason: 'CREDIT_BELOW_THRESHOLD' as const })),
  };
}
