import { CREDIT_START_SCORE, weighPoolByCredit } from './credit-weights';

describe('weighPoolByCredit', () => {
  const scores = new Map([
    ['agency-a', 95],
    ['agency-b', 59],
    ['agency-c', 60],
  ]);

  it('drops firms below the threshold on the record and weighs the rest by the published function, in pool order', () => {
    expect(weighPoolByCredit(['agency-a', 'agency-b', 'agency-c', 'agency-d'], scores, 60, 'credit-linear/v1')).toEqual({
      pool: ['agency-a', 'agency-c', 'agency-d'],
      weights: [
        { id: 'agency-a', weight: 96 },
        { id: 'agency-c', weight: 61 },
        { id: 'agency-d', weight: 1 + CREDIT_START_SCORE },
      ],
      exclusions: [{ agencyId: 'agency-b', reason: 'CREDIT_BELOW_THRESHOLD' }],
    });
  });

  it('keeps a firm exactly at the threshold, and gives a firm at 0 a positive weight', () => {
    const zero = weighPoolByCredit(['agency-z'], new Map([['agency-z', 0]]), 0, 'credit-linear/v1');
    expect(zero?.weights).toEqual([{ id: 'agency-z', weight: 1 }]);
  });

  it('knows only published functions, not inherited names', () => {
    expect(weighPoolByCredit(['agency-a'], scores, 0, 'credit-square/v9')).toBeNull();
    expect(weighPoolByCredit(['agency-a'], scores, 0, 'toString')).toBeNull();
  });
});
