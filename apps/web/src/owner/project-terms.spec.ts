import { termsOf, type ProjectForm } from './project-terms';

const form: ProjectForm = {
  title: '城西道路测绘', serviceItemCode: 'SURVEY-MAPPING', description: '1:500', budgetYuan: '80000.5', requiredLevel: '2', region: '330100', servicePeriodDays: '20',
  method: 'RANDOM_DRAW', entropySource: 'witnesses', winners: '1', alternates: '2', minimumCandidates: '3', minimumCreditScore: '60', weightFunction: 'credit-linear/v1', minimumValidBids: '3',
  evaluationRule: 'LOWEST_PRICE', abnormallyLowFraction: '0.8', quoteForm: 'AMOUNT', bidDeadline: '2026-12-01T10:00:00',
  signUpMode: 'ALL_ELIGIBLE', opensAt: '', closesAt: '', justification: '',
};

describe('termsOf (the post-a-project form as the projects API takes it)', () => {
  it('sends a random draw with its own parameters only, and the budget in whole fen', () => {
    const terms = termsOf(form, []);
    expect(terms.budgetCapFen).toBe(8_000_050);
    expect(terms.selection).toEqual({ method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3 });
    expect(terms.signUp).toEqual({ mode: 'ALL_ELIGIBLE' });
  });

  it('sends bidding with its evaluation rule, the abnormally-low fraction only where that rule needs it, and the deadline as an instant', () => {
    const lowest = termsOf({ ...form, method: 'BIDDING' }, []).selection;
    expect(lowest).toEqual({ method: 'BIDDING', winners: 1, minimumValidBids: 3, evaluation: { rule: 'LOWEST_PRICE' }, quoteForm: 'AMOUNT', bidDeadline: new Date('2026-12-01T10:00:00').toISOString() });
    const reasonable = termsOf({ ...form, method: 'BIDDING', evaluationRule: 'REASONABLE_LOW' }, []).selection;
    expect(reasonable).toMatchObject({ evaluation: { rule: 'REASONABLE_LOW', abnormallyLowFraction: 0.8 } });
  });

  it('sends a sign-up window as instants, an unfilled one as empty so the API names the field, and the conflict list as given', () => {
    const windowed = termsOf({ ...form, signUpMode: 'WINDOW', opensAt: '2026-11-01T09:00', closesAt: '' }, [{ agencyId: 'a-1', reason: '关联' }]);
    expect(windowed.signUp).toEqual({ mode: 'WINDOW', opensAt: new Date('2026-11-01T09:00').toISOString(), closesAt: '' });
    expect(windowed.conflicts).toEqual([{ agencyId: 'a-1', reason: '关联' }]);
  });

  it('sends direct selection with its written justification and nothing of the other methods', () => {
    const direct = termsOf({ ...form, method: 'DIRECT_SELECTION', justification: '抢险工程，时限紧迫' }, [], [{ userId: 'u-1', label: '公证员' }]);
    expect(direct.selection).toEqual({ method: 'DIRECT_SELECTION', justification: '抢险工程，时限紧迫' });
  });

  it("names a draw's observers only when the owner lists some, and never for bidding", () => {
    expect(termsOf(form, [], []).selection).not.toHaveProperty('observers');
    const notary = { userId: ' 6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10 ', label: '公证员 张敏' };
    expect(termsOf(form, [], [notary]).selection).toEqual({
      method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, observers: [{ userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' }],
    });
    expect(termsOf({ ...form, method: 'BIDDING' }, [], [notary]).selection).not.toHaveProperty('observers');
  });

  it('sends drand as the entropy source of a draw, without observers, and witnesses as the API default (unsaid)', () => {
    const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
    expect(termsOf({ ...form, entropySource: 'drand' }, [], [notary]).selection).toEqual({ method: 'RANDOM_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, entropySource: 'drand' });
    expect(termsOf(form, []).selection).not.toHaveProperty('entropySource');
    expect(termsOf({ ...form, method: 'BIDDING', entropySource: 'drand' }, []).selection).not.toHaveProperty('entropySource');
  });

  it('sends a credit-weighted draw with its threshold and weight function beside the draw parameters, observers and source as a random draw', () => {
    const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
    const weighted = { ...form, method: 'CREDIT_WEIGHTED_DRAW' as const, minimumCreditScore: ' 70 ' };
    expect(termsOf(weighted, [], [notary]).selection).toEqual({
      method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, minimumCreditScore: 70, weightFunction: 'credit-linear/v1', observers: [notary],
    });
    expect(termsOf({ ...weighted, entropySource: 'drand' }, [], [notary]).selection).toEqual({
      method: 'CREDIT_WEIGHTED_DRAW', winners: 1, alternates: 2, minimumCandidates: 3, minimumCreditScore: 70, weightFunction: 'credit-linear/v1', entropySource: 'drand',
    });
    // Only a credit-weighted draw carries them.
    expect(termsOf(form, []).selection).not.toHaveProperty('minimumCreditScore');
  });

  it('sends an empty threshold as null, so the API names the field, rather than as 0, which would pass for a threshold nobody chose', () => {
    const selection = termsOf({ ...form, method: 'CREDIT_WEIGHTED_DRAW', minimumCreditScore: '  ' }, []).selection;
    expect(selection).toMatchObject({ minimumCreditScore: null });
    expect(JSON.parse(JSON.stringify(termsOf({ ...form, method: 'CREDIT_WEIGHTED_DRAW', minimumCreditScore: 'abc' }, []).selection))).toMatchObject({ minimumCreditScore: null });
  });
});
