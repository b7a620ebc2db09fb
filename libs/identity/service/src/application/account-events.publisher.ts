import type { AccountEvent } from '@mkt/identity/core';
import { AccountApprovedV1, AccountCreatedV1, AccountDisabledV1 } from '@mkt/identity/contracts';
import type { TransactionContext } from '@mkt/shared/messaging';

/** Maps the account's domain events onto the published integration contracts. */
export function publishAccountEvent(tx: TransactionContext, event: AccountEvent): void {
  switch (event.kind) {
    case 'created':
      tx.publish(AccountCreatedV1, event.accountId, {
        accountId: event.accountId,
        role: event.role,
        organizationId: event.organizationId,
        status: event.status === 'DISABLED' ? 'PENDING' : event.status,
        selfSignUp: event.selfSignUp,
      });
      return;
    case 'approved':
      tx.publish(AccountApprovedV1, event.accountId, { accountId: event.accountId, role: event.role, organizationId: event.organizationId, approvedBy: event.approvedBy });
      return;
    case 'disabled':
      tx.publish(AccountDisabledV1, event.accountId, { accountId: event.accountId, reason: event.reason, disabledBy: event.disabledBy });
      return;
  }
}
