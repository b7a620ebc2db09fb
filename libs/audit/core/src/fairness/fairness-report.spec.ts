import seedrandom from 'seedrandom';
import type { AgencyAtDraw, DrawOutcome } from './draw-outcome';
import { fairnessReport, FAIRNESS_ALPHA } from './fairness-report';

/**
 * Simulated draw histories. Under the null every winner is a uniform pick from its pool. The market crosses its
 * attributes, so that favouring one kind of firm does not favour another by accident: 24 firms = 4 cities × 3
 * grades × a cheaper and a dearer half. Each draw is for one of three items, over 8–20 firms that signed up in
 * random order. Each plant favours one kind of firm in a share of the draws. Favouring any fixed set of firms can
 * also move the winner-position test (the firms stand where their ids put them), so plants are checked against
 * the other attribute tests.
 */
const AGENCIES = Array.from({ length: 24 }, (_, i) => `agency-${String(i + 1).padStart(2, '0')}`);
const CITIES = ['330100', '330200', '330300', '330400'];
const ITEMS = ['EIA', 'SURVEY', 'COST'];

type Pick = (pool: readonly string[], draw: { signUpOrder: readonly string[]; attributes: ReadonlyMap<string, AgencyAtDraw>; item: string }, rng: () => number) => string;

const fair: Pick = (pool, _, rng) => pool[Math.floor(rng() * pool.length)];

function history(seed: string, count: number, pick: Pick = fair): DrawOutcome[] {
  const rng = seedrandom(seed);
  const market = new Map<string, AgencyAtDraw>(
    AGENCIES.map((id, i) => [id, { region: CITIES[i % 4], grade: 1 + (Math.floor(i / 4) % 3), priceLevel: (i < 12 ? 0.75 : 0.9) + 0.05 * rng() }]),
  );
  return Array.from({ length: count }, (_, d) => {
    const size = 8 + Math.floor(rng() * 13);
    const signUpOrder = [...AGENCIES].sort(() => rng() - 0.5).slice(0, size);
    const pool = [...signUpOrder].sort();
    const item = ITEMS[d % ITEMS.length];
    const attributes = new Map(pool.map((id) => [id, market.get(id) as AgencyAtDraw]));
    return { drawId: `d${d}`, pool, winners: [pick(pool, { signUpOrder, attributes, item }, rng)], serviceItemCode: item, signUpOrder, attributes };
  });
}

/** Credit follows grade here — grade 1 scores 99, grade 2 70, grade 3 45 — so `credit-linear/v1` weighs them 100, 71, 46. */
const weightOfGrade = (grade: number) => [100, 71, 46][grade - 1];

/** A firm picked by weight among those of the pool not yet picked: `weights[i]` for `pool[i]`. */
function byWeight(pool: readonly string[], weights: readonly number[], taken: ReadonlySet<string>, rng: () => number): string {
  const left = pool.reduce((sum, id, i) => (taken.has(id) ? sum : sum + weights[i]), 0);
  let u = rng() * left;
  for (const [i, id] of pool.entries()) {
    if (taken.has(id)) continue;
    u -= weights[i];
    if (u < 0) return id;
  }
  return pool.filter((id) => !taken.has(id)).at(-1) as string;
}

/**
 * Credit-weighted draws (信用择优) in the same market: every fourth draw has two winners, the rest one, picked by weight
 * without replacement. `plant`, when it names a firm of the pool, takes the first winner's place.
 */
function weightedHistory(seed: string, count: number, plant: (pool: readonly string[], rng: () => number) => string | null = () => null): DrawOutcome[] {
  const rng = seedrandom(seed);
  const market = new Map<string, AgencyAtDraw>(
    AGENCIES.map((id, i) => [id, { region: CITIES[i % 4], grade: 1 + (Math.floor(i / 4) % 3), priceLevel: (i < 12 ? 0.75 : 0.9) + 0.05 * rng() }]),
  );
  return Array.from({ length: count }, (_, d) => {
    const size = 8 + Math.floor(rng() * 13);
    const signUpOrder = [...AGENCIES].sort(() => rng() - 0.5).slice(0, size);
    const pool = [...signUpOrder].sort();
    const weights = pool.map((id) => weightOfGrade(market.get(id)?.grade as number));
    const taken = new Set<string>();
    const planted = plant(pool, rng);
    if (planted) taken.add(planted);
    while (taken.size < (d % 4 === 0 ? 2 : 1)) taken.add(byWeight(pool, weights, taken, rng));
    const item = ITEMS[d % ITEMS.length];
    const attributes = new Map(pool.map((id) => [id, market.get(id) as AgencyAtDraw]));
    return { drawId: `w${d}`, pool, winners: [...taken], weighted: true, weights, serviceItemCode: item, signUpOrder, attributes };
  });
}

