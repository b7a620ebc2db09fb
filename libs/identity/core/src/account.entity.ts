import { conflict, forbidden, invalid } from '@mkt/shared/kernel';
import { ORGANISATION_ROLES, SELF_SIGN_UP_ROLES, type AccountRole, type AccountStatus } from './account-role';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './rules/login-lockout.rule';
import { Username } from './username.value-object';

export interface AccountState {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRole;
  /** The agency's id for AGENCY, the owner organisation's for OWNER; null for ADMIN and SUPERVISOR. */
  readonly organizationId: string | null;
  readonly status: AccountStatus;
  readonly passwordHash: string;
  readonly failedLogins: number;
  readonly lockedUntil: Date | null;
  readonly createdAt: Date;
}

export type AccountEvent =
  | { readonly kind: 'created'; readonly accountId: string; readonly role: AccountRole; readonly organizationId: string | null; readonly status: AccountStatus; readonly selfSignUp: boolean }
  | { readonly kind: 'approved'; readonly accountId: string; readonly role: AccountRole; readonly organizationId: string | null; readonly approvedBy: string }
  | { readonly kind: 'disabled'; readonly accountId: string; readonly reason: string; readonly disabledBy: string };

export interface NewAccount {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: AccountRole;
  readonly organizationId: string | null;
  readonly passwordHash: string;
  readonly now: Date;
}

const ORGANISATION_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

function organisationMustFitRole(role: AccountRole, organizationId: string | null): string | null {
  if (ORGANISATION_ROLES.includes(role)) {
    if (!organizationId || !ORGANISATION_ID.test(organizationId)) {
      throw invalid('IDENTITY.ORGANIZATION_REQUIRED', `a ${role} account acts for an organisation: give its id (1–100 of A–Z a–z 0–9 . _ : -)`, 'organizationId');
    }
    return organizationId;
  }
  if (organizationId) throw invalid('IDENTITY.ORGANIZATION_NOT_ALLOWED', `a ${role} account acts for the platform, not an organisation`, 'organizationId');
  return null;
}

function displayNameOf(input: string): string {
  const name = String(input ?? '').trim();
  if (!name || [...name].length > 100) throw invalid('IDENTITY.INVALID_DISPLAY_NAME', 'a display name has 1–100 characters', 'displayName');
  return name;
}

/** A person's account: who they are, which role and organisation they act for, and whether they may sign in. */
export class Account {
  private constructor(private state: AccountState) {}

  /**
   * Self-service sign-up by an agency's or project owner's user. It waits for an ADMIN: the organisation it
   * claims gives access to that organisation's private records, so nobody gets it on their own word.
   */
  static signUp(input: NewAccount): { account: Account; event: AccountEvent } {
    if (!SELF_SIGN_UP_ROLES.includes(input.role)) {
      throw invalid('IDENTITY.ROLE_NOT_SELF_SERVICE', `only ${SELF_SIGN_UP_ROLES.join(' and ')} accounts can be signed up for; an ADMIN creates the others`, 'role');
    }
    return Account.create(input, 'PENDING', true);
  }

  /** An account an ADMIN makes directly (any role); it may sign in at once. */
  static createByAdmin(input: NewAccount): { account: Account; event: AccountEvent } {
    return Account.create(input, 'ACTIVE', false);
  }

  private static create(input: NewAccount, status: AccountStatus, selfSignUp: boolean): { account: Account; event: AccountEvent } {
    const account = new Account({
      id: input.id,
      username: Username.parse(input.username).value,
      displayName: displayNameOf(input.displayName),
      role: input.role,
      organizationId: organisationMustFitRole(input.role, input.organizationId),
      status,
      passwordHash: input.passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: input.now,
    });
    const s = account.state;
    return { account, event: { kind: 'created', accountId: s.id, role: s.role, organizationId: s.organizationId, status, selfSignUp } };
  }

  static restore(state: AccountState): Account {
    return new Account(state);
  }

  get snapshot(): AccountState {
    return this.state;
  }

  approve(approvedBy: string): AccountEvent {
    if (this.state.status !== 'PENDING') throw conflict('IDENTITY.NOT_PENDING', `the account is ${this.state.status}, not waiting for approval`);
    this.state = { ...this.state, status: 'ACTIVE' };
    return { kind: 'approved', accountId: this.state.id, role: this.state.role, organizationId: this.state.organizationId, approvedBy };
  }

  disable(reason: string, disabledBy: string): AccountEvent {
    if (disabledBy === this.state.id) throw forbidden('IDENTITY.CANNOT_DISABLE_SELF', 'an administrator cannot disable their own account');
    if (this.state.status === 'DISABLED') throw conflict('IDENTITY.ALREADY_DISABLED', 'the account is already disabled');
    const why = String(reason ?? '').trim();
    if (!why) throw invalid('IDENTITY.REASON_REQUIRED', 'disabling an account needs a reason', 'reason');
    this.state = { ...this.state, status: 'DISABLED' };
    return { kind: 'disabled', accountId: this.state.id, reason: why, disabledBy };
  }

  isLocked(now: Date): boolean {
    return isLocked(this.state, now);
  }

  /** A wrong password; returns whether this one locked the account. */
  recordFailedLogin(now: Date): boolean {
    const next = afterFailedLogin(this.state, now);
    const lockedNow = next.lockedUntil !== null && next.lockedUntil !== this.state.lockedUntil;
    this.state = { ...this.state, ...next };
    return lockedNow;
  }

  /** The right password: the failure count starts again. */
  recordSuccessfulLogin(): void {
    this.state = { ...this.state, ...afterSuccessfulLogin() };
  }

  /** Asked only after the right password, so a pending or disabled account is never revealed to a guesser. */
  signInMustBeAllowed(): void {
    if (this.state.status === 'PENDING') throw forbidden('IDENTITY.ACCOUNT_PENDING', 'the account is waiting for an administrator’s approval');
    if (this.state.status === 'DISABLED') throw forbidden('IDENTITY.ACCOUNT_DISABLED', 'the account is disabled');
  }

  changePassword(passwordHash: string): void {
    this.state = { ...this.state, passwordHash };
  }
}
