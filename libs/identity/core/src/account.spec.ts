import { refusalOf } from '@mkt/shared/kernel/testing';
import { Account, type NewAccount } from './account.entity';

const now = new Date('2026-05-01T08:00:00Z');
const agencyUser: NewAccount = { id: 'a-1', username: ' Li.Ming@HZ ', displayName: '李明', role: 'AGENCY', organizationId: 'agency-7', passwordHash: 'h', now };

describe('Account', () => {
  it('signs up an agency or owner user as PENDING, with a normalised username, and says so in its event', () => {
    const { account, event } = Account.signUp(agencyUser);
    expect(account.snapshot).toMatchObject({ username: 'li.ming@hz', status: 'PENDING', organizationId: 'agency-7' });
    expect(event).toEqual({ kind: 'created', accountId: 'a-1', role: 'AGENCY', organizationId: 'agency-7', status: 'PENDING', selfSignUp: true });
    expect(Account.signUp({ ...agencyUser, role: 'OWNER', organizationId: 'owner-hz-transport' }).account.snapshot.status).toBe('PENDING');
  });

  it('refuses self sign-up as ADMIN or SUPERVISOR, naming the role', () => {
    expect(refusalOf(() => Account.signUp({ ...agencyUser, role: 'ADMIN', organizationId: null }))).toBe('IDENTITY.ROLE_NOT_SELF_SERVICE@role');
    expect(refusalOf(() => Account.signUp({ ...agencyUser, role: 'SUPERVISOR', organizationId: null }))).toBe('IDENTITY.ROLE_NOT_SELF_SERVICE@role');
  });

  it('requires an organisation for agency and owner accounts and refuses one for platform roles', () => {
    expect(refusalOf(() => Account.signUp({ ...agencyUser, organizationId: null }))).toBe('IDENTITY.ORGANIZATION_REQUIRED@organizationId');
    expect(refusalOf(() => Account.signUp({ ...agencyUser, organizationId: 'has spaces' }))).toBe('IDENTITY.ORGANIZATION_REQUIRED@organizationId');
    expect(refusalOf(() => Account.createByAdmin({ ...agencyUser, role: 'SUPERVISOR', organizationId: 'x' }))).toBe('IDENTITY.ORGANIZATION_NOT_ALLOWED@organizationId');
    expect(Account.createByAdmin({ ...agencyUser, role: 'SUPERVISOR', organizationId: null }).account.snapshot).toMatchObject({ status: 'ACTIVE', organizationId: null });
  });

  it('refuses a bad username or display name with the field', () => {
    expect(refusalOf(() => Account.signUp({ ...agencyUser, username: 'ab' }))).toBe('IDENTITY.INVALID_USERNAME@username');
    expect(refusalOf(() => Account.signUp({ ...agencyUser, username: 'li ming' }))).toBe('IDENTITY.INVALID_USERNAME@username');
    expect(refusalOf(() => Account.signUp({ ...agencyUser, displayName: '  ' }))).toBe('IDENTITY.INVALID_DISPLAY_NAME@displayName');
  });

  it('is approved once, from PENDING only', () => {
    const { account } = Account.signUp(agencyUser);
    expect(account.approve('admin-1')).toEqual({ kind: 'approved', accountId: 'a-1', role: 'AGENCY', organizationId: 'agency-7', approvedBy: 'admin-1' });
    expect(account.snapshot.status).toBe('ACTIVE');
    expect(refusalOf(() => account.approve('admin-1'))).toBe('IDENTITY.NOT_PENDING@null');
  });

  it('is disabled with a reason, not twice, and never by its own holder', () => {
    const { account } = Account.createByAdmin({ ...agencyUser, id: 'admin-2', role: 'ADMIN', organizationId: null });
    expect(refusalOf(() => account.disable('left', 'admin-2'))).toBe('IDENTITY.CANNOT_DISABLE_SELF@null');
    expect(refusalOf(() => account.disable(' ', 'admin-1'))).toBe('IDENTITY.REASON_REQUIRED@reason');
    expect(account.disable(' left the operator ', 'admin-1')).toEqual({ kind: 'disabled', accountId: 'admin-2', reason: 'left the operator', disabledBy: 'admin-1' });
    expect(refusalOf(() => account.disable('again', 'admin-1'))).toBe('IDENTITY.ALREADY_DISABLED@null');
  });

  it('tells a pending or disabled holder why they cannot sign in, and lets an active one in', () => {
    const { account } = Account.signUp(agencyUser);
    expect(refusalOf(() => account.signInMustBeAllowed())).toBe('IDENTITY.ACCOUNT_PENDING@null');
    account.approve('admin-1');
    expect(refusalOf(() => account.signInMustBeAllowed())).toBeUndefined();
    account.disable('firm blacklisted', 'admin-1');
    expect(refusalOf(() => account.signInMustBeAllowed())).toBe('IDENTITY.ACCOUNT_DISABLED@null');
  });

  it('locks after the fifth wrong password in a row, until the lock runs out; a right one resets the count', () => {
    const { account } = Account.createByAdmin(agencyUser);
    for (let i = 0; i < 4; i++) expect(account.recordFailedLogin(now)).toBe(false);
    account.recordSuccessfulLogin();
    for (let i = 0; i < 4; i++) expect(account.recordFailedLogin(now)).toBe(false);
    expect(account.isLocked(now)).toBe(false);
    expect(account.recordFailedLogin(now)).toBe(true);
    expect(account.isLocked(new Date(now.getTime() + 15 * 60_000 - 1))).toBe(true);
    expect(account.isLocked(new Date(now.getTime() + 15 * 60_000))).toBe(false);
  });
});
