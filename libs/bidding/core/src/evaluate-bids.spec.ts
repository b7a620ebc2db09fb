import { applyTieBreak, evaluateBids, winnersFrom, type EvaluableBid } from './evaluate-bids';

const bids = (...prices: number[]): EvaluableBid[] => prices.map((priceFen, i) => ({ agencyId: `A${i + 1}`, priceFen }));
const order = (e: { ranking: readonly { agencyId: string }[] }) => e.ranking.map((r) => r.agencyId);

describe('evaluateBids', () => {
  describe('LOWEST_PRICE', () => {
    it('ranks the lowest effective price first and selects the winners', () => {
      const e = evaluateBids(bids(90_000, 70_000, 80_000), { kind: 'LOWEST_PRICE' }, 3, 1);
      expect(order(e)).toEqual(['A2', 'A3', 'A1']);
      expect(e.ranking.map((r) => r.position)).toEqual([1, 2, 3]);
      expect(e.winners).toEqual(['A2']);
      expect(e.tiedGroups).toEqual([]);
      expect(e.failed).toBe(false);
      expect(e.setAside).toEqual([]);
    });

    it('reports a tie at the winning position unresolved and selects nobody for that seat', () => {
      const e = evaluateBids(bids(70_000, 90_000, 70_000), { kind: 'LOWEST_PRICE' }, 3, 1);
      expect(e.ranking.map((r) => r.position)).toEqual([1, 1, 3]);
      expect(e.tiedGroups).toEqual([{ position: 1, agencyIds: ['A1', 'A3'], seatsAtStake: 1 }]);
      expect(e.winners).toEqual([]);
      expect(() => winnersFrom(e.ranking, 1)).toThrow(expect.objectContaining({ code: 'BIDDING.TIE_UNRESOLVED' }));
    });

    it('keeps the decided winners when a tie straddles the cut below them', () => {
      const e = evaluateBids(bids(60_000, 70_000, 70_000, 70_000), { kind: 'LOWEST_PRICE' }, 1, 2);
      expect(e.winners).toEqual(['A1']);
      expect(e.tiedGroups).toEqual([{ position: 2, agencyIds: ['A2', 'A3', 'A4'], seatsAtStake: 1 }]);
    });

    it('lists a tie below the winning position with no seat at stake (it orders the succession)', () => {
      const e = evaluateBids(bids(60_000, 80_000, 80_000), { kind: 'LOWEST_PRICE' }, 1, 1);
      expect(e.winners).toEqual(['A1']);
      expect(e.tiedGroups).toEqual([{ position: 2, agencyIds: ['A2', 'A3'], seatsAtStake: 0 }]);
    });

    it('does not list a tie wholly inside the winners', () => {
      const e = evaluateBids(bids(60_000, 60_000, 80_000), { kind: 'LOWEST_PRICE' }, 1, 2);
      expect(e.tiedGroups).toEqual([]);
      expect([...e.winners].sort()).toEqual(['A1', 'A2']);
    });

    it('does not break a tie by input order (time) or by agency id', () => {
      const forward = evaluateBids(bids(70_000, 70_000), { kind: 'LOWEST_PRICE' }, 1, 1);
      const reversed = evaluateBids([...bids(70_000, 70_000)].reverse(), { kind: 'LOWEST_PRICE' }, 1, 1);
      expect(forward.ranking.every((r) => r.position === 1)).toBe(true);
      expect(reversed.tiedGroups).toEqual(forward.tiedGroups);
      expect(forward.winners).toEqual([]);
    });
  });

  describe('REASONABLE_LOW', () => {
    const rule = { kind: 'REASONABLE_LOW', abnormallyLowFraction: 0.8 } as const;

    it('sets aside a quote below 80 % of the mean as abnormally low, with the reason and the mean used', () => {
      // mean = (100 000 + 100 000 + 100 000 + 60 000) / 4 = 90 000; threshold 72 000
      const e = evaluateBids(bids(100_000, 100_000, 100_000, 60_000), rule, 3, 1);
      expect(e.setAside).toEqual([
        {
          agencyId: 'A4',
          priceFen: 60_000,
          reason: 'ABNORMALLY_LOW',
          mean: { sumFen: 360_000, count: 4, meanFen: 90_000 },
          abnormallyLowFraction: 0.8,
          thresholdFen: 72_000,
        },
      ]);
      expect(order(e)).not.toContain('A4');
      expect(e.validBids).toHaveLength(4);
    });

    it('keeps a quote exactly at fraction × mean (only strictly below is abnormally low)', () => {
      // mean 100 000, threshold 80 000: the 80 000 quote stays in (a deliberate choice: "below" means strictly below)
      const e = evaluateBids(bids(110_000, 110_000, 80_000), rule, 3, 1);
      expect(e.setAside).toEqual([]);
      expect(e.winners).toEqual(['A3']);
      // one fen lower is set aside: mean (300 000 − 1) / 3, threshold 79 999.7 > 79 999
      const below = evaluateBids(bids(110_000, 110_000, 79_999), rule, 2, 1);
      expect(below.setAside.map((b) => b.agencyId)).toEqual(['A3']);
    });

    it('compares exactly where the threshold has no finite decimal form', () => {
      // sum 100 001, n 3, f 0.75: threshold 25 000.25; 25 000 is below it, 25 001 is not
      const e = evaluateBids(bids(50_000, 25_000, 25_001), { kind: 'REASONABLE_LOW', abnormallyLowFraction: 0.75 }, 1, 1);
      expect(e.setAside.map((b) => b.agencyId)).toEqual(['A2']);
      expect(e.winners).toEqual(['A3']);
    });

    it('fails the round when setting aside leaves fewer than the minimum', () => {
      const e = evaluateBids(bids(100_000, 100_000, 100_000, 60_000), rule, 4, 1);
      expect(e.failed).toBe(true);
      expect(e.failure).toEqual({ reason: 'TOO_FEW_VALID_BIDS', required: 4, actual: 3 });
      expect(e.ranking).toEqual([]);
      expect(e.winners).toEqual([]);
    });

    it('refuses a fraction outside 0 < f < 1 or with more than 4 decimals', () => {
      for (const f of [0, 1, 1.2, 0.12345])
        expect(() => evaluateBids(bids(1), { kind: 'REASONABLE_LOW', abnormallyLowFraction: f }, 1, 1)).toThrow(
          expect.objectContaining({ code: 'BIDDING.INVALID_EVALUATION_RULE', field: 'evaluation.abnormallyLowFraction' }),
        );
    });
  });

  describe('CLOSEST_TO_AVERAGE', () => {
    it('ranks by distance to the mean of the valid bids', () => {
      // mean 90 000: distances 10 000, 3 000, 13 000
      const e = evaluateBids(bids(100_000, 93_000, 77_000), { kind: 'CLOSEST_TO_AVERAGE' }, 3, 1);
      expect(order(e)).toEqual(['A2', 'A1', 'A3']);
      expect(e.mean).toEqual({ sumFen: 270_000, count: 3, meanFen: 90_000 });
      expect(e.ranking.map((r) => r.distanceFromMeanFen)).toEqual([3_000, 10_000, 13_000]);
      expect(e.winners).toEqual(['A2']);
    });

    it('treats equal distances above and below the mean as a tie', () => {
      // mean 90 000: 95 000 and 85 000 are both 5 000 away
      const e = evaluateBids(bids(95_000, 85_000, 90_000 * 3 - 95_000 - 85_000), { kind: 'CLOSEST_TO_AVERAGE' }, 3, 1);
      expect(e.winners).toEqual(['A3']);
      expect(e.tiedGroups).toEqual([{ position: 2, agencyIds: ['A1', 'A2'], seatsAtStake: 0 }]);
      const two = evaluateBids(bids(95_000, 85_000), { kind: 'CLOSEST_TO_AVERAGE' }, 2, 1);
      expect(two.tiedGroups).toEqual([{ position: 1, agencyIds: ['A1', 'A2'], seatsAtStake: 1 }]);
    });

    it('compares distances exactly when the mean is fractional', () => {
      // sum 10, n 3, mean 3.333…: 3 is 0.333 away, 4 is 0.667 away
      const e = evaluateBids(bids(3, 4, 3), { kind: 'CLOSEST_TO_AVERAGE' }, 1, 1);
      expect(e.tiedGroups).toEqual([{ position: 1, agencyIds: ['A1', 'A3'], seatsAtStake: 1 }]);
      expect(e.ranking[2]).toMatchObject({ agencyId: 'A2', position: 3 });
    });
  });

  it('fails the round (流标) when valid bids are fewer than the minimum', () => {
    const e = evaluateBids(bids(70_000, 80_000), { kind: 'LOWEST_PRICE' }, 3, 1);
    expect(e).toMatchObject({ failed: true, failure: { reason: 'TOO_FEW_VALID_BIDS', required: 3, actual: 2 }, winners: [] });
    expect(evaluateBids([], { kind: 'CLOSEST_TO_AVERAGE' }, 1, 1)).toMatchObject({ failed: true, mean: null });
  });

  it('does not fail at exactly the minimum', () => {
    expect(evaluateBids(bids(70_000, 80_000, 90_000), { kind: 'LOWEST_PRICE' }, 3, 1).failed).toBe(false);
  });

  it('refuses two bids from one agency and non-integer prices', () => {
    expect(() => evaluateBids([...bids(1), ...bids(2)], { kind: 'LOWEST_PRICE' }, 1, 1)).toThrow(expect.objectContaining({ code: 'BIDDING.DUPLICATE_BID' }));
    expect(() => evaluateBids(bids(1.5), { kind: 'LOWEST_PRICE' }, 1, 1)).toThrow(expect.objectContaining({ code: 'BIDDING.INVALID_PRICE' }));
  });
});

