import { refusalOf } from '@mkt/shared/kernel/testing';
import { CREDIT_FORMULA, pointsForDeclinedAward, pointsForEvaluation, pointsForMisconduct, type CreditPoints } from './credit-formula';
import { CreditRecord, firstInconsistentEntry, replayCreditScore } from './credit-record.entity';

const NOW = new Date('2026-03-02T08:00:00.000Z');
const onTime = { quality: 3, onTime: true, daysLate: 0, feeCompliant: true };
const causes = (items: CreditPoints[]) => items.map((i) => [i.cause, i.points]);

describe('credit formula: points per evaluation', () => {
  it.each([
    [1, -6],
    [2, -3],
    [4, 2],
    [5, 4],
  ])('gives quality %i/5 %i points', (quality, points) => {
    expect(pointsForEvaluation({ ...onTime, quality })[0]).toEqual({ cause: 'QUALITY_EVALUATION', points, detail: `quality ${quality}/5` });
  });

  it('gives an average quality (3/5) no quality entry, and an on-time delivery one point', () => {
    expect(causes(pointsForEvaluation(onTime))).toEqual([['ON_TIME_DELIVERY', 1]]);
  });

  it('charges late delivery 2 points plus 1 per day late, the days capped at 10', () => {
    expect(causes(pointsForEvaluation({ ...onTime, onTime: false, daysLate: 1 }))).toEqual([['LATE_DELIVERY', -3]]);
    expect(causes(pointsForEvaluation({ ...onTime, onTime: false, daysLate: 4 }))).toEqual([['LATE_DELIVERY', -6]]);
    expect(causes(pointsForEvaluation({ ...onTime, onTime: false, daysLate: 10 }))).toEqual([['LATE_DELIVERY', -12]]);
    expect(causes(pointsForEvaluation({ ...onTime, onTime: false, daysLate: 45 }))).toEqual([['LATE_DELIVERY', -12]]);
  });

  it('counts a late flag with 0 whole days late, and days late despite an on-time flag, as late', () => {
    expect(causes(pointsForEvaluation({ ...onTime, onTime: false, daysLate: 0 }))).toEqual([['LATE_DELIVERY', -2]]);
    expect(causes(pointsForEvaluation({ ...onTime, onTime: true, daysLate: 2 }))).toEqual([['LATE_DELIVERY', -4]]);
  });

  it('charges over-charging (fee non-compliance) 8 points, beside the other rules', () => {
    expect(causes(pointsForEvaluation({ quality: 4, onTime: false, daysLate: 3, feeCompliant: false }))).toEqual([
      ['QUALITY_EVALUATION', 2],
      ['LATE_DELIVERY', -5],
      ['FEE_NON_COMPLIANCE', -8],
    ]);
  });

  it('refuses a quality outside 1–5 and negative days late, naming the field', () => {
    expect(refusalOf(() => pointsForEvaluation({ ...onTime, quality: 0 }))).toBe('REGISTRY.INVALID_QUALITY@quality');
    expect(refusalOf(() => pointsForEvaluation({ ...onTime, quality: 4.5 }))).toBe('REGISTRY.INVALID_QUALITY@quality');
    expect(refusalOf(() => pointsForEvaluation({ ...onTime, daysLate: -1 }))).toBe('REGISTRY.INVALID_DAYS_LATE@daysLate');
  });
});

describe('credit formula: declined wins and misconduct', () => {
  it('charges a declined win 5 points and a silent one 8', () => {
    expect(pointsForDeclinedAward('DECLINED')).toMatchObject({ cause: 'AWARD_DECLINED', points: -5 });
    expect(pointsForDeclinedAward('NO_RESPONSE')).toMatchObject({ cause: 'AWARD_NOT_ANSWERED', points: -8 });
  });

  it.each([
    ['OVERCHARGING', -10],
    ['UNJUSTIFIED_DELAY', -5],
    ['BREACH_OF_CONTRACT', -10],
    ['FALSE_MATERIALS', -20],
    ['COLLUSION_OR_BRIBERY', -30],
    ['OTHER', -5],
  ] as const)('charges recorded misconduct %s %i points, with the reason as its detail', (kind, points) => {
    expect(pointsForMisconduct(kind, ' 收费超过合同约定 ')).toEqual({ cause: `MISCONDUCT_${kind}`, points, detail: '收费超过合同约定' });
  });

  it('refuses misconduct without a reason or of an unknown kind', () => {
    expect(refusalOf(() => pointsForMisconduct('OVERCHARGING', '  '))).toBe('REGISTRY.REASON_REQUIRED@reason');
    expect(refusalOf(() => pointsForMisconduct('SPEEDING' as never, 'x'))).toBe('REGISTRY.UNKNOWN_MISCONDUCT@kind');
  });
});

