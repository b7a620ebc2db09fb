// ln(k!) for k = 0, 1, …, grown on demand: exact sums of logs, ample for the counts of one marketplace.
const logFactorials: number[] = [0];

function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
  return logFactorials[k];
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/**
 * P(X ≥ k) for X ~ Hypergeometric(population N, K successes in it, n drawn): the chance that n draws without
 * replacement hit at least k of the K. The one-sided Fisher exact test of a 2×2 table with these margins.
 */
export function hypergeometricUpperTail(k: number, population: number, successes: number, draws: number): number {
  const low = Math.max(0, draws - (population - successes));
  const high = Math.min(successes, draws);
  if (k <= low) return 1;
  if (k > high) return 0;
  const total = logChoose(population, draws);
  let p = 0;
  for (let i = k; i <= high; i++) p += Math.exp(logChoose(successes, i) + logChoose(population - successes, draws - i) - total);
  return Math.min(1, p);
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let tail = 0;
  for (let i = k; i <= n; i++) tail += Math.exp(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
  return Math.min(1, tail);
}

/** P(X ≥ k) for X ~ Poisson(λ), summed on the side that keeps precision for the tiny tails tests care about. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  for (let i = 1; i <= k; i++) term *= lambda / i;
  // term = P(X = k); below the mean the upper tail is close to 1, so take the complement there.
  if (lambda >= k) {
    let below = Math.exp(-lambda);
    let sum = 0;
    for (let i = 0; i < k; i++) {
      sum += below;
      below *= lambda / (i + 1);
    }
    return Math.max(0, 1 - sum);
  }
  let tail = 0;
  for (let i = k; i < k + 1000 && term > tail * 1e-17; i++) {
    tail += term;
    term *= lambda / (i + 1);
  }
  return Math.min(1, tail);
}

/**
 * P(X ≥ k) for X a sum of independent Bernoulli(pᵢ) — the Poisson-binomial, e.g. a firm's wins over draws of
 * different pool sizes. Exact by dynamic programming over the trials, keeping only the values below k and adding
 * what crosses to the tail as it happens, so even tiny tails keep their precision. O(trials · k).
 */
export function poissonBinomialUpperTail(k: number, probabilities: readonly number[]): number {
  if (k <= 0) return 1;
  if (k > probabilities.length) return 0;
  // below[j] = P(j successes so far), j < k.
  const below = new Float64Array(k);
  below[0] = 1;
  let tail = 0;
  for (const p of probabilities) {
    tail += below[k - 1] * p;
    for (let j = k - 1; j > 0; j--) below[j] = below[j] * (1 - p) + below[j - 1] * p;
    below[0] *= 1 - p;
  }
  return Math.min(1, tail);
}