describe('applyTieBreak', () => {
  const tied = evaluateBids(bids(60_000, 80_000, 70_000, 80_000, 80_000), { kind: 'LOWEST_PRICE' }, 1, 2);

  it('inserts the drawn order into the tied position and numbers it consecutively', () => {
    const broken = applyTieBreak(tied.ranking, ['A5', 'A2', 'A4']);
    expect(broken.map((r) => [r.agencyId, r.position])).toEqual([
      ['A1', 1],
      ['A3', 2],
      ['A5', 3],
      ['A2', 4],
      ['A4', 5],
    ]);
  });

  it('lets winnersFrom select once the tie at the cut is broken', () => {
    const e = evaluateBids(bids(70_000, 90_000, 70_000), { kind: 'LOWEST_PRICE' }, 3, 1);
    expect(winnersFrom(applyTieBreak(e.ranking, ['A3', 'A1']), 1)).toEqual(['A3']);
  });

  it.each([[['A2', 'A4']], [['A2', 'A4', 'A1']], [['A2', 'A2', 'A4']], [['A1']], [['A9', 'A2', 'A4']]])('refuses %j, which is not exactly one tied group', (given) => {
    expect(() => applyTieBreak(tied.ranking, given)).toThrow(expect.objectContaining({ code: 'BIDDING.TIE_BREAK_MISMATCH', field: 'tiedAgencyOrder' }));
  });
});
