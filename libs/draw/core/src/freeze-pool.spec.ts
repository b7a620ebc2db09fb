import { refusalOf } from '@mkt/shared/kernel/testing';
import { freezePool } from './freeze-pool';
import { witnessMustBeNamedAndEnterOnce } from './witness-entropy.rule';

const requirement = { serviceItemCode: 'EIA', requiredLevel: 2, on: '2026-06-01' };
const agency = (agencyId: string, status = 'ACTIVE') => ({
  agencyId,
  status,
  qualifications: [{ serviceItemCode: 'EIA', level: 2, validFrom: '2026-01-01', validUntil: '2026-12-31' }],
});

describe('freezePool', () => {
  it('takes every eligible agency when no sign-up is required, minus declared conflicts', () => {
    const frozen = freezePool([agency('c'), agency('a'), agency('b'), agency('d', 'SUSPENDED')], requirement, { conflicts: ['b'], signedUp: null });
    expect(frozen.pool).toEqual(['a', 'c']);
    expect(frozen.exclusions).toEqual([
      { agencyId: 'b', reason: 'CONFLICT_DECLARED' },
      { agencyId: 'd', reason: 'NOT_ACTIVE' },
    ]);
  });

  it('keeps only signed-up agencies when sign-up is required, and lists unknown sign-ups as unqualified', () => {
    const frozen = freezePool([agency('a'), agency('b')], requirement, { conflicts: [], signedUp: ['b', 'z'] });
    expect(frozen.pool).toEqual(['b']);
    expect(frozen.exclusions).toEqual([
      { agencyId: 'a', reason: 'NOT_SIGNED_UP' },
      { agencyId: 'z', reason: 'NOT_QUALIFIED_FOR_ITEM' },
    ]);
  });
});

describe('witnessMustBeNamedAndEnterOnce', () => {
  const code = (fn: () => unknown) => refusalOf(fn)?.split('@')[0] ?? null;

  it('collects values in the order entered and completes with the last named witness', () => {
    const first = witnessMustBeNamedAndEnterOnce(['OWNER', 'SUPERVISOR'], [], 'SUPERVISOR', ' 42 ');
    expect(first.complete).toBe(false);
    const second = witnessMustBeNamedAndEnterOnce(['OWNER', 'SUPERVISOR'], first.entropy.values, 'OWNER', 'kite');
    expect(second).toEqual({ entropy: { source: 'witnesses', values: [{ witness: 'SUPERVISOR', value: '42' }, { witness: 'OWNER', value: 'kite' }] }, complete: true });
  });

  it('refuses a stranger, a second value from the same witness, and an empty value', () => {
    expect(code(() => witnessMustBeNamedAndEnterOnce(['OWNER'], [], 'SUPERVISOR', '1'))).toBe('DRAW.NOT_A_WITNESS');
    expect(code(() => witnessMustBeNamedAndEnterOnce(['OWNER', 'SUPERVISOR'], [{ witness: 'OWNER', value: '1' }], 'OWNER', '2'))).toBe('DRAW.WITNESS_ALREADY_ENTERED');
    expect(code(() => witnessMustBeNamedAndEnterOnce(['OWNER'], [], 'OWNER', '   '))).toBe('DRAW.INVALID_WITNESS_VALUE');
  });
});
