import type { DrawOutcome } from './draw-outcome';
import { Xoshiro128 } from './xoshiro128';

/**
 * Fixed in advance: a credit-weighted draw of k > 1 winners is computed exactly while the last step of the dynamic
 * programme over its sets of winners takes at most this many transitions, C(n, k − 1)·n (a pool of 20 firms with up to
 * 5 winners, of 50 with 3, of 500 with 2)…
 */
export const WEIGHTED_EXACT_TRANSITIONS = 250_000;
/** …and beyond that by this many seeded simulations of the draw (each π then within about ±0.0035, one σ). */
export const WEIGHTED_SIMULATIONS = 20_000;
/** The simulations' seed; the draw id is appended, so the same log always gives the same chances. */
export const WEIGHTED_SEED = 'audit/fairness/weighted-inclusion/v1';

/** Each pool firm's chance to win one draw under the draw's own rule, and how the wins of groups of firms co-vary. */
export interface DrawChances {
  readonly method: 'uniform' | 'weighted-exact' | 'weighted-simulated';
  /** π_i: the chance that `pool[i]` is among the draw's winners; Σ π_i = k. */
  readonly inclusion: readonly number[];
  /** Mean and covariance of each group's wins in this draw, `labels[i]` being the group index (0…groups−1) of `pool[i]`. */
  groupMoments(labels: readonly number[], groups: number): { mean: number[]; covariance: number[][] };
}

/**
 * Whether the tests can say what chance gives each firm in this draw: always for a uniform draw; for a credit-weighted
 * draw only when its weights are known (the log carries them since `DrawCommittedV1` gained them), one positive
 * finite weight per pool firm.
 */
export function hasKnownChances(draw: DrawOutcome): boolean {
  if (!draw.weighted) return true;
  const weights = draw.weights;
  return Array.isArray(weights) && weights.length === draw.pool.length && weights.every((w) => Number.isFinite(w) && w > 0);
}

const cache = new WeakMap<DrawOutcome, DrawChances | null>();

/**
 * The chance model of one draw under the null hypothesis that it followed its published rule; null when the draw has
 * no winners, more winners than firms, or weights the log does not give. Uniform (and weighted with equal weights):
 * the k winners are a uniform k-subset, π = k/n. Credit-weighted: k successive picks, each with probability its weight
 * over the weight left (docs/draw-protocol.md §7); for k = 1, π_i = w_i/Σw; for k > 1 the inclusion probabilities have
 * no closed form, so the distribution of the set of winners is computed exactly, step by step over the sets drawn so
 * far, or simulated (`WEIGHTED_SIMULATIONS`, seeded) where that would take more than `WEIGHTED_EXACT_TRANSITIONS` transitions.
 */
export function chancesOf(draw: DrawOutcome): DrawChances | null {
  if (cache.has(draw)) return cache.get(draw) ?? null;
  const chances = computeChances(draw);
  cache.set(draw, chances);
  return chances;
}

function computeChances(draw: DrawOutcome): DrawChances | null {
  const n = draw.pool.length;
  const k = draw.winners.length;
  if (n === 0 || k === 0 || k > n || !hasKnownChances(draw)) return null;
  const weights = draw.weighted ? (draw.weights as readonly number[]) : null;
  if (!weights || k === n || weights.every((w) => w === weights[0])) return uniformChances(n, k);
  if (k === 1) {
    const total = weights.reduce((a, b) => a + b, 0);
    return setChances('weighted-exact', n, 1, Int32Array.from(weights.keys()), Float64Array.from(weights, (w) => w / total));
  }
  if (largestStep(n, k) <= WEIGHTED_EXACT_TRANSITIONS) return exactSets(weights, k);
  return simulatedSets(weights, k, new Xoshiro128(`${WEIGHTED_SEED}|${draw.drawId}`));
}

/**
 * A uniform k-subset of n: group g with n_g firms wins E = k·n_g/n, and Cov(X_g, X_h) = k(n − k)/(n − 1)·(p_g·δ_gh −
 * p_g·p_h) with p_g = n_g/n (multivariate hypergeometric).
 */
function uniformChances(n: number, k: number): DrawChances {
  return {
    method: 'uniform',
    inclusion: new Array<number>(n).fill(k / n),
    groupMoments(labels, groups) {
      const counts = new Array<number>(groups).fill(0);
      for (const g of labels) counts[g]++;
      const c = n > 1 ? (k * (n - k)) / (n - 1) : 0;
      const mean = counts.map((m) => (k * m) / n);
      const covariance = counts.map((mg, g) => counts.map((mh, h) => (mg === 0 || mh === 0 ? 0 : c * (mg / n) * ((g === h ? 1 : 0) - mh / n))));
      return { mean, covariance };
    },
  };
}

