import { binomialUpperTail, hypergeometricUpperTail, poissonBinomialUpperTail, poissonUpperTail } from './tail-probabilities';

describe('hypergeometricUpperTail', () => {
  it("matches Fisher's tea-tasting table: 3 of 4 cups right by chance with p = 17/70", () => {
    expect(hypergeometricUpperTail(3, 8, 4, 4)).toBeCloseTo(17 / 70, 12);
    expect(hypergeometricUpperTail(4, 8, 4, 4)).toBeCloseTo(1 / 70, 12);
  });

  it('is 1 at or below the smallest possible count and 0 above the largest', () => {
    expect(hypergeometricUpperTail(0, 10, 3, 4)).toBe(1);
    expect(hypergeometricUpperTail(2, 10, 8, 5)).toBe(1); // at least 3 of 5 draws must be successes
    expect(hypergeometricUpperTail(4, 10, 3, 4)).toBe(0);
  });

  it('sums to the whole distribution', () => {
    const N = 40, K = 12, n = 15;
    let total = 0;
    for (let k = 0; k <= 12; k++) total += hypergeometricUpperTail(k, N, K, n) - hypergeometricUpperTail(k + 1, N, K, n);
    expect(total).toBeCloseTo(1, 12);
  });
});

describe('binomialUpperTail', () => {
  it('agrees with hand-computed tails', () => {
    expect(binomialUpperTail(2, 3, 0.5)).toBeCloseTo(0.5, 12);
    expect(binomialUpperTail(3, 3, 0.1)).toBeCloseTo(0.001, 12);
    expect(binomialUpperTail(1, 10, 0.2)).toBeCloseTo(1 - 0.8 ** 10, 12);
  });

  it('handles the edges', () => {
    expect(binomialUpperTail(0, 5, 0.3)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.3)).toBe(0);
    expect(binomialUpperTail(1, 5, 0)).toBe(0);
  });
});

describe('poissonUpperTail', () => {
  it('agrees with the complement of the cumulative sum on both sides of the mean', () => {
    const cdfBelow = (k: number, l: number) => { let s = 0, t = Math.exp(-l); for (let i = 0; i < k; i++) { s += t; t *= l / (i + 1); } return s; };
    for (const [k, l] of [[1, 0.5], [3, 0.5], [2, 4], [7, 4], [10, 12]]) expect(poissonUpperTail(k, l)).toBeCloseTo(1 - cdfBelow(k, l), 12);
  });

  it('keeps tiny tails precise where 1 − cdf would round to 0', () => {
    expect(poissonUpperTail(2, 1e-6) / (0.5e-12 * Math.exp(-1e-6))).toBeCloseTo(1, 6);
    expect(poissonUpperTail(0, 3)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
  });
});

describe('poissonBinomialUpperTail', () => {
  it('is the binomial tail when every trial has the same chance', () => {
    for (const k of [0, 1, 5, 12, 30]) expect(poissonBinomialUpperTail(k, new Array(30).fill(0.2))).toBeCloseTo(binomialUpperTail(k, 30, 0.2), 12);
  });

  it('agrees with enumeration over mixed chances', () => {
    const ps = [0.5, 0.1, 0.9, 0.25];
    const exact = (k: number) => {
      let total = 0;
      for (let mask = 0; mask < 16; mask++) {
        const hits = ps.filter((_, i) => mask & (1 << i)).length;
        if (hits >= k) total += ps.reduce((prod, p, i) => prod * (mask & (1 << i) ? p : 1 - p), 1);
      }
      return total;
    };
    for (let k = 0; k <= 5; k++) expect(poissonBinomialUpperTail(k, ps)).toBeCloseTo(exact(k), 14);
  });

  it('keeps tiny tails precise', () => {
    // 40 wins in 100 draws at 1 in 10: about 1.5e-12, far below what 1 − cdf could show.
    expect(poissonBinomialUpperTail(40, new Array(100).fill(0.1)) / binomialUpperTail(40, 100, 0.1)).toBeCloseTo(1, 9);
  });
});
