import type { DrawOutcome } from './draw-outcome';
import { groupedWinsTest } from './grouped-wins';

const draws = (count: number, winnersOf: (d: number) => string[]): DrawOutcome[] =>
  Array.from({ length: count }, (_, d) => ({ drawId: `d${d}`, pool: ['a', 'b', 'c', 'd'], winners: winnersOf(d) }));
const aAgainstRest = (draw: DrawOutcome, id: string) => (id === 'a' ? 'A' : 'rest');

describe('groupedWinsTest', () => {
  it('is the squared z of one firm’s wins when one firm stands against the rest of a fixed pool', () => {
    // 100 draws of 1 from 4: E = 25, Var = 100 · ¼ · ¾; a wins 40.
    const result = groupedWinsTest(draws(100, (d) => [d < 40 ? 'a' : 'b']), aAgainstRest);
    expect(result.degrees).toBe(1);
    expect(result.statistic).toBeCloseTo((40 - 25) ** 2 / 18.75, 10);
    expect(result.groups).toEqual([
      { group: 'A', observed: 40, expected: 25 },
      { group: 'rest', observed: 60, expected: 75 },
    ]);
  });

  it('uses the hypergeometric variance when several winners are drawn without replacement', () => {
    // 2 of 4: a wins with probability ½ per draw, variance ¼, not the ⅜ a binomial count of 2 trials would give.
    const result = groupedWinsTest(draws(100, (d) => (d < 70 ? ['a', 'b'] : ['c', 'd'])), aAgainstRest);
    expect(result.statistic).toBeCloseTo((70 - 50) ** 2 / 25, 10);
  });

  it('counts one degree of freedom less than the groups, and none for groups that never vary', () => {
    const three = (draw: DrawOutcome, id: string) => (id === 'a' ? 'A' : id === 'b' ? 'B' : 'rest');
    expect(groupedWinsTest(draws(50, () => ['c']), three).degrees).toBe(2);
    expect(groupedWinsTest(draws(50, () => ['a']), () => 'everyone')).toMatchObject({ degrees: 0, pValue: 1 });
  });
});
