import { refusalOf } from '@mkt/shared/kernel/testing';
import { MAX_OBSERVERS, observerSlotOf, planWitnesses, witnessPlanProblem } from './witness-plan';

const notary = { userId: '6f1c2a9e-0c1d-4e55-9a43-5b7f0d3c2e10', label: '公证员 张敏' };
const deputy = { userId: 'b2d4e6f8-1a3c-4e5f-8a7b-9c0d1e2f3a4b', label: 'Deputy director' };

describe('planWitnesses', () => {
  it('names the roles, then one slot per observer in the order they were named, with their labels', () => {
    expect(planWitnesses(['OWNER', 'SUPERVISOR'], [notary, deputy])).toEqual({
      source: 'witnesses',
      witnesses: ['OWNER', 'SUPERVISOR', `OBSERVER:${notary.userId}`, `OBSERVER:${deputy.userId}`],
      observers: [notary, deputy],
    });
  });

  it('keeps the plan of a draw without observers exactly as before observers existed', () => {
    expect(planWitnesses(['OWNER', 'SUPERVISOR'], [])).toEqual({ source: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'] });
    expect(planWitnesses(['OWNER'])).not.toHaveProperty('observers');
  });

  it.each<[string, unknown[], string]>([
    ['more observers than allowed', Array.from({ length: MAX_OBSERVERS + 1 }, (_, i) => ({ userId: `user-${i}`, label: `Guest ${i}` })), 'DRAW.INVALID_OBSERVERS@observers'],
    ['the same person twice', [notary, { ...notary, label: 'again' }], 'DRAW.INVALID_OBSERVERS@observers[1].userId'],
    ['an empty label', [{ ...notary, label: '' }], 'DRAW.INVALID_OBSERVERS@observers[0].label'],
    ['a label with a line break', [{ ...notary, label: 'Notary\nZhang' }], 'DRAW.INVALID_OBSERVERS@observers[0].label'],
    ['a label that is not trimmed', [{ ...notary, label: ' Notary' }], 'DRAW.INVALID_OBSERVERS@observers[0].label'],
    ['a label of 61 characters', [{ ...notary, label: 'x'.repeat(61) }], 'DRAW.INVALID_OBSERVERS@observers[0].label'],
    ['an account id with a space', [{ ...notary, userId: 'a b' }], 'DRAW.INVALID_OBSERVERS@observers[0].userId'],
    ['no account id', [{ label: 'Notary' }], 'DRAW.INVALID_OBSERVERS@observers[0].userId'],
  ])('refuses %s, naming the field', (_, observers, refusal) => {
    expect(refusalOf(() => planWitnesses(['OWNER', 'SUPERVISOR'], observers as never))).toBe(refusal);
  });

  it('accepts a label of exactly 60 characters and the maximum number of observers', () => {
    const many = Array.from({ length: MAX_OBSERVERS }, (_, i) => ({ userId: `user-${i}`, label: 'x'.repeat(60) }));
    expect(planWitnesses(['OWNER'], many).witnesses).toHaveLength(MAX_OBSERVERS + 1);
  });
});

describe('witnessPlanProblem', () => {
  const plan = planWitnesses(['OWNER', 'SUPERVISOR'], [notary]);

  it('accepts a plan built by planWitnesses and a plan from before observers existed', () => {
    expect(witnessPlanProblem(plan)).toBeNull();
    expect(witnessPlanProblem({ source: 'witnesses', witnesses: ['OWNER', 'SUPERVISOR'] })).toBeNull();
  });

  it.each<[string, Parameters<typeof witnessPlanProblem>[0], RegExp]>([
    ['an observer slot nobody is listed for', { ...plan, witnesses: [...plan.witnesses, observerSlotOf('someone-else')] }, /not the observers named/],
    ['a listed observer without a slot', { ...plan, witnesses: ['OWNER', 'SUPERVISOR'] }, /not the observers named/],
    ['an observer slot without any observers list', { source: 'witnesses', witnesses: ['OWNER', observerSlotOf(notary.userId)] }, /not the observers named/],
    ['observer slots out of the listed order', { ...planWitnesses(['OWNER'], [notary, deputy]), observers: [deputy, notary] }, /not the observers named/],
    ['a slot named twice', { source: 'witnesses', witnesses: ['OWNER', 'OWNER'] }, /named twice/],
    ['a label rewritten with a line break', { ...plan, observers: [{ ...notary, label: 'a\nb' }] }, /observers\[0\]\.label/],
  ])('finds %s', (_, bad, message) => {
    expect(witnessPlanProblem(bad)).toMatch(message);
  });
});