describe('CreditRecord', () => {
  const source = { projectId: 'p-1', sourceId: 'e-1' };

  it('starts at 80 and numbers each change with its cause, source, delta and resulting score', () => {
    const record = CreditRecord.open('a-1');
    expect(record.snapshot).toEqual({ agencyId: 'a-1', score: 80, sequence: 0 });
    const entries = record.apply(pointsForEvaluation({ quality: 5, onTime: true, daysLate: 0, feeCompliant: false }), source, NOW);
    expect(entries).toEqual([
      { agencyId: 'a-1', sequence: 1, cause: 'QUALITY_EVALUATION', points: 4, delta: 4, scoreAfter: 84, detail: 'quality 5/5', projectId: 'p-1', sourceId: 'e-1', formulaVersion: 'credit/v1', recordedAt: NOW.toISOString() },
      expect.objectContaining({ sequence: 2, cause: 'ON_TIME_DELIVERY', delta: 1, scoreAfter: 85 }),
      expect.objectContaining({ sequence: 3, cause: 'FEE_NON_COMPLIANCE', delta: -8, scoreAfter: 77 }),
    ]);
    expect(record.snapshot).toEqual({ agencyId: 'a-1', score: 77, sequence: 3 });
  });

  it('holds the score within 0–100: the entry keeps the rule’s points and records the smaller delta', () => {
    const top = CreditRecord.restore({ agencyId: 'a-1', score: 98, sequence: 7 });
    expect(top.apply(pointsForEvaluation({ ...onTime, quality: 5 }), source, NOW).map((e) => [e.sequence, e.points, e.delta, e.scoreAfter])).toEqual([
      [8, 4, 2, 100],
      [9, 1, 0, 100],
    ]);
    const bottom = CreditRecord.restore({ agencyId: 'a-1', score: 12, sequence: 2 });
    expect(bottom.apply([pointsForMisconduct('COLLUSION_OR_BRIBERY', '串通投标')], { projectId: null, sourceId: 'm-1' }, NOW)).toEqual([
      expect.objectContaining({ points: -30, delta: -12, scoreAfter: CREDIT_FORMULA.min, projectId: null }),
    ]);
  });

  it('is recomputable: replaying the entries’ points reproduces every delta and the score, bounds included', () => {
    const record = CreditRecord.open('a-1');
    const entries = [
      ...record.apply([pointsForMisconduct('COLLUSION_OR_BRIBERY', 'x'), pointsForMisconduct('COLLUSION_OR_BRIBERY', 'y'), pointsForMisconduct('COLLUSION_OR_BRIBERY', 'z')], source, NOW),
      ...record.apply(pointsForEvaluation({ ...onTime, quality: 5 }), source, NOW),
      ...record.apply([pointsForDeclinedAward('NO_RESPONSE')], source, NOW),
    ];
    expect(entries.map((e) => e.scoreAfter)).toEqual([50, 20, 0, 4, 5, 0]);
    expect(replayCreditScore([...entries].reverse())).toBe(record.snapshot.score);
    expect(firstInconsistentEntry(entries)).toBeNull();
  });

  it('names the first entry whose recorded score the formula does not reproduce', () => {
    const record = CreditRecord.open('a-1');
    const entries = record.apply([...pointsForEvaluation({ ...onTime, quality: 4 }), pointsForDeclinedAward('DECLINED')], source, NOW);
    const tampered = entries.map((e) => (e.sequence === 2 ? { ...e, scoreAfter: e.scoreAfter + 5 } : e));
    expect(firstInconsistentEntry(tampered)?.sequence).toBe(2);
    expect(firstInconsistentEntry(entries.slice(1))?.sequence).toBe(2);
  });
});
