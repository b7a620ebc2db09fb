import { UNIFORM_DRAW_V1 } from './algorithm';
import { seededGenerator } from './seeded-generator';
import { deriveSeed } from './seed';
import { selectByWeight, selectUniformly } from './select';
import { exclusionsHashOf, poolHashOf } from './pool';

/**
 * 100,000 simulated draws over a 20-agency pool, each with its own secret through the real seed derivation:
 * win counts must pass a chi-square goodness-of-fit test at p > 0.001 (critical value 43.82 for 19 degrees
 * of freedom), for the uniform draw against equal shares and for the weighted draw against its weights.
 */
const pool = Array.from({ length: 20 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);
const DRAWS = 100_000;
const CRITICAL_19_DF_P001 = 43.82;

function seedFor(i: number): string {
  return deriveSeed({
    drawId: `sim-${i}`, projectId: 'sim', round: 1, poolHash: poolHashOf(pool), exclusionsHash: exclusionsHashOf([]), k: 1, m: 0,
    rulesVersion: UNIFORM_DRAW_V1, commitment: '00'.repeat(32), secret: i.toString(16).padStart(64, '0'), entropy: { source: 'witnesses', values: [{ witness: 'OWNER', value: String(i) }] },
  });
}

function chiSquare(observed: number[], expected: number[]): number {
  return observed.reduce((sum, o, i) => sum + (o - expected[i]) ** 2 / expected[i], 0);
}

describe('fairness over 100,000 draws of a 20-agency pool', () => {
  const seeds = Array.from({ length: DRAWS }, (_, i) => seedFor(i));

  it('gives each agency an equal share of wins (chi-square, p > 0.001)', () => {
    const wins = new Array(pool.length).fill(0);
    for (const seed of seeds) wins[pool.indexOf(selectUniformly(pool, 1, 0, seededGenerator(seed)).winners[0])]++;
    expect(chiSquare(wins, new Array(pool.length).fill(DRAWS / pool.length))).toBeLessThan(CRITICAL_19_DF_P001);
  });

  it('gives each agency wins in proportion to its weight in the weighted draw (chi-square, p > 0.001)', () => {
    const candidates = pool.map((id, i) => ({ id, weight: i + 1 }));
    const total = candidates.reduce((s, c) => s + c.weight, 0);
    const wins = new Array(pool.length).fill(0);
    for (const seed of seeds) wins[pool.indexOf(selectByWeight(candidates, 1, 0, seededGenerator(seed)).winners[0])]++;
    expect(chiSquare(wins, candidates.map((c) => (DRAWS * c.weight) / total))).toBeLessThan(CRITICAL_19_DF_P001);
  });
});
