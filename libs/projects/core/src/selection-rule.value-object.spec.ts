import { minimumCandidatesOf, parseSelectionRule, winnersOf } from './selection-rule.value-object';

describe('parseSelectionRule', () => {
  it('keeps exactly the announced parameters of each method', () => {
    expect(parseSelectionRule({ method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, extra: 'x' } as never)).toEqual({
      method: 'RANDOM_DRAW',
      winners: 1,
      alternates: 2,
      minimumCandidates: 3,
    });
    expect(
      parseSelectionRule({ method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 0, minimumCandidates: 5, minimumCreditScore: 60, weightFunction: ' credit-linear/v1 ' }),
    ).toEqual({ method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 0, minimumCandidates: 5, minimumCreditScore: 60, weightFunction: 'credit-linear/v1' });
  });

  it('defaults bidding to one winner and normalises its deadline', () => {
    const rule = parseSelectionRule({
      method: 'BIDDING',
      minimumValidBids: 3,
      evaluation: { rule: 'CLOSEST_TO_AVERAGE' },
      quoteForm: 'DISCOUNT_RATE',
      bidDeadline: '2024-03-08T09:00:00+08:00',
    });
    expect(rule).toEqual({
      method: 'BIDDING',
      winners: 1,
      minimumValidBids: 3,
      evaluation: { rule: 'CLOSEST_TO_AVERAGE' },
      quoteForm: 'DISCOUNT_RATE',
      bidDeadline: '2024-03-08T01:00:00.000Z',
    });
    expect([minimumCandidatesOf(rule), winnersOf(rule)]).toEqual([3, 1]);
  });

  it('gives direct selection one winner and a minimum of one candidate', () => {
    const rule = parseSelectionRule({ method: 'DIRECT_SELECTION', justification: '应急抢险' });
    expect([minimumCandidatesOf(rule), winnersOf(rule)]).toEqual([1, 1]);
  });

  it('refuses a credit threshold below zero', () => {
    expect(() =>
      parseSelectionRule({ method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 0, minimumCandidates: 3, minimumCreditScore: -1, weightFunction: 'w' }),
    ).toThrow(expect.objectContaining({ code: 'PROJECTS.INVALID_SELECTION', field: 'selection.minimumCreditScore' }));
  });
});
