import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@mkt/shared/auth';
import { UnitOfWork } from '@mkt/shared/messaging';
import { AccountRepository } from '../../../infrastructure/account.repository';
import { RefreshTokenRepository } from '../../../infrastructure/refresh-token.repository';
import { publishAccountEvent } from '../../account-events.publisher';
import { accountView, type AccountView } from '../../account.view';

@Injectable()
export class DisableAccountHandler {
  constructor(private readonly unitOfWork: UnitOfWork) {}

  /** Disables the account and ends its sessions; access tokens already out lapse within their 15 minutes. */
  execute(accountId: string, reason: string, admin: AuthenticatedUser): Promise<AccountView> {
    return this.unitOfWork.run(async (tx) => {
      const accounts = new AccountRepository(tx.manager);
      const account = await accounts.getForUpdate(accountId);
      publishAccountEvent(tx, account.disable(reason, admin.userId));
      await accounts.save(account);
      await new RefreshTokenRepository(tx.manager).revokeAllOf(accountId, tx.now);
      return accountView(account);
    });
  }
}
