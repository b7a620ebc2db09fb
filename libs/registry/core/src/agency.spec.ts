import { refusalOf } from '@mkt/shared/kernel/testing';
import { Agency } from './agency.entity';
import { creditCodeCheckCharacter, UnifiedSocialCreditCode } from './unified-social-credit-code.value-object';

const body = '91330100MA2AYE8B0';
const validCode = body + creditCodeCheckCharacter(body);

describe('UnifiedSocialCreditCode', () => {
  it('accepts a code whose check character matches, in any case', () => {
    expect(UnifiedSocialCreditCode.parse(validCode.toLowerCase()).value).toBe(validCode);
  });

  it('computes the GB 32100 check character of a published example', () => {
    // 91350100M000100Y43 is the standard's worked example.
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('refuses a wrong check character, a forbidden letter and a wrong length, naming the field', () => {
    const wrongCheck = body + (validCode[17] === '0' ? '1' : '0');
    expect(refusalOf(() => UnifiedSocialCreditCode.parse(wrongCheck))).toBe('REGISTRY.INVALID_CREDIT_CODE@creditCode');
    expect(refusalOf(() => UnifiedSocialCreditCode.parse('91330100MA2AYE8BO' + '1'))).toBe('REGISTRY.INVALID_CREDIT_CODE@creditCode');
    expect(refusalOf(() => UnifiedSocialCreditCode.parse('123'))).toBe('REGISTRY.INVALID_CREDIT_CODE@creditCode');
  });
});

describe('Agency', () => {
  const register = () => Agency.register({ id: 'a-1', name: ' 浙江测绘院 ', creditCode: validCode, region: '330100' }).agency;

  it('registers as PENDING and says so', () => {
    const { agency, event } = Agency.register({ id: 'a-1', name: '浙江测绘院', creditCode: validCode, region: '330100' });
    expect(agency.snapshot.status).toBe('PENDING');
    expect(event).toEqual({ kind: 'registered', agencyId: 'a-1', name: '浙江测绘院', creditCode: validCode, region: '330100' });
  });

  it('refuses an empty name', () => {
    expect(refusalOf(() => Agency.register({ id: 'a', name: ' ', creditCode: validCode, region: 'x' }))).toBe('REGISTRY.NAME_REQUIRED@name');
  });

  it('approves, suspends and reinstates, numbering each change', () => {
    const agency = register();
    expect(agency.changeStatus('ACTIVE', '')).toMatchObject({ from: 'PENDING', to: 'ACTIVE', sequence: 1 });
    expect(agency.changeStatus('SUSPENDED', 'late delivery')).toMatchObject({ from: 'ACTIVE', to: 'SUSPENDED', sequence: 2 });
    expect(agency.changeStatus('ACTIVE', 'period ended')).toMatchObject({ to: 'ACTIVE', sequence: 3 });
  });

  it('refuses a transition the rules do not allow', () => {
    const agency = register();
    expect(refusalOf(() => agency.changeStatus('SUSPENDED', 'x'))).toBe('REGISTRY.STATUS_TRANSITION_NOT_ALLOWED@status');
    agency.changeStatus('WITHDRAWN', 'firm closed');
    expect(refusalOf(() => agency.changeStatus('ACTIVE', ''))).toBe('REGISTRY.STATUS_TRANSITION_NOT_ALLOWED@status');
  });

  it('needs a reason to suspend or blacklist', () => {
    const agency = register();
    agency.changeStatus('ACTIVE', '');
    expect(refusalOf(() => agency.changeStatus('BLACKLISTED', '  '))).toBe('REGISTRY.REASON_REQUIRED@reason');
  });

  it('grants a qualification and refuses an impossible one', () => {
    const agency = register();
    const q = { id: 'q-1', serviceItemCode: 'EIA-REPORT', level: 2, validFrom: '2026-01-01', validUntil: '2028-12-31' };
    expect(agency.grantQualification(q)).toEqual({ kind: 'qualification-granted', agencyId: 'a-1', ...q });
    expect(refusalOf(() => agency.grantQualification(q))).toBe('REGISTRY.DUPLICATE_QUALIFICATION@id');
    expect(refusalOf(() => agency.grantQualification({ ...q, id: 'q-2', level: 0 }))).toBe('REGISTRY.INVALID_LEVEL@level');
    expect(refusalOf(() => agency.grantQualification({ ...q, id: 'q-3', validUntil: '2025-01-01' }))).toBe('REGISTRY.INVALID_VALIDITY@validUntil');
  });
});
