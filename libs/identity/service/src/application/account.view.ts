import { ACCOUNT_ROLES, ACCOUNT_STATUSES, type Account } from '@mkt/identity/core';
import { schema } from '@mkt/shared/http';

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

export const ACCOUNT_VIEW = schema.named(
  'AccountView',
  schema.object({
    id: schema.uuid(),
    username: schema.string(),
    displayName: schema.string(),
    role: schema.oneOf(ACCOUNT_ROLES),
    organizationId: schema.nullable(schema.string()),
    status: schema.oneOf(ACCOUNT_STATUSES),
    createdAt: schema.instant(),
  }),
);

/** Sign-up and an ADMIN's new account: the id to follow it by, and whether it still waits for approval. */
export const NEW_ACCOUNT = schema.object({ id: schema.uuid(), status: schema.oneOf(ACCOUNT_STATUSES) });

export function accountView(account: Account): AccountView {
  const s = account.snapshot;
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, organizationId: s.organizationId, status: s.status, createdAt: s.createdAt.toISOString() };
}
