import { seededGenerator, type Uint32Source } from './seeded-generator';
import { selectByWeight, selectUniformly } from './select';
import { sha256Hex } from './digest';

const pool = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const seedNo = (i: number) => sha256Hex(`seed ${i}`);

describe('selectUniformly', () => {
  it('picks k winners and m ordered alternates, all distinct members of the pool', () => {
    const { winners, alternates } = selectUniformly(pool, 2, 3, seededGenerator(seedNo(1)));
    expect(winners).toHaveLength(2);
    expect(alternates).toHaveLength(3);
    const all = [...winners, ...alternates];
    expect(new Set(all).size).toBe(5);
    expect(all.every((id) => pool.includes(id))).toBe(true);
  });

  it('swaps position i with i + uniform(n − i), as the protocol states', () => {
    // n = 4: first pick uniform(4) → 2 swaps a↔c; second uniform(3) → 0 keeps b; third uniform(2) → 1 swaps a↔d.
    const script = [2, 0, 1];
    let used = 0;
    const source: Uint32Source = { next: () => script[used++] };
    expect(selectUniformly(['a', 'b', 'c', 'd'], 1, 2, source)).toEqual({ winners: ['c'], alternates: ['b', 'd'] });
  });

  it('stops when the pool runs out', () => {
    expect(selectUniformly(['a', 'b'], 1, 5, seededGenerator(seedNo(2))).alternates).toHaveLength(1);
    expect(selectUniformly([], 1, 1, seededGenerator(seedNo(2)))).toEqual({ winners: [], alternates: [] });
  });

  it('gives every agency the same chance to win: chi-square over 7,000 seeds', () => {
    const wins = Object.fromEntries(pool.map((id) => [id, 0]));
    for (let i = 0; i < 7000; i++) wins[selectUniformly(pool, 1, 0, seededGenerator(seedNo(i))).winners[0]]++;
    const chi2 = Object.values(wins).reduce((sum, c) => sum + (c - 1000) ** 2 / 1000, 0);
    expect(chi2).toBeLessThan(22.46); // df = 6, p = 0.001
  });
});

describe('selectByWeight', () => {
  it('walks the running sum of weights left in pool order', () => {
    // weights a:1 b:3 c:6 (total 10). u = 3 → a (1) then b (1+3 = 4 > 3): b. Then total 7, u = 6 → a 1, c 7 > 6: c.
    const script = [3, 6];
    let used = 0;
    const source: Uint32Source = { next: () => script[used++] };
    expect(selectByWeight([{ id: 'a', weight: 1 }, { id: 'b', weight: 3 }, { id: 'c', weight: 6 }], 1, 1, source)).toEqual({ winners: ['b'], alternates: ['c'] });
  });

  it('refuses weights that are not positive whole numbers', () => {
    expect(() => selectByWeight([{ id: 'a', weight: 0.5 }], 1, 0, seededGenerator(seedNo(0)))).toThrow('positive whole number');
    expect(() => selectByWeight([{ id: 'a', weight: 0 }], 1, 0, seededGenerator(seedNo(0)))).toThrow('positive whole number');
  });

  it('wins in proportion to weight: chi-square over 6,000 seeds for weights 1:2:3', () => {
    const candidates = [{ id: 'a', weight: 1 }, { id: 'b', weight: 2 }, { id: 'c', weight: 3 }];
    const wins: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 6000; i++) wins[selectByWeight(candidates, 1, 0, seededGenerator(seedNo(i))).winners[0]]++;
    const expected: Record<string, number> = { a: 1000, b: 2000, c: 3000 };
    const chi2 = Object.keys(wins).reduce((sum, id) => sum + (wins[id] - expected[id]) ** 2 / expected[id], 0);
    expect(chi2).toBeLessThan(13.82); // df = 2, p = 0.001
  });
});
