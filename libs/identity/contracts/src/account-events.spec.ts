import { AccountApprovedV1, AccountCreatedV1, AccountDisabledV1 } from './index';

describe('identity account events', () => {
  it('accept an organisation id or null, and refuse an unknown role or a missing field', () => {
    expect(AccountCreatedV1.validate({ accountId: 'a', role: 'AGENCY', organizationId: 'agency-1', status: 'PENDING', selfSignUp: true }).ok).toBe(true);
    expect(AccountCreatedV1.validate({ accountId: 'a', role: 'SUPERVISOR', organizationId: null, status: 'ACTIVE', selfSignUp: false }).ok).toBe(true);
    expect(AccountCreatedV1.validate({ accountId: 'a', role: 'ROOT', organizationId: null, status: 'ACTIVE', selfSignUp: false }).ok).toBe(false);
    expect(AccountApprovedV1.validate({ accountId: 'a', role: 'OWNER', organizationId: 'o', approvedBy: 'admin' }).ok).toBe(true);
    expect(AccountApprovedV1.validate({ accountId: 'a', role: 'OWNER', approvedBy: 'admin' }).ok).toBe(false);
    expect(AccountDisabledV1.validate({ accountId: 'a', reason: '', disabledBy: 'admin' }).ok).toBe(false);
  });

  it('carry no username or personal name', () => {
    expect(AccountCreatedV1.validate({ accountId: 'a', role: 'AGENCY', organizationId: 'x', status: 'PENDING', selfSignUp: true, username: 'liming' }).ok).toBe(false);
  });
});
