import type { Account } from '@mkt/identity/core';

/** What the API shows of an account: never the password hash or the lockout counters. */
export interface AccountView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  readonly organizationId: string | null;
  readonly status: string;
  readonly createdAt: string;
}

export function accountView(account: Account): AccountView {
  const s = account.snapshot;
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, organizationId: s.organizationId, status: s.status, createdAt: s.createdAt.toISOString() };
}