/**
 * The draw as a distribution over its sets of winners: `members` holds `sets` runs of k pool indices, `probability`
 * each run's probability (all equal for simulated sets). Every moment the tests need follows from it.
 */
function setChances(method: DrawChances['method'], n: number, k: number, members: Int32Array, probability: Float64Array): DrawChances {
  const inclusion = new Array<number>(n).fill(0);
  for (let s = 0; s < probability.length; s++) for (let j = 0; j < k; j++) inclusion[members[s * k + j]] += probability[s];
  return {
    method,
    inclusion,
    groupMoments(labels, groups) {
      const mean = new Array<number>(groups).fill(0);
      const second = Array.from({ length: groups }, () => new Array<number>(groups).fill(0));
      const counts = new Array<number>(groups).fill(0);
      const touched: number[] = [];
      for (let s = 0; s < probability.length; s++) {
        const p = probability[s];
        for (let j = 0; j < k; j++) {
          const g = labels[members[s * k + j]];
          if (counts[g]++ === 0) touched.push(g);
        }
        for (const g of touched) {
          mean[g] += p * counts[g];
          for (const h of touched) second[g][h] += p * counts[g] * counts[h];
        }
        for (const g of touched) counts[g] = 0;
        touched.length = 0;
      }
      return { mean, covariance: second.map((row, g) => row.map((v, h) => v - mean[g] * mean[h])) };
    },
  };
}

/** Transitions of the exact programme's largest step: the most sets of j < k firms, each grown by any of n. */
function largestStep(n: number, k: number): number {
  const j = Math.min(k - 1, Math.floor(n / 2));
  let c = n;
  for (let i = 1; i <= j; i++) {
    c = (c * (n - j + i)) / i;
    if (c > WEIGHTED_EXACT_TRANSITIONS) return Infinity;
  }
  return c;
}

/**
 * Exact: P(S ∪ {x}) accumulates P(S)·w_x / (W − w(S)) over the sets S of the firms picked so far (as sets, since the
 * order of the first k picks does not decide who wins), k steps.
 */
function exactSets(weights: readonly number[], k: number): DrawChances {
  const n = weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  let level = new Map<string, { set: number[]; p: number; taken: number }>([['', { set: [], p: 1, taken: 0 }]]);
  for (let step = 0; step < k; step++) {
    const next = new Map<string, { set: number[]; p: number; taken: number }>();
    for (const { set, p, taken } of level.values()) {
      const left = total - taken;
      for (let x = 0; x < n; x++) {
        if (set.includes(x)) continue;
        const grown = [...set, x].sort((a, b) => a - b);
        const key = grown.join(',');
        const add = (p * weights[x]) / left;
        const known = next.get(key);
        if (known) known.p += add;
        else next.set(key, { set: grown, p: add, taken: taken + weights[x] });
      }
    }
    level = next;
  }
  const sets = [...level.values()];
  return setChances('weighted-exact', n, k, Int32Array.from(sets.flatMap((s) => s.set)), Float64Array.from(sets, (s) => s.p));
}

/** Simulated: the draw's own successive weighted picks, `WEIGHTED_SIMULATIONS` times. */
function simulatedSets(weights: readonly number[], k: number, random: Xoshiro128): DrawChances {
  const n = weights.length;
  const total = weights.reduce((a, b) => a + b, 0);
  const members = new Int32Array(WEIGHTED_SIMULATIONS * k);
  const taken = new Uint8Array(n);
  for (let s = 0; s < WEIGHTED_SIMULATIONS; s++) {
    taken.fill(0);
    let left = total;
    for (let j = 0; j < k; j++) {
      const picked = weightedPick(weights, taken, left, random);
      taken[picked] = 1;
      left -= weights[picked];
      members[s * k + j] = picked;
    }
  }
  return setChances('weighted-simulated', n, k, members, new Float64Array(WEIGHTED_SIMULATIONS).fill(1 / WEIGHTED_SIMULATIONS));
}

/** One pick among the firms not yet taken, with probability weight / `left` (their total weight). */
export function weightedPick(weights: ArrayLike<number>, taken: Uint8Array, left: number, random: Xoshiro128, offset = 0, n = weights.length - offset): number {
  let u = (random.next() / 0x100000000) * left;
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (taken[i]) continue;
    last = i;
    u -= weights[offset + i];
    if (u < 0) return i;
  }
  // Rounding can leave u at a hair above zero after the last firm: it is then the one picked.
  return last;
}