/** With probability `share`, the winner is a uniform pick among the pool's firms that `favoured` accepts. */
function favouring(share: number, favoured: (id: string, draw: Parameters<Pick>[1]) => boolean): Pick {
  return (pool, draw, rng) => {
    const chosen = pool.filter((id) => favoured(id, draw));
    return chosen.length > 0 && rng() < share ? chosen[Math.floor(rng() * chosen.length)] : fair(pool, draw, rng);
  };
}

const ATTRIBUTE_TESTS = ['sign-up-order', 'region', 'qualification-grade', 'price-level'];
const attributeFlags = (draws: DrawOutcome[]) => fairnessReport(draws).flags.filter((f) => ATTRIBUTE_TESTS.includes(f.name)).map((f) => f.name);

describe('fairnessReport', () => {
  it('runs every test fixed in advance over a fair history of 1,000 draws and raises nothing', () => {
    const report = fairnessReport(history('fair', 1000));
    expect(report.notRun).toEqual([]);
    expect(report.tests.filter((t) => t.agencyId === null).map((t) => t.name).sort()).toEqual(
      ['price-level', 'qualification-grade', 'region', 'sign-up-order', 'win-concentration', 'winner-position-uniformity'],
    );
    expect(report.flags).toEqual([]);
  });

  it('flags an agency planted to win twice its share, with the evidence', () => {
    const favoured = 'agency-07';
    const { flags } = fairnessReport(history('biased', 1000, favouring(0.1, (id) => id === favoured)));
    const agencyFlags = flags.filter((f) => f.agencyId !== null);
    expect(agencyFlags.map((f) => f.agencyId)).toEqual([favoured]);
    expect(agencyFlags[0].evidence['wins']).toBeGreaterThan(1.5 * agencyFlags[0].evidence['expected']);
  });

  it('flags winners that cluster at the front of the frozen pool', () => {
    const frontLoaded: Pick = (pool, draw, rng) => (rng() < 0.2 ? pool[0] : fair(pool, draw, rng));
    expect(fairnessReport(history('front', 1000, frontLoaded)).flags.map((f) => f.name)).toContain('winner-position-uniformity');
  });

  it('flags early sign-ups winning more often (the visa-lottery pattern), and only that', () => {
    const early = favouring(0.3, (id, draw) => draw.signUpOrder.indexOf(id) < draw.signUpOrder.length / 5);
    const report = fairnessReport(history('early', 400, early));
    expect(report.flags.map((f) => f.name)).toEqual(['sign-up-order']);
    const test = report.flags.find((f) => f.name === 'sign-up-order');
    expect(test?.groups?.[0]).toMatchObject({ group: 'quintile 1' });
    expect(test?.groups?.[0].observed).toBeGreaterThan(1.5 * (test?.groups?.[0].expected ?? 0));
  });

  it('flags firms of one city winning more often, and only that', () => {
    expect(attributeFlags(history('city', 600, favouring(0.15, (id, draw) => draw.attributes.get(id)?.region === '330200')))).toEqual(['region']);
  });

  it('flags the highest grade (the size the log knows) winning more often, and only that', () => {
    expect(attributeFlags(history('grade', 600, favouring(0.15, (id, draw) => draw.attributes.get(id)?.grade === 1)))).toEqual(['qualification-grade']);
  });

  it('flags the cheaper half of the pool winning more often, and only that', () => {
    const cheap = favouring(0.2, (id, draw) => {
      const levels = [...draw.attributes.values()].map((a) => a.priceLevel).filter((l): l is number => l !== null).sort((a, b) => a - b);
      const level = draw.attributes.get(id)?.priceLevel;
      return level != null && level < levels[Math.floor(levels.length / 2)];
    });
    expect(attributeFlags(history('cheap', 600, cheap))).toEqual(['price-level']);
  });

  it('flags wins concentrated on a few firms per item even when no single firm stands out overall', () => {
    // Each item has its own two favourites, so each favourite's excess is spread thin over all its draws.
    const clique = new Map(ITEMS.map((item, i) => [item, AGENCIES.slice(2 * i, 2 * i + 2)]));
    const report = fairnessReport(history('clique', 600, favouring(0.12, (id, draw) => clique.get(draw.item)?.includes(id) ?? false)));
    const concentration = report.flags.find((f) => f.name === 'win-concentration');
    expect(concentration).toBeDefined();
    expect(concentration?.groups?.every((g) => g.observed > g.expected)).toBe(true);
    expect(concentration?.evidence['simulations']).toBe(9_999);
  });

  it('tests credit-weighted draws against their committed weights: a fair weighted history raises nothing, though its winners lean to the higher grades', () => {
    const draws = weightedHistory('weighted-fair', 600);
    const report = fairnessReport(draws);
    expect(report).toMatchObject({ draws: 600, weightedDraws: 600, weightedDrawsLeftOut: 0, notRun: [], flags: [] });
    const grades = report.tests.find((t) => t.name === 'qualification-grade');
    expect(grades?.groups?.find((g) => g.group === 'grade 1')?.expected).toBeGreaterThan(grades?.groups?.find((g) => g.group === 'grade 3')?.expected ?? Infinity);
    // Read as equal chances, the very same winners would be flagged for favouring the highest grade.
    const asUniform = fairnessReport(draws.map((d) => ({ ...d, weighted: false, weights: null })));
    expect(asUniform.flags.map((f) => f.name)).toContain('qualification-grade');
  });

  it('flags a firm planted to win beyond its weight in credit-weighted draws, and only that firm', () => {
    const favoured = 'agency-07';
    const plant = (pool: readonly string[], rng: () => number) => (pool.includes(favoured) && rng() < 0.1 ? favoured : null);
    const { flags } = fairnessReport(weightedHistory('weighted-biased', 1000, plant));
    const agencyFlags = flags.filter((f) => f.agencyId !== null);
    expect(agencyFlags.map((f) => f.agencyId)).toEqual([favoured]);
    expect(agencyFlags[0].evidence['wins']).toBeGreaterThan(1.5 * agencyFlags[0].evidence['expected']);
  });

  it('tests a mixed history of uniform and weighted draws as one, and leaves out weighted draws logged without weights', () => {
    const mixed = [...history('mixed-uniform', 300), ...weightedHistory('mixed-weighted', 300)];
    expect(fairnessReport(mixed)).toMatchObject({ draws: 600, weightedDraws: 300, weightedDrawsLeftOut: 0, flags: [] });
    const draws = history('weighted', 100);
    const report = fairnessReport(draws.map((d, i) => (i % 4 === 0 ? { ...d, weighted: true } : d)));
    expect(report).toMatchObject({ draws: 75, weightedDraws: 0, weightedDrawsLeftOut: 25 });
  });

  it('names the tests a short history cannot support, with the sample each waits for', () => {
    const report = fairnessReport(history('short', 20));
    expect(report.notRun).toContainEqual({ name: 'sign-up-order', reason: 'too-few-draws', have: 20, need: 30 });
    // 20 draws over three items: no item reaches the 10 draws it needs to enter.
    expect(report.notRun).toContainEqual({ name: 'win-concentration', reason: 'too-few-draws', have: 0, need: 30 });
    expect(report.tests.filter((t) => t.agencyId === null)).toEqual([]);
  });

  it('keeps the false-alarm rate at or below α over 200 fair histories, each test calibrated at its nominal level', () => {
    let alarms = 0;
    const atFivePercent = new Map<string, number>();
    for (let h = 0; h < 200; h++) {
      const report = fairnessReport(history(`fair-${h}`, 300), { simulations: 999 });
      if (report.flags.length > 0) alarms++;
      for (const t of report.tests) if (t.agencyId === null && t.pValue <= 0.05) atFivePercent.set(t.name, (atFivePercent.get(t.name) ?? 0) + 1);
    }
    // With α = 0.01 the expected number of histories with any alarm is at most 2 of 200; allow sampling noise.
    expect(alarms / 200).toBeLessThanOrEqual(FAIRNESS_ALPHA * 3);
    // Alone, each global test should reject about 10 of 200 fair histories at p ≤ 0.05 (binomial: 10 ± 3σ is 1–19);
    // none, or far more, would mean its null distribution is wrong.
    const names = ['winner-position-uniformity', 'sign-up-order', 'region', 'qualification-grade', 'price-level', 'win-concentration'];
    const miscalibrated = names.map((name) => `${name}: ${atFivePercent.get(name) ?? 0}`).filter((line) => !/: ([1-9]|1[0-9])$/.test(line));
    expect(miscalibrated).toEqual([]);
  });

  it('keeps the false-alarm rate at or below α over 100 fair credit-weighted histories, each test calibrated at its nominal level', () => {
    let alarms = 0;
    const atFivePercent = new Map<string, number>();
    for (let h = 0; h < 100; h++) {
      const report = fairnessReport(weightedHistory(`weighted-fair-${h}`, 300), { simulations: 999 });
      if (report.flags.length > 0) alarms++;
      for (const t of report.tests) if (t.agencyId === null && t.pValue <= 0.05) atFivePercent.set(t.name, (atFivePercent.get(t.name) ?? 0) + 1);
    }
    expect(alarms / 100).toBeLessThanOrEqual(FAIRNESS_ALPHA * 3);
    // Alone, each global test should reject about 5 of 100 fair histories at p ≤ 0.05 (binomial: 5 ± 3σ is 0–11); far
    // more would mean the weighted chances are wrong (k/n in their place gives the grade test nearly every history).
    const names = ['winner-position-uniformity', 'sign-up-order', 'region', 'qualification-grade', 'price-level', 'win-concentration'];
    const miscalibrated = names.map((name) => `${name}: ${atFivePercent.get(name) ?? 0}`).filter((line) => !/: ([0-9]|1[01])$/.test(line));
    expect(miscalibrated).toEqual([]);
  });
});
