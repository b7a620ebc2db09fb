import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { chancesOf } from './draw-chances';
import type { DrawOutcome } from './draw-outcome';

/** Wins of one group of agencies: observed against what chance gives the group's share of each pool. */
export interface GroupWins {
  readonly group: string;
  readonly observed: number;
  readonly expected: number;
}

export interface GroupedWinsResult {
  readonly statistic: number;
  readonly degrees: number;
  readonly pValue: number;
  readonly groups: readonly GroupWins[];
}

/** Labels each pool agency of a draw; the label must be known before the draw (an attribute, not an outcome). */
export type GroupOf = (draw: DrawOutcome, agencyId: string, index: number) => string;

/**
 * Does the group a winner falls in depend on anything but the group's chances in the pool? Under a fair uniform draw
 * the k winners are a uniform k-subset of the n pool agencies, so the wins X_g of group g (n_g agencies in the pool)
 * are multivariate hypergeometric: E = k·n_g/n, Cov(X_g, X_h) = k(n − k)/(n − 1) · (p_g·δ_gh − p_g·p_h) with
 * p_g = n_g/n; under a credit-weighted draw the mean and covariance come from its committed weights (`chancesOf`).
 * Summed over independent draws, T = (O − E)ᵀ V⁻ (O − E) is asymptotically χ² with rank(V) degrees of freedom.
 * This is Pearson's chi-square corrected for pools that differ from draw to draw and for several winners drawn
 * without replacement; the plain Pearson sum would be conservative here.
 */
export function groupedWinsTest(draws: readonly DrawOutcome[], groupOf: GroupOf, rename: (group: string) => string = (g) => g): GroupedWinsResult {
  return groupedWins(draws.map((draw) => ({ draw, labels: draw.pool.map((id, i) => rename(groupOf(draw, id, i))) })));
}

/** The same over draws whose pool agencies are already labelled (`labels[i]` for `pool[i]`). */
export function groupedWins(labelled: readonly { readonly draw: DrawOutcome; readonly labels: readonly string[] }[]): GroupedWinsResult {
  const index = new Map<string, number>();
  for (const { labels } of labelled) for (const g of labels) if (!index.has(g)) index.set(g, index.size);
  const names = [...index.keys()];
  const G = names.length;
  const observed = new Array<number>(G).fill(0);
  const expected = new Array<number>(G).fill(0);
  const covariance = Array.from({ length: G }, () => new Array<number>(G).fill(0));

  for (const { draw, labels } of labelled) {
    const chances = chancesOf(draw);
    if (!chances) continue;
    const moments = chances.groupMoments(labels.map((g) => index.get(g) as number), G);
    for (let g = 0; g < G; g++) {
      expected[g] += moments.mean[g];
      for (let h = 0; h < G; h++) covariance[g][h] += moments.covariance[g][h];
    }
    for (const winner of draw.winners) {
      const i = draw.pool.indexOf(winner);
      if (i >= 0) observed[index.get(labels[i]) as number]++;
    }
  }

  const { value, rank } = quadraticForm(
    covariance,
    observed.map((o, g) => o - expected[g]),
  );
  return {
    statistic: value,
    degrees: rank,
    pValue: rank === 0 ? 1 : 1 - chisquareCdf(value, rank),
    groups: names.map((group, g) => ({ group, observed: observed[g], expected: expected[g] })),
  };
}

/**
 * xᵀ V⁻ x for a symmetric positive semi-definite V, with V⁻ a generalised inverse: Gaussian elimination that skips
 * directions without variance (pivot below a relative tolerance) and reports how many it used (the rank).
 */
function quadraticForm(matrix: readonly (readonly number[])[], vector: readonly number[]): { value: number; rank: number } {
  const n = vector.length;
  const a = matrix.map((row) => [...row]);
  const x = [...vector];
  const scale = Math.max(0, ...a.map((row, i) => row[i]));
  const tolerance = scale * 1e-10;
  let value = 0;
  let rank = 0;
  const used = new Array<boolean>(n).fill(false);
  for (let step = 0; step < n; step++) {
    // Largest remaining diagonal first: symmetric pivoting keeps the elimination stable on a PSD matrix.
    let pivot = -1;
    for (let i = 0; i < n; i++) if (!used[i] && (pivot < 0 || a[i][i] > a[pivot][pivot])) pivot = i;
    if (pivot < 0 || a[pivot][pivot] <= tolerance) break;
    used[pivot] = true;
    rank++;
    const d = a[pivot][pivot];
    value += (x[pivot] * x[pivot]) / d;
    for (let i = 0; i < n; i++) {
      if (used[i]) continue;
      const f = a[i][pivot] / d;
      if (f === 0) continue;
      x[i] -= f * x[pivot];
      for (let j = 0; j < n; j++) if (!used[j]) a[i][j] -= f * a[pivot][j];
    }
  }
  return { value, rank };
}
