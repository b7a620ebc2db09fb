import { uniformIndex, type Uint32Source } from './seeded-generator';

export interface Selection {
  /** The first k picks, in pick order. */
  readonly winners: readonly string[];
  /** The next m picks, in the order they replace a winner who declines (候补). */
  readonly alternates: readonly string[];
}

/**
 * Partial Fisher–Yates over the frozen pool: for i = 0 … k+m−1, j = i + uniform(n − i), swap. Picks stop
 * when the pool runs out, so a small pool yields fewer alternates (and the caller's minimum decides).
 */
export function selectUniformly(pool: readonly string[], winners: number, alternates: number, source: Uint32Source): Selection {
  const order = [...pool];
  const picks = Math.min(order.length, winners + alternates);
  for (let i = 0; i < picks; i++) {
    const j = i + uniformIndex(source, order.length - i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return { winners: order.slice(0, Math.min(winners, picks)), alternates: order.slice(winners, picks) };
}

export interface WeightedCandidate {
  readonly id: string;
  /** A positive whole number from the published weight function; the draw never sees anything else. */
  readonly weight: number;
}

/**
 * Weighted sampling without replacement, one pick at a time: u = uniform(total weight left), walk the
 * remaining candidates in pool order summing weights, and take the first whose running sum exceeds u.
 * Each pick's probability is exactly its weight over the weight left; integers keep it exact everywhere.
 */
export function selectByWeight(candidates: readonly WeightedCandidate[], winners: number, alternates: number, source: Uint32Source): Selection {
  for (const c of candidates) {
    if (!Number.isSafeInteger(c.weight) || c.weight < 1) throw new Error(`weight of ${c.id} must be a positive whole number`);
  }
  const left = [...candidates];
  const picked: string[] = [];
  const picks = Math.min(left.length, winners + alternates);
  for (let p = 0; p < picks; p++) {
    const total = left.reduce((sum, c) => sum + c.weight, 0);
    let u = uniformIndex(source, total);
    const index = left.findIndex((c) => (u -= c.weight) < 0);
    picked.push(left[index].id);
    left.splice(index, 1);
  }
  return { winners: picked.slice(0, Math.min(winners, picks)), alternates: picked.slice(winners, picks) };
}
