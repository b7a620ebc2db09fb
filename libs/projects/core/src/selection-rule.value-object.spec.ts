import { creditRuleOf, entropySourceOf, minimumCandidatesOf, parseSelectionRule, winnersOf } from './selection-rule.value-object';

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

  it.each([-1, 100.5, Number.NaN, null, '60'])('refuses a credit threshold of %p: scores run from 0 to 100', (minimumCreditScore) => {
    expect(() =>
      parseSelectionRule({ method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 0, minimumCandidates: 3, minimumCreditScore: minimumCreditScore as number, weightFunction: 'w' }),
    ).toThrow(expect.objectContaining({ code: 'PROJECTS.INVALID_SELECTION', field: 'selection.minimumCreditScore' }));
  });

  it('takes the bounds themselves as thresholds, and announces the threshold and weight function of a credit-weighted draw only', () => {
    const weighted = { method: 'CREDIT_WEIGHTED_DRAW' as const, winners: 1, alternates: 0, minimumCandidates: 3, weightFunction: 'credit-linear/v1' };
    expect(creditRuleOf(parseSelectionRule({ ...weighted, minimumCreditScore: 0 }))).toEqual({ minimumCreditScore: 0, weightFunction: 'credit-linear/v1' });
    expect(creditRuleOf(parseSelectionRule({ ...weighted, minimumCreditScore: 100 }))).toEqual({ minimumCreditScore: 100, weightFunction: 'credit-linear/v1' });
    expect(creditRuleOf(parseSelectionRule({ method: 'RANDOM_DRAW', winners: 1, alternates: 0, minimumCandidates: 3 }))).toBeNull();
  });

  describe('observers of a draw', () => {
    const draw = { method: 'RANDOM_DRAW' as const, winners: 1, alternates: 1, minimumCandidates: 2 };
    const notary = { userId: '6F1C2A9E-0C1D-4E55-9A43-5B7F0D3C2E10', label: '  公证员 张敏 ' };

    it('keeps the observers the owner names, account ids in lower case and labels trimmed', () => {
      expect(parseSelectionRule({ ...draw, observers: [notary] })).toEqual({
        ...draw,
        observers: [{ userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' }],
      });
      expect(parseSelectionRule({ ...draw, method: 'CREDIT_WEIGHTED_DRAW', minimumCreditScore: 60, weightFunction: 'credit-linear/v1', observers: [notary] })).toMatchObject({
        observers: [{ label: '公证员 张敏' }],
      });
    });

    it('leaves a rule without observers as it was before observers existed', () => {
      expect(parseSelectionRule({ ...draw, observers: [] })).toEqual(draw);
      expect(parseSelectionRule(draw)).not.toHaveProperty('observers');
    });

    const uuid = (i: number) => `00000000-0000-4000-8000-00000000000${i}`;
    it.each<[string, unknown, string]>([
      ['six observers', Array.from({ length: 6 }, (_, i) => ({ userId: uuid(i), label: `Guest ${i}` })), 'selection.observers'],
      ['a list that is not one', { userId: uuid(1), label: 'x' }, 'selection.observers'],
      ['an account id that is not a UUID', [{ userId: 'notary', label: 'Notary' }], 'selection.observers[0].userId'],
      ['the same account twice, in any case', [{ userId: uuid(1), label: 'A' }, { userId: uuid(1).toUpperCase(), label: 'B' }], 'selection.observers[1].userId'],
      ['a blank label', [{ userId: uuid(1), label: '   ' }], 'selection.observers[0].label'],
      ['a label of 61 characters', [{ userId: uuid(1), label: '名'.repeat(61) }], 'selection.observers[0].label'],
      ['a label over two lines', [{ userId: uuid(1), label: 'Notary\nZhang' }], 'selection.observers[0].label'],
    ])('refuses %s, naming the field', (_, observers, field) => {
      expect(() => parseSelectionRule({ ...draw, observers } as never)).toThrow(expect.objectContaining({ code: 'PROJECTS.INVALID_OBSERVERS', field }));
    });
  });

  describe('the entropy source of a draw', () => {
    const draw = { method: 'RANDOM_DRAW' as const, winners: 1, alternates: 1, minimumCandidates: 2 };
    const weighted = { ...draw, method: 'CREDIT_WEIGHTED_DRAW' as const, minimumCreditScore: 60, weightFunction: 'credit-linear/v1' };

    it('keeps drand for either draw method, and announces it', () => {
      const rule = parseSelectionRule({ ...draw, entropySource: 'drand' });
      expect(rule).toEqual({ ...draw, entropySource: 'drand' });
      expect(entropySourceOf(rule)).toBe('drand');
      expect(entropySourceOf(parseSelectionRule({ ...weighted, entropySource: 'drand' }))).toBe('drand');
    });

    it('takes witnesses by default, leaving the rule as it was before the choice existed', () => {
      expect(parseSelectionRule({ ...draw, entropySource: 'witnesses' })).toEqual(draw);
      expect(parseSelectionRule(draw)).not.toHaveProperty('entropySource');
      expect(entropySourceOf(parseSelectionRule(draw))).toBe('witnesses');
    });

    it('announces no entropy source for the methods that draw nothing', () => {
      expect(entropySourceOf(parseSelectionRule({ method: 'DIRECT_SELECTION', justification: '应急抢险' }))).toBeNull();
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['an unknown source', { ...draw, entropySource: 'dice' }, 'PROJECTS.INVALID_SELECTION', 'selection.entropySource'],
      ['a source in another case', { ...draw, entropySource: 'DRAND' }, 'PROJECTS.INVALID_SELECTION', 'selection.entropySource'],
      ['observers on a drand draw', { ...weighted, entropySource: 'drand', observers: [{ userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: 'Notary' }] }, 'PROJECTS.INVALID_OBSERVERS', 'selection.observers'],
      ['a source for bidding', { method: 'BIDDING', minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: '2026-03-08T01:00:00Z', entropySource: 'drand' }, 'PROJECTS.INVALID_SELECTION', 'selection.entropySource'],
      ['a source for direct selection', { method: 'DIRECT_SELECTION', justification: '应急抢险', entropySource: 'witnesses' }, 'PROJECTS.INVALID_SELECTION', 'selection.entropySource'],
    ])('refuses %s, naming the field', (_, input, code, field) => {
      expect(() => parseSelectionRule(input as never)).toThrow(expect.objectContaining({ code, field }));
    });
  });
});
