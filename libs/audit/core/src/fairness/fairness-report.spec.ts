import seedrandom from 'seedrandom';
import type { DrawOutcome } from './draw-outcome';
import { fairnessReport, FAIRNESS_ALPHA } from './fairness-report';

const agencies = Array.from({ length: 20 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);

/** A history of `count` draws, each over a random subset of 8–20 agencies, one winner; `pick` chooses it. */
function history(seed: string, count: number, pick: (pool: string[], rng: () => number) => string): DrawOutcome[] {
  const rng = seedrandom(seed);
  return Array.from({ length: count }, (_, d) => {
    const size = 8 + Math.floor(rng() * 13);
    const pool = [...agencies].sort(() => rng() - 0.5).slice(0, size).sort();
    return { drawId: `d${d}`, pool, winners: [pick(pool, rng)] };
  });
}

const fair = (pool: string[], rng: () => number) => pool[Math.floor(rng() * pool.length)];

describe('fairnessReport', () => {
  it('raises nothing over a fair history of 1,000 draws', () => {
    expect(fairnessReport(history('fair', 1000, fair)).flags).toEqual([]);
  });

  it('flags an agency planted to win twice its share, with the evidence', () => {
    const favoured = 'agency-07';
    const biased = history('biased', 1000, (pool, rng) => (pool.includes(favoured) && rng() < 0.1 ? favoured : fair(pool, rng)));
    const { flags } = fairnessReport(biased);
    // Only the favoured agency is flagged (its early place in sorted pools may also skew winner positions).
    const agencyFlags = flags.filter((f) => f.agencyId !== null);
    expect(agencyFlags.map((f) => f.agencyId)).toEqual([favoured]);
    expect(agencyFlags[0].evidence['wins']).toBeGreaterThan(1.5 * agencyFlags[0].evidence['expected']);
  });

  it('flags winners that cluster at the front of the frozen pool', () => {
    const frontLoaded = history('front', 1000, (pool, rng) => (rng() < 0.2 ? pool[0] : fair(pool, rng)));
    expect(fairnessReport(frontLoaded).flags.map((f) => f.name)).toContain('winner-position-uniformity');
  });

  it('keeps the false-alarm rate at or below α over 200 fair histories', () => {
    let alarms = 0;
    for (let h = 0; h < 200; h++) if (fairnessReport(history(`fair-${h}`, 300, fair)).flags.length > 0) alarms++;
    // With α = 0.01 the expected number of histories with any alarm is at most 2 of 200; allow sampling noise.
    expect(alarms / 200).toBeLessThanOrEqual(FAIRNESS_ALPHA * 3);
  });
});
