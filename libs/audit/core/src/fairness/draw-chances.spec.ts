import { chancesOf, hasKnownChances } from './draw-chances';
import type { DrawOutcome } from './draw-outcome';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${String(i).padStart(3, '0')}`);
const weightedDraw = (weights: number[], k: number, drawId = 'd1'): DrawOutcome => ({ drawId, pool: ids(weights.length), winners: ids(k), weighted: true, weights });

/** Independent of the code under test: every ordered sequence of k picks, each by weight among those left. */
function bruteForce(weights: number[], k: number): number[] {
  const pi = new Array<number>(weights.length).fill(0);
  const walk = (taken: number[], p: number) => {
    if (taken.length === k) {
      for (const i of taken) pi[i] += p;
      return;
    }
    const left = weights.reduce((sum, w, i) => (taken.includes(i) ? sum : sum + w), 0);
    weights.forEach((w, i) => {
      if (!taken.includes(i)) walk([...taken, i], (p * w) / left);
    });
  };
  walk([], 1);
  return pi;
}

describe('chancesOf', () => {
  it('gives every firm k/n in a uniform draw, with the hypergeometric covariance of its groups', () => {
    const chances = chancesOf({ drawId: 'u', pool: ids(4), winners: ids(2) });
    expect(chances?.method).toBe('uniform');
    expect(chances?.inclusion).toEqual([0.5, 0.5, 0.5, 0.5]);
    // a against the rest, 2 of 4: variance ¼ (not the ⅜ of two independent picks).
    const { mean, covariance } = chances?.groupMoments([0, 1, 1, 1], 2) ?? { mean: [], covariance: [] };
    expect(mean).toEqual([0.5, 1.5]);
    expect(covariance[0][0]).toBeCloseTo(0.25, 12);
    expect(covariance[0][1]).toBeCloseTo(-0.25, 12);
  });

  it('gives w/Σw for one winner by weight, with the multinomial covariance', () => {
    const chances = chancesOf(weightedDraw([81, 101, 66, 52], 1));
    expect(chances?.inclusion).toEqual([81 / 300, 101 / 300, 66 / 300, 52 / 300]);
    const { mean, covariance } = chances?.groupMoments([0, 0, 1, 1], 2) ?? { mean: [], covariance: [] };
    expect(mean[0]).toBeCloseTo(182 / 300, 12);
    expect(covariance[0][0]).toBeCloseTo((182 / 300) * (118 / 300), 12);
    expect(covariance[0][1]).toBeCloseTo(-(182 / 300) * (118 / 300), 12);
  });

  it('computes exactly the inclusion probabilities of several winners drawn by weight without replacement', () => {
    const weights = [1, 2, 3, 4, 10, 20, 40, 81];
    for (const k of [2, 3, 5]) {
      const chances = chancesOf(weightedDraw(weights, k));
      expect(chances?.method).toBe('weighted-exact');
      const expected = bruteForce(weights, k);
      chances?.inclusion.forEach((p, i) => expect(p).toBeCloseTo(expected[i], 12));
      expect(chances?.inclusion.reduce((a, b) => a + b, 0)).toBeCloseTo(k, 12);
    }
    // The heaviest firm is nearly sure to be among 3 winners, the lightest nearly never — far from k/n = 3/8.
    const [lightest, , , , , , , heaviest] = chancesOf(weightedDraw(weights, 3))?.inclusion ?? [];
    expect(heaviest).toBeGreaterThan(0.9);
    expect(lightest).toBeLessThan(0.05);
  });

  it('gives the covariance of group wins from the exact distribution of the winner sets', () => {
    const weights = [5, 1, 1, 3];
    const chances = chancesOf(weightedDraw(weights, 2));
    // By hand: a group's wins X = Σ 1{i wins}; Var X = Σ π_i(1 − π_i) + Σ_{i≠j} (π_ij − π_i π_j), π_ij from the pairs.
    const pairs = new Map<string, number>();
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (i !== j) {
      const p = (weights[i] / 10) * (weights[j] / (10 - weights[i]));
      const key = [Math.min(i, j), Math.max(i, j)].join();
      pairs.set(key, (pairs.get(key) ?? 0) + p);
    }
    const pi = bruteForce(weights, 2);
    const group = [0, 3];
    let variance = group.reduce((v, i) => v + pi[i] * (1 - pi[i]), 0);
    variance += 2 * ((pairs.get('0,3') as number) - pi[0] * pi[3]);
    const { mean, covariance } = chances?.groupMoments([0, 1, 1, 0], 2) ?? { mean: [], covariance: [] };
    expect(mean[0]).toBeCloseTo(pi[0] + pi[3], 12);
    expect(covariance[0][0]).toBeCloseTo(variance, 12);
    // Two winners always: the groups' wins add up to 2, so their covariance is minus the variance.
    expect(covariance[0][1]).toBeCloseTo(-variance, 12);
  });

  it('simulates, seeded by the draw, a draw too large to enumerate, within the simulation’s error', () => {
    // 60 firms, 4 winners: 30 of weight 1 and 30 of weight 3. With only two weights, an independent exact figure
    // comes from the number drawn of each kind: a programme over (light, heavy) counts.
    const weights = [...new Array<number>(30).fill(1), ...new Array<number>(30).fill(3)];
    const chances = chancesOf(weightedDraw(weights, 4, 'big'));
    expect(chances?.method).toBe('weighted-simulated');
    let states = new Map<string, number>([['0,0', 1]]);
    for (let step = 0; step < 4; step++) {
      const next = new Map<string, number>();
      for (const [key, p] of states) {
        const [light, heavy] = key.split(',').map(Number);
        const left = (30 - light) * 1 + (30 - heavy) * 3;
        const add = (k: string, q: number) => next.set(k, (next.get(k) ?? 0) + q);
        add(`${light + 1},${heavy}`, (p * (30 - light)) / left);
        add(`${light},${heavy + 1}`, (p * 3 * (30 - heavy)) / left);
      }
      states = next;
    }
    const heavyWins = [...states].reduce((sum, [key, p]) => sum + p * Number(key.split(',')[1]), 0);
    const simulatedHeavy = (chances?.inclusion.slice(30) ?? []).reduce((a, b) => a + b, 0);
    // 20,000 simulations: the heavy half's expected wins (about 3) within ±0.02 (over 4 σ).
    expect(Math.abs(simulatedHeavy - heavyWins)).toBeLessThan(0.02);
    expect(chancesOf(weightedDraw(weights, 4, 'big'))?.inclusion).toEqual(chances?.inclusion);
  });

  it('treats equal weights as a uniform draw, and knows no chance for a weighted draw without weights', () => {
    expect(chancesOf(weightedDraw([81, 81, 81], 2))).toMatchObject({ method: 'uniform', inclusion: [2 / 3, 2 / 3, 2 / 3] });
    const unknown: DrawOutcome = { drawId: 'w', pool: ids(3), winners: ids(1), weighted: true };
    expect(hasKnownChances(unknown)).toBe(false);
    expect(chancesOf(unknown)).toBeNull();
    expect(hasKnownChances({ ...unknown, weights: [1, 2] })).toBe(false);
    expect(hasKnownChances({ ...unknown, weights: [1, 0, 2] })).toBe(false);
  });
});
